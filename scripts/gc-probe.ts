/**
 * Garbage collection in the review worker per 1 MB keystroke (issue 13, gc): the worker's job path
 * (lsp/job-text.ts KeptTexts, lsp/worker-documents.ts, the findings' JSON cache taking changes, as
 * lsp/review-worker.ts runs it) inside a worker thread made with the review worker's resource limits
 * (or others: --young MB, --old MB) after the server's V8 flags are set, on the LSP bench's
 * single-character edits. Prints per edit the thread's CPU, each collection (s = scavenge, M =
 * mark-compact, i = incremental marking's start, w = weak callbacks; ms of wall time), and at the end
 * the medians, the collections per edit by kind, the heap's spaces and the process's RSS.
 *   npx esbuild scripts/gc-probe.ts --bundle --platform=node --outfile=/tmp/gc-probe.js
 *   node [--trace-gc] /tmp/gc-probe.js [--bytes 1000000] [--edits 40] [--young 8] [--old 512] [--rounds 1] [--idle]
 * --idle: then a second's pause and the worker's idle collection, and the heap again.
 * --rounds R runs the edits R times over (the later rounds alone are summed as "later"). Linux only
 * (thread CPU from /proc/thread-self/schedstat).
 */
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { isMainThread, Worker } from 'node:worker_threads';
import { getHeapSpaceStatistics } from 'node:v8';
import { DEFAULT_WORKER_HEAP_MB, DEFAULT_WORKER_YOUNG_MB } from '../server/src/lsp/review-thread';
import { applyServerV8Flags } from '../server/src/lsp/v8-flags';
import type { ReviewJob } from '../server/src/lsp/review-job';
import { collectShrinkingTables } from '../server/src/lsp/collector';
import { generateContract, typedEdit } from './bench-contract';
import { recordGcs, workerParts } from './worker-probe-parts';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const bytes = arg('bytes', 1_000_000);
const edits = arg('edits', 40);
const rounds = arg('rounds', 1);
const threadCpu = threadCpuMs;

