/**
 * What the review worker (./review-worker.ts) keeps of its documents, and the order in which a job
 * changes it (issue 13, memory). Kept apart from the worker's message loop so that tests and
 * scripts/memory-probe.ts run the very steps the worker runs.
 *
 * Per document, from most to least memory:
 * - the document being edited (the last one reviewed): its incremental state (model, memoised
 *   per-block facts, what the next edit takes over) and its last review as objects sharing the
 *   state's model;
 * - other documents among the most recent (./recent-states.ts): the model only (the next edit is
 *   still spliced), their memoised facts dropped (about 20 MB for a 1 MB contract, the largest part
 *   of a state; recomputed on their next edit, with the same result);
 * - the rest: their last review compressed, text included (./kept-reviews.ts).
 */
import { IncrementalReview } from '../engine';
import { runReviewJobSteps, type JobOutcome, type ReviewJob } from './review-job';
import { RecentStates } from './recent-states';
import { KeptReviews } from './kept-reviews';
import type { Diagnostic } from 'vscode-languageserver/node';

export class WorkerDocuments {
  /** Only the documents reviewed most recently keep their model; another is parsed whole on its next review. */
  readonly states: RecentStates<IncrementalReview>;
  /** The last completed review of every document reviewed here, to answer requests from. */
  readonly reviews = new KeptReviews();

  constructor(keepChars?: number) {
    this.states = new RecentStates<IncrementalReview>(keepChars);
  }

  /**
   * Reviews the job with the document's state; its review is kept before this returns (a query sent
   * once its diagnostics are out must find it). `between` runs before the review and between its
   * steps (./review-job.ts runReviewJobSteps), with the document whose model is being worked on once
   * it has been spliced (null before).
   */
  review(job: ReviewJob, readBundle: (absPath: string) => string | undefined, between?: (busyUri: string | null) => void): JobOutcome & { diagnostics: Diagnostic[] } {
    try {
      const incremental = this.states.take(job.uri, () => new IncrementalReview(), job.text.length);
      const steps = runReviewJobSteps(job, incremental, readBundle);
      between?.(null);
      let step = steps.next();
      while (!step.done) {
        between?.(job.uri);
        step = steps.next();
      }
      const outcome = step.value;
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
   * After a review of `uri` has been answered (no one waits for this): documents whose state was
   * dropped to make room keep their review compressed, and the other documents keeping a state let
   * go of their memoised facts, which only the document being edited uses.
   */
  settle(uri: string): void {
    this.reviews.compressIdle((u) => this.states.has(u));
    for (const other of this.states.othersThan(uri)) other.releaseEditCaches();
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.reviews.delete(uri);
  }

  clear(): void {
    this.states.clear();
    this.reviews.clear();
  }
}
