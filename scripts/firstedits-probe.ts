// The first edits after opening, in process, as the server's thread reviews them (issue 13,
// firstedits): the open's full review and then single-character edits through runReviewJobSteps with
// the document's DiagnosticsJsonCache, as server.ts does, each edit given as its range (as an
// EditedDocument gives it). Prints each edit's thread CPU time and garbage collection time (from the
// `gc` performance entries), and the collections' kinds, so that V8 flags can be compared in process:
//   npx esbuild scripts/firstedits-probe.ts --bundle --platform=node --outfile=/tmp/probe.js
//   node [V8 flags] /tmp/probe.js [--bytes 100000] [--edits 40] [--same -1] [--warm 0] [--known-edit 0] [--worker] [--minor-after -1] [--gc-after-open] [--json-at-open] [--steps] [--pre 0] [--warm-after-open -1] [--warm-steps N]
// Linux only (thread CPU from /proc/thread-self/schedstat).
import { writeFileSync } from 'node:fs';
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { IncrementalReview } from '../server/src/engine/incremental';
import { runReviewJobSteps, type JobFindings, type ReviewJob } from '../server/src/lsp/review-job';
import { WorkerDocuments } from '../server/src/lsp/worker-documents';
import { currentStep } from '../server/src/engine';
import { DiagnosticsJsonCache } from '../server/src/lsp/diagnostics-json';
import { documentSample, sampleContract, WarmUp } from '../server/src/lsp/warmup';
import { jsonBytes } from '../server/src/lsp/raw-json';
import { DEFAULT_WORKER_HEAP_MB, DEFAULT_WORKER_YOUNG_MB } from '../server/src/lsp/review-thread';
import { isMainThread, Worker } from 'node:worker_threads';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateContract, typedEdit } from './bench-contract';
import { recordGcs } from './worker-probe-parts';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const bytes = arg('bytes', 100_000);
const edits = arg('edits', 40);
/** Run the server's WarmUp to its end before the open (what a warm-up at start would do). */
const warm = arg('warm', 0);
const knownEdit = arg('known-edit', 0);
/** --minor-after P: a minor collection after each review when the young generation is at least P% full (-1: never). */
const minorAfter = arg('minor-after', -1);
if (minorAfter >= 0 || process.argv.includes('--gc-after-open')) setFlagsFromString('--expose-gc');
const gcFn: unknown = minorAfter >= 0 ? runInNewContext('gc') : null;
const marks: bigint[] = [];
const stepCpu = new Map<string, number>();
const stepsPerReview: Array<Map<string, number>> = [];
/** The last review's CPU time over all the process's threads (ms): the collector's helper threads too. */
let lastProcessCpu = 0;
const threadCpu = threadCpuMs;
// This thread's collections, their kinds as the other worker-side probes read them (./worker-probe-parts.ts).
const gcs = recordGcs();
const flushGc = async (): Promise<string> => {
  // (The entries arrive a few turns of the event loop after the collection.)
  await new Promise((r) => setTimeout(r, 5));
  const ms = gcs.reduce((a, g) => a + g.ms, 0);
  const kinds = gcs.map((g) => `${g.kind}${g.ms.toFixed(0)}`).join(',');
  gcs.length = 0;
  return ms >= 0.5 ? `(${kinds})` : '';
};

