/**
 * The review worker's findings' JSON caches (server/src/lsp/worker-json.ts): a document's first review
 * has no cache; the cache filled from that review afterwards makes the first edit's publish make again
 * only the findings the edit changed, with the same bytes as JSON.stringify of the diagnostics.
 */
import { strict as assert } from 'node:assert';
import { IncrementalReview, type ReviewResult } from '../../server/src/engine';
import { diagnosticsOf } from '../../server/src/lsp/convert';
import { runReviewJob } from '../../server/src/lsp/review-job';
import { WorkerJsonCaches } from '../../server/src/lsp/worker-json';
import { generateContract } from '../../scripts/bench-contract';

const uri = 'file:///opened.md';

const reviewOf = (state: IncrementalReview, text: string, version: number): ReviewResult =>
  runReviewJob({ uri, version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] }, state, () => undefined).result;

describe('lsp: the review worker\'s findings\' JSON caches', function () {
  this.timeout(120_000);

  const opened = generateContract(60_000);
  const at = opened.indexOf('. ', opened.length / 2);
  const edited = `${opened.slice(0, at)}x${opened.slice(at)}`;

  it('gives a document no cache on its first review, and a cache filled from it makes the first edit\'s publish make only what changed', () => {
    const caches = new WorkerJsonCaches();
    const state = new IncrementalReview();
    const open = reviewOf(state, opened, 1);
    assert.equal(caches.forReview(uri, false), undefined, 'a first review is published from the objects');
    caches.fill(uri, open);
    const edit = reviewOf(state, edited, 2);
    const cache = caches.forReview(uri, true)!;
    const json = cache.render(edit).toString();
    assert.equal(json, JSON.stringify(diagnosticsOf(edit)));
    assert.ok(edit.diagnostics.length > 20);
    assert.ok(cache.made <= 2, `the first edit made ${cache.made} of ${edit.diagnostics.length} findings again`);
  });

  it('without the fill, the first edit makes every finding (what the fill saves)', () => {
    const caches = new WorkerJsonCaches();
    const state = new IncrementalReview();
    reviewOf(state, opened, 1);
    const edit = reviewOf(state, edited, 2);
    const cache = caches.forReview(uri, true)!;
    cache.render(edit);
    assert.equal(cache.made, edit.diagnostics.length);
  });

  it('fills a document\'s cache once, and lets go of the caches of documents it no longer keeps', () => {
    const caches = new WorkerJsonCaches();
    const state = new IncrementalReview();
    const open = reviewOf(state, opened, 1);
    caches.fill(uri, open);
    const cache = caches.forReview(uri, true);
    // A later fill (its edit's review made the cache first) leaves the cache in use alone.
    caches.fill(uri, reviewOf(new IncrementalReview(), edited, 1));
    assert.equal(caches.forReview(uri, true), cache);
    caches.retain((u) => u !== uri);
    assert.equal(caches.has(uri), false);
    caches.fill(uri, open);
    caches.forget(uri);
    assert.equal(caches.has(uri), false);
    assert.equal(caches.forReview('file:///other.md', false), undefined);
    assert.ok(caches.forReview('file:///other.md', true));
    caches.clear();
    assert.equal(caches.has('file:///other.md'), false);
  });
});
