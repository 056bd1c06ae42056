/**
 * Entry point of the language server's review worker (bundled as dist/review-worker.js): a thread
 * that reviews large documents so that their reviews never hold up requests or other documents in
 * the server's own thread. It keeps the incremental state (model and per-block facts) of the
 * documents reviewed most recently, up to a total size (./recent-states.ts), so their edits are
 * reviewed incrementally here as they would be in the server's thread; and the last completed
 * review of each of its documents (./kept-reviews.ts), from which it answers the requests on them
 * (./worker-queries.ts): the server's thread receives diagnostics and small answers, never a result.
 * The protocol with the server's side (./review-thread.ts):
 * - in: { kind: 'review', job, text } (text: whole, or the edit of the previous job's, ./job-text.ts) | { kind: 'query', ...QueryMessage } | { kind: 'forget', uri }
 *       | { kind: 'reset' } | { kind: 'collect' } (idle: collect garbage) | { kind: 'stop' } (close the ports and exit, between two tasks)
 *       | { kind: 'spare', buffer } (a findings buffer handed back once written out: the next findings go into it, ./spare-buffers.ts)
 * - out: { kind: 'findings', uri, version, findings } (the diagnostics as JSON in UTF-8 bytes, transferred; published at once)
 *        then { kind: 'done', uri, version, costMs, lineStarts }, or { kind: 'failed', uri, version, error }
 *        | { kind: 'needText', uri, version } (the job's edit applies to a text not kept here: send it whole)
 *        | { kind: 'dropped', texts } (texts let go here, ./job-text.ts KeptTexts.retain: their next jobs come whole)
 *        | { kind: 'answer', answer } (to a query)
 *        | { kind: 'readBundle', uri, path, flag } (answered on the bundle port, see readBundleSync)
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { JobFindings, JobOutcome, ReviewJob } from './review-job';

import type { ReviewResult } from '../engine';
import type { FromWorker, ToWorker, WorkerSetup } from './review-thread';
import { WorkerDocuments } from './worker-documents';
import { KeptTexts } from './job-text';
import { SpareBuffers } from './spare-buffers';
import { WorkerJsonCaches } from './worker-json';
import { reserveRender } from './diagnostics-json';
import { answerFromKept, errorOf, type QueryAnswer, type QueryMessage } from './worker-queries';
import { collectShrinkingTables, compactIfFragmented, compactingCollection, logMemory } from './collector';
import { EDIT_HEAP_GROWING, EDIT_HEAP_GROWING_CHARS, editHeapGrowing, fullCollection, idleScavenge } from './idle-gc';
import { trace } from './trace';
import { FirstEditWarmUp, type WarmUpJobs } from './warmup';

/**
 * Whether a document's first review here (its open) publishes from the diagnostics' objects, its
 * findings' JSON cache being filled afterwards, between two tasks (CLAUSEWISE_OPEN_JSON=objects; the
 * way until issue 13's round fifteen), rather than through the cache at once. The fill (21 to 29 ms
 * of CPU for a 1 MB contract) was meant to run while the client reads the open's diagnostics, but a
 * first keystroke typed at once reached the worker during it and waited; made through the cache, the
 * open's JSON costs some 15 ms more and the first edit waits for nothing (docs/performance.md).
 */
const OPEN_JSON_FROM_OBJECTS = process.env.CLAUSEWISE_OPEN_JSON === 'objects';

/**
 * How long after a document's open (its diagnostics posted) the warm-up of the edit path begins
 * (ms; CLAUSEWISE_WARM_UP_AFTER_OPEN_MS). A keystroke typed as soon as the diagnostics are read
 * reaches the worker some 20 to 70 ms after them; begun at once, the warm-up's first steps (cold,
 * up to 10 ms each, and CPU the server's thread and the client want then) held that keystroke up
 * (docs/performance.md, round fifteen, openjson). A user who reads first still gets it warmed up.
 */
const WARM_UP_AFTER_OPEN_MS = Number(process.env.CLAUSEWISE_WARM_UP_AFTER_OPEN_MS ?? 200);

/**
 * A document at least this long (characters) has the edit path warmed up within its open's job,
 * before the open's diagnostics are posted (./warmup.ts FirstEditWarmUp.runNow), rather than from
 * WARM_UP_AFTER_OPEN_MS after them: a keystroke typed as soon as those diagnostics arrive reaches
 * the worker before that. The open's diagnostics come later by the warm-up's cost (docs/performance.md,
 * round sixteen). CLAUSEWISE_WARM_UP_BEFORE_PUBLISH_CHARS; 0 turns it off.
 */
