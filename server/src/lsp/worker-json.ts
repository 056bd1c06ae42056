/**
 * The review worker's findings' JSON caches (./diagnostics-json.ts), one per document whose text it
 * keeps (./review-worker.ts retainTexts): a publish makes again only the findings an edit changed.
 *
 * A document's first review here (it was just opened) is published from the diagnostics' objects,
 * with no cache, so that a document only opened never holds one while it is being reviewed. Its cache
 * is filled afterwards, once that review has been posted, from the review the worker keeps: while the
 * server's thread writes the diagnostics and the client reads them, the worker would otherwise wait.
 * Without it, the first edit after opening made every finding's JSON again (3,880 of them, about a
 * sixth of that edit's CPU on a 1 MB contract), which is what made the first edit slower than later
 * ones (issue 13, firstedits; docs/performance.md). Since round fifteen the worker makes a first
 * review's JSON through a new cache at once (./review-worker.ts OPEN_JSON_FROM_OBJECTS): the fill
 * stays for CLAUSEWISE_OPEN_JSON=objects.
 */
import type { ReviewResult } from '../engine';
import { changesVersion, DiagnosticsJsonCache } from './diagnostics-json';
import type { DiagnosticShape } from './diagnostic-shape';

export class WorkerJsonCaches {
  private readonly caches = new Map<string, DiagnosticsJsonCache>();

  /**
   * The cache a review of `uri` renders through: the document's own when it has one; a new one from
   * its second review here on (`reviewedBefore`); none for a first review. A cache of the other
   * shape (./diagnostic-shape.ts; one server's jobs all have the same) is replaced.
   */
  forReview(uri: string, reviewedBefore: boolean, shape: DiagnosticShape = 'full', changes: boolean | number = false): DiagnosticsJsonCache | undefined {
    let cache = this.caches.get(uri);
    if (cache && (cache.shape !== shape || cache.changes !== changesVersion(changes))) {
      this.caches.delete(uri);
      cache = undefined;
    }
    if (!cache && reviewedBefore) this.caches.set(uri, (cache = new DiagnosticsJsonCache(shape, changes)));
    return cache;
  }

  /** Whether the document has a cache (filled or being used). */
  has(uri: string): boolean {
    return this.caches.has(uri);
  }

  /**
   * After a review of `uri` made without a cache (its first here), once it has been posted: the
   * cache, filled from that review, so that the next edit's publish reuses every finding it leaves
   * alone. Nothing when the document has a cache already. `render`: the number the first publish
   * was sent with (a client taking changes gets the next edit's change from this render).
   */
  fill(uri: string, result: ReviewResult, shape: DiagnosticShape = 'full', changes: boolean | number = false, render?: number): void {
    if (this.caches.has(uri)) return;
    const cache = new DiagnosticsJsonCache(shape, changes);
    cache.render(result, render);
    this.caches.set(uri, cache);
  }

  /** Keeps the caches of the documents `keep` names, and lets the others go. */
  retain(keep: (uri: string) => boolean): void {
    for (const uri of [...this.caches.keys()]) if (!keep(uri)) this.caches.delete(uri);
  }

  forget(uri: string): void {
    this.caches.delete(uri);
  }

  clear(): void {
    this.caches.clear();
  }
}
