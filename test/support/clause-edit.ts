import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';

/**
 * A small agreement between two named parties with ten numbered clauses made by `clause`: the
 * document the per-block reuse tests edit (rules and drafting results kept between edits, issue 13).
 */
export const tenClauses = (clause: (i: number) => string): string =>
  `# Services Agreement\n\nThis Agreement is made between Alpha Limited (the "Customer") and Beta Limited (the "Supplier").\n\n${Array.from({ length: 10 }, (_, i) => clause(i + 1)).join('\n')}`;

/**
 * Reviews `text`, then the text with `from` replaced by `to` through the same incremental review
 * (after releaseModelCaches when `release`, as the review worker does), and a fresh full review of
 * the edited text to compare with. Fails unless the edit was spliced.
 */
export function editedReview(text: string, from: string, to: string, release = false) {
  const inc = new IncrementalReview();
  const first = inc.review({ text, version: 1, force: true });
  if (release) inc.releaseModelCaches();
  const next = text.replace(from, to);
  assert.notEqual(next, text);
  const got = inc.review({ text: next, version: 2, force: true });
  assert.equal(inc.fullParseReason, null, 'the edit was spliced');
  const fresh = review({ text: next, version: 2, force: true });
  return { first, got, fresh };
}
