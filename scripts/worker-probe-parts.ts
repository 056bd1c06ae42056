// What the worker-side probes (edit-steps-probe.ts, gc-probe.ts) share: a record of the thread's
// garbage collections, and the review worker's per-document parts, made as lsp/review-worker.ts makes them.
import { PerformanceObserver } from 'node:perf_hooks';
import { WorkerDocuments } from '../server/src/lsp/worker-documents';
import { KeptTexts } from '../server/src/lsp/job-text';
import { WorkerJsonCaches } from '../server/src/lsp/worker-json';
import { SpareBuffers } from '../server/src/lsp/spare-buffers';

/** Node's gc entry kinds (perf_hooks constants): scavenge, mark-compact, incremental marking, weak callbacks. */
const KINDS: Record<number, string> = { 1: 's', 4: 'M', 8: 'i', 16: 'w' };

/** Every collection of this thread from now on, with its kind letter, start time and duration (ms). */
export function recordGcs(): Array<{ kind: string; at: number; ms: number }> {
  const gcs: Array<{ kind: string; at: number; ms: number }> = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ kind: KINDS[(e as unknown as { detail: { kind: number } }).detail.kind] ?? '?', at: e.startTime, ms: e.duration });
  }).observe({ entryTypes: ['gc'] });
  return gcs;
}

/** A review worker's documents, kept texts, JSON caches and spare buffers. */
export const workerParts = () => ({ documents: new WorkerDocuments(), texts: new KeptTexts(), caches: new WorkerJsonCaches(), spares: new SpareBuffers() });
