/**
 * The review worker posts a review's diagnostics as soon as its steps end, before the review is kept
 * and the model's caches are let go (server/src/lsp/worker-documents.ts `made`, issue 13 round
 * sixteen); the review is kept before review() returns, and the diagnostics are those of the review.
 */
import { strict as assert } from 'node:assert';
import { WorkerDocuments } from '../../server/src/lsp/worker-documents';
import { DiagnosticsJsonCache } from '../../server/src/lsp/diagnostics-json';
import type { JobOutcome, ReviewJob } from '../../server/src/lsp/review-job';
import { generateContract, typedEdit } from '../../scripts/bench-contract';

describe('lsp: a worker review\'s diagnostics before its keeping', function () {
  this.timeout(120_000);

  it('gives the outcome to `made` while the previous review is still the one kept, then keeps the new one', () => {
    const documents = new WorkerDocuments();
    const uri = 'file:///scratch/findings-first.md';
    let text = generateContract(40_000);
    const job = (version: number, t: string): ReviewJob => ({ uri, version, text: t, format: 'markdown', settings: {}, force: false, workspaceFolders: [], diagnosticShape: 'compact', diagnosticChanges: 2 });
    const cache = new DiagnosticsJsonCache('compact', 2);
    const seen: Array<{ version: number | undefined; outcome: JobOutcome }> = [];
    const made = (outcome: JobOutcome): void => { seen.push({ version: documents.reviews.versionOf(uri), outcome }); };
    const opened = documents.review(job(1, text), () => undefined, undefined, cache, made);
    text = typedEdit(text, 2, 8).text;
    const edited = documents.review(job(2, text), () => undefined, undefined, cache, made);
    assert.deepEqual(seen.map((s) => s.version), [undefined, 1], 'made before the review is kept');
    assert.equal(seen[0].outcome, opened);
    assert.equal(seen[1].outcome, edited);
    assert.equal(documents.reviews.versionOf(uri), 2, 'kept once review() returns');
    const d = edited.diagnostics;
    assert.ok(!Array.isArray(d) && d.change, 'the edit\'s diagnostics come as a change');
  });
});
