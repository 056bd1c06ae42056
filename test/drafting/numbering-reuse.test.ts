import assert from 'node:assert/strict';
import { reviewedEdit } from '../support/reviewed-edit';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { numberingIssues, numberingIssuesTakenOver } from '../../server/src/drafting/numbering';

// Issue 13: while editing, the numbering check takes over the previous model's issues when the edit
// cannot change them (the section tree reads the same, no numbered clause opens in a re-parsed
// block, and no text the check read lies where the edit was), and reads them again otherwise.
// Either way they must equal a fresh review's.

const clauses = Array.from({ length: 10 }, (_, i) => {
  const n = i + 1;
  // Clause 4 skips 4.2 (a gap) and clause 7 repeats 7.1 (a duplicate).
  const subs = n === 4 ? ['4.1', '4.3'] : n === 7 ? ['7.1', '7.1'] : [`${n}.1`, `${n}.2`];
  return `## ${n}. Clause ${n}\n\n${subs.map((s) => `${s} The Supplier shall perform duty ${s}.`).join('\n\n')}\n\nA paragraph of clause ${n}.\n`;
});
const text = `# Agreement\n\n${clauses.join('\n')}`;

function edit(from: string, to: string) {
  const edited = reviewedEdit(text, from, to);
  const got = edited.got;
  const issues = numberingIssues(got);
  const fresh = numberingIssues(edited.fresh);
  assert.deepEqual(issues, fresh);
  for (const i of issues) {
    assert.equal(i.section, got.sections[i.section.index]);
    for (const s of i.group) assert.equal(s, got.sections[s.index]);
  }
  return { got, issues };
}

describe('numbering issues while editing', () => {
  it('takes the issues over, moved, after a keystroke far from them', () => {
    const before = numberingIssues(review({ text, force: true }).model).map((i) => i.problem);
    assert.deepEqual(before, ['gap', 'duplicate']);
    const { got, issues } = edit('A paragraph of clause 1.', 'A paragraph of the clause 1.');
    assert.ok(numberingIssuesTakenOver(got));
    assert.deepEqual(issues.map((i) => i.problem), ['gap', 'duplicate']);
  });

  it('takes them over after a keystroke in a numbered clause, whose opening reads the same', () => {
    const { got, issues } = edit('9.1 The Supplier shall perform duty 9.1.', '9.1 The Supplier shall perform duty 9.1 today.');
    assert.ok(numberingIssuesTakenOver(got));
    assert.deepEqual(issues.map((i) => i.problem), ['gap', 'duplicate']);
  });

  it('reads them again when the edit writes a missing number in the text it read', () => {
    const { got, issues } = edit('4.1 The Supplier shall perform duty 4.1.', '4.1 The Supplier shall perform duty 4.1.   4.2 Fees apply.');
    assert.ok(!numberingIssuesTakenOver(got));
    assert.deepEqual(issues.map((i) => i.problem), ['duplicate']);
  });

  it('reads them again when the edit touches a numbered clause', () => {
    const { got, issues } = edit('7.1 The Supplier shall perform duty 7.1.\n\nA', '7.2 The Supplier shall perform duty 7.1.\n\nA');
    assert.ok(!numberingIssuesTakenOver(got));
    assert.deepEqual(issues.map((i) => i.problem), ['gap']);
  });

  it('equals a fresh review after a run of edits that write, remove and retype numbers', () => {
    // A fixed pseudo-random sequence (a linear congruential generator), so that a failure repeats.
    let seed = 1205;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = ['x', ' ', '\n\n', '4.2 ', '   5.3 Fees ', '7.', '1', '\n\n8.4 The Customer pays.\n\n', '- 3. item'];
    const inc = new IncrementalReview();
    inc.review({ text, version: 0, force: true });
    let t = text;
    let taken = 0;
    for (let v = 1; v <= 40; v++) {
      const at = next(t.length);
      t = next(4) === 0 ? t.slice(0, at) + t.slice(at + 1 + next(3)) : t.slice(0, at) + pieces[next(pieces.length)] + t.slice(at);
      const got = inc.review({ text: t, version: v, force: true }).model;
      assert.deepEqual(numberingIssues(got), numberingIssues(review({ text: t, version: v, force: true }).model), `edit ${v}`);
      if (numberingIssuesTakenOver(got)) taken++;
    }
    assert.ok(taken >= 2, `${taken} of 40 edits took the issues over`);
  });
});
