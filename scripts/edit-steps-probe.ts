/**
 * Where a typical 1 MB keystroke's worker time goes from the job's arrival to the model's end
 * (issue 13, editmodel): the review worker's job path (lsp/job-text.ts KeptTexts, then
 * lsp/worker-documents.ts review with the findings' JSON cache, settle), as scripts/gc-probe.ts runs
 * it, inside a worker thread with the review worker's resource limits after the server's V8 flags,
 * on the LSP bench's single-character edits. The `between` hook the worker uses to answer queries
 * marks each step: per edit it records the process's CPU for the text's rebuild (receiveJob), each
 * model sub-step (m0 = before the first, m1.. the re-read chunks, the new blocks, the moved blocks,
 * the document-level model), and the review after the model, with the collections that began in
 * each. Prints the median and mean per step over the measured edits, and the collections per edit,
 * and what each step allocated: the heap's used size (every space, large objects included) after
 * the step less before it, median over the edits in which no collection began in the step.
 *   npx esbuild scripts/edit-steps-probe.ts --bundle --platform=node --outfile=/tmp/edit-steps-probe.js
 *   node /tmp/edit-steps-probe.js [--bytes 1000000] [--warm 12] [--edits 40] [--flat] [--ahead]
 * --ahead: each edit's text is prepared before its job (KeptTexts.prepare, as the worker does when the
 * server's thread sends the edit ahead, lsp/review-thread.ts textAhead), in a step `ahead` of its own
 * before `start`, off the job's path.
 */
import { getHeapStatistics } from 'node:v8';
import { isMainThread, Worker } from 'node:worker_threads';
import { DEFAULT_WORKER_HEAP_MB, DEFAULT_WORKER_YOUNG_MB } from '../server/src/lsp/review-thread';
import { applyServerV8Flags } from '../server/src/lsp/v8-flags';
import type { ReviewJob } from '../server/src/lsp/review-job';
import { currentStep } from '../server/src/engine';
import { generateContract, typedEdit } from './bench-contract';
import { recordGcs, workerParts } from './worker-probe-parts';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const bytes = arg('bytes', 1_000_000);
const warm = arg('warm', 12);
const edits = arg('edits', 40);
/**
 * --flat: the new text flattened (its first read) as a step of its own, before the model's. Read as
 * one character: round sixteen's probe read it with a regular expression, which also scanned the
 * whole text (about 0.8 ms of the 2.2 ms it reported).
 */
const FLAT = process.argv.includes('--flat');
const AHEAD = process.argv.includes('--ahead');
/**
 * The process's CPU (ms, every thread): /proc/thread-self/schedstat moves only at the scheduler's ticks (a
 * few ms), too coarse for steps of a millisecond; getrusage is exact. The main thread only waits for
 * this worker, so what it adds beside the worker's own CPU is the collector's helper threads.
 */
const threadCpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function main(): Promise<void> {
  const gcs = recordGcs();
  const settle = () => new Promise((r) => setTimeout(r, 5));
  const URI = 'file:///tmp/edit-steps-probe.md';
  const { documents, texts, caches, spares } = workerParts();
  let version = 0;
  let kept = '';
  /** Per edit: step name -> CPU ms, and the marks' times (to place the collections). */
  type Mark = { name: string; cpu: number; t: number; heap: number };
  const run = (wire: object): Mark[] => {
    const marks: Mark[] = [];
    const mark = (name: string): void => { marks.push({ name, cpu: threadCpu(), t: performance.now(), heap: getHeapStatistics().used_heap_size }); };
    version++;
    if (AHEAD && 'edit' in wire) {
      mark('before ahead');
      texts.prepare(URI, version, wire as never);
      mark('ahead');
    }
    mark('start');
    const received = texts.receiveJob(URI, version, wire as never)!;
    mark('text');
    if (FLAT) {
      received.text.charCodeAt(0);
      mark('flatten');
    }
    const job = { uri: URI, version, ...received, format: 'markdown', settings: {}, force: false, workspaceFolders: [], diagnosticShape: 'compact', diagnosticChanges: true } as unknown as ReviewJob;
    const cache = caches.forReview(URI, documents.reviews.versionOf(URI) !== undefined, job.diagnosticShape, true);
    let m = 0;
    let modelDone = false;
    const between = (busy: string | null): void => {
      if (modelDone) return;
      if (busy === null) { mark('m0 before'); return; }
      if (currentStep.name !== 'model') { modelDone = true; return; }
      m++;
      mark(`m${m}`);
    };
    const out = cache ? documents.review(job, () => undefined, between, cache) : documents.review(job, () => undefined, between);
    mark('review');
    const d = out.diagnostics;
    const json = Array.isArray(d) ? JSON.stringify(d) : (d.change?.json ?? d.json!);
    spares.give(spares.bytesOf(json).buffer as ArrayBuffer);
    documents.settle(URI);
    texts.retain((u: string) => u === URI);
    if (!cache) caches.fill(URI, out.result, job.diagnosticShape, true);
    kept = received.text;
    mark('settle');
    return marks;
  };
  run({ text: generateContract(bytes) });
  await settle();
  const per = new Map<string, number[]>();
  const gcPer = new Map<string, { n: number; ms: number; kinds: string }>();
  const allocPer = new Map<string, number[]>();
  const total = warm + edits;
  for (let i = 0; i < total; i++) {
    const at = typedEdit(kept, i, total).at;
    const wire = { edit: { baseVersion: version, baseLength: kept.length, start: at, end: at, insert: 'x', length: kept.length + 1 } };
    gcs.length = 0;
    const marks = run(wire);
    await settle();
    if (i < warm) continue;
    // The last model sub-step is the one that ended the model ("m<last>" is followed by the review's first step).
    for (let k = 1; k < marks.length; k++) {
      const name = marks[k].name;
      if (name === 'start') continue;
      const xs = per.get(name) ?? [];
      xs.push(marks[k].cpu - marks[k - 1].cpu);
      per.set(name, xs);
      const g = gcs.filter((g) => g.at >= marks[k - 1].t && g.at < marks[k].t);
      const acc = gcPer.get(name) ?? { n: 0, ms: 0, kinds: '' };
      acc.n += g.length; acc.ms += g.reduce((a, x) => a + x.ms, 0); acc.kinds += g.map((x) => x.kind).join('');
      gcPer.set(name, acc);
      if (!g.length) {
        const ks = allocPer.get(name) ?? [];
        ks.push((marks[k].heap - marks[k - 1].heap) / 1024);
        allocPer.set(name, ks);
      }
    }
  }
  const q = (xs: number[], p: number): number => { const t = [...xs].sort((a, b) => a - b); return t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)]; };
  console.log(`step: edits, CPU ms p50 / mean, collections begun in it per edit (kinds), their wall ms per edit, KB allocated p50 (edits without a collection in the step)`);
  let jobToModel: number[] | null = null;
  for (const [name, xs] of per) {
    const g = gcPer.get(name)!;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const counts = [...g.kinds].reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
    console.log(`${name.padEnd(12)} ${String(xs.length).padStart(3)}  ${q(xs, 0.5).toFixed(2).padStart(6)} / ${mean.toFixed(2).padStart(6)}  ${(g.n / edits).toFixed(2)} (${[...counts].map(([k, c]) => `${k}${c}`).join(' ')}) ${(g.ms / edits).toFixed(1)}  ${allocPer.get(name)?.length ? `${q(allocPer.get(name)!, 0.5).toFixed(0)} KB (${allocPer.get(name)!.length})` : '-'}`);
    // From the job's arrival: the text's rebuild, its first read and the model's steps.
    if (name.startsWith('m') || name === 'text' || name === 'flatten') {
      if (!jobToModel) jobToModel = xs.slice();
      else for (let i = 0; i < Math.min(xs.length, jobToModel.length); i++) jobToModel[i] += xs[i];
    }
  }
  if (jobToModel) console.log(`job to model (text, first read and m steps summed, edits with every step): p50 ${q(jobToModel, 0.5).toFixed(2)} mean ${(jobToModel.reduce((a, b) => a + b, 0) / jobToModel.length).toFixed(2)}; load ${require('node:os').loadavg()[0].toFixed(1)}`);
}

if (isMainThread) {
  applyServerV8Flags();
  const w = new Worker(__filename, { argv: process.argv.slice(2), resourceLimits: { maxOldGenerationSizeMb: DEFAULT_WORKER_HEAP_MB, maxYoungGenerationSizeMb: DEFAULT_WORKER_YOUNG_MB } });
  w.on('error', (e) => { console.error(e); process.exitCode = 1; });
} else {
  void main();
}
