import assert from 'node:assert/strict';
import fc from 'fast-check';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ContractModel } from '../../server/src/model';
import { missingReferences, numberIndex, numberingLost, referenceStats, renumberedSections, resolvedReferences } from '../../server/src/drafting/xrefs';
import { propertyRuns, propertySeed } from '../support/property-runs';

// Issue 13 (xrefs): an edit in a section's number (a heading "## 12." or a clause "12.1") changes
// only that section's number (and, when the number stops reading as one, its title). The number
// index and the cross-reference table are then patched for the changed numbers instead of built
// again over the whole document; every answer must equal a fresh review's.

const CLAUSES = 40;
const clause = (i: number): string =>
  `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall comply with clause ${(i % CLAUSES) + 1}.1 and clause ${((i + 7) % CLAUSES) + 1}.2.\n\n` +
  `${i}.2 The Customer may rely on clause ${((i + 3) % CLAUSES) + 1}.2(b), clause ${((i + 5) % CLAUSES) + 1}, clause ${i + 200} and paragraph ${i}.9 and Schedule 2.\n\n(a) first item;\n(b) second item.\n\n` +
  `${i}.2.1 Subject to clause ${((i + 11) % CLAUSES) + 1}.2.1 (Clause ${((i + 11) % CLAUSES) + 1}) and clause ${((i + 2) % CLAUSES) + 1}.3.1.\n`;
const text = `# Agreement\n\nNotes for the reader.\n\n${Array.from({ length: CLAUSES }, (_, i) => clause(i + 1)).join('\n')}\n## Schedule 2\n\n1. Service levels.\n\n2. Service credits under paragraph 1.\n`;

function assertSame(got: ContractModel, t: string, step: string): void {
  const fresh = review({ text: t, force: true }).model;
  assert.deepEqual(numberIndex(got), numberIndex(fresh), step);
  assert.deepEqual(resolvedReferences(got), resolvedReferences(fresh), step);
  assert.deepEqual(missingReferences(got), missingReferences(fresh), step);
  assert.equal(numberingLost(got), numberingLost(fresh), step);
}

