/**
 * The server's side of the review worker (./review-worker.ts): one worker thread, started on the
 * first job, reviewing one job at a time. Jobs wait in a queue holding only the newest version of
 * each document, so a document edited while the worker is busy is reviewed once, at its latest
 * version, as soon as the worker is free; the older job's caller gets null. A job already running
 * cannot be interrupted (a review is synchronous code): its result still arrives, and the server
 * keeps it as the last completed review without publishing it when it is out of date.
 *
 * The worker keeps each document's last completed review and answers the requests on it (`ask`,
 * ./worker-queries.ts); this thread receives a review's diagnostics (as JSON), status and line
 * starts, never its result.
 *
 * If the worker cannot start or dies, every waiting caller gets null and `alive` turns false: the
 * server then reviews in its own thread.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { JobFindings, ReviewJob, WorkerOutcome } from './review-job';
import { SentTexts, type DroppedText, type JobText, type JobTextEdit } from './job-text';
import type { TextSnapshot } from './text-snapshot';
import { collectShrinkingTables, logMemory } from './collector';
import type { QueryAnswer, QueryMessage, WorkerQuery } from './worker-queries';
import { trace } from './trace';

export const WORKER_MARKER = 'clausewise-lsp-review-worker';

export interface WorkerSetup {
  marker: typeof WORKER_MARKER;
  /** The worker reads bundle members' texts from this port (see readBundleSync in ./review-worker.ts). */
  bundlePort: MessagePort;
  /** How much text (characters) the documents keeping their incremental state in the worker may hold together (./recent-states.ts). */
  keepChars?: number;
  /**
   * [0]: messages posted to the worker other than queries and spare buffers, counted by this thread as it
   * posts them (shared memory): the worker's warm-up steps only while it has handled them all.
   * [1]: jobs waiting in this thread's queue, not yet posted (an edit typed during a review): the
   * warm-up gives way to them too.
   */
  posted: Int32Array;
  /** Whether the worker warms up its edit path after a document's open (./warmup.ts FirstEditWarmUp). */
  warmUp?: boolean;
}

/** A review job as it travels: its text whole, or as the edit of the previous job's text (./job-text.ts). */
export type ToWorker = { kind: 'review'; job: Omit<ReviewJob, 'text'>; text: JobText } | ({ kind: 'query' } & QueryMessage) | { kind: 'forget'; uri: string } | { kind: 'reset' } | { kind: 'collect' }
  /** Stop: the worker closes its ports and exits once the task under way is done (ReviewThread.dispose). */
  | { kind: 'stop' }
  /** A findings buffer handed back once its bytes were written out (./spare-buffers.ts). */
  | { kind: 'spare'; buffer: ArrayBuffer }
  /** The text of a job not sent yet, as the edit it will carry, to prepare ahead (ReviewThread.textAhead). */
  | { kind: 'text'; uri: string; version: number; text: { edit: JobTextEdit } };
export type FromWorker =
  | { kind: 'findings'; uri: string; version: number; findings: JobFindings }
  | { kind: 'done'; uri: string; version: number; costMs: number; lineStarts: number[] }
  | { kind: 'answer'; answer: QueryAnswer }
  | { kind: 'failed'; uri: string; version: number; error: string }
  /** The job came as an edit of a text the worker does not hold: send it again, whole. */
  | { kind: 'needText'; uri: string; version: number }
  /**
   * The worker let go of these documents' texts (./job-text.ts KeptTexts.retain): their next jobs go
   * whole at once (SentTexts.letGo). Posted before the `done` of the review that made it let them go.
   */
  | { kind: 'dropped'; texts: DroppedText[] }
  | { kind: 'readBundle'; uri: string; path: string; flag: Int32Array };

/** Where the worker's script is and how to start it. */
export interface ReviewWorkerOptions {
  /** The worker's entry: dist/review-worker.js in the bundle; the TypeScript source under tsx in tests. */
  script: string;
  /** Node options for the worker (tests: ['--import', 'tsx']). */
  execArgv?: string[];
  /** Documents at least this long (characters) are reviewed in the worker; smaller ones in the server's thread. */
  minChars?: number;
  /** How much text the documents keeping their incremental state in the worker may hold together; default DEFAULT_KEPT_CHARS (./recent-states.ts). */
  keepChars?: number;
  /** The worker's V8 old-generation limit (MB); default DEFAULT_WORKER_HEAP_MB. */
  maxHeapMb?: number;
  /** How long the worker must have been idle before both threads collect their garbage (ms); default IDLE_COLLECT_MS. */
  idleCollectMs?: number;
  /** The worker warms up its edit path after a document's open (./warmup.ts FirstEditWarmUp); default off (main.ts turns it on). */
  warmUp?: boolean;
  /** How long dispose waits for the worker to stop by itself before terminating it (ms); default STOP_GRACE_MS. */
  stopGraceMs?: number;
}

