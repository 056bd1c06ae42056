/**
 * Reviews many files on the available cores: the main thread and a pool of worker threads running
 * the CLI bundle itself (dist/cli.js starts as a worker when POOL_WORKER_ARG is its first argument and
 * WORKER_MARKER is in its workerData), one thread per core in all. The main thread reviews too: it
 * has the bundle loaded already, and its own outcomes cross no thread, so a run pays one worker's
 * start-up and warm-up less than with a worker per core. Outcomes go back in task order, so the report
 * is the same, byte for byte, as a run in one thread.
 *
 * The pool is used only for runs of more than PARALLEL_MIN_FILES files, when more than one thread is
 * allowed and the code runs from a bundle (not from TypeScript sources under a test runner). It is
 * started as soon as the number of files is known, before they are read, so that the workers load
 * the bundle while the main thread reads and prepares the files (see startPool). Every thread claims
 * its next task itself, through a counter they share (see reviewEach).
 */
import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { setGateScannerAfterChars } from '../categories/short-document-gate';
import { setTextCaches } from '../model/text-caches';
import { runReviewTask, type ReviewOutcome, type ReviewTask } from './review-task';
import { startWorker, takeEarlyWorkers, type StartedWorkers } from './pool-workers';
import { PARALLEL_MIN_FILES } from './run-profile';
import { startedAsPoolWorker, WORKER_MARKER } from './worker-arg';

export { WORKER_MARKER };
// Fewer files than PARALLEL_MIN_FILES are reviewed in the main thread: starting workers costs more
// than it saves. Defined beside the loader's choice of V8 flags, which relies on it (./run-profile.ts).
export { PARALLEL_MIN_FILES };

type FromWorker = { ok: true; outcome: ReviewOutcome } | { ok: false; index: number; error: string };

/**
 * The one message a worker is sent: every task (in task order), the order to take them in, and the
 * shared counter through which every thread claims the next one (see reviewEach).
 */
interface RunMessage {
  tasks: ReviewTask[];
  order: number[];
  claims: Int32Array;
  /** A run posted before its files were read (EarlyRun): each task's TaskState, set by the main thread as it reads. */
  states?: Int32Array;
}

/**
 * A task's file, in a run posted before its files are read (EarlyRun): not read yet; read and in its
 * place, to review; not to review (binary, too large, unreadable: the run reports it); or read with
 * another size than its stat said, so not in its place (the main thread reviews it itself).
 */
export const TaskState = { Pending: 0, Ready: 1, Skipped: 2, Changed: 3 } as const;
export type TaskState = (typeof TaskState)[keyof typeof TaskState];

/** Waits until the main thread has read task i's file (EarlyRun); true when it is in place to review. */
function readyToReview(states: Int32Array, i: number): boolean {
  let state = Atomics.load(states, i);
  while (state === TaskState.Pending) {
    Atomics.wait(states, i, TaskState.Pending);
    state = Atomics.load(states, i);
  }
  return state === TaskState.Ready;
}

/** The next position in the order to review, claimed for this thread; order.length or more when none is left. */
const claimNext = (claims: Int32Array): number => Atomics.add(claims, 0, 1);

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
  // Each file is reviewed once: the model's caches keyed by text would only cost (model/text-caches.ts).
  setTextCaches(false);
  parentPort.on('message', ({ tasks, order, claims, states }: RunMessage) => {
    gateScannerFor(tasks);
    // Claims tasks until none is left, without waiting for the main thread between two.
    for (let k = claimNext(claims); k < order.length; k = claimNext(claims)) {
      if (states && !readyToReview(states, order[k])) continue;
      const task = tasks[order[k]];
      let reply: FromWorker;
      try {
        reply = { ok: true, outcome: runReviewTask(task) };
      } catch (e) {
        reply = { ok: false, index: task.index, error: (e as Error)?.stack ?? String(e) };
      }
      // A JSON part's bytes (own buffer, see review-task.ts) are moved, not copied.
      const part = reply.ok ? reply.outcome.json?.part : undefined;
      parentPort.postMessage(reply, part ? [part.buffer as ArrayBuffer] : undefined);
    }
    /*
     * No task is left and a worker is sent one run only: closing the port lets the thread end now,
     * tearing its heap down (10 to 15 ms of CPU for a 150 MB heap) while the main thread still
     * reviews its last file and writes the report, instead of after it, when the process waits for
     * the worker at exit. The outcomes posted above are delivered first: Node drains the port
     * before the worker's 'exit' event.
     */
    parentPort.close();
  });
}

