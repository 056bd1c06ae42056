/**
 * Reviews many files on the available cores: a pool of worker threads running the CLI bundle itself
 * (dist/cli.js starts as a worker when it is loaded with WORKER_MARKER in its workerData). Outcomes
 * come back in task order, so the report is the same, byte for byte, as a run in one thread.
 *
 * The pool is used only for runs of more than PARALLEL_MIN_FILES files, when more than one thread is
 * allowed and the code runs from a bundle (not from TypeScript sources under a test runner).
 */
import * as os from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { runReviewTask, type ReviewOutcome, type ReviewTask } from './review-task';

export const WORKER_MARKER = 'clausewise-review-worker';
/** Fewer files than this are reviewed in the main thread: starting workers costs more than it saves. */
export const PARALLEL_MIN_FILES = 9;

type FromWorker = { ok: true; outcome: ReviewOutcome } | { ok: false; index: number; error: string };

/** True in a worker thread started by this pool. */
export function isPoolWorker(): boolean {
  return !!parentPort && (workerData as { marker?: string } | null)?.marker === WORKER_MARKER;
}

/** The worker's loop: review each task it is sent and post the outcome back. */
export function startPoolWorker(): void {
  parentPort!.on('message', (task: ReviewTask) => {
    let reply: FromWorker;
    try {
      reply = { ok: true, outcome: runReviewTask(task) };
    } catch (e) {
      reply = { ok: false, index: task.index, error: (e as Error)?.stack ?? String(e) };
    }
    parentPort!.postMessage(reply);
  });
}

/** How many threads to use for `files` files: 1 means the main thread only. */
export function threadCount(files: number, requested: number | undefined): number {
  if (files < PARALLEL_MIN_FILES) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(requested ?? cores, files));
}

/**
 * Reviews every task, in worker threads when `threads` > 1 and a worker script is given, else here.
 * A task that throws rejects the whole run (the CLI reports it as an internal error).
 */
export async function reviewAll(tasks: ReviewTask[], threads: number, workerScript: string | null): Promise<ReviewOutcome[]> {
  if (threads <= 1 || !workerScript || tasks.length < 2) return tasks.map(runReviewTask);
  const outcomes: ReviewOutcome[] = new Array(tasks.length);
  const count = Math.min(threads, tasks.length);
  // Longest first, so that no thread is left with one long contract while the others wait: the
  // review's cost follows the text's length. Outcomes still go back in task order.
  const order = tasks.map((_, i) => i).sort((a, b) => tasks[b].text.length - tasks[a].text.length || a - b);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      let failed = false;
      const feed = (w: Worker) => {
        if (next < tasks.length) w.postMessage(tasks[order[next++]]);
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(workerScript, { workerData: { marker: WORKER_MARKER } });
        workers.push(w);
        w.on('message', (m: FromWorker) => {
          if (failed) return;
          if (!m.ok) {
            failed = true;
            reject(new Error(`reviewing ${tasks[m.index]?.path ?? `task ${m.index}`} failed in a worker thread:\n${m.error}`));
            return;
          }
          outcomes[m.outcome.index] = m.outcome;
          if (++done === tasks.length) resolve();
          else feed(w);
        });
        w.on('error', (e) => {
          if (failed) return;
          failed = true;
          reject(e);
        });
        w.on('exit', (code) => {
          if (!failed && done < tasks.length && code !== 0) {
            failed = true;
            reject(new Error(`a review worker thread exited with code ${code}`));
          }
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  }
  return outcomes;
}