async function main(): Promise<void> {
  const gcs = recordGcs();
  const settle = () => new Promise((r) => setTimeout(r, 5));
  const URI = 'file:///tmp/gc-probe.md';
  const { documents, texts, caches, spares } = workerParts();
  let version = 0;
  let kept = '';
  const procs: number[] = [];
  const walls: number[] = [];
  let peakRss = 0;
  const run = (wire: object): number => {
    const c0 = threadCpu();
    const w0 = performance.now();
    const p0 = process.cpuUsage();
    version++;
    const received = texts.receiveJob(URI, version, wire as never)!;
    const job = { uri: URI, version, ...received, format: 'markdown', settings: {}, force: false, workspaceFolders: [], diagnosticShape: 'compact', diagnosticChanges: true } as unknown as ReviewJob;
    const cache = caches.forReview(URI, documents.reviews.versionOf(URI) !== undefined, job.diagnosticShape, true);
    const out = cache ? documents.review(job, () => undefined, undefined, cache) : documents.review(job, () => undefined);
    const d = out.diagnostics;
    const json = Array.isArray(d) ? JSON.stringify(d) : (d.change?.json ?? d.json!);
    spares.give(spares.bytesOf(json).buffer as ArrayBuffer);
    documents.settle(URI);
    texts.retain((u: string) => u === URI);
    if (!cache) caches.fill(URI, out.result, job.diagnosticShape, true);
    kept = received.text;
    const p = process.cpuUsage(p0);
    procs.push((p.user + p.system) / 1000);
    walls.push(performance.now() - w0);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return threadCpu() - c0;
  };
  const open = run({ text: generateContract(bytes) });
  await settle();
  console.log(`open ${open.toFixed(0)} ms (${gcs.map((g) => g.kind + g.ms.toFixed(0)).join(',')})`);
  gcs.length = 0;
  const cpus: number[] = [];
  const gcMs: number[] = [];
  const counts = new Map<string, number>();
  const time = new Map<string, number>();
  const line: string[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < edits; i++) {
      // The edit the server's thread would send (lsp/job-text.ts), worked out on the worker's own
      // text, which the review has read already: no other 2 MB text is made or read here.
      const at = typedEdit(kept, i, edits).at;
      const wire = { edit: { baseVersion: version, baseLength: kept.length, start: at, end: at, insert: 'x', length: kept.length + 1 } };
      const cpu = run(wire);
      await settle();
      cpus.push(cpu);
      gcMs.push(gcs.reduce((a, g) => a + g.ms, 0));
      for (const g of gcs) { counts.set(g.kind, (counts.get(g.kind) ?? 0) + 1); time.set(g.kind, (time.get(g.kind) ?? 0) + g.ms); }
      line.push(`${cpu.toFixed(0)}${gcs.length ? `(${gcs.map((g) => g.kind + g.ms.toFixed(0)).join(',')})` : ''}`);
      gcs.length = 0;
    }
  }
  const q = (xs: number[], p: number): number => { const t = [...xs].sort((a, b) => a - b); return t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)]; };
  const n = cpus.length;
  console.log(`edits (thread CPU ms, collections wall ms): ${line.join(' ')}`);
  console.log(`thread CPU per edit p50 ${q(cpus, 0.5).toFixed(1)} p90 ${q(cpus, 0.9).toFixed(1)} mean ${(cpus.reduce((a, b) => a + b, 0) / n).toFixed(1)}; edits 5.. mean ${(cpus.slice(4).reduce((a, b) => a + b, 0) / (n - 4)).toFixed(1)}`);
  const ps = procs.slice(1);
  console.log(`process CPU per edit (all threads) p50 ${q(ps, 0.5).toFixed(1)} p90 ${q(ps, 0.9).toFixed(1)} mean ${(ps.reduce((a, b) => a + b, 0) / ps.length).toFixed(1)}`);
  const ws = walls.slice(1);
  console.log(`wall per edit p50 ${q(ws, 0.5).toFixed(1)} p90 ${q(ws, 0.9).toFixed(1)} max ${Math.max(...ws).toFixed(1)} mean ${(ws.reduce((a, b) => a + b, 0) / ws.length).toFixed(1)}`);
  console.log(`collections per edit: ${[...counts].map(([k, c]) => `${k} ${(c / n).toFixed(2)} (${((time.get(k) ?? 0) / n).toFixed(1)} ms)`).join(', ')}; gc wall per edit mean ${(gcMs.reduce((a, b) => a + b, 0) / n).toFixed(1)}`);
  const spaces = spacesNow();
  console.log(`heap used/physical MB: ${spaces}; RSS ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB, peak after a job ${(peakRss / 1e6).toFixed(0)} MB; load ${require('node:os').loadavg()[0].toFixed(1)}`);
  if (process.argv.includes('--idle')) {
    // As the worker's idle step (lsp/review-worker.ts 'collect'): a second without work, then a full collection.
    await new Promise((r) => setTimeout(r, 1000));
    collectShrinkingTables();
    await new Promise((r) => setTimeout(r, 500));
    console.log(`after the idle collection: ${spacesNow()}; RSS ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB`);
    const wait = arg('wait', 0);
    if (wait > 0) {
      await new Promise((r) => setTimeout(r, wait));
      console.log(`${wait} ms later: ${spacesNow()}; RSS ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB`);
    }
  }
}

const spacesNow = (): string => getHeapSpaceStatistics().filter((s) => s.physical_space_size > 0).map((s) => `${s.space_name.replace('_space', '')} ${(s.space_used_size / 1e6).toFixed(1)}/${(s.physical_space_size / 1e6).toFixed(1)}`).join(', ');

if (isMainThread) {
  // As the server's entry point does before its worker is made.
  applyServerV8Flags();
  const w = new Worker(__filename, { argv: process.argv.slice(2), resourceLimits: { maxOldGenerationSizeMb: arg('old', DEFAULT_WORKER_HEAP_MB), maxYoungGenerationSizeMb: arg('young', DEFAULT_WORKER_YOUNG_MB) } });
  w.on('error', (e) => { console.error(e); process.exitCode = 1; });
} else {
  void main();
}
