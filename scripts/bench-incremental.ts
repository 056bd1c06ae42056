// Benchmark of the incremental review (issue 13, point 1): a single-character edit on a generated
// contract of 100 KB and of 1 MB, reviewed in full (review()) and incrementally (IncrementalReview),
// edits spread through the document. Prints p50 / p95 / max per size and mode. Timing goals live
// here, never in unit tests. `npx tsx scripts/bench-incremental.ts [--cpu] [--edits N] [--bytes N]
// [--profile] [--alloc]`: --bytes runs one contract of about N characters instead of 100 KB and 1 MB;
// --profile prints self time per function over the incremental reviews only (and writes their profiles);
// --alloc prints what the incremental reviews allocate per edit and their garbage collection time;
// --lsp-contract reviews the contract `npm run bench` types into over LSP (scripts/bench-contract.ts)
// instead of the example agreements repeated.
import { writeFileSync } from 'node:fs';
import { inspectorPostSync, HEAP_SAMPLING, type PostSync } from './inspector-sync';
import { PerformanceObserver } from 'node:perf_hooks';
import { review } from '../server/src/engine';
import { IncrementalReview } from '../server/src/engine/incremental';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { examplesContract, generateContract } from './bench-contract';

const args = process.argv.slice(2);
const EDITS = Number(args[args.indexOf('--edits') + 1] || 40);


const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const wall = () => performance.now();
// CPU time of this process (user + system): on a shared, loaded machine it is far steadier than
// wall time, which also counts the time spent waiting for a core. Both are printed.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const CPU = args.includes('--cpu');
const BYTES = args.includes('--bytes') ? Number(args[args.indexOf('--bytes') + 1]) : 0;
const PROFILE = args.includes('--profile');
const ALLOC = args.includes('--alloc');

// The inspector's CPU profiler and sampling heap profiler, started and stopped around the
// incremental reviews only, so the full reviews run between them are not counted.
const postSync: PostSync = PROFILE || ALLOC ? inspectorPostSync() : () => { throw new Error('no inspector session'); };
// Time spent collecting garbage while an incremental review runs.
// (The observer is told after the fact, so collections are matched to the reviews' time spans.)
let gcMs = 0;
const spans: Array<[number, number]> = [];
const gcKinds = new Map<string, number>();
const GC_KIND: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };
if (ALLOC) new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (!spans.some(([a, b]) => e.startTime >= a && e.startTime < b)) continue;
    gcMs += e.duration;
    const kind = GC_KIND[(e as any).detail?.kind] ?? 'other';
    gcKinds.set(kind, (gcKinds.get(kind) ?? 0) + e.duration);
  }
}).observe({ entryTypes: ['gc'] });
let allocated = 0;
function sumSelf(node: { selfSize: number; children: any[] }): number {
  let n = node.selfSize;
  for (const c of node.children) n += sumSelf(c);
  return n;
}
const topAlloc = new Map<string, number>();
// Built-ins (no script) are counted with the function that called them.
function addTop(node: { selfSize: number; children: any[]; callFrame: { functionName: string; url: string } }, caller = '(root)'): void {
  const f = node.callFrame;
  const key = f.url ? frameName(f) : caller;
  topAlloc.set(key, (topAlloc.get(key) ?? 0) + node.selfSize);
  for (const c of node.children) addTop(c, key);
}
const frameName = (f: { functionName: string; url: string }) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(server\/src|node_modules)\//, '')}`;
const now = CPU ? cpu : wall;