/**
 * The worker's heap limit. V8 lets a heap grow well past what is alive while a review churns
 * through short-lived objects; a limit makes it collect sooner instead (issue 13, memory). It leaves
 * room for the states kept (DEFAULT_KEPT_CHARS, about 125 MB) and the full review of a 2 MB
 * document. A worker that runs out all the same is started again, its job with it.
 */
export const DEFAULT_WORKER_HEAP_MB = 512;

/**
 * The worker's young generation (MB; V8's default is 48 on 64 bits). Its semi-spaces are memory the
 * thread holds all the time (16 MB held about 16 MB, 8 holds 7); a smaller one costs more frequent,
 * shorter scavenges, which measured no slower for a 1 MB review, and it left the old space no more
 * fragmented (docs/performance.md).
 */
export const DEFAULT_WORKER_YOUNG_MB = 8;

/**
 * Once the worker has had nothing to do for this long after a review, both threads run a full
 * collection (./collector.ts): a second without a keystroke is a pause, and a collection then costs
 * no one a wait. V8's own memory reducer does the same only after several idle seconds.
 */
export const IDLE_COLLECT_MS = 1000;

/**
 * How long a worker asked to stop may take before it is terminated: long enough for a 1 MB review
 * under way to end on a loaded machine (a terminated worker may abort the process, see dispose).
 */
export const STOP_GRACE_MS = 10_000;

/** Restarts in a row (no job completed between them) after the worker ran out of memory; after that, reviews go to the server's thread. */
const MAX_RESTARTS = 2;

/** Below this, a review in the server's thread costs less than the round trips to the worker (see docs/performance.md). */
export const DEFAULT_WORKER_MIN_CHARS = 200_000;

/**
 * A job as the server's thread queues it: its text may be a snapshot (./text-snapshot.ts), sent
 * as the editor's edits since the last job without being built here (issue 13, model).
 */
export type QueuedJob = Omit<ReviewJob, 'text'> & { text: string | TextSnapshot };

interface Waiting {
  job: QueuedJob;
  resolve: (outcome: WorkerOutcome | null) => void;
  /** Told the diagnostics as soon as they arrive, before the rest of the outcome. */
  onFindings?: (findings: JobFindings) => void;
  findings?: JobFindings;
  /** Times the worker asked for the job's text whole: the second time it goes built (SentTexts.whole). */
  refused?: number;
}

/** How dispose ended the worker: it stopped by itself, it was terminated after the grace period, it failed (exited with an error) meanwhile, or there was none. */
export type WorkerStop = 'stopped' | 'terminated' | 'failed' | 'none';

export interface ReviewThreadHost {
  /** A member of a contract's bundle (an open document's text, else the file's), for the worker. */
  readBundle(contractUri: string, absPath: string): string | undefined;
  log(text: string): void;
  /** Idle, before this thread's collection: lets the documents' texts drop what they no longer need (EditedDocument.settleText). */
  settle?(): void;
}

export class ReviewThread {
  private worker: Worker | null = null;
  private bundlePort: MessagePort | null = null;
  private running: Waiting | null = null;
  /** The buffers the worker's findings came in, until handed back (giveBack): no other buffer is ever sent to it. */
  private readonly lent = new WeakSet<ArrayBufferLike>();
  /** The newest job of each document not yet sent, in the order they came. */
  private readonly queue = new Map<string, Waiting>();
  private dead = false;
  private restarts = 0;
  /** Queries sent to the worker and not answered yet, by id. */
  private readonly asked = new Map<number, (answer: QueryAnswer) => void>();
  /** Per document, the queries not answered yet and what waits for them (answered()). */
  private readonly unanswered = new Map<string, { count: number; waiting: Array<() => void> }>();
  private nextQueryId = 1;
  /** The text of the last job sent for each document: the next job carries only its edit (./job-text.ts). */
  private readonly sentTexts = new SentTexts();
  /**
   * How jobs travelled: whole texts, edits, edits the worker could not apply, texts sent ahead, and
   * texts the worker said it let go of that were forgotten here (for tests and traces).
   */
  readonly sent = { texts: 0, edits: 0, refused: 0, ahead: 0, letGo: 0 };
  /** Armed when the worker falls idle after a review (IDLE_COLLECT_MS). */
  private idleTimer: NodeJS.Timeout | null = null;
  private pumpScheduled = false;
  /** The current worker's count of messages posted to it (WorkerSetup.posted). */
  private posted: Int32Array | null = null;
  /** Set by dispose: resolves once the worker has exited. */
  private stopped: Promise<WorkerStop> | null = null;

