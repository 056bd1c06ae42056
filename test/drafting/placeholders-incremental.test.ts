import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { findPlaceholders } from '../../server/src/drafting/placeholders';

// Issue 13: while editing, a block the edit kept or moved takes its placeholders from the previous
// model, shifted, when reading them looked only at the block's own text and source. A blank
// ("____") also reads the text before its block (a signing line after "In witness whereof"), so
// an edit there must make the blank's block read again. Every step must equal a fresh review.

const text = [
  '# Services Agreement',
  'Between Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").',
  '## 1. Charges',
  '1.1 The Charges are [AMOUNT] per month, payable within [NUMBER] days.',
  '1.2 The Supplier shall invoice monthly.',
  // Long enough that the blank's block reads a full 400 characters before it.
  `1.3 ${'The Customer shall pay each undisputed invoice in full. '.repeat(10)}`,
  '## 2. Acceptance',
  'In witness whereof the parties sign this agreement.',
  '## 3. Date',
  'Dated: ______',
  '## 4. Term',
  '4.1 This agreement starts on [DATE] and runs for TBD years.',
].join('\n\n');

const edits: Array<[string, string]> = [
  ['invoice monthly', 'invoice each month'],
  // The text before the blank's block changes: the blank is now a placeholder.
  ['In witness whereof the parties sign', 'In the meantime the parties sign'],
  ['1.2 The Supplier shall', '1.2 The  Supplier shall'],
  ['In the meantime the parties sign', 'In witness whereof the parties sign'],
  ['[NUMBER] days', '30 days'],
];

describe('placeholders while editing', () => {
  it('equal a fresh review after every edit, a blank read again when the text before it changes', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    let t = text;
    let version = 2;
    const blanks: number[] = [];
    for (const [from, to] of edits) {
      assert.ok(t.includes(from), from);
      t = t.replace(from, to);
      const v = version++;
      const got = inc.review({ text: t, version: v, force: true });
      assert.equal(inc.fullParseReason, null, `spliced: ${to}`);
      const fresh = review({ text: t, version: v, force: true });
      // What the rule reported in the incremental review itself (the trace is gone afterwards, so a
      // later findPlaceholders of the model would read every block afresh).
      const placeholders = (r: typeof got) => r.diagnostics.filter((d) => d.ruleId === 'placeholder');
      assert.deepEqual(placeholders(got), placeholders(fresh), `placeholders after "${to}"`);
      const { model: _a, ...gotRest } = got;
      const { model: _b, ...wantRest } = fresh;
      assert.deepEqual(gotRest, wantRest, `review after "${to}"`);
      blanks.push(placeholders(got).filter((d) => /_{3,}/.test(d.message)).length);
      assert.deepEqual(findPlaceholders(got.model).map((p) => p.text), findPlaceholders(fresh.model).map((p) => p.text));
    }
    assert.deepEqual(blanks, [0, 1, 1, 0, 0], 'the blank counts only without the signing words before it');
  });
});
