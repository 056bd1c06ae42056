/**
 * When the language server reviews a document after an edit (the policy is described in
 * docs/performance.md, "Scheduling"):
 *
 * - No edit waits for a fixed time. A review starts once the messages already received have been
 *   handled (afterQueuedInput): a burst of changes, or a change followed at once by a close, read
 *   from the stream together, is reviewed once, at its last version (or not at all). A result is
 *   also dropped when it is published, if the document closed or moved on meanwhile.
 * - A document reviewed in the worker thread (large documents) is then reviewed at once: its review
 *   blocks nothing, and while one is running, later edits wait in the worker's queue, newest version
 *   only (./review-thread.ts). The review's own length is the debounce.
 * - A document reviewed in the server's own thread is reviewed at once when its last review was
 *   cheap (at most CHEAP_REVIEW_MS), or when the user paused at least as long as that review took
 *   since the edit before. Otherwise (typing faster than reviews complete) it waits for a pause as
 *   long as the last review took (at most the configured debounce), so that typing without pause
 *   leaves the thread at least half of its time for requests.
 *
 * Requests never start or wait for a review: hover, code actions, semantic tokens and completion
 * answer from the last completed review, mapped to the current text (./drift.ts). A review in the
 * server's thread runs in steps (runReviewJobSteps), in slices of about REVIEW_SLICE_MS with the
 * messages received meanwhile handled between two slices (runInSlices), so a request waits for
 * the rest of one slice, not for the review.
 */
import type { MessageStrategy } from 'vscode-languageserver/node';
import { trace } from './trace';

/** The longest an edit waits before its review (initializationOptions.debounceMs overrides). */
export const DEFAULT_DEBOUNCE_MS = 250;
/** A review that took at most this long is cheap: the next edit is reviewed without waiting for a pause. */
export const CHEAP_REVIEW_MS = 30;

/**
 * How long an edit waits before its review (ms; 0: only for the messages already received), given
 * the last review's cost (ms; undefined: none yet), whether the document is reviewed in the worker
 * thread, and the time since the document's previous edit (ms; undefined: none).
 */
export function editDelay(lastCostMs: number | undefined, debounceMs: number, inWorker = false, sincePreviousEditMs?: number): number {
  if (inWorker || lastCostMs === undefined || lastCostMs <= CHEAP_REVIEW_MS) return 0;
  // An edit after a pause at least as long as a review: reviewing at once keeps half the thread free anyway.
  if (sincePreviousEditMs === undefined || sincePreviousEditMs >= lastCostMs) return 0;
  return Math.min(debounceMs, Math.ceil(lastCostMs));
}

/**
 * How many LSP messages this process has handled. vscode-jsonrpc handles one queued message per
 * turn of the event loop (setImmediate); counting them shows when the messages already read have
 * all been handled. Passed to createConnection by the entry point (./gate.ts gives it as
 * `options`); without it, afterQueuedInput still waits two turns.
 */
let handledMessages = 0;
/**
 * How many messages this process has read off its stream (counted by the stdio gate, ./gate.ts, as
 * each one is parsed): with the count of those handled, a review between two slices sees whether a
 * message arrived (runInSlices).
 */
let receivedMessages = 0;
/** Counts a message read off the stream (./gate.ts). */
export function noteReceived(): void {
  receivedMessages++;
}
export const COUNTING_STRATEGY: MessageStrategy = {
  handleMessage(message, next) {
    handledMessages++;
    return next(message);
  },
};

/**
 * Calls `run` once the messages already received (read from the stream but still queued) have been
 * handled: after a turn of the event loop in which no message was handled. So a change followed by
 * a close (or by a newer change) that arrived with it is seen before the change is reviewed,
 * without a fixed wait: each turn is a few microseconds when nothing is queued. Returns a function
 * that cancels the call.
 */
