import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { duplicateTitles, duplicateTitlesTakenOver } from '../../server/src/drafting/titles';
import { editedReview, tenClauses } from '../support/clause-edit';

// Issue 13: while editing, the clause titles used twice are taken over from the previous model (as
// pairs of section indexes) when the edit left the section tree's titles, numbers and shape alone;
// otherwise they are read again. Either way they equal a fresh review's.

const titles = ['Services', 'Charges', 'Security', 'Services', 'Audit', 'Charges', 'Exit', 'Term', 'Audit', 'Notices'];
const text = tenClauses((i) => `## ${i}. ${titles[i - 1]}\n\n${i}.1 The Supplier shall perform its duties.\n`);

const plain = (r: ReturnType<typeof review>) => duplicateTitles(r.model).map((d) => ({ first: d.first.index, second: d.second.index, span: d.second.titleSpan, line: d.first.titleSpan.start }));
const findings = (r: ReturnType<typeof review>) => r.diagnostics.filter((d) => d.ruleId === 'duplicate-clause-title');

describe('duplicate clause titles while editing', () => {
  it('takes the pairs over for an edit outside the headings, with spans of the edited text', () => {
    const { got, fresh } = editedReview(text, '2.1 The Supplier shall', '2.1 The Supplier alone shall');
    assert.deepEqual(plain(got), plain(fresh));
    assert.deepEqual(findings(got), findings(fresh));
    assert.equal(findings(fresh).length, 3);
    assert.equal(duplicateTitlesTakenOver(got.model), true);
  });

  it('reads the titles again when an edit retitles a clause', () => {
    const { got, fresh } = editedReview(text, '## 8. Term', '## 8. Exit');
    assert.deepEqual(plain(got), plain(fresh));
    assert.deepEqual(findings(got), findings(fresh));
    assert.equal(findings(fresh).length, 4);
    assert.equal(duplicateTitlesTakenOver(got.model), false);
  });

  it('after releaseModelCaches (the review worker)', () => {
    const { got, fresh } = editedReview(text, '9.1 The Supplier shall', '9.1 The Supplier must', true);
    assert.deepEqual(findings(got), findings(fresh));
    assert.equal(duplicateTitlesTakenOver(got.model), true);
  });
});
