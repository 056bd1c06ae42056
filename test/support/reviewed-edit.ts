import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ContractModel } from '../../server/src/model';

/**
 * Test helper: reviews `text`, then the text with `from` replaced by `to` through the same
 * IncrementalReview (asserting that the edit was spliced, not parsed whole), and returns the first
 * model, the model after the edit, and a fresh review's model of the edited text to compare against.
 */
export function reviewedEdit(text: string, from: string, to: string): { first: ContractModel; got: ContractModel; fresh: ContractModel } {
  const inc = new IncrementalReview();
  const first = inc.review({ text, version: 1, force: true }).model;
  const changed = text.replace(from, to);
  assert.notEqual(changed, text);
  const got = inc.review({ text: changed, version: 2, force: true }).model;
  assert.equal(inc.fullParseReason, null);
  return { first, got, fresh: review({ text: changed, version: 2, force: true }).model };
}