export function afterQueuedInput(run: () => void): () => void {
  let seen = -1; // the first turn always looks again: the message after this one may be queued behind it
  let handle: NodeJS.Immediate | undefined;
  const turn = (): void => {
    if (seen !== handledMessages) {
      seen = handledMessages;
      handle = setImmediate(turn);
      return;
    }
    handle = undefined;
    run();
  };
  handle = setImmediate(turn);
  return () => { if (handle) clearImmediate(handle); handle = undefined; };
}

/**
 * How long a review in the server's thread runs before the requests that arrived meanwhile are
 * answered (ms). A hover sent during a review waits for at most about this long plus one step
 * (a rule, or a category assessment), instead of for the whole review (issue 13: <= 50 ms).
 */
export const REVIEW_SLICE_MS = 8;

/**
 * One turn of the event loop (the stream is polled in it), then, if a message was read or handled
 * since the counts `received` and `handled` were taken, until the messages received are handled
 * (afterQueuedInput). Until round seventeen the server's thread also held each review worker job
 * here (WORKER_JOB_WINDOW_MS, 4 ms after the edit) so that a hover sent with the keystroke reached
 * the worker first; the worker now answers it between the job's steps (./review-worker.ts).
 */
export async function afterInputSince(received: number, handled: number): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (receivedMessages !== received || handledMessages !== handled) {
    await new Promise<void>((resolve) => afterQueuedInput(resolve));
    trace('resumed');
  }
}

/**
 * How long after an edit was read its review worker job may be held for a request sent with the
 * keystroke that this thread has not read yet (ms; CLAUSEWISE_WORKER_JOB_WINDOW_MS). Round seventeen
 * (issue 13): the worker answers such a request between the job's steps, from the last completed
 * review, so the hold is no longer needed for a correct answer, nor to keep a hover from waiting for
 * the whole review. But at load 15 to 25 on this 2-core machine a hover answered while the job runs
 * waited longer for a core in the server's thread than one answered before it (bench 1 MB hovers,
 * median 20 to 35 ms without any hold against 9 to 20 ms with 4 ms): 2 ms, half the old hold, until a
 * quiet machine decides between 0, 2 and 4 (docs/performance.md, round seventeen, hold).
 */
export const WORKER_JOB_WINDOW_MS = Number(process.env.CLAUSEWISE_WORKER_JOB_WINDOW_MS ?? 2);

/** Resolves once performance.now() reaches `at` (a timer may fire up to a millisecond early: waited again). */
export async function until(at: number): Promise<void> {
  for (let left = at - performance.now(); left > 0; left = at - performance.now()) {
    await new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(left)));
  }
}

/** Whether a message read off the stream has not been handled yet (a request sent with an edit, still queued). */
export const inputWaiting = (): boolean => receivedMessages !== handledMessages;

/**
 * Runs a review made of steps (runReviewJobSteps) in slices of about `sliceMs`. After each slice,
 * one turn of the event loop shows whether a message arrived meanwhile (read off the stream, or
 * handled, in that turn); only then are the messages received handled before the next slice
 * (afterQueuedInput). With nothing waiting, the next slice starts after that one turn: a pause
 * costs a few event-loop turns, and a review paused after every slice whether or not a request
 * was there (issue 13). `dropped` is asked after each slice: when it says so (the document closed),
 * the rest is skipped and the result is undefined. `paused` is told as each slice ends, before the
 * look for messages (for tests).
 */
export async function runInSlices<T>(steps: Generator<void, T>, dropped: () => boolean, sliceMs = REVIEW_SLICE_MS, paused?: () => void): Promise<T | undefined> {
  for (;;) {
    const until = performance.now() + sliceMs;
    // Counted from the slice's start: a message read or handled since then is waiting.
    const received = receivedMessages;
    const handled = handledMessages;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= until) break;
    }
    paused?.();
    // One turn: the stream is polled, and a message already read and queued is handled in it.
    await afterInputSince(received, handled);
    if (dropped()) {
      steps.return(undefined as T);
      return undefined;
    }
  }
}
