import assert from 'node:assert/strict';
import { partyMatchers, pronounRoles } from '../../server/src/model/language';
import { fullModelState, type ModelState } from '../../server/src/model/incremental';
import { splicedEdit } from '../support/splice-edit';
import { noteRoleWordCounts, roleWordCountsOf, RoleWordCounts } from '../../server/src/model/parties';

// Issue 13: a plain-language contract names its sides "we" and "you" (pronounRoles). Most contracts
// never use those words, and saying so took seven passes over the whole text per review. A spliced
// model counts "we"/"you" per parse chunk with the role words, so an edit recounts only the chunks
// it re-parsed; the answer must stay that of a fresh parse as edits add and remove the words.

const section = (n: number, body: string) => `## ${n}. Clause ${n}\n\n${body}\n`;
const TEXT = [
  '# Website Build Agreement\n',
  'This agreement is between Brightwork Studio Ltd (the "Supplier") and Harbour Books Ltd (the "Customer").\n',
  section(1, 'The Supplier will design the website.'),
  section(2, 'The Customer shall pay the fees within thirty days.'),
  section(3, 'The Supplier will host the website for a year.'),
  section(4, 'This clause is about notices only.'),
].join('\n');

function edit(state: ModelState, from: string, to: string): ModelState {
  const { next, fresh } = splicedEdit(state, from, to);
  assert.deepEqual(pronounRoles(next.model), pronounRoles(fresh), 'the pronouns of a fresh parse');
  assert.equal(partyMatchers(next.model).supplier.source, partyMatchers(fresh).supplier.source);
  assert.equal(partyMatchers(next.model).customer.source, partyMatchers(fresh).customer.source);
  return next;
}

const none = { supplier: [], customer: [] };

describe('model: "we" and "you" of a spliced model', () => {
  it('follow edits that bring the words in and take them out again, as a fresh parse does', () => {
    let state = fullModelState(TEXT, 1, 'markdown', 'first review');
    assert.deepEqual(pronounRoles(state.model), none);
    // "we" defined as the supplier, in the opening.
    state = edit(state, '(the "Supplier")', '(the "Supplier", "we")');
    assert.deepEqual(pronounRoles(state.model).supplier.includes('we'), true);
    assert.deepEqual(pronounRoles(state.model).customer.includes('you'), true);
    // No "we" left in the text: no names, although a quoted pronoun was there before.
    state = edit(state, '(the "Supplier", "we")', '(the "Supplier")');
    assert.deepEqual(pronounRoles(state.model), none);
    // "you" in a later clause, without a definition: who works and who pays decides.
    state = edit(state, 'This clause is about notices only.', 'You will pay us for the hosting. We will provide the website.');
    assert.deepEqual(pronounRoles(state.model), { supplier: ['We', 'we', 'Us', 'us', 'Our', 'our'], customer: ['You', 'you', 'Your', 'your'] });
    // A word that only contains the pronoun ("youth", "were") is not one.
    state = edit(state, 'You will pay us for the hosting. We will provide the website.', 'The youth team were pleased.');
    assert.deepEqual(pronounRoles(state.model), none);
  });

  it('are read from the per-chunk count when the model has one, not from the whole text', () => {
    const state = fullModelState(TEXT.replace('(the "Supplier")', '(the "Supplier", "we")'), 1, 'markdown', 'first review');
    assert.ok(roleWordCountsOf(state.model), 'an incrementally built model notes its counts');
    assert.equal(roleWordCountsOf(state.model)!.voiceWords(state.model.text), 1);
    assert.ok(pronounRoles(state.model).supplier.includes('we'));
    // A model whose count says the words are absent adds no names without reading the text.
    const copy = { ...state.model };
    noteRoleWordCounts(copy, { voiceWords: () => 0 } as unknown as RoleWordCounts);
    assert.deepEqual(pronounRoles(copy), none);
  });
});
