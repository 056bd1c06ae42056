import assert from 'node:assert/strict';
import type { ReviewResult } from '../../server/src/engine/types';
import { duplicateTitleGroups, pairStats } from '../../server/src/rules/duplicate-clause-title';
import { editedReview, tenClauses } from '../support/clause-edit';

// Issue 13 (rulesengine): while editing, duplicate-clause-title takes the groups of the headings
// before the edit, and after it when no line was added or removed and no heading was re-parsed, over
// from the previous review as a whole; only the pairs whose second heading was re-parsed (or, after
// a line break, every pair after the edit) are visited. The results equal a fresh full review's.

const titles = ['Services', 'Charges', 'Services', 'Audit', 'Charges', 'Exit', 'Audit', 'Services', 'Exit', 'Charges'];
const text = tenClauses((i) => `## ${i}. ${titles[i - 1]}\n\n${i}.1 The Supplier shall perform its duties.\n`);

const withoutModel = ({ model: _model, ...rest }: ReviewResult) => rest;
const of = (r: ReviewResult) => r.diagnostics.filter((d) => d.ruleId === 'duplicate-clause-title');

function run(from: string, to: string, count = 6): { visited: number; first: ReviewResult; got: ReviewResult } {
  const before = pairStats.visited;
  const { first, got, fresh } = editedReview(text, from, to);
  const visited = pairStats.visited - before;
  assert.deepEqual(withoutModel(got), withoutModel(fresh));
  assert.equal(of(got).length, count);
  // The first review visits every pair (6); the edit's review the rest.
  return { visited: visited - 6, first, got };
}

describe('duplicate-clause-title\'s pairs while editing (issue 13, rulesengine)', () => {
  // The splice parses the edited block's section and the one before it again (here clauses 4 and 5,
  // or 7 and 8): the pairs whose second heading is among those blocks are visited.
  it('visits only the re-parsed headings\' pairs for a keystroke in a clause, and keeps every other group', () => {
    const { visited, first, got } = run('5.1 The Supplier shall', '5.1 The Supplier alone shall');
    assert.equal(visited, 1, 'clause 5\'s heading');
    const was = duplicateTitleGroups(first.model)!.filter(Boolean);
    const now = duplicateTitleGroups(got.model)!.filter(Boolean);
    assert.equal(now.length, 6);
    // Groups of clauses 3, 5, 7, 8, 9 and 10: clause 5's heading block is a new one.
    for (let g = 0; g < now.length; g++) if (g !== 1) assert.equal(now[g], was[g], 'the same group');
  });

  it('visits the pairs of re-parsed second headings only', () => {
    // The heading's text changes after its title (a trailing space): the tree is the same.
    const { visited } = run('## 8. Services', '## 8. Services ');
    assert.equal(visited, 2, 'clauses 7 and 8');
  });

  // Issue 13 (sections): a number typed into a heading keeps the section tree (model/sections.ts
  // reusedSections); the pairs after the edit are compared with the previous ones instead of visited.
  it('visits the re-parsed headings\' pairs only when a number is typed into a heading', () => {
    const { visited, first, got } = run('## 9. Exit', '## 91. Exit');
    assert.equal(visited, 2, 'clauses 8 and 9');
    const was = duplicateTitleGroups(first.model)!.filter(Boolean);
    const now = duplicateTitleGroups(got.model)!.filter(Boolean);
    assert.equal(now[now.length - 1], was[was.length - 1], 'clause 10\'s group taken over');
  });

  it('visits the pairs after the edit when the renumbered heading is the first of a pair (its number is in their message)', () => {
    const { visited, got } = run('## 2. Charges', '## 21. Charges');
    assert.ok(of(got).some((d) => d.message.includes('clause 21')));
    // Clauses 1 and 2 re-parsed (no pair), then every pair after the edit: 3, 5, 7, 8, 9 and 10.
    assert.equal(visited, 6);
  });

  it('visits the pairs after a typed line break, whose lines moved', () => {
    const { visited } = run('5.1 The Supplier shall', '5.1 The Supplier\nshall');
    // Clause 5's, and those whose second heading comes after the edit: clauses 7, 8, 9 and 10.
    assert.equal(visited, 5);
  });
});