/** How many threads to use for `files` files: 1 means the main thread only. */
export function threadCount(files: number, requested: number | undefined): number {
  if (files < PARALLEL_MIN_FILES) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(requested ?? cores, files));
}

/** Worker threads started ahead of their tasks (see startPool), or none. */
export type Pool = StartedWorkers;

/**
 * Starts the worker threads of a run on `threads` threads now (`threads` - 1 of them: the main thread
 * is the other reviewer), when `threads` > 1 and a worker script is given (else returns null: the
 * review runs in this thread only). A worker spends its first tenth of a second or more loading the
 * bundle; started before the files are read, it does that on another core meanwhile. A pool must be
 * handed to reviewShared, which ends its workers.
 */
export function startPool(threads: number, workerScript: string | null): Pool | null {
  // Workers the loader started before the bundle loaded (./pool-workers.ts): taken first, the rest ended.
  const early = takeEarlyWorkers();
  if (threads <= 1 || !workerScript) {
    void endPool(early ?? null);
    return null;
  }
  const pool: Pool = early ?? { workers: [], failures: new Map() };
  if (pool.workers.length > threads - 1) void endPool({ workers: pool.workers.splice(threads - 1) });
  while (pool.workers.length < threads - 1) startWorker(workerThreads().Worker, workerScript, pool);
  return pool;
}

/** How a run's tasks were shared out (for the debug line and the tests). */
export interface ReviewShare {
  outcomes: ReviewOutcome[];
  /** Threads that reviewed (the main thread included). */
  threads: number;
  /** Tasks the main thread reviewed itself. */
  inMainThread: number;
  /** Per task, the thread that reviewed it: 0 the main thread, k the k-th worker. */
  reviewedBy: number[];
}

/**
 * Told of each outcome as soon as it is known (in any order: longest tasks go first and threads
 * finish at different times), so that the CLI can write each file's report while the others are
 * reviewed. A listener that throws fails the run.
 */
export type OutcomeListener = (index: number, outcome: ReviewOutcome) => void;

/**
 * Reviews every task: in this thread and the pool's worker threads when there is a pool, else here
 * alone, telling onOutcome of each outcome as it comes; then ends the pool's workers. A task that
 * throws in a worker rejects the whole run (the CLI reports it as an internal error).
 */
export async function reviewShared(tasks: ReviewTask[], pool: Pool | null, onOutcome?: OutcomeListener): Promise<ReviewShare> {
  // Each file is reviewed once: the model's caches keyed by text would only cost (model/text-caches.ts).
  // Restored afterwards, for a process that goes on (tests run the CLI in process).
  const caches = setTextCaches(false);
  const scannerAfter = gateScannerFor(tasks);
  try {
    return await reviewEach(tasks, pool, onOutcome);
  } finally {
    setTextCaches(caches);
    setGateScannerAfterChars(scannerAfter);
  }
}

/**
 * A run of this many characters or more in all (counted as bytes) gates its short documents with
 * the short-document gate's scanner from the first one (categories/short-document-gate.ts). By
 * default a process searches its first 60,000 characters of short documents literal by literal, so
 * that a run on one small contract never builds the scanner; in a run over many files each thread
 * built it anyway after a few documents, and those documents' searches cost more than building it
 * (about 40 ms a thread over cuad-dev, issue 13, cli). Either way the gate skips the same patterns.
 */
export const GATE_SCANNER_RUN_CHARS = 250_000;

/** Sets the gate's scanner for a run of these tasks (see GATE_SCANNER_RUN_CHARS); returns the previous setting. */
function gateScannerFor(tasks: readonly ReviewTask[]): number {
  let chars = 0;
  for (const t of tasks) chars += t.text?.length ?? t.bytes?.byteLength ?? 0;
  const previous = setGateScannerAfterChars(0);
  if (chars < GATE_SCANNER_RUN_CHARS) setGateScannerAfterChars(previous);
  return previous;
}

