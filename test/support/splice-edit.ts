import assert from 'node:assert/strict';
import { buildContractModel, type ContractModel } from '../../server/src/model';
import { updateModelState, type ModelState } from '../../server/src/model/incremental';

/**
 * Test helper: replaces `from` with `to` in a model state's text, splices the change in (asserting
 * that it was spliced, not re-parsed whole) and returns the new state with a fresh parse of the same
 * text to compare against.
 */
export function splicedEdit(state: ModelState, from: string, to: string): { next: ModelState; fresh: ContractModel } {
  const text = state.model.text.replace(from, to);
  assert.notEqual(text, state.model.text);
  const next = updateModelState(state, text, state.model.version + 1, 'markdown');
  assert.equal(next.fullReason, null, 'the edit was spliced');
  return { next, fresh: buildContractModel(text, 0, 'markdown') };
}
