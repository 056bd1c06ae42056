/**
 * What the review worker (./review-worker.ts) keeps of its documents, and the order in which a job
 * changes it (issue 13, memory). Kept apart from the worker's message loop so that tests and
 * scripts/memory-probe.ts run the very steps the worker runs.
 *
 * Per document, from most to least memory:
 * - the document being edited (the last one reviewed): its incremental state (model, memoised
 *   per-block facts, what the next edit takes over) and its last review as objects sharing the
 *   state's model;
 * - other documents edited here and among the most recent (./recent-states.ts): the model only
 *   (the next edit is still spliced), their memoised facts dropped (about 20 MB for a 1 MB
 *   contract; recomputed on their next edit, with the same result); once the worker falls idle,
 *   not even that (idle());
 * - the rest, including documents opened and not edited since (a workspace's files opened one after
 *   another): their last review compressed, text included (./kept-reviews.ts), about 1 MB for a
 *   1 MB contract against about 35 MB for a state without its facts. Their next review is a full one.
 */
import { IncrementalReview } from '../engine';
import { releaseAllChunks, releaseChunks, unpinChunks } from '../model/markdown';
import { runReviewJobSteps, type JobOutcome, type ReviewJob } from './review-job';
import type { DiagnosticsJsonCache } from './diagnostics-json';
import { RecentStates } from './recent-states';
import { KeptReviews } from './kept-reviews';
import type { Diagnostic } from 'vscode-languageserver/node';

export class WorkerDocuments {
  /** Only the documents reviewed most recently keep their model; another is parsed whole on its next review. */
  readonly states: RecentStates<IncrementalReview>;
  /** The last completed review of every document reviewed here, to answer requests from. */
  readonly reviews = new KeptReviews();

  /** Documents reviewed here at more than one version: being edited, so worth a state when not the latest. */
  private readonly edited = new Set<string>();

  /**
   * Full reviews (a document without a state: opened, or its state dropped) since the worker last
   * compacted its heap (compacted()). A burst of them leaves the old space fragmented: each leaves a
   * model alive among the garbage of its review, and the model it replaces dies among survivors.
   */
  fullReviews = 0;

  constructor(keepChars?: number) {
    // A document whose state goes keeps its parsed chunks only as the parse cache's bounds allow (model/markdown.ts unpinChunks).
    this.states = new RecentStates<IncrementalReview>(keepChars, unpinChunks);
  }

  /**
   * Reviews the job with the document's state; its review is kept before this returns (a query sent
   * once its diagnostics are out must find it). `between` runs before the review and between its
   * steps (./review-job.ts runReviewJobSteps), with the document whose model is being worked on once
   * it has been spliced (null before).
   */
  review(job: ReviewJob, readBundle: (absPath: string) => string | undefined, between?: (busyUri: string | null) => void, json?: undefined, made?: (outcome: JobOutcome) => void): JobOutcome & { diagnostics: Diagnostic[] };
  /** With `json`, the document's findings' JSON kept from its last review here: the diagnostics come as JSON (./diagnostics-json.ts). */
  review(job: ReviewJob, readBundle: (absPath: string) => string | undefined, between: ((busyUri: string | null) => void) | undefined, json: DiagnosticsJsonCache, made?: (outcome: JobOutcome) => void): JobOutcome;
  /**
   * `made` is given the outcome as soon as the steps end, before the review is kept and the model's
   * caches let go (./review-worker.ts posts the diagnostics from it: a query they prompt is read off
   * the port only after this returns, and finds the review kept).
   */
  review(job: ReviewJob, readBundle: (absPath: string) => string | undefined, between?: (busyUri: string | null) => void, json?: DiagnosticsJsonCache, made?: (outcome: JobOutcome) => void): JobOutcome {
    const before = this.reviews.versionOf(job.uri);
    if (before !== undefined && before !== job.version) this.edited.add(job.uri);
    try {
      if (!this.states.has(job.uri)) this.fullReviews++;
      const incremental = this.states.take(job.uri, () => new IncrementalReview(job.uri), job.text.length);
      const steps = runReviewJobSteps(job, incremental, readBundle, json);
      between?.(null);
      let step = steps.next();
      while (!step.done) {
        between?.(job.uri);
        step = steps.next();
      }
      const outcome = step.value;
      made?.(outcome);
      incremental.releaseModelCaches();
      this.reviews.set(job.uri, job.version, outcome.result);
      return outcome;
    } catch (e) {
      // A failed review leaves the document's incremental state unknown: start afresh next time.
      this.states.delete(job.uri);
      // Its last review may share objects the failed one changed half-way: requests get no answer until the next.
      this.reviews.delete(job.uri);
      throw e;
    }
  }

  /**
   * After a review of `uri` has been answered (no one waits for this): the other documents keeping
   * a state let go of their memoised facts, which only the document being edited uses, and those
   * never edited here let go of their state; documents without a state keep their review compressed.
   */
  settle(uri: string): void {
    for (const other of this.states.uris()) if (other !== uri && !this.edited.has(other)) this.states.delete(other);
    for (const other of this.states.othersThan(uri)) other.releaseEditCaches();
    this.reviews.compressIdle((u) => this.states.has(u));
  }

  /**
   * The worker fell idle (no job for a second, ./review-thread.ts IDLE_COLLECT_MS): only the
   * document reviewed last keeps its state. A second state (about 35 MB for a 1 MB contract) buys
   * a spliced review when the user switches back and forth between two large documents without a
   * pause; after one, the next review of the other document is a full one.
   */
  idle(): void {
    const uris = this.states.uris();
    for (const other of uris.slice(0, -1)) this.states.delete(other);
    this.reviews.compressIdle((u) => this.states.has(u));
  }

  /** The worker's heap was compacted: the full reviews before it no longer count. */
  compacted(): void {
    this.fullReviews = 0;
  }

  forget(uri: string): void {
    releaseChunks(uri);
    this.states.delete(uri);
    this.reviews.delete(uri);
    this.edited.delete(uri);
  }

  clear(): void {
    releaseAllChunks();
    this.states.clear();
    this.reviews.clear();
    this.edited.clear();
  }
}