async function reviewEach(tasks: ReviewTask[], pool: Pool | null, onOutcome?: OutcomeListener): Promise<ReviewShare> {
  // The main thread takes at least one task: workers beyond tasks - 1 would have nothing to do.
  const workers = pool ? pool.workers.slice(0, Math.max(0, tasks.length - 1)) : [];
  if (pool) await endPool({ workers: pool.workers.slice(workers.length) });
  if (!workers.length) {
    const outcomes = tasks.map((task, i) => {
      const outcome = runReviewTask(task);
      onOutcome?.(i, outcome);
      return outcome;
    });
    return { outcomes, threads: 1, inMainThread: tasks.length, reviewedBy: tasks.map(() => 0) };
  }
  const outcomes: ReviewOutcome[] = new Array(tasks.length);
  // Longest first, so that no thread is left with one long contract while the others wait: the
  // review's cost follows the text's length. Outcomes still go back in task order.
  const size = (t: ReviewTask): number => t.text?.length ?? t.bytes?.byteLength ?? 0;
  const order = tasks.map((_, i) => i).sort((a, b) => size(tasks[b]) - size(tasks[a]) || a - b);
  // Every thread takes the next task of the order through this shared counter when it is free, so
  // none waits for another to hand it work: the main thread, busy with its own review, could hand out
  // tasks only between two of them, and a worker that ran out meanwhile sat idle (a tenth of its time
  // over cuad-dev). Each worker gets every task up front; the files' bytes are shared, not copied.
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const shared = withSharedBytes(tasks);
  const reviewedBy: number[] = new Array(tasks.length).fill(0);
  let done = 0;
  let inMainThread = 0;
  let failure: Error | undefined = workers.map((w) => pool!.failures.get(w)).find(Boolean);
  let wake: (() => void) | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    // Workers stop claiming: the run ends with the failure.
    Atomics.store(claims, 0, order.length);
    wake?.();
  };
  try {
    for (const [k, w] of workers.entries()) {
      w.ref();
      w.on('message', (m: FromWorker) => {
        if (failure) return;
        if (!m.ok) {
          fail(new Error(`reviewing ${tasks[m.index]?.path ?? `task ${m.index}`} failed in a worker thread:\n${m.error}`));
          return;
        }
        outcomes[m.outcome.index] = m.outcome;
        reviewedBy[m.outcome.index] = k + 1;
        done++;
        try {
          onOutcome?.(m.outcome.index, m.outcome);
        } catch (e) {
          fail(e as Error);
          return;
        }
        if (done === tasks.length) wake?.();
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (done < tasks.length && code !== 0) fail(new Error(`a review worker thread exited with code ${code}`));
      });
      if (!failure) w.postMessage({ tasks: shared, order, claims } satisfies RunMessage);
    }
    // The main thread's share: a task at a time, letting the workers' outcomes in between two (the
    // report of each is made then, so that little is left to do after the last review).
    for (let k = claimNext(claims); !failure && k < order.length; k = claimNext(claims)) {
      const i = order[k];
      outcomes[i] = runReviewTask(shared[i]);
      inMainThread++;
      done++;
      onOutcome?.(i, outcomes[i]);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    while (!failure && done < tasks.length) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  } finally {
    // Not awaited: a worker's exit (freeing its heap) runs on its own thread while this one writes
    // the report; the process still waits for the workers to stop before it exits.
    void endPool({ workers });
  }
  return { outcomes, threads: workers.length + 1, inMainThread, reviewedBy };
}

/**
 * A pooled run posted to its workers before its files are read, so that a worker starts on the
 * longest file as soon as that file is read instead of after the last one (the main thread read about
 * 15 MB over cuad-dev first, while the started worker waited). The tasks are made from the files'
 * stats; the files are laid out by those sizes in one SharedArrayBuffer (each place one byte longer
 * than its stat, to see a file that grew), and the main thread reads them in the order the threads
 * claim them, longest first, telling the workers each file's TaskState through `states`. What is not
 * Ready (skipped, or a file whose size changed, which the main thread reviews from its own bytes) the
 * workers pass over. The main thread then compacts the tasks (the reviewable files, in file order)
 * and reviews with the workers (review): a worker's outcome carries its posted index, mapped then.
 * Every worker message is handled after the main thread's synchronous reading, but the listeners are
 * attached now so that none is missed, and what comes before review is held for it.
 */
