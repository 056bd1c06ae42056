import assert from 'node:assert/strict';
import { fullModelState, type ModelState } from '../../server/src/model/incremental';
import { splicedEdit } from '../support/splice-edit';

// Issue 13: a spliced model counts the role words used as names ("Provider will...", five uses make
// a party) per parse chunk, recounting only the chunks an edit re-parsed. The parties must be those
// of a fresh parse when an edit in one section takes the count across the threshold either way.

const section = (n: number, body: string) => `## ${n}. Clause ${n}\n\n${body}\n`;
const TEXT = [
  '# Hosting Agreement\n',
  section(1, 'The Provider will host the platform.'),
  section(2, 'The Provider will back it up daily.'),
  section(3, 'The Provider will keep it patched.'),
  section(4, 'The Provider will report each month.'),
  section(5, 'The Provider will answer tickets. The Client shall pay the fees.'),
  section(6, 'This clause says nothing about the hosting company.'),
].join('\n');

function edit(state: ModelState, from: string, to: string): ModelState {
  const { next, fresh } = splicedEdit(state, from, to);
  assert.deepEqual(next.model.parties, fresh.parties);
  return next;
}

describe('model: parties of a spliced model', () => {
  it('follow the role-word count across the threshold, as a fresh parse does', () => {
    let state = fullModelState(TEXT, 1, 'markdown', 'first review');
    assert.ok(state.model.parties.some((p) => p.alias === 'Provider'), 'five uses make "Provider" a party');
    state = edit(state, 'The Provider will report', 'The host will report');
    assert.ok(!state.model.parties.some((p) => p.alias === 'Provider'), 'four uses do not');
    state = edit(state, 'about the hosting company', 'about the Provider');
    assert.ok(state.model.parties.some((p) => p.alias === 'Provider'), 'a use in another section brings it back');
    // "Provider's own" is not a use as a name.
    state = edit(state, 'about the Provider', "about the Provider's own staff");
    assert.ok(!state.model.parties.some((p) => p.alias === 'Provider'));
  });
});
