import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { duplicateTitleIndexes, duplicateTitles, duplicateTitlesRead, duplicateTitlesTakenOver } from '../../server/src/drafting/titles';
import { editedReview, tenClauses } from '../support/clause-edit';

// Issue 13: while editing, the clause titles used twice are taken over from the previous model (as
// pairs of section indexes) when the edit left the section tree's titles, numbers and shape alone;
// patched for the groups a retitled or renumbered heading leaves and joins when the splice took the
// tree over; otherwise read again. Either way they equal a fresh review's.

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

  it('hands the rule the previous model\'s pairs as section indexes, the same list, for an edit outside the headings', () => {
    const { first, got, fresh } = editedReview(text, '6.1 The Supplier shall', '6.1 The Supplier alone shall');
    assert.deepEqual(findings(got), findings(fresh));
    const pairs = duplicateTitleIndexes(got.model);
    assert.equal(pairs, duplicateTitleIndexes(first.model), 'the same list: no pair made again');
    assert.deepEqual([...pairs], plain(fresh).flatMap((d) => [d.first, d.second]));
    // A number typed into a heading after the first pairs: the pairs after it are compared by index and first number.
    const renumbered = editedReview(text, '## 7. Exit', '## 71. Exit');
    assert.deepEqual(findings(renumbered.got), findings(renumbered.fresh));
    assert.deepEqual([...duplicateTitleIndexes(renumbered.got.model)], plain(renumbered.fresh).flatMap((d) => [d.first, d.second]));
  });

  it('works the pairs out again when an edit retitles a clause', () => {
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

  // Many clauses, each with sub-headings whose titles repeat within and across clauses: a retitle
  // or renumber re-reads only the groups the changed heading leaves and joins.
  const subTitles = ['Scope', 'Fees', 'Scope', 'Reports', 'Fees'];
  const many = `# Agreement\n\n${Array.from({ length: 30 }, (_, i) => `## ${i + 1}. ${titles[i % titles.length]}\n\n${i + 1}.1 The Supplier shall perform.\n\n${subTitles.map((t, j) => `### ${t}\n\nText ${j}.\n`).join('\n')}`).join('\n')}`;
  const edits: Array<[string, string]> = [
    ['## 8. Term', '## 8. Services'],
    ['## 8. Services', '## 8. Term'],
    ['## 4. Services', '## 4. Services Two'],
    ['## 12. Charges', '## 12x. Charges'],
    ['## 12x. Charges', '## 13. Charges'],
    ['## 5. Audit', '## 5.'],
    ['### Reports\n\nText 3.\n\n### Fees\n\nText 4.\n\n## 20.', '### Scope\n\nText 3.\n\n### Fees\n\nText 4.\n\n## 20.'],
    ['### Scope\n\nText 0.', '### Scoped\n\nText 0.'],
  ];

  it('patches the pairs for the groups a retitled or renumbered heading leaves and joins, equal to a fresh read', () => {
    const inc = new IncrementalReview();
    let t = many;
    const first = inc.review({ text: t, version: 1, force: true });
    assert.equal(duplicateTitlesRead(first.model)?.how, 'read');
    const headings = first.model.sections.length;
    let version = 2;
    for (const [from, to] of edits) {
      assert.ok(t.includes(from), from);
      t = t.replace(from, to);
      const got = inc.review({ text: t, version: version++, force: true });
      assert.equal(inc.fullParseReason, null, from);
      const fresh = review({ text: t, force: true });
      assert.deepEqual(plain(got), plain(fresh), `${from} -> ${to}`);
      assert.deepEqual(findings(got), findings(fresh), `${from} -> ${to}`);
      const how = duplicateTitlesRead(got.model)!;
      assert.equal(how.how, 'patched', `${from} -> ${to}`);
      assert.ok(how.sections <= 12, `${how.sections} of ${headings} sections read (${from} -> ${to})`);
    }
  });
});
