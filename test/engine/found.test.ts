import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FoundFindings, orderStats } from '../../server/src/engine/found';
import type { ReviewDiagnostic } from '../../server/src/engine/types';

// Issue 13 (engine): a review's findings are merged from the rules' runs instead of sorted as one
// list. The order must be the one the engine's stable sort of every finding gave: by start, end
// line, rule id, message, and equal findings in the rules' order.

interface Entry { start: number; endLine: number; message: string; tag: number }

const diagnostic = (ruleId: string, e: Entry): ReviewDiagnostic => ({
  ruleId, category: 'drafting', severity: 'warning', message: e.message,
  range: { start: { line: 0, character: e.start }, end: { line: e.endLine, character: 0 } }, fixes: [],
});

/** The engine's order before: every finding in one list, sorted (Array.prototype.sort is stable). */
function sortedOrder(runs: Array<{ ruleId: string; entries: Entry[] }>): number[] {
  const all = runs.flatMap((r) => r.entries.map((e) => ({ ...e, ruleId: r.ruleId })));
  return all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.endLine - b.e.endLine || (a.e.ruleId === b.e.ruleId ? 0 : a.e.ruleId < b.e.ruleId ? -1 : 1) || a.e.message.localeCompare(b.e.message))
    .map((x) => x.i);
}

const ENTRY = fc.record({ start: fc.nat(40), endLine: fc.nat(3), message: fc.constantFrom('a', 'b', 'B', 'c'), tag: fc.nat() });
/** Runs mostly in order (as rules give them), sometimes not; rule ids repeat (an internal error's run, say). */
const RUNS = fc.array(fc.record({
  ruleId: fc.constantFrom('vague-wording', 'placeholder', 'numbering', 'sla-metrics'),
  entries: fc.array(ENTRY, { maxLength: 12 }),
  inOrder: fc.boolean(),
}), { maxLength: 8 }).map((runs) => runs.map((r) => ({ ruleId: r.ruleId, entries: r.inOrder ? [...r.entries].sort((a, b) => a.start - b.start) : r.entries })));

function foundOf(runs: Array<{ ruleId: string; entries: Entry[] }>): FoundFindings {
  const found = new FoundFindings();
  for (const r of runs) {
    for (const e of r.entries) found.add(e.start, e.start + 1, diagnostic(r.ruleId, e), [], 0, undefined);
    found.endRun();
  }
  return found;
}

describe('a review\'s findings merged from the rules\' runs (engine/found.ts)', () => {
  it('orders them as a stable sort of every finding did', () => {
    fc.assert(fc.property(RUNS, (runs) => {
      assert.deepEqual(Array.from(foundOf(runs).ordered()), sortedOrder(runs));
    }), { numRuns: 500 });
  });

  it('leaves out the findings it is told to drop, keeping the order of the rest', () => {
    fc.assert(fc.property(RUNS, fc.array(fc.nat(60)), (runs, drop) => {
      const dropped = new Set(drop);
      assert.deepEqual(Array.from(foundOf(runs).ordered(dropped)), sortedOrder(runs).filter((i) => !dropped.has(i)));
    }), { numRuns: 200 });
  });

  it('puts an equal finding of an earlier rule first', () => {
    const same: Entry = { start: 5, endLine: 0, message: 'same', tag: 0 };
    const found = new FoundFindings();
    found.add(5, 6, diagnostic('x-rule', same), [], 0, undefined);
    found.endRun();
    found.add(5, 6, diagnostic('x-rule', same), [], 0, undefined);
    found.add(9, 10, diagnostic('x-rule', same), [], 0, undefined);
    found.endRun();
    assert.deepEqual(Array.from(found.ordered()), [0, 1, 2]);
  });

  // Issue 13 (findings): after an edit most entries are copied from the previous review's findings
  // (engine/kept-runs.ts); their order is taken over and only the others are placed in it.
  describe('after an edit, with entries copied from the previous review', () => {
    /** Per run of the previous review: how many entries to copy before and after the new ones, the new ones, the offsets' move after. */
    const EDIT = fc.array(fc.record({ head: fc.nat(12), tail: fc.nat(12), added: fc.array(ENTRY, { maxLength: 3 }), shift: fc.integer({ min: -6, max: 6 }) }), { maxLength: 8 });

    /** The next review's findings made as the engine makes them, and the same entries added one by one (no order to take over). */
    function edited(runs: Array<{ ruleId: string; entries: Entry[] }>, edits: Array<{ head: number; tail: number; added: Entry[]; shift: number }>): { next: FoundFindings; plain: FoundFindings } {
      const previous = foundOf(runs);
      previous.ordered();
      const next = new FoundFindings();
      const plain = new FoundFindings();
      const copy = (from: number, to: number, shift: number): void => {
        next.copy(previous, from, to, shift);
        for (let i = from; i < to; i++) plain.add(previous.start[i] + shift, previous.end[i] + shift, previous.diag[i], [], 0, undefined);
      };
      let at = 0;
      runs.forEach((r, k) => {
        const e = edits[k % Math.max(1, edits.length)] ?? { head: 0, tail: 0, added: [], shift: 0 };
        const n = r.entries.length;
        const head = Math.min(n, e.head);
        const tail = Math.min(n - head, e.tail);
        copy(at, at + head, 0);
        for (const x of e.added) {
          next.add(x.start, x.start + 1, diagnostic(r.ruleId, x), [], 0, undefined);
          plain.add(x.start, x.start + 1, diagnostic(r.ruleId, x), [], 0, undefined);
        }
        copy(at + n - tail, at + n, e.shift);
        next.endRun();
        plain.endRun();
        at += n;
      });
      return { next, plain };
    }

    it('orders them as the runs merged do', () => {
      fc.assert(fc.property(RUNS, EDIT, fc.array(fc.nat(60), { maxLength: 4 }), (runs, edits, drop) => {
        const dropped = new Set(drop);
        const { next, plain } = edited(runs, edits);
        assert.deepEqual(next.ordered(dropped), plain.ordered(dropped));
      }), { numRuns: 1000 });
    });

    it('takes the previous order over rather than merging the runs again', () => {
      const e = (start: number, message = 'm'): Entry => ({ start, endLine: 0, message, tag: 0 });
      const runs = [{ ruleId: 'placeholder', entries: [e(1), e(5), e(9)] }, { ruleId: 'vague-wording', entries: [e(2), e(7), e(20)] }];
      const { next, plain } = edited(runs, [{ head: 1, tail: 2, added: [e(4, 'new')], shift: 1 }, { head: 3, tail: 0, added: [], shift: 0 }]);
      const before = { ...orderStats };
      const order = next.ordered();
      assert.equal(orderStats.taken, before.taken + 1);
      assert.equal(orderStats.merged, before.merged);
      assert.deepEqual(order, plain.ordered());
    });
  });
});