describe('cross-references patched for an edit of section numbers (issue 13, xrefs)', () => {
  it('resolves again only the references naming a changed number, and equals a fresh review', () => {
    const inc = new IncrementalReview();
    let t = text;
    const first = inc.review({ text: t, version: 1, force: true }).model;
    const all = resolvedReferences(first).length;
    assert.ok(all >= 6 * CLAUSES, `${all} references`);
    const edits: Array<[string, string, string]> = [
      ['a number typed into a heading', '## 12. Clause 12', '## 192. Clause 12'],
      ['a number deleted from a heading (now the same as another)', '## 34. Clause 34', '## 3. Clause 34'],
      ['a heading number changed', '## 25. Clause 25', '## 26. Clause 25'],
      ['a letter typed into a heading number (no longer a number, its title changes)', '## 20. Clause 20', '## 20x. Clause 20'],
      ['the letter deleted again', '## 20x. Clause 20', '## 20. Clause 20'],
      ['a number typed into a numbered clause', '17.2 The Customer', '17.25 The Customer'],
      ['a number deleted from a numbered clause', '18.2.1 Subject', '18.2. Subject'],
      ['a numbered clause number changed', '9.1 The Supplier', '9.3 The Supplier'],
      ['a number typed into a schedule paragraph', '2. Service credits', '23. Service credits'],
    ];
    let version = 2;
    let patched = 0;
    for (const [what, from, to] of edits) {
      assert.ok(t.includes(from), from);
      t = t.replace(from, to);
      const got = inc.review({ text: t, version: version++, force: true }).model;
      assert.equal(inc.fullParseReason, null, what);
      const stats = referenceStats(got)!;
      if (renumberedSections(got)) {
        patched++;
        // The references naming the changed numbers (and the few whose reading follows from them), not all.
        assert.ok(stats.renumbered > 0 && stats.resolved <= 70, `${stats.resolved} of ${all} resolved (${what})`);
        assert.ok(stats.taken >= all - 70, `${stats.taken} of ${all} taken over (${what})`);
        // Found by the first part of their number: only the references sharing it with a changed
        // number (or its parent) have their number read, not every reference.
        assert.ok(stats.numbersRead <= 40, `${stats.numbersRead} of ${all} numbers read (${what})`);
      }
      assertSame(got, t, what);
    }
    // The heading edits and most clause edits leave the tree's shape alone.
    assert.ok(patched >= 7, `${patched} of ${edits.length} edits patched`);
  });

  it('builds the previous model\'s index again when asked for, after a later one took its maps over', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true }).model;
    const was = numberIndex(first);
    const t = text.replace('## 12. Clause 12', '## 192. Clause 12');
    const got = inc.review({ text: t, version: 2, force: true }).model;
    assert.equal(numberIndex(got).body, was.body, 'the maps are patched in place');
    assert.deepEqual(numberIndex(first), numberIndex(review({ text, force: true }).model));
    assert.notEqual(numberIndex(first), was);
    assertSame(got, t, 'after');
  });

  it('a tree rebuilt with other numbers reads as renumbered; other shapes do not', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const t = text.replace('## 12. Clause 12', '## 192. Clause 12');
    const got = inc.review({ text: t, version: 2, force: true }).model;
    const changed = renumberedSections(got);
    assert.ok(changed && changed.length === 1 && got.sections[changed[0]].number === '192', JSON.stringify(changed));
    // A heading made a level deeper: the shape changes, nothing is patched.
    const deeper = inc.review({ text: t.replace('## 192. Clause 12', '### 192. Clause 12'), version: 3, force: true }).model;
    assert.equal(renumberedSections(deeper), null);
    assert.equal(referenceStats(deeper)!.taken, 0);
  });

  // Random edits in section numbers, each checked against a fresh review.
  const where = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
  type NumberEdit = { at: number; kind: 'type' | 'delete' | 'change'; what: string };
  const numberEdit: fc.Arbitrary<NumberEdit> = fc.record({
    at: where,
    kind: fc.constantFrom('type' as const, 'delete' as const, 'change' as const),
    what: fc.constantFrom('0', '1', '2', '3', '5', '9', 'x', '.'),
  });
  /** The edit applied at a digit of a section number (a heading's or a clause's at the start of a line). */
  function apply(t: string, e: NumberEdit): string {
    const spots = [...t.matchAll(/^(?:#{1,6} )?(\d+(?:\.\d+)*)/gm)];
    const m = spots[Math.floor(e.at * spots.length)];
    const start = m.index! + m[0].length - m[1].length;
    const at = start + Math.floor(((e.at * spots.length) % 1) * m[1].length);
    if (e.kind === 'type') return t.slice(0, at) + e.what + t.slice(at);
    if (e.kind === 'delete') return t.slice(0, at) + t.slice(at + 1);
    return t.slice(0, at) + e.what + t.slice(at + 1);
  }
  const small = (n: number): string => `# Agreement\n\n${Array.from({ length: n }, (_, i) => clause(i + 1).replace(/clause (\d+)/g, (_, d) => `clause ${(Number(d) % n) + 1}`)).join('\n')}\n## Schedule 2\n\n1. Service levels.\n\n2. Service credits under paragraph 1.\n`;

  it('equals a fresh review after every step of random edits in section numbers', function () {
    this.timeout(120000);
    let patched = 0;
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 14 }), fc.array(numberEdit, { minLength: 1, maxLength: 6 }), (n, edits) => {
        const inc = new IncrementalReview();
        let t = small(n);
        inc.review({ text: t, version: 0, force: true });
        edits.forEach((e, i) => {
          t = apply(t, e);
          const got = inc.review({ text: t, version: i + 1, force: true }).model;
          // Patched: the table took the previous resolutions over (a full rebuild takes none).
          if (renumberedSections(got) && referenceStats(got)!.taken > 0) patched++;
          assertSame(got, t, `edit ${i + 1} (${JSON.stringify(e)})`);
        });
      }),
      { numRuns: propertyRuns(25), seed: propertySeed(20261206), endOnFailure: true },
    );
    // Most number edits must be patched, or the property checks nothing new.
    assert.ok(patched >= 10, `only ${patched} steps patched`);
  });
});