export class EarlyRun {
  /** Posted indexes, longest file first (ties in file order): the order the threads claim them in. */
  readonly order: number[];
  private readonly claims = new Int32Array(new SharedArrayBuffer(4));
  private readonly states: Int32Array;
  /** Each posted file's place, one byte longer than its stat (readRegularFile's `allocate`). */
  private readonly places: Buffer[];
  private readonly workers: Worker[];
  private failure: Error | undefined;
  private held: Array<{ k: number; m: FromWorker }> | null = [];
  private onMessage: ((k: number, m: FromWorker) => void) | undefined;
  private onExit: ((code: number) => void) | undefined;
  private wake: (() => void) | null = null;

  /** Posts `tasks` (index = position; bytes set here) to the pool's workers; sizes are the files' stats. */
  constructor(pool: Pool, readonly tasks: ReviewTask[], sizes: readonly number[]) {
    this.order = tasks.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
    this.states = new Int32Array(new SharedArrayBuffer(4 * tasks.length));
    let total = 0;
    for (const size of sizes) total += size + 1;
    const memory = new SharedArrayBuffer(total);
    this.places = new Array(tasks.length);
    let at = 0;
    // Laid out in claim order, so that the reading goes through the memory from one end.
    for (const i of this.order) {
      this.places[i] = Buffer.from(memory, at, sizes[i] + 1);
      tasks[i].bytes = this.places[i].subarray(0, sizes[i]);
      at += sizes[i] + 1;
    }
    // The main thread takes at least one task: workers beyond tasks - 1 would have nothing to do.
    this.workers = pool.workers.slice(0, Math.max(0, tasks.length - 1));
    void endPool({ workers: pool.workers.slice(this.workers.length) });
    this.failure = this.workers.map((w) => pool.failures.get(w)).find(Boolean);
    if (this.failure) Atomics.store(this.claims, 0, this.order.length);
    for (const [k, w] of this.workers.entries()) {
      w.ref();
      w.on('message', (m: FromWorker) => (this.held ? this.held.push({ k, m }) : this.onMessage!(k, m)));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => (this.onExit ? this.onExit(code) : code !== 0 && this.fail(new Error(`a review worker thread exited with code ${code}`))));
      if (!this.failure) w.postMessage({ tasks, order: this.order, claims: this.claims, states: this.states } satisfies RunMessage);
    }
  }

  /** Threads that review, the main thread included. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /** Where posted file i is to be read: a buffer one byte longer than its stat. */
  place(i: number): Buffer {
    return this.places[i];
  }

  /** Tells the workers what became of posted file i. */
  settle(i: number, state: TaskState): void {
    Atomics.store(this.states, i, state);
    Atomics.notify(this.states, i);
  }

  state(i: number): TaskState {
    return Atomics.load(this.states, i) as TaskState;
  }

  /** Every file still pending skipped (the reading stopped early: the workers must not wait on it). */
  settleRest(): void {
    for (let i = 0; i < this.tasks.length; i++) if (this.state(i) === TaskState.Pending) this.settle(i, TaskState.Skipped);
  }

  /** Ends the run without a review (an error after the reading): nothing more is claimed, the workers end. */
  async cancel(): Promise<void> {
    Atomics.store(this.claims, 0, this.order.length);
    this.settleRest();
    await endPool({ workers: this.workers });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    // Workers stop claiming: the run ends with the failure.
    Atomics.store(this.claims, 0, this.order.length);
    this.wake?.();
  }

  /**
   * Reviews the run, like reviewShared: `tasks` are the files to review in file order (index =
   * position), `fromPosted` maps a posted index to its task (-1: not reviewed from its place), `own`
   * lists the tasks only this thread reviews (not Ready: a changed size, or read without a place).
   */
  async review(tasks: ReviewTask[], fromPosted: readonly number[], own: readonly number[], onOutcome?: OutcomeListener): Promise<ReviewShare> {
    const caches = setTextCaches(false);
    const scannerAfter = gateScannerFor(tasks);
    try {
      return await this.reviewEach(tasks, fromPosted, own, onOutcome);
    } finally {
      setTextCaches(caches);
      setGateScannerAfterChars(scannerAfter);
    }
  }

  private async reviewEach(tasks: ReviewTask[], fromPosted: readonly number[], own: readonly number[], onOutcome?: OutcomeListener): Promise<ReviewShare> {
    const outcomes: ReviewOutcome[] = new Array(tasks.length);
    const reviewedBy: number[] = new Array(tasks.length).fill(0);
    let done = 0;
    let inMainThread = 0;
    this.onMessage = (k, m) => {
      if (this.failure) return;
      if (!m.ok) {
        this.fail(new Error(`reviewing ${this.tasks[m.index]?.path ?? `task ${m.index}`} failed in a worker thread:\n${m.error}`));
        return;
      }
      const i = fromPosted[m.outcome.index];
      m.outcome.index = i;
      outcomes[i] = m.outcome;
      reviewedBy[i] = k + 1;
      done++;
      try {
        onOutcome?.(i, m.outcome);
      } catch (e) {
        this.fail(e as Error);
        return;
      }
      if (done === tasks.length) this.wake?.();
    };
    this.onExit = (code) => {
      if (done < tasks.length && code !== 0) this.fail(new Error(`a review worker thread exited with code ${code}`));
    };
    const mine = (i: number): void => {
      outcomes[i] = runReviewTask(tasks[i]);
      inMainThread++;
      done++;
      onOutcome?.(i, outcomes[i]);
    };
    try {
      const held = this.held!;
      this.held = null;
      for (const { k, m } of held) this.onMessage(k, m);
      for (const i of own) {
        if (this.failure) break;
        mine(i);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      for (let k = claimNext(this.claims); !this.failure && k < this.order.length; k = claimNext(this.claims)) {
        const p = this.order[k];
        if (this.state(p) !== TaskState.Ready) continue;
        mine(fromPosted[p]);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      while (!this.failure && done < tasks.length) await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.failure) throw this.failure;
    } finally {
      // As in reviewEach: a worker's exit runs on its own thread while this one writes the report.
      void endPool({ workers: this.workers });
    }
    return { outcomes, threads: this.workers.length + 1, inMainThread, reviewedBy };
  }
}

