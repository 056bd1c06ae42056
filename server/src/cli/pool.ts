/**
 * Reviews many files on the available cores: a pool of worker threads running the CLI bundle itself
 * (dist/cli.js starts as a worker when POOL_WORKER_ARG is its first argument and WORKER_MARKER is in
 * its workerData). Outcomes come back in task order, so the report is the same, byte for byte, as a
 * run in one thread.
 *
 * The pool is used only for runs of more than PARALLEL_MIN_FILES files, when more than one thread is
 * allowed and the code runs from a bundle (not from TypeScript sources under a test runner). It is
 * started as soon as the number of files is known, before they are read, so that the workers load
 * the bundle while the main thread reads and prepares the files (see startPool).
 */
import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { runReviewTask, type ReviewOutcome, type ReviewTask } from './review-task';
import { PARALLEL_MIN_FILES } from './run-profile';
import { POOL_WORKER_ARG, startedAsPoolWorker } from './worker-arg';

export const WORKER_MARKER = 'clausewise-review-worker';
// Fewer files than PARALLEL_MIN_FILES are reviewed in the main thread: starting workers costs more
// than it saves. Defined beside the loader's choice of V8 flags, which relies on it (./run-profile.ts).
export { PARALLEL_MIN_FILES };

type FromWorker = { ok: true; outcome: ReviewOutcome } | { ok: false; index: number; error: string };

// node:worker_threads is loaded only by runs that use the pool (and by its workers): loading it costs
// about 5 ms, a few per cent of a small contract's cold run.
let workerThreadsModule: typeof import('node:worker_threads') | undefined;
const workerThreads = (): typeof import('node:worker_threads') => (workerThreadsModule ??= require('node:worker_threads') as typeof import('node:worker_threads'));

/** True in a worker thread started by this pool. */
export function isPoolWorker(): boolean {
  if (!startedAsPoolWorker()) return false;
  const { parentPort, workerData } = workerThreads();
  return !!parentPort && (workerData as { marker?: string } | null)?.marker === WORKER_MARKER;
}

/** The worker's loop: review each task it is sent and post the outcome back. */
export function startPoolWorker(): void {
  const parentPort = workerThreads().parentPort!;
  parentPort.on('message', (task: ReviewTask) => {
    let reply: FromWorker;
    try {
      reply = { ok: true, outcome: runReviewTask(task) };
    } catch (e) {
      reply = { ok: false, index: task.index, error: (e as Error)?.stack ?? String(e) };
    }
    parentPort.postMessage(reply);
  });
}

/** How many threads to use for `files` files: 1 means the main thread only. */
export function threadCount(files: number, requested: number | undefined): number {
  if (files < PARALLEL_MIN_FILES) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(requested ?? cores, files));
}

/** Worker threads started ahead of their tasks (see startPool), or none. */
export interface Pool {
  workers: Worker[];
  /** A worker's failure before reviewAll listened to it (an error, or an exit). */
  failures: Map<Worker, Error>;
}

/**
 * Starts `threads` worker threads now, when `threads` > 1 and a worker script is given (else returns
 * null: the review runs in this thread). A worker spends its first tenth of a second or more loading
 * the bundle; started before the files are read, it does that on another core meanwhile. A pool
 * must be handed to reviewAll, which ends its workers.
 */
export function startPool(threads: number, workerScript: string | null): Pool | null {
  if (threads <= 1 || !workerScript) return null;
  const { Worker } = workerThreads();
  const pool: Pool = { workers: [], failures: new Map() };
  for (let i = 0; i < threads; i++) {
    const w = new Worker(workerScript, { argv: [POOL_WORKER_ARG], workerData: { marker: WORKER_MARKER } });
    // Until reviewAll takes them, the workers neither keep the process alive (a run that stops early
    // still ends) nor go unheard when they fail.
    w.unref();
    w.on('error', (e) => { if (!pool.failures.has(w)) pool.failures.set(w, e); });
    w.on('exit', (code) => { if (!pool.failures.has(w)) pool.failures.set(w, new Error(`a review worker thread exited with code ${code}`)); });
    pool.workers.push(w);
  }
  return pool;
}

/**
 * Reviews every task, in the pool's worker threads when there is a pool, else here; then ends the
 * pool's workers. A task that throws rejects the whole run (the CLI reports it as an internal error).
 */
export async function reviewAll(tasks: ReviewTask[], pool: Pool | null): Promise<ReviewOutcome[]> {
  if (!pool || tasks.length < 2) {
    await endPool(pool);
    return tasks.map(runReviewTask);
  }
  const outcomes: ReviewOutcome[] = new Array(tasks.length);
  // Longest first, so that no thread is left with one long contract while the others wait: the
  // review's cost follows the text's length. Outcomes still go back in task order.
  const order = tasks.map((_, i) => i).sort((a, b) => tasks[b].text.length - tasks[a].text.length || a - b);
  const workers = pool.workers.slice(0, tasks.length);
  const failure = workers.map((w) => pool.failures.get(w)).find(Boolean);
  await endPool({ workers: pool.workers.slice(tasks.length) });
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      let done = 0;
      let failed = false;
      const feed = (w: Worker) => {
        if (next < tasks.length) w.postMessage(tasks[order[next++]]);
      };
      for (const w of workers) {
        w.ref();
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
    // Not awaited: a worker's exit (freeing its heap) runs on its own thread while this one writes
    // the report; the process still waits for the workers to stop before it exits.
    void endPool({ workers });
  }
  return outcomes;
}

/** How many threads reviewAll uses for `tasks` tasks with this pool (for the debug line). */
export function poolThreads(pool: Pool | null, tasks: number): number {
  return !pool || tasks < 2 ? 1 : Math.min(pool.workers.length, tasks);
}

/** Ends the pool's workers (a pool that was started but is not needed, or is done). */
export async function endPool(pool: Pick<Pool, 'workers'> | null): Promise<void> {
  if (pool) await Promise.all(pool.workers.map((w) => w.terminate().catch(() => undefined)));
}