async function run(size: number, label: string): Promise<void> {
  const base = args.includes('--lsp-contract') ? generateContract(size) : examplesContract(size);
  // Edit points spread through the document, each at the end of a line (a keystroke while typing).
  const points = Array.from({ length: EDITS }, (_, i) => base.indexOf('\n', Math.floor(((i + 0.5) / EDITS) * base.length)));
  const input = (text: string, version: number) => ({ text, version, path: 'contract.md' });
  const full: number[] = [];
  const inc: number[] = [];
  const incremental = new IncrementalReview();
  incremental.review(input(base, 0));
  review(input(base, 0));
  let spliced = 0;
  let text = base;
  const profiles: any[] = [];
  allocated = 0;
  gcMs = 0;
  spans.length = 0;
  gcKinds.clear();
  topAlloc.clear();
  if (PROFILE) postSync('Profiler.enable');
  if (ALLOC) postSync('HeapProfiler.enable');
  points.forEach((at, i) => {
    // Type one character, as the editor would send it: each edit on the text left by the one before.
    const shift = text.length - base.length;
    text = text.slice(0, at + shift) + 'x' + text.slice(at + shift);
    if (PROFILE) postSync('Profiler.start');
    if (ALLOC) postSync('HeapProfiler.startSampling', HEAP_SAMPLING);
    const from = performance.now();
    let t = now();
    incremental.review(input(text, i + 1));
    inc.push(now() - t);
    spans.push([from, performance.now()]);
    if (ALLOC) {
      const { profile } = postSync('HeapProfiler.stopSampling');
      allocated += sumSelf(profile.head);
      addTop(profile.head);
    }
    if (PROFILE) profiles.push(postSync('Profiler.stop').profile);
    if (incremental.fullParseReason === null) spliced++;
    t = now();
    review(input(text, i + 1));
    full.push(now() - t);
  });
  const row = (mode: string, xs: number[]) => console.log(`${label.padEnd(8)} ${mode.padEnd(12)} ${pct(xs, 0.5).toFixed(1).padStart(8)} ${pct(xs, 0.95).toFixed(1).padStart(8)} ${Math.max(...xs).toFixed(1).padStart(8)}`);
  row('full', full);
  row('incremental', inc);
  console.log(`${''.padEnd(8)} ${spliced}/${EDITS} edits spliced, ${(base.length / 1024).toFixed(0)} KiB`);
  if (ALLOC) {
    await new Promise((ok) => setTimeout(ok, 10));
    console.log(`${''.padEnd(8)} incremental: ${(allocated / EDITS / 1e6).toFixed(1)} MB allocated per edit (sampled), ${(gcMs / EDITS).toFixed(1)} ms of GC per edit (${[...gcKinds].map(([k, ms]) => `${k} ${(ms / EDITS).toFixed(1)}`).join(', ')})`);
    const top = [...topAlloc].sort((a, b) => b[1] - a[1]).slice(0, 25);
    for (const [k, v] of top) console.log(`${''.padEnd(10)}${(v / EDITS / 1e6).toFixed(2).padStart(7)} MB  ${k}`);
  }
  if (PROFILE) {
    const file = `incremental-${base.length}.cpuprofiles.json`;
    writeFileSync(file, JSON.stringify(profiles));
    const times = selfTimes(profiles);
    const total = times.reduce((n, [, ms]) => n + ms, 0);
    console.log(`${''.padEnd(8)} self time over the incremental reviews (profiles in ${file}):`);
    for (const [k, ms] of times.slice(0, 30)) console.log(`${''.padEnd(10)}${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
}

/** Self time per function over the incremental reviews' CPU profiles, largest first. */
function selfTimes(ps: any[]): Array<[string, number]> {
  const self = new Map<string, number>();
  for (const p of ps) {
    const byId = new Map<number, any>();
    for (const n of p.nodes) byId.set(n.id, n);
    // Built-ins (no script) are counted with the function that called them.
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const nameOf = (id: number): string => {
      const n = byId.get(id);
      if (!n.callFrame.url && parent.has(id) && !/^\((garbage collector|program|idle)\)$/.test(n.callFrame.functionName)) return nameOf(parent.get(id)!);
      return frameName(n.callFrame);
    };
    p.samples.forEach((s: number, i: number) => {
      const key = nameOf(s);
      // Starting and stopping the profiler itself.
      if (key.includes('node:inspector')) return;
      self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    });
  }
  return [...self].sort((a, b) => b[1] - a[1]);
}

if (require.main === module) void (async () => {
  console.log(`size     mode           p50 ms   p95 ms   max ms   (${CPU ? 'CPU time' : 'wall time'}; load average ${require('node:os').loadavg()[0].toFixed(1)} on ${require('node:os').cpus().length} cores)`);
  if (BYTES) await run(BYTES, `${Math.round(BYTES / 1024)} KB`);
  else {
    await run(100 * 1024, '100 KB');
    await run(1024 * 1024, '1 MB');
  }
  // A yardstick for the machine's speed in this run: the issue measured 300-500 ms on a quiet machine.
  const mb = examplesContract(1024 * 1024);
  const t = now();
  unified().use(remarkParse).parse(mb);
  console.log(`reference: remark-parse of the whole 1 MB text took ${(now() - t).toFixed(0)} ms`);
})();