const WARM_UP_BEFORE_PUBLISH_CHARS = Number(process.env.CLAUSEWISE_WARM_UP_BEFORE_PUBLISH_CHARS ?? 500_000);

/**
 * A document at least this long (characters) has the young generation collected as soon as an edit's
 * review is done (findings and outcome posted, review kept), when no message waits (issue 13, round
 * sixteen, idlegc): the next keystroke's job comes some 10 ms later, so the scavenge runs in time the
 * worker would spend idle, and the next review starts with an empty young space rather than meeting
 * one of its own scavenges. CLAUSEWISE_IDLE_SCAVENGE_CHARS; 0 turns it off (./idle-gc.ts idleScavenge).
 */
const IDLE_SCAVENGE_CHARS = Number(process.env.CLAUSEWISE_IDLE_SCAVENGE_CHARS ?? 500_000);

/** Full reviews since the last compaction after which the idle collection compacts (see the 'collect' message). */
const COMPACT_AFTER_FULL_REVIEWS = 2;

/** How long a bundle member may take to arrive from the server's thread before it counts as unreadable. */
const BUNDLE_TIMEOUT_MS = 10_000;

function start(port: NonNullable<typeof parentPort>, setup: WorkerSetup): void {
  // The documents' incremental states and last reviews (./worker-documents.ts).
  const documents = new WorkerDocuments(setup.keepChars);
  const reviews = documents.reviews;
  // The text of each document's last job, so that the next comes as an edit (./job-text.ts).
  const texts = new KeptTexts();
  /**
   * Texts are kept for the documents that keep an incremental state, whose model holds the same
   * string anyway, and for the one reviewed last: a document whose review is compressed has its text
   * in the compressed bytes, and a second copy beside them would cost 1 to 2 MB per document.
   */
  // Each document's findings' JSON from its last review here, so that a publish makes only what
  // changed (./diagnostics-json.ts, ./worker-json.ts): kept for the same documents as their texts
  // (about the size of the publish, 1.6 MB for a 1 MB contract).
  const jsonCaches = new WorkerJsonCaches();
  const keepsText = (u: string): boolean => u === lastReviewed || documents.states.has(u);
  /**
   * The server's thread is told which texts went (`dropped`), so that it sends those documents' next
   * jobs whole at once: until issue 13's round nineteen (serverrefuse) each went as an edit first,
   * was refused here (`needText`) and was sent again. A job already on its way as an edit of a text
   * let go is still refused (KeptTexts.receiveJob), so a message crossing it ends as before.
   */
  const retainTexts = (last: string | null): void => {
    const keep = (u: string): boolean => u === last || documents.states.has(u);
    const dropped = texts.retain(keep);
    jsonCaches.retain(keep);
    if (dropped.length) {
      trace(`dropped ${dropped.length}`);
      port.postMessage({ kind: 'dropped', texts: dropped } satisfies FromWorker);
    }
  };
  let lastReviewed: string | null = null;
  // The buffers the findings' JSON travels in, handed back by the server's thread once written out.
  const spares = new SpareBuffers();
  const bundlePort: MessagePort = setup.bundlePort;

  /**
   * A bundle member, read synchronously (the review asks for it in the middle of its work): the
   * server's thread answers on the bundle port and wakes this thread through a shared flag.
   */
  const readBundleSync = (uri: string, path: string): string | undefined => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const send: FromWorker = { kind: 'readBundle', uri, path, flag };
    port.postMessage(send);
    if (Atomics.wait(flag, 0, 0, BUNDLE_TIMEOUT_MS) === 'timed-out') return undefined;
    const reply = receiveMessageOnPort(bundlePort)?.message as { text?: string } | undefined;
    return typeof reply?.text === 'string' ? reply.text : undefined;
  };

  /** A query answered from the document's kept review (./worker-queries.ts answerFromKept). */
  const answer = (m: QueryMessage): QueryAnswer => answerFromKept(reviews, m);

  const postAnswer = (m: QueryMessage): void => {
    trace(`query ${m.query.kind} v${m.version}`);
    const a = answer(m);
    trace(`answered ${m.query.kind}`);
    try {
      port.postMessage({ kind: 'answer', answer: a } satisfies FromWorker);
    } catch (e) {
      // An answer that cannot be copied (never expected: answers are plain data).
      port.postMessage({ kind: 'answer', answer: { id: m.id, error: errorOf(e) } } satisfies FromWorker);
    }
  };

  /** The document of the last job when it was an edit reviewed here (the heap growing factor's test), else null. */
  let lastEdited: string | null = null;

  /** Reviews begun so far: an idle compaction is skipped when a review came first. */
  let reviewCount = 0;

  /** Messages counted in setup.posted (all but queries and spares) handled so far. */
  let handledPosts = 0;
  /**
   * The edit path warmed up on a sample after a document's open, until the first real edit
   * (./warmup.ts FirstEditWarmUp): it steps only while every message posted here has been handled
   * and no job waits in the server's thread's queue (an edit typed during the open's review).
   */
  const warmUp = setup.warmUp ? new FirstEditWarmUp(() => Atomics.load(setup.posted, 0) !== handledPosts || (setup.posted.length > 1 && Atomics.load(setup.posted, 1) > 0)) : null;

  /** Set by a 'stop' message: nothing more is done. */
  let stopping = false;

  /** Messages taken off the port during a review and not handled then: handled in order after it. */
  const deferred: ToWorker[] = [];
  /**
   * Between two steps of a review (issue 13): answers the queries that arrived meanwhile, those on
   * the document under review included, from each document's last completed review (still the
   * kept one: the review under way is kept only once its steps end). The splice never changes an
   * object the previous model holds (blocks after the edit are new objects, lists are copied;
   * model/incremental.ts, model/offsetBlock.ts movedTo), which the server's thread relies on too when
   * it answers a hover between the slices of its own reviews (./schedule.ts runInSlices); checked by
   * test/lsp/worker-busy-queries.test.ts. So a hover sent with a keystroke is answered within one
   * step even when the keystroke's job reached the worker first, and the job need not be held back
   * for it (./server.ts; until round seventeen, WORKER_JOB_WINDOW_MS). Anything else (forget,
   * reset...) waits for the review's end, and so does every message after a non-query one.
   */
  const answerWaiting = (): void => {
    for (let r = receiveMessageOnPort(port); r; r = receiveMessageOnPort(port)) {
      const m = r.message as ToWorker;
      // Taken at once: the review under way may publish into it.
      if (m.kind === 'spare') {
        spares.give(m.buffer);
        continue;
      }
      // A text sent ahead of its job is of no use in the middle of a review (its job is due after it,
      // and carries the same edit): dropped, so that it neither costs this review its build nor holds
      // back the queries behind it.
      if (m.kind === 'text') {
        handledPosts++;
        continue;
      }
      const blocked = deferred.some((d) => d.kind !== 'query');
      if (m.kind === 'query' && !blocked) postAnswer(m);
      else deferred.push(m);
    }
  };

  const handle = (m: ToWorker): void => {
    if (m.kind === 'query') {
      postAnswer(m);
      return;
    }
    if (m.kind === 'spare') {
      spares.give(m.buffer);
      return;
    }
    handledPosts++;
    if (stopping) return;
    if (m.kind === 'stop') {
      // Between two tasks (a review under way and the compression after it are done): nothing is
      // cut short, and with both ports closed the thread's event loop empties and it exits by
      // itself (ReviewThread.dispose; terminating it could stop it inside zlib and abort the process).
      stopping = true;
      warmUp?.end();
      deferred.length = 0;
      bundlePort.close();
      port.close();
      return;
    }
    // Anything else stops the warm-up's steps (a query is answered between two of them); an idle
    // collection ends it, so that its state is not left behind in the settled heap.
    warmUp?.pause();
    if (m.kind === 'collect') warmUp?.end();
    if (m.kind === 'text') {
      // Built and flattened now, while the server's thread holds the job (./job-text.ts KeptTexts.prepare).
      const ready = texts.prepare(m.uri, m.version, m.text);
      trace(`text ahead v${m.version}${ready ? '' : ' not kept'}`);
      return;
    }
    if (m.kind === 'forget') {
      documents.forget(m.uri);
      texts.forget(m.uri);
      jsonCaches.forget(m.uri);
      if (lastReviewed === m.uri) lastReviewed = null;
      return;
    }
    if (m.kind === 'reset') {
      documents.clear();
      texts.clear();
      jsonCaches.clear();
      lastReviewed = null;
      return;
    }
    if (m.kind === 'collect') {
      // Idle (see IDLE_COLLECT_MS in ./review-thread.ts): one incremental state is kept, and the garbage of the last reviews goes now.
      // V8's own heap growing factor again, so that the heap's limit after this collection is as before edits.
      editHeapGrowing(false);
      logMemory('worker, before collecting');
      documents.idle();
      retainTexts(lastReviewed);
      spares.trim();
      // First an ordinary collection, after which the tables of the WeakMaps keyed per sentence are
      // fitted to what it left alive (./collector.ts collectShrinkingTables). After a burst of full
      // reviews (documents opened, or edits taking turns over more documents than keep a state) the
      // old space is left fragmented, about twice what is alive: compacted then (./collector.ts),
      // which also frees the old tables. Otherwise a compaction only if the collection left much of
      // the old space empty; that one waits for the messages that came meanwhile (a keystroke's job,
      // a request), and does not happen if one was a review.
      // Each way ends with an "idle step done" line in the memory log: the bench's settled RSS
      // reading waits for it (scripts/bench.ts), since under load it came seconds after the last review.
      collectShrinkingTables();
      if (documents.fullReviews >= COMPACT_AFTER_FULL_REVIEWS) {
        const ms = compactingCollection();
        documents.compacted();
        logMemory(`worker, idle step done: compacted after full reviews in ${ms?.toFixed(0)} ms`);
        return;
      }
      logMemory('worker, collected');
      const jobs = reviewCount;
      setImmediate(() => {
        if (reviewCount !== jobs || stopping) return;
        const ms = compactIfFragmented();
        if (ms !== null) documents.compacted();
        logMemory(`worker, idle step done: ${ms === null ? 'not fragmented' : `compacted in ${ms.toFixed(0)} ms`}`);
      });
      return;
    }
    const received = texts.receiveJob(m.job.uri, m.job.version, m.text);
    if (received === undefined) {
      trace(`needText v${m.job.version}`);
      port.postMessage({ kind: 'needText', uri: m.job.uri, version: m.job.version } satisfies FromWorker);
      return;
    }
    // With the edit, when the text came as one: the model takes its range (./job-text.ts).
    const job: ReviewJob = { ...m.job, ...received };
    lastReviewed = job.uri;
    reviewCount++;
    trace(`job v${job.version}`);
    /** null: already posted (`done`, with the findings). */
    let reply: FromWorker | null;
    /** The document's length when this was an edit reviewed here (the idle scavenge's test), else 0. */
    let edited = 0;
    /** A document's first review here: the warm-up resumes after it, and its JSON cache is filled from it if it was made without one (OPEN_JSON_FROM_OBJECTS). */
    // `result` only while the JSON cache is still to be filled from it (issue 13, memory): the review's
    // own result holds its model's memoised facts, and the warm-up's wait kept a whole 1 MB review
    // alive into the next document's open (two or three of them at once when documents open in a row).
    let opened: { uri: string; version: number; result: ReviewResult | null; text: string; shape: ReviewJob['diagnosticShape']; changes: number; render?: number; unfilled: boolean } | null = null;
    try {
      // In steps, with the queries that arrived meanwhile answered between them (this document's
      // from its previous review, see answerWaiting). The diagnostics are posted as soon
      // as the steps end (`made`), and the review is kept before this handler returns: a query the
      // server's thread sends once it has the diagnostics is read off the port after that, and finds
      // it. The model's caches let go and the review kept after the post, not before (issue 13 round
      // sixteen: ~2 ms of each 1 MB keystroke's latency).
      // The findings' JSON is made through the document's cache from its first review here (the
      // open) on, unless OPEN_JSON_FROM_OBJECTS: see there.
      const changes = job.diagnosticChanges ?? 0;
      const first = reviews.versionOf(job.uri) === undefined;
      // An open's full review with V8's own heap growing factor (./idle-gc.ts: the larger one is for edits).
      if (first) {
        editHeapGrowing(false);
        lastEdited = null;
      }
      const cache = jsonCaches.forReview(job.uri, !first || !OPEN_JSON_FROM_OBJECTS, job.diagnosticShape, changes);
      let render: number | undefined;
      let donePosted = false;
      const post = (outcome: JobOutcome): void => {
        const { diagnostics, status } = outcome;
        // As JSON made here (only the changed findings' made again), in UTF-8 bytes handed over rather
        // than copied: the server's thread copies them into its output buffer as they are, with no
        // objects to serialise and no string to copy across threads, join or encode (./raw-json.ts),
        // then hands the buffer back for the next publish (./spare-buffers.ts).
        // For a client taking changes, only the change from the last render when there is one (the
        // server's thread asks for the whole list if it cannot send the change, ./server.ts publish);
        // a first review's whole list is given the number its cache's render gets afterwards.
        render = Array.isArray(diagnostics) ? (changes ? reserveRender() : undefined) : diagnostics.render;
        const change = Array.isArray(diagnostics) ? undefined : diagnostics.change;
        if (change && render !== undefined) {
          const json = spares.bytesOf(change.json);
          trace(`json change ${json.byteLength}`);
          const findings: JobFindings = { diagnostics: { json: null, render, change: { base: change.base, json } }, status };
          port.postMessage({ kind: 'findings', uri: job.uri, version: job.version, findings } satisfies FromWorker, [json.buffer as ArrayBuffer]);
        } else {
          const json = spares.bytesOf(Array.isArray(diagnostics) ? JSON.stringify(diagnostics) : diagnostics.json!);
          trace(`json ${json.byteLength}`);
          port.postMessage({ kind: 'findings', uri: job.uri, version: job.version, findings: { diagnostics: { json, ...(render !== undefined ? { render } : {}) }, status } } satisfies FromWorker, [json.buffer as ArrayBuffer]);
        }
        trace('findings-posted');
        // The texts this review's states pushed out (./recent-states.ts take) let go now, and the
        // server's thread told before the `done` that lets it send the next job: the next document
        // may be one of them (edits taking turns over more documents than keep a state).
        retainTexts(job.uri);
        // The outcome too, at once: a request sent once the diagnostics are out waits for it in the
        // server's thread (./server.ts settled), and the keeping below would make it wait longer.
        port.postMessage({ kind: 'done', uri: job.uri, version: job.version, costMs: outcome.costMs, lineStarts: outcome.result.model.lineStarts } satisfies FromWorker);
        trace('done-posted');
        donePosted = true;
      };
      /** A large document's open: its diagnostics wait for the edit path's warm-up (below). */
      let deferred: JobOutcome | undefined;
      const made = (outcome: JobOutcome): void => {
        if (first && warmUp && WARM_UP_BEFORE_PUBLISH_CHARS > 0 && outcome.result.model.text.length >= WARM_UP_BEFORE_PUBLISH_CHARS) deferred = outcome;
        else post(outcome);
      };
      const { result, costMs } = cache
        ? documents.review(job, (p) => readBundleSync(job.uri, p), answerWaiting, cache, made)
        : documents.review(job, (p) => readBundleSync(job.uri, p), answerWaiting, undefined, made);
      trace(`reviewed v${job.version} cost ${costMs.toFixed(1)}`);
      if (deferred) {
        // The edit path warmed up before the open's diagnostics go (see WARM_UP_BEFORE_PUBLISH_CHARS),
        // after the review is kept: the warm-up's sample reviews are documents of their own.
        warmUp!.runNow(() => result.model.text, warmUpJobs(job));
        // The only document here (a user opening a large contract to type into it): a full
        // collection now, with the edits' heap growing factor, clears the open's and the warm-up's
        // garbage and sets V8's next limit at twice what is alive, so that the keystrokes that
        // follow do not meet a mark-compact for a dozen edits or more (./idle-gc.ts).
        if (EDIT_HEAP_GROWING > 0 && result.model.text.length >= EDIT_HEAP_GROWING_CHARS && [...documents.states.uris()].every((u) => u === job.uri)) {
          editHeapGrowing(true);
          lastEdited = job.uri;
          trace('open collect');
          fullCollection();
          trace('open collected');
        }
        post(deferred);
      }
      reply = donePosted ? null : { kind: 'done', uri: job.uri, version: job.version, costMs, lineStarts: result.model.lineStarts };
      if (!first) edited = result.model.text.length;
      if (first) opened = { uri: job.uri, version: job.version, result: cache ? null : result, text: result.model.text, shape: job.diagnosticShape, changes, ...(render !== undefined ? { render } : {}), unfilled: !cache };
    } catch (e) {
      // (documents.review has dropped the document's state and last review.)
      reply = { kind: 'failed', uri: job.uri, version: job.version, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    try {
      if (reply) port.postMessage(reply);
      if (reply) trace('done-posted');
    } catch (e) {
      // A reply that cannot be copied to the server's thread (it should never happen: replies are plain data).
      port.postMessage({ kind: 'failed', uri: job.uri, version: job.version, error: `the result could not be sent: ${e instanceof Error ? e.message : String(e)}` } satisfies FromWorker);
    }
    // Older documents' reviews compressed, other documents' memoised facts dropped (after the reply: no one waits for this).
    documents.settle(job.uri);
    retainTexts(job.uri);
    // What waited for the review's end, in the order it arrived.
    for (let m = deferred.shift(); m; m = deferred.shift()) handle(m);
    // Without a cache at the open (OPEN_JSON_FROM_OBJECTS), the document's findings' JSON cache is
    // filled from this review once the messages that came meanwhile are handled (setImmediate:
    // after the port's): the first edit's publish then makes only what it changed (./worker-json.ts).
    // Not when a later job of it came first (that review made the cache).
    if (opened) {
      const u = opened;
      setImmediate(() => {
        if (stopping || reviews.versionOf(u.uri) !== u.version || !keepsText(u.uri)) return;
        if (u.unfilled && u.result) {
          trace(`json cache v${u.version}`);
          jsonCaches.fill(u.uri, u.result, u.shape, u.render !== undefined ? u.changes : 0, u.render);
          trace('json cache filled');
        }
        u.result = null;
        if (!warmUp || warmUp.done) return;
        // Then, while nothing else comes, the edit path warmed up before the document's first edit,
        // from WARM_UP_AFTER_OPEN_MS on (not when the fill above ran: it stood for that wait).
        // Its sample and jobs are this document's (the text is read only the first time).
        const resume = (): void => {
          if (stopping) return;
          warmUp?.resume(() => u.text, warmUpJobs(job));
        };
        if (!warmUp || u.unfilled || WARM_UP_AFTER_OPEN_MS <= 0) resume();
        else setTimeout(resume, WARM_UP_AFTER_OPEN_MS).unref();
      });
    } else if (reply === null || reply.kind === 'done') {
      // A real edit reviewed here: the code the warm-up was for is warm now.
      warmUp?.end();
      // While one large document is typed into (two edits of it in a row), V8's heap grows further
      // between full collections (./idle-gc.ts); edits taking turns over documents keep V8's factor.
      if (edited >= EDIT_HEAP_GROWING_CHARS) editHeapGrowing(lastEdited === job.uri);
      lastEdited = edited ? job.uri : null;
      if (edited && IDLE_SCAVENGE_CHARS > 0 && edited >= IDLE_SCAVENGE_CHARS && !waiting()) {
        // A query is not counted in setup.posted: one already on the port (a hover sent with the next
        // keystroke) is handled now, in its turn, and the scavenge is skipped. A findings buffer handed
        // back (it comes just after the publish) is taken and does not count.
        let next = receiveMessageOnPort(port);
        while (next && (next.message as ToWorker).kind === 'spare') {
          spares.give((next.message as Extract<ToWorker, { kind: 'spare' }>).buffer);
          next = receiveMessageOnPort(port);
        }
        if (next) handle(next.message as ToWorker);
        else {
          trace('idle scavenge');
          idleScavenge();
          trace('idle scavenged');
        }
      }
    }
  };
  /** A message posted here and not yet handled, or a job waiting in the server's thread's queue (queries are not counted). */
  const waiting = (): boolean => Atomics.load(setup.posted, 0) !== handledPosts || (setup.posted.length > 1 && Atomics.load(setup.posted, 1) > 0);
  port.on('message', handle);
}

/** The warm-up's sample jobs shaped as the document's (./warmup.ts WarmUpJobs). */
function warmUpJobs(job: ReviewJob): WarmUpJobs {
  return {
    format: job.format, settings: job.settings,
    ...(job.diagnosticShape ? { diagnosticShape: job.diagnosticShape } : {}),
    ...(job.diagnosticChanges ? { diagnosticChanges: job.diagnosticChanges } : {}),
  };
}

if (parentPort && (workerData as WorkerSetup | null)?.marker === 'clausewise-lsp-review-worker') start(parentPort, workerData as WorkerSetup);