/**
 * The tasks with their files' bytes in shared memory: a view of a SharedArrayBuffer crosses to a
 * worker without a copy, and each thread decodes only the files it reviews. Files read through
 * SharedFiles are there already; the others (standard input, a file that grew while read) are moved
 * into one more SharedArrayBuffer (in place: their own buffers are then free).
 */
function withSharedBytes(tasks: ReviewTask[]): ReviewTask[] {
  const shared = (b: Uint8Array): boolean => b.buffer instanceof SharedArrayBuffer;
  let total = 0;
  for (const t of tasks) if (t.bytes && !shared(t.bytes)) total += t.bytes.byteLength;
  if (total === 0) return tasks;
  const buffer = new SharedArrayBuffer(total);
  let at = 0;
  for (const t of tasks) {
    if (!t.bytes || shared(t.bytes)) continue;
    const view = new Uint8Array(buffer, at, t.bytes.byteLength);
    view.set(t.bytes);
    at += t.bytes.byteLength;
    t.bytes = view;
  }
  return tasks;
}

/**
 * Shared memory that a pool's files are read into (engine/regular-file.ts readRegularFile's
 * `allocate`), in blocks of SHARED_BLOCK bytes or one file's size: the files' bytes were read into
 * buffers of their own and then copied into one SharedArrayBuffer before the workers got their tasks,
 * about 13 ms of the main thread over cuad-dev's 13 MB (page faults of the fresh memory included),
 * which both threads waited for. A block's unused end and a file skipped after reading (binary) are
 * held until the run ends, as the old buffers were until collected.
 */
export class SharedFiles {
  private block: SharedArrayBuffer | null = null;
  private at = 0;

  readonly allocate = (size: number): Buffer => {
    if (!this.block || this.block.byteLength - this.at < size) {
      this.block = new SharedArrayBuffer(Math.max(SHARED_BLOCK, size));
      this.at = 0;
    }
    const view = Buffer.from(this.block, this.at, size);
    this.at += size;
    return view;
  };
}
const SHARED_BLOCK = 4 * 1024 * 1024;

/** How many threads reviewShared uses for `tasks` tasks with this pool, the main thread included. */
export function poolThreads(pool: Pool | null, tasks: number): number {
  return !pool ? 1 : Math.max(1, Math.min(pool.workers.length + 1, tasks));
}

/** Ends the pool's workers (a pool that was started but is not needed, or is done). */
export async function endPool(pool: Pick<Pool, 'workers'> | null): Promise<void> {
  if (pool) await Promise.all(pool.workers.map((w) => w.terminate().catch(() => undefined)));
}
