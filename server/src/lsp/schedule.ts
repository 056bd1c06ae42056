/**
 * When the language server reviews a document after an edit (the policy is described in
 * docs/performance.md, "Scheduling"):
 *
 * - Every edit waits MIN_EDIT_DELAY_MS, so that a burst of changes (or a change followed by a close)
 *   read from the stream in one go is reviewed once, at its last version.
 * - A document reviewed in the worker thread (large documents) is then reviewed at once: its review
 *   blocks nothing, and while one is running, later edits wait in the worker's queue, newest version
 *   only (./review-thread.ts). The review's own length is the debounce: no keystroke waits for a
 *   timer on top of it.
 * - A document reviewed in the server's own thread is reviewed at once when its last review was
 *   cheap (at most CHEAP_REVIEW_MS). When it was not, the review blocks every request while it runs,
 *   so it waits for a pause in typing as long as the last review took (at most the configured
 *   debounce): typing without pause then leaves the thread at least half of its time for requests.
 *
 * Requests never start or wait for a review: hover, code actions, semantic tokens and completion
 * answer from the last completed review, mapped to the current text (./drift.ts).
 */

/** The longest an edit waits before its review (initializationOptions.debounceMs overrides). */
export const DEFAULT_DEBOUNCE_MS = 250;
/**
 * Every edit waits at least this long, even with debounceMs 0, so that a burst of messages read in
 * separate chunks (a change followed at once by a close or another change) is seen before reviewing:
 * a change followed at once by a close must never be reviewed and published.
 */
export const MIN_EDIT_DELAY_MS = 15;
/** A review that took at most this long is cheap: the next edit is reviewed without waiting for a pause. */
export const CHEAP_REVIEW_MS = 30;

/**
 * How long an edit waits before its review, given the last review's cost (ms; undefined: none yet)
 * and whether the document is reviewed in the worker thread.
 */
export function editDelay(lastCostMs: number | undefined, debounceMs: number, inWorker = false): number {
  if (inWorker || lastCostMs === undefined || lastCostMs <= CHEAP_REVIEW_MS) return MIN_EDIT_DELAY_MS;
  return Math.max(MIN_EDIT_DELAY_MS, Math.min(debounceMs, Math.ceil(lastCostMs)));
}
