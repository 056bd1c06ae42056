import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { slaVagueFindingStats } from '../../server/src/rules/sla-vague-target';
import { editedReview, tenClauses } from '../support/clause-edit';

// Issue 13: while editing, sla-vague-target keeps each block's findings (rules/block-findings.ts) and
// takes them over for the blocks an edit kept or moved, unless the parties' names, which decide whose
// duty a sentence states, changed. The findings must equal a fresh review's.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall provide a fast response to every incident.\n\n${i}.2 Acme will respond promptly to complaints.\n`;
const text = tenClauses(clause);
const sla = (r: ReturnType<typeof review>) => r.diagnostics.filter((d) => d.ruleId === 'sla-vague-target');

const edited = (from: string, to: string, release = false) => editedReview(text, from, to, release);

describe('sla-vague-target while editing', () => {
  it('keeps the findings of blocks before the edit as the same objects and reads only re-parsed blocks', () => {
    const { first, got, fresh } = edited('7.1 The Supplier shall provide', '7.1 The Supplier shall always provide');
    assert.deepEqual(sla(got), sla(fresh));
    assert.equal(sla(fresh).length, 20);
    const stats = slaVagueFindingStats(got.model)!;
    assert.ok(stats.read >= 1 && stats.read <= 8 && got.model.blocks.length > 30, `read ${stats.read} of ${got.model.blocks.length} blocks`);
    const b = got.model.blocks.findIndex((x) => x.text.startsWith('2.1 '));
    assert.equal(stats.perBlock[b]!.findings[0], slaVagueFindingStats(first.model)!.perBlock[b]!.findings[0]);
  });

  it('reads every block again when the parties are named otherwise', () => {
    // "Acme will respond promptly" becomes the customer's own duty once the customer is called Acme.
    const { got, fresh } = edited('(the "Customer")', '(the "Acme")');
    assert.deepEqual(sla(got), sla(fresh));
    assert.equal(sla(fresh).length, 10);
  });

  it('after releaseModelCaches (the review worker)', () => {
    const { got, fresh } = edited('9.1 The Supplier shall provide', '9.1 The Supplier shall quickly provide', true);
    assert.deepEqual(sla(got), sla(fresh));
    assert.ok(slaVagueFindingStats(got.model)!.read <= 8);
  });
});
