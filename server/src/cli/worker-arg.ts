/**
 * The argument the CLI's worker pool (./pool.ts) gives the worker threads it starts (they see it as
 * process.argv[2]). The loader and the entry file tell a worker from the main thread by it rather
 * than by node:worker_threads, whose loading alone costs about 5 ms of a 4 KB contract's cold run.
 * Its own module because the loader (./loader.ts) must import nothing but node: built-ins and this.
 */
export const POOL_WORKER_ARG = '--clausewise-review-worker';
/** What the pool's workers find in their workerData (`marker`), beside POOL_WORKER_ARG. */
export const WORKER_MARKER = 'clausewise-review-worker';

/** True when this thread was started by the pool (cheap: no module to load). */
export function startedAsPoolWorker(): boolean {
  return process.argv[2] === POOL_WORKER_ARG;
}
