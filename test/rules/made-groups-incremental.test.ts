import assert from 'node:assert/strict';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { review } from '../../server/src/engine';
import type { ReviewResult } from '../../server/src/engine/types';
import { duplicateTitleGroups } from '../../server/src/rules/duplicate-clause-title';
import { inconsistentFigureGroups } from '../../server/src/rules/inconsistent-figure';

// Issue 13 (positions): duplicate-clause-title and inconsistent-figure make their findings from
// document-level facts on every review, but keep them per block with block-relative spans
// (rules/block-findings.ts MadeGroups): a block whose findings are made from the same inputs keeps
// the previous array of the previous objects, wherever the edit moved it, and the engine then keeps
// their diagnostics. The results must equal a fresh full review's.

const clause = (i: number) => `## ${i}. ${i % 2 ? 'Payment' : 'Termination'}\n\n${i}.1 The Customer shall pay an annual fee of GBP ${i === 1 || i === 9 ? 125 : 120},000 for the Services.\n\n${i}.2 The Customer shall pay each invoice within 30 days of receipt.\n`;
const text = `# Services Agreement\n\nThis Agreement is made between Alpha Limited (the "Customer") and Beta Limited (the "Supplier").\n\n${Array.from({ length: 10 }, (_, i) => clause(i + 1)).join('\n')}`;

const of = (r: ReviewResult, rule: string) => r.diagnostics.filter((d) => d.ruleId === rule);
const withoutModel = ({ model: _model, ...rest }: ReviewResult) => rest;

function edited(from: string, to: string) {
  const inc = new IncrementalReview();
  const first = inc.review({ text, version: 1, force: true });
  const next = text.replace(from, to);
  assert.notEqual(next, text);
  const got = inc.review({ text: next, version: 2, force: true });
  assert.equal(inc.fullParseReason, null, 'the edit was spliced');
  const fresh = review({ text: next, version: 2, force: true });
  assert.deepEqual(withoutModel(got), withoutModel(fresh));
  return { first, got, fresh };
}

const blockOf = (r: ReviewResult, starts: string) => r.model.blocks.findIndex((b) => b.text.startsWith(starts));

describe('findings made from document-level facts, kept per block while editing', () => {
  it('keeps a moved heading\'s duplicate-title finding and its diagnostic as they were', () => {
    const { first, got } = edited('3.2 The Customer shall pay', '3.2 The Customer shall pay all');
    assert.equal(of(got, 'duplicate-clause-title').length, 8);
    const b = blockOf(got, '9. Payment');
    assert.notEqual(got.model.blocks[b].start, first.model.blocks[b].start, 'the heading moved');
    assert.equal(duplicateTitleGroups(got.model)![b], duplicateTitleGroups(first.model)![b], 'the same group');
    // Those after the edited clause (its section is read again).
    const later = of(got, 'duplicate-clause-title').filter((d) => d.range.start.line > 20);
    assert.equal(later.length, 7);
    for (const d of later) assert.ok(of(first, 'duplicate-clause-title').includes(d), 'the same diagnostic');
  });

  it('keeps a moved figure\'s finding, and makes it again when its reference figure\'s line changes', () => {
    const { first, got } = edited('3.2 The Customer shall pay', '3.2 The Customer shall pay all');
    const b = blockOf(got, '9.1 ');
    assert.equal(of(got, 'inconsistent-figure').length, 2);
    assert.equal(inconsistentFigureGroups(got.model)![b], inconsistentFigureGroups(first.model)![b]);
    assert.ok(of(first, 'inconsistent-figure').includes(of(got, 'inconsistent-figure')[1]), 'the same diagnostic');
    // A line break typed before the reference figure (clause 2's) moves the line the messages name.
    const moved = edited('## 1. Payment', '## 1. Payment\n');
    const g = blockOf(moved.got, '9.1 ');
    assert.notEqual(inconsistentFigureGroups(moved.got.model)![g], inconsistentFigureGroups(moved.first.model)![g]);
    assert.match(of(moved.first, 'inconsistent-figure')[1].message, /on line 13\b/);
    assert.match(of(moved.got, 'inconsistent-figure')[1].message, /on line 14\b/);
  });

  it('makes the findings again when the reference figure changes', () => {
    // With a third GBP 125,000 in clause 5, GBP 120,000 is still the reference, named by a new line for clause 5.
    const { first, got } = edited('5.1 The Customer shall pay an annual fee of GBP 120,000', '5.1 The Customer shall pay an annual fee of GBP 125,000');
    assert.equal(of(got, 'inconsistent-figure').length, 3);
    const b = blockOf(got, '9.1 ');
    assert.equal(inconsistentFigureGroups(got.model)![b], inconsistentFigureGroups(first.model)![b], 'clause 9 still names clause 2');
  });

  it('keeps a moved second definition\'s duplicate-definition diagnostic, and makes it again when the first definition\'s line moves', () => {
    const defs = `${text}\n## 11. Definitions\n\n11.1 "Service Credit" means a reduction of the Charges.\n\n11.2 "Service Credit" means a sum paid to the Customer.\n`;
    const run = (next: string) => {
      const inc = new IncrementalReview();
      const first = inc.review({ text: defs, version: 1, force: true });
      const got = inc.review({ text: next, version: 2, force: true });
      assert.equal(inc.fullParseReason, null, 'the edit was spliced');
      assert.deepEqual(withoutModel(got), withoutModel(review({ text: next, version: 2, force: true })));
      return { first: of(first, 'duplicate-definition'), got: of(got, 'duplicate-definition') };
    };
    const kept = run(defs.replace('3.2 The Customer shall pay', '3.2 The Customer shall pay all'));
    assert.equal(kept.got.length, 1);
    assert.equal(kept.got[0], kept.first[0], 'the same diagnostic object');
    // A line break before both definitions: the message names the first one's new line.
    const moved = run(defs.replace('3.2 The Customer shall pay', '3.2 The Customer shall\npay'));
    assert.notEqual(moved.got[0].message, moved.first[0].message);
  });
});