  constructor(private readonly options: ReviewWorkerOptions, private readonly host: ReviewThreadHost) {}

  get alive(): boolean {
    return !this.dead;
  }

  /**
   * The outcome of the job; null when a newer job of the document replaced it, the document was
   * forgotten, or the worker failed. `onFindings` gets the diagnostics as soon as they arrive.
   */
  review(job: QueuedJob, onFindings?: (findings: JobFindings) => void): Promise<WorkerOutcome | null> {
    if (this.dead) return Promise.resolve(null);
    this.stopIdleTimer();
    return new Promise((resolve) => {
      this.queue.get(job.uri)?.resolve(null);
      this.queue.delete(job.uri); // re-inserted at the end: documents take turns
      this.queue.set(job.uri, { job, resolve, ...(onFindings ? { onFindings } : {}) });
      this.noteQueue();
      this.pumpSoon();
    });
  }

  /**
   * The editor's edits of a document reviewed in the worker, sent as soon as they are read, before
   * the job that will carry them (issue 13, editmodel): an idle worker builds the new text from them
   * meanwhile and V8 flattens it there (about 1.3 ms for a 1 MB contract), off the keystroke's path
   * from the job's arrival to its diagnostics (./job-text.ts KeptTexts.prepare). Only when the worker is
   * idle and nothing waits to be sent (a busy worker would read it after its review, when the job is
   * due anyway), and only when the edits are known without building the text here.
   */
  textAhead(uri: string, version: number, text: TextSnapshot): void {
    if (this.dead || this.running || this.queue.size || !this.worker) return;
    const wire = this.sentTexts.aheadWire(uri, text);
    if (!wire) return;
    this.post({ kind: 'text', uri, version, text: wire });
    this.sent.ahead++;
  }

