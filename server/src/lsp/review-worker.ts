/**
 * Entry point of the language server's review worker (bundled as dist/review-worker.js): a thread
 * that reviews large documents so that their reviews never hold up requests or other documents in
 * the server's own thread. It keeps the incremental state (model and per-block facts) of the
 * documents reviewed most recently, up to a total size (./recent-states.ts), so their edits are
 * reviewed incrementally here as they would be in the server's thread.
 * The protocol with the server's side (./review-thread.ts):
 * - in: { kind: 'review', job } | { kind: 'forget', uri } | { kind: 'reset' } | { kind: 'collect' } (idle: collect garbage)
 * - out: { kind: 'findings', uri, version, findings } then { kind: 'done', uri, version, costMs, result, lineStarts }
 *        (the diagnostics first, small, so that they are published at once; then the whole result,
 *        compressed, its buffer transferred), or { kind: 'failed', uri, version, error }
 *        | { kind: 'readBundle', uri, path, flag } (answered on the bundle port, see readBundleSync)
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { IncrementalReview } from '../engine';
import { runReviewJob, type ReviewJob } from './review-job';
import type { FromWorker, ToWorker, WorkerSetup } from './review-thread';
import { RecentStates } from './recent-states';
import { compressResult } from './result-transfer';
import { garbageCollector } from './collector';
import { termUseCounts } from './term-uses';
import { trace } from './trace';

/** How long a bundle member may take to arrive from the server's thread before it counts as unreadable. */
const BUNDLE_TIMEOUT_MS = 10_000;

function start(port: NonNullable<typeof parentPort>, setup: WorkerSetup): void {
  // Only the documents reviewed most recently keep their model and facts here; another is parsed whole on its next review.
  const states = new RecentStates<IncrementalReview>(setup.keepChars);
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

  port.on('message', (m: ToWorker) => {
    if (m.kind === 'forget') {
      states.delete(m.uri);
      return;
    }
    if (m.kind === 'reset') {
      states.clear();
      return;
    }
    if (m.kind === 'collect') {
      // Idle (see IDLE_COLLECT_MS in ./review-thread.ts): the garbage of the last reviews goes now.
      garbageCollector()?.();
      return;
    }
    const job: ReviewJob = m.job;
    trace(`job v${job.version}`);
    let reply: FromWorker;
    try {
      const incremental = states.take(job.uri, () => new IncrementalReview(), job.text.length);
      const { diagnostics, status, result, costMs } = runReviewJob(job, incremental, (p) => readBundleSync(job.uri, p));
      // The result is copied to the server's thread: this thread keeps only what the next edit needs.
      trace(`reviewed v${job.version} cost ${costMs.toFixed(1)}`);
      // Read before the caches are released: the review's drafting rules have built the term index.
      const termUses = termUseCounts(result.model);
      incremental.releaseModelCaches();
      // As JSON, made here: the server's thread writes it out without copying or serialising thousands of objects (./raw-json.ts).
      port.postMessage({ kind: 'findings', uri: job.uri, version: job.version, findings: { diagnostics: { json: JSON.stringify(diagnostics) }, status } } satisfies FromWorker);
      // The rest crosses compressed, in a buffer handed over rather than copied (./result-transfer.ts).
      reply = { kind: 'done', uri: job.uri, version: job.version, costMs, result: compressResult(result, job.text), lineStarts: result.model.lineStarts, termUses };
      trace('packed');
    } catch (e) {
      // A failed review leaves the document's incremental state unknown: start afresh next time.
      states.delete(job.uri);
      reply = { kind: 'failed', uri: job.uri, version: job.version, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    try {
      port.postMessage(reply, reply.kind === 'done' ? [reply.result.bytes.buffer as ArrayBuffer] : []);
      trace('done-posted');
    } catch (e) {
      // A result that cannot be copied to the server's thread (it should never happen: results are plain data).
      port.postMessage({ kind: 'failed', uri: job.uri, version: job.version, error: `the result could not be sent: ${e instanceof Error ? e.message : String(e)}` } satisfies FromWorker);
    }
  });
}

if (parentPort && (workerData as WorkerSetup | null)?.marker === 'clausewise-lsp-review-worker') start(parentPort, workerData as WorkerSetup);