async function main(): Promise<void> {
  let text = generateContract(bytes);
  if (warm) {
    // --warm-sample C: the sample is the document's first C characters (lsp/warmup.ts documentSample)
    // rather than the library's, its edits known as the worker's are; 0: the library sample.
    const sampleChars = arg('warm-sample', 0);
    const c0 = threadCpu();
    const sample = sampleChars > 0 ? documentSample(text, sampleChars) : '';
    const w = sampleChars > 0 ? new WarmUp(warm, () => sample, { knownEdit: knownEdit !== 0 }) : new WarmUp(warm);
    while (w.step()) { /* all its steps */ }
    console.log(`warm-up ${(threadCpu() - c0).toFixed(0)} ms ${await flushGc()}`);
  }
  const state = new IncrementalReview();
  const inWorker = !isMainThread;
  const documents = new WorkerDocuments();
  // In the worker, the findings' JSON cache is made at the first edit, as the review worker makes it
  // (./review-worker.ts: a document only opened keeps none), unless --json-at-open; in the server's thread at the open.
  const jsonFromEdit = !isMainThread && !process.argv.includes('--json-at-open');
  let json: DiagnosticsJsonCache | undefined = jsonFromEdit ? undefined : new DiagnosticsJsonCache();
  const review = (job: ReviewJob): number => {
    if (jsonFromEdit && job.version > 1) json ??= new DiagnosticsJsonCache();
    marks.push(process.hrtime.bigint() / 1000n);
    // A call callgrind can cut its counts at (valgrind --dump-before=getuid): one count per review.
    process.getuid?.();
    const p0 = process.cpuUsage();
    const c0 = threadCpu();
    let d: JobFindings['diagnostics'];
    if (inWorker) {
      // As the review worker does (./review-worker.ts): its documents' store, the JSON cache, then settle.
      // --steps: each step's thread CPU (engine/review.ts currentStep names them), per review.
      let at = threadCpu();
      let first = true;
      // Each step sets currentStep.name as it begins: the time since the last call is the step just
      // run, named by what it set (the call before the review's first step measures nothing).
      const between = (): void => {
        const now = threadCpu();
        const name = first ? 'before the review' : currentStep.name || 'model';
        first = false;
        stepCpu.set(name, (stepCpu.get(name) ?? 0) + now - at);
        at = now;
      };
      stepCpu.clear();
      const outcome = json ? documents.review(job, () => undefined, between, json) : documents.review(job, () => undefined, between);
      between();
      stepsPerReview.push(new Map(stepCpu));
      d = outcome.diagnostics;
      documents.settle(job.uri);
    } else {
      const steps = runReviewJobSteps(job, state, () => undefined, json);
      let s = steps.next();
      while (!s.done) s = steps.next();
      d = s.value.diagnostics;
    }
    // As the server writes it.
    jsonBytes(Array.isArray(d) ? JSON.stringify(d) : d.json!);
    if (minorAfter >= 0) {
      const ns = getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
      if (ns && ns.space_used_size >= (minorAfter / 100) * (ns.space_used_size + ns.space_available_size)) (gcFn as (o: object) => void)({ type: 'minor' });
    }
    const cpu = threadCpu() - c0;
    const p1 = process.cpuUsage(p0);
    lastProcessCpu = (p1.user + p1.system) / 1000;
    marks.push(process.hrtime.bigint() / 1000n);
    return cpu;
  };
  // --pre N: another document opened and edited N times first, in the same thread, unmeasured: if the
  // measured document's first edits are then as cheap as its later ones, what they paid was the JIT's
  // warm-up; if not, work they do that later edits do not.
  const pre = arg('pre', 0);
  if (pre > 0) {
    let other = generateContract(bytes + 1);
    const preBase = { uri: 'file:///tmp/probe-pre.md', bundlePath: '/tmp/probe-pre.md', format: 'markdown' as const, settings: {}, force: false, workspaceFolders: [] };
    review({ ...preBase, version: 1, text: other });
    for (let i = 0; i < pre; i++) {
      const e = typedEdit(other, i, pre);
      const before = other;
      other = e.text;
      review({ ...preBase, version: i + 2, text: other, ...(knownEdit ? { edit: { before, start: e.at, oldEnd: e.at, insert: 'x' } } : {}) });
    }
    stepsPerReview.length = 0;
    json = jsonFromEdit ? undefined : new DiagnosticsJsonCache();
    console.log(`(another document opened and edited ${pre} times first) ${await flushGc()}`);
  }
  // As server.ts builds a job for a file: with its bundle path (no bundle is read here).
  const base = { uri: 'file:///tmp/probe.md', bundlePath: '/tmp/probe.md', format: 'markdown' as const, settings: {}, force: false, workspaceFolders: [] };
  const open = review({ ...base, version: 1, text });
  console.log(`open ${open.toFixed(0)} ms ${await flushGc()}`);
  // --gc-after-open: a full collection once the open's review is done (what an idle worker could do before the first edit).
  if (process.argv.includes('--gc-after-open')) {
    const c0 = threadCpu();
    (runInNewContext('gc') as () => void)();
    console.log(`full collection after the open: ${(threadCpu() - c0).toFixed(0)} ms ${await flushGc()}`);
  }
  // --warm-after-open N: the review worker's warm-up (lsp/warmup.ts, N sample edits made as this
  // probe's jobs are) run after the open, before the first edit; --warm-steps S stops it after S steps
  // (a real edit arriving part-way).
  const warmAfter = arg('warm-after-open', -1);
  // --warm-repeat R: the warm-up made R times over (a fresh sample state each time), to tell its cold cost from its work.
  for (let repeat = arg('warm-repeat', 1); warmAfter >= 0 && repeat > 0; repeat--) {
    const c0 = threadCpu();
    const w = new WarmUp(warmAfter, arg('warm-from-doc', 0) > 0 ? () => text.slice(0, text.indexOf('\n#', arg('warm-from-doc', 0)) + 1) : () => sampleContract(arg('warm-chars', 20_000)), { knownEdit: knownEdit !== 0 });
    const maxSteps = arg('warm-steps', Infinity);
    let n = 0;
    let longest = 0;
    const perReview: number[] = [];
    let r0 = c0;
    for (let t = threadCpu(); n < maxSteps && w.step(); n++) {
      const now = threadCpu();
      longest = Math.max(longest, now - t);
      t = now;
      if (w.completed > perReview.length) { perReview.push(now - r0); r0 = now; }
    }
    console.log(`warm-up after the open: ${n} steps, ${w.completed} sample reviews (${perReview.map((x) => x.toFixed(0)).join(' ')}), ${(threadCpu() - c0).toFixed(0)} ms, longest step ${longest.toFixed(1)} ms ${await flushGc()}`);
  }
  const cpus: number[] = [];
  const procs: number[] = [];
  const per: string[] = [];
  // --same K: every edit where the Kth of the spread edits goes (typing on at one place), so that the
  // first edits and later ones differ in being first only, not in where they are (an edit near the
  // start moves every later block; typedEdit spreads them from the start to the end).
  const same = arg('same', -1);
  for (let i = 0; i < edits; i++) {
    const e = typedEdit(text, same >= 0 ? same : i, edits);
    // The worker's jobs carry their edit (./job-text.ts); the server's thread's do not (--known-edit 1 for the worker's case).
    const before = text;
    text = e.text;
    const cpu = review({ ...base, version: i + 2, text, ...(knownEdit ? { edit: { before, start: e.at, oldEnd: e.at, insert: 'x' } } : {}) });
    cpus.push(cpu);
    procs.push(lastProcessCpu);
    per.push(`${cpu.toFixed(0)}${await flushGc()}`);
  }
  const later = cpus.slice(10).sort((a, b) => a - b);
  console.log(`edits (thread CPU ms; gc s=scavenge M=mark-compact i=incremental w=weak): ${per.join(' ')}`);
  // --marks FILE: each review's start and end (microseconds, the clock of a --cpu-prof profile's timestamps), to slice a profile by edit.
  const marksFile = process.argv.indexOf('--marks');
  if (marksFile > 0) writeFileSync(process.argv[marksFile + 1], marks.join('\n'));
  if (process.argv.includes('--steps') && stepsPerReview.length > 3) {
    // The steps the first edit (review 2) spent most more on than the mean of edits 3 to the end.
    const first = stepsPerReview[1];
    const later = stepsPerReview.slice(2);
    const mean = (k: string): number => later.reduce((a, m) => a + (m.get(k) ?? 0), 0) / later.length;
    const rows = [...first.keys()].map((k) => ({ k, first: first.get(k)!, later: mean(k) })).sort((a, b) => (b.first - b.later) - (a.first - a.later));
    console.log('steps, first edit against the mean of later edits (thread CPU ms):');
    for (const r of rows.slice(0, 15)) console.log(`  ${(r.first - r.later).toFixed(1).padStart(7)}  ${r.first.toFixed(1).padStart(7)} ${r.later.toFixed(1).padStart(7)}  ${r.k}`);
    // The first four edits each (reviews 2 to 5), for the steps they spent most more on than later edits.
    const early = stepsPerReview.slice(1, 5);
    const extra = (k: string): number => early.reduce((a, m) => a + (m.get(k) ?? 0), 0) - early.length * mean(k);
    const ranked = [...first.keys()].sort((a, b) => extra(b) - extra(a)).slice(0, 15);
    console.log('steps, edits 1 to 4 each, and the mean of later edits (thread CPU ms):');
    for (const k of ranked) console.log(`  ${early.map((m) => (m.get(k) ?? 0).toFixed(1).padStart(6)).join(' ')}  ${mean(k).toFixed(1).padStart(6)}  ${k}`);
  }
  const pct = (xs: number[], p: number): number => { const t = [...xs].sort((a, b) => a - b); return t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)]; };
  console.log(`process CPU per edit (all threads, ms): ${procs.map((c) => c.toFixed(0)).join(' ')}`);
  console.log(`thread CPU p50 ${pct(cpus, 0.5).toFixed(1)} p95 ${pct(cpus, 0.95).toFixed(1)}; process CPU p50 ${pct(procs, 0.5).toFixed(1)} p95 ${pct(procs, 0.95).toFixed(1)} sum ${procs.reduce((a, b) => a + b, 0).toFixed(0)}`);
  console.log(`first 10 sum ${cpus.slice(0, 10).reduce((a, b) => a + b, 0).toFixed(0)}, later median ${later[later.length >> 1]?.toFixed(1)}, all sum ${cpus.reduce((a, b) => a + b, 0).toFixed(0)}`);
}
// --worker: in a worker thread with the review worker's limits (lsp/review-thread.ts), as the 1 MB documents are reviewed.
if (process.argv.includes('--worker') && isMainThread) {
  new Worker(__filename, { argv: process.argv.slice(2), resourceLimits: { maxOldGenerationSizeMb: DEFAULT_WORKER_HEAP_MB, maxYoungGenerationSizeMb: DEFAULT_WORKER_YOUNG_MB } });
} else {
  void main();
}