  /**
   * Starts the next job after this turn of the event loop: a request read with the edit (a hover sent
   * with a keystroke) is handled first, so its query reaches the worker before the job does and is
   * answered at once, rather than after the job's first step (the worker answers queries between a
   * review's steps, from the last completed review, ./review-worker.ts answerWaiting).
   */
  private pumpSoon(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /**
   * Findings' bytes from the worker, written out: their buffer goes back to the worker, which writes
   * the next findings into it (./spare-buffers.ts). The bytes must not be read after this (the
   * buffer is detached here). Anything else is left alone.
   */
  giveBack(bytes: unknown): void {
    if (!(bytes instanceof Uint8Array)) return;
    const buffer = bytes.buffer;
    if (!this.lent.delete(buffer) || !(buffer instanceof ArrayBuffer) || !this.worker) return;
    try {
      this.worker.postMessage({ kind: 'spare', buffer } satisfies ToWorker, [buffer]);
    } catch {
      // A worker going away: the buffer is garbage like any other.
    }
  }

  /** The document closed: its queued job is dropped and the worker forgets its incremental state. */
  forget(uri: string): void {
    this.queue.get(uri)?.resolve(null);
    this.queue.delete(uri);
    this.noteQueue();
    this.sentTexts.forget(uri);
    this.post({ kind: 'forget', uri });
  }

  /**
   * A request on a document the worker reviews, answered by the worker from its last completed
   * review of it, which must be of `version` (else the answer says `stale`). Sent at once: the
   * worker answers it between two reviews, or between two steps of one under way, from the last
   * completed review (./review-worker.ts answerWaiting). A cancelled request
   * answers `cancelled` at once, and the worker skips it if it has not started it.
   */
  ask(uri: string, version: number, query: WorkerQuery, token?: { isCancellationRequested: boolean; onCancellationRequested(listener: () => void): { dispose(): void } }): Promise<QueryAnswer> {
    const id = this.nextQueryId++;
    if (this.dead || !this.worker) return Promise.resolve({ id, missing: true });
    if (token?.isCancellationRequested) return Promise.resolve({ id, cancelled: true });
    const cancelled = new Int32Array(new SharedArrayBuffer(4));
    return new Promise<QueryAnswer>((resolve) => {
      const listener = token?.onCancellationRequested(() => {
        Atomics.store(cancelled, 0, 1);
        settle({ id, cancelled: true });
      });
      const open = this.unanswered.get(uri) ?? { count: 0, waiting: [] };
      const settle = (a: QueryAnswer): void => {
        if (!this.asked.delete(id)) return;
        listener?.dispose();
        resolve(a);
        if (--open.count === 0) {
          this.unanswered.delete(uri);
          // After the request's own continuation (its answer is written first).
          for (const w of open.waiting) setImmediate(w);
        }
      };
      open.count++;
      this.unanswered.set(uri, open);
      this.asked.set(id, settle);
      try {
        this.worker!.postMessage({ kind: 'query', id, uri, version, query, cancelled } satisfies ToWorker);
        trace(`query posted ${query.kind} v${version}`);
      } catch (e) {
        this.host.log(`Clausewise: a request could not be sent to the review worker: ${e instanceof Error ? e.message : String(e)}`);
        settle({ id, missing: true });
      }
    });
  }

  /**
   * Resolves once the queries on the document sent so far are answered (at once when there are
   * none), and those requests have had their turn. The server's thread posts a document's job after
   * them (./server.ts reviewVersion): a hover sent with the keystroke is then answered, and its
   * answer written, while the worker is idle, rather than in the middle of the job, where on a busy
   * machine the server's thread waits for a core while the worker reviews (issue 13, round seventeen).
   */
  answered(uri: string): Promise<void> {
    const open = this.unanswered.get(uri);
    if (!open) return Promise.resolve();
    return new Promise((resolve) => open.waiting.push(resolve));
  }

  /**
   * Stops the worker: every waiting caller gets null at once, and the worker is asked to stop, which
   * it does between two tasks (a review under way finishes first, with the compression of the
   * reviews it keeps). Terminating it instead could stop it inside zlib's set-up of a stream
   * (./result-transfer.ts), which aborts the whole process (Node's "close before init" assertion);
   * terminate() is kept for a worker that has not stopped after STOP_GRACE_MS. Resolves once the
   * worker has exited, with how (none when there was no worker); safe to call more than once.
   */
  dispose(): Promise<WorkerStop> {
    this.dead = true;
    this.stopIdleTimer();
    this.failAll();
    const worker = this.worker;
    this.worker = null;
    if (!worker) {
      this.bundlePort?.close();
      this.bundlePort = null;
      return this.stopped ?? Promise.resolve('none');
    }
    const bundlePort = this.bundlePort;
    let how: WorkerStop = 'stopped';
    const terminate = (): void => {
      how = 'terminated';
      void worker.terminate();
    };
    this.stopped = new Promise<WorkerStop>((resolve) => {
      const grace = setTimeout(terminate, this.options.stopGraceMs ?? STOP_GRACE_MS);
      grace.unref();
      worker.once('exit', (code) => {
        clearTimeout(grace);
        // Kept open until now: a review that was under way may still read a bundle member (answered "unreadable").
        bundlePort?.close();
        resolve(how === 'stopped' && code !== 0 ? 'failed' : how);
      });
    });
    try {
      this.countPosted();
      worker.postMessage({ kind: 'stop' } satisfies ToWorker);
    } catch {
      terminate();
    }
    return this.stopped;
  }

  private post(m: ToWorker): void {
    try {
      if (this.worker && m.kind !== 'query' && m.kind !== 'spare') this.countPosted();
      this.worker?.postMessage(m);
    } catch (e) {
      this.host.log(`Clausewise: the review worker could not be sent a message: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private pump(): void {
    if (this.running || this.dead) return;
    const next = this.queue.entries().next();
    if (next.done) {
      this.startIdleTimer();
      return;
    }
    const [uri, waiting] = next.value;
    this.queue.delete(uri);
    this.noteQueue();
    const worker = this.ensureWorker();
    if (!worker) {
      waiting.resolve(null);
      return;
    }
    this.running = waiting;
    try {
      this.send(worker, waiting.job);
    } catch (e) {
      // Settings that cannot be copied (never expected: they are plain data): this job only fails.
      this.host.log(`Clausewise: a review could not be sent to the worker: ${e instanceof Error ? e.message : String(e)}`);
      this.running = null;
      waiting.resolve(null);
      this.pump();
    }
  }

  /**
   * Posts a job, as the edit of the last text sent for its document unless `whole`; whole, as the
   * snapshot's base and edits unless `whole` is 'flat' (SentTexts.whole).
   */
  private send(worker: Worker, job: QueuedJob, whole?: true | 'flat'): void {
    const { text, ...rest } = job;
    if (whole) this.sentTexts.forget(job.uri);
    const wire = whole === 'flat' ? { text: typeof text === 'string' ? text : text.text } : this.sentTexts.wire(job.uri, job.version, text);
    trace(`job posted v${job.version} ${'edit' in wire ? `edit of ${wire.edit.end - wire.edit.start} by ${wire.edit.insert.length}${wire.edit.more ? ` and ${wire.edit.more.length} more` : ''}` : `text ${text.length}${wire.then ? ` as ${wire.then.length} edits` : ''}`}`);
    this.countPosted();
    worker.postMessage({ kind: 'review', job: rest, text: wire } satisfies ToWorker);
    this.sentTexts.sentTo(job.uri, job.version, text);
    if ('edit' in wire) this.sent.edits++;
    else this.sent.texts++;
  }

  /** How many jobs wait here, for the worker's warm-up (WorkerSetup.posted[1]). */
  private noteQueue(): void {
    if (this.posted) Atomics.store(this.posted, 1, this.queue.size);
  }

  /** Counted before the message goes: the worker's warm-up then never begins a step once it is on its way (WorkerSetup.posted). */
  private countPosted(): void {
    if (this.posted) Atomics.add(this.posted, 0, 1);
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const channel = new MessageChannel();
      // A new counter per worker: a replaced worker's messages are not the new one's.
      this.posted = new Int32Array(new SharedArrayBuffer(8));
      Atomics.store(this.posted, 1, this.queue.size);
      const setup: WorkerSetup = {
        marker: WORKER_MARKER, bundlePort: channel.port2, posted: this.posted,
        ...(this.options.keepChars !== undefined ? { keepChars: this.options.keepChars } : {}),
        ...(this.options.warmUp ? { warmUp: true } : {}),
      };
      const worker = new Worker(this.options.script, {
        workerData: setup, transferList: [channel.port2], execArgv: this.options.execArgv ?? [],
        resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB, maxYoungGenerationSizeMb: DEFAULT_WORKER_YOUNG_MB },
      });
      // The worker never keeps the server alive: the server ends when its client goes.
      worker.unref();
      channel.port1.unref();
      worker.on('message', (m: FromWorker) => this.received(m));
      worker.on('error', (e) => {
        if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' && this.worker === worker) this.outOfMemory(worker);
        else this.died(`the review worker failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      });
      worker.on('exit', (code) => { if (!this.dead && this.worker === worker) this.died(`the review worker stopped (exit code ${code})`); });
      this.worker = worker;
      this.bundlePort = channel.port1;
      return worker;
    } catch (e) {
      this.died(`the review worker could not start: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private received(m: FromWorker): void {
    if (m.kind === 'readBundle') {
      let text: string | undefined;
      try {
        // Stopping: the review under way only has to end.
        text = this.dead ? undefined : this.host.readBundle(m.uri, m.path);
      } catch {
        text = undefined;
      }
      this.bundlePort?.postMessage({ text });
      Atomics.store(m.flag, 0, 1);
      Atomics.notify(m.flag, 0);
      return;
    }
    if (m.kind === 'answer') {
      trace('recv answer');
      this.asked.get(m.answer.id)?.(m.answer);
      return;
    }
    if (m.kind === 'dropped') {
      // Not a job's outcome: the job running (if any) is still under way.
      let n = 0;
      for (const d of m.texts) if (this.sentTexts.letGo(d.uri, d.version)) n++;
      this.sent.letGo += n;
      trace(`recv dropped ${m.texts.length}, ${n} forgotten`);
      return;
    }
    trace(`recv ${m.kind}`);
    const waiting = this.running;
    const mine = !!waiting && waiting.job.uri === m.uri && waiting.job.version === m.version;
    if (m.kind === 'needText') {
      this.sent.refused++;
      this.sentTexts.forget(m.uri);
      if (!mine || !this.worker) return;
      try {
        waiting.refused = (waiting.refused ?? 0) + 1;
        this.send(this.worker, waiting.job, waiting.refused > 1 ? 'flat' : true);
      } catch (e) {
        this.host.log(`Clausewise: a review could not be sent to the worker: ${e instanceof Error ? e.message : String(e)}`);
        this.running = null;
        waiting.resolve(null);
        this.pump();
      }
      return;
    }
    if (m.kind === 'findings') {
      const d = m.findings.diagnostics;
      if (!Array.isArray(d) && d.json instanceof Uint8Array) this.lent.add(d.json.buffer);
      if (!Array.isArray(d) && d.change?.json instanceof Uint8Array) this.lent.add(d.change.json.buffer);
      if (mine) {
        waiting.findings = m.findings;
        try {
          waiting.onFindings?.(m.findings);
        } catch (e) {
          this.host.log(`Clausewise: publishing ${m.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      }
      return;
    }
    if (m.kind === 'failed') this.host.log(`Clausewise: reviewing ${m.uri} failed in the review worker: ${m.error}`);
    // A failure after the job's `done` (the worker posts `done` before it keeps the review,
    // ./review-worker.ts) is only logged: the job that runs now is another's.
    if (m.kind === 'failed' && !mine) return;
    this.running = null;
    this.restarts = 0;
    if (mine && m.kind === 'done' && waiting.findings) {
      // The result stays in the worker, which answers the requests on it (./worker-queries.ts).
      waiting.resolve({ ...waiting.findings, costMs: m.costMs, lineStarts: m.lineStarts });
    }
    else waiting?.resolve(null);
    // The next job after this turn: a request that waited for this outcome (a hover sent once the
    // diagnostics were out, ./server.ts settled) posts its query first, and is answered from the
    // review just kept at once rather than after the job's first step (until round seventeen,
    // after the whole review: a 1 MB hover at 213 ms in lsp-trace, round sixteen).
    this.pumpSoon();
  }

  /**
   * The worker reached its heap limit: its documents' incremental states are gone with it. A new
   * worker takes over, starting with the job that was running (each document is parsed whole once).
   */
  private outOfMemory(worker: Worker): void {
    if (++this.restarts > MAX_RESTARTS) {
      this.died(`the review worker ran out of memory ${this.restarts} times`);
      return;
    }
    this.host.log(`Clausewise: the review worker ran out of memory (limit ${this.options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB} MB); starting a new one.`);
    this.worker = null;
    // The new worker holds no text: every document's next job goes whole.
    this.sentTexts.clear();
    void worker.terminate();
    this.failQueries();
    this.bundlePort?.close();
    this.bundlePort = null;
    const running = this.running;
    this.running = null;
    if (running && !this.queue.has(running.job.uri)) {
      const rest = [...this.queue];
      this.queue.clear();
      this.queue.set(running.job.uri, running);
      for (const [uri, w] of rest) this.queue.set(uri, w);
    } else {
      running?.resolve(null);
    }
    this.pump();
  }

  private startIdleTimer(): void {
    if (this.idleTimer || !this.worker) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.running || this.queue.size || !this.worker) return;
      // The worker collects in its own thread, this thread now: the garbage of the reviews just made.
      this.post({ kind: 'collect' });
      this.host.settle?.();
      logMemory('server thread, before collecting');
      collectShrinkingTables();
      logMemory('server thread, collected');
    }, this.options.idleCollectMs ?? IDLE_COLLECT_MS);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private died(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.host.log(`Clausewise: ${reason}; large documents are reviewed in the server's thread from now on.`);
    this.failAll();
    this.worker = null;
  }

  /** The worker is gone (or replaced), and the reviews it kept with it: unanswered queries get `missing`. */
  private failQueries(): void {
    for (const [id, settle] of [...this.asked]) settle({ id, missing: true });
  }

  private failAll(): void {
    this.failQueries();
    this.running?.resolve(null);
    this.running = null;
    for (const w of this.queue.values()) w.resolve(null);
    this.queue.clear();
  }
}
