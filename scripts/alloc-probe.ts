/**
 * What a warm edit allocates in the review worker (issue 13, alloc): one or two source trees loaded
 * into one process, each driving the worker's own document steps (lsp/worker-documents.ts, the
 * job's text rebuilt from an edit by lsp/job-text.ts, the findings' JSON made through the
 * document's cache, lsp/worker-json.ts) with the LSP bench's single-character edits
 * (scripts/bench-contract.ts), the tree that goes first alternating per edit.
 * Round 1 samples allocation (the inspector's sampling heap profiler, objects collected by either
 * collector included) and prints MB per edit and the largest allocators with their callers; round 2
 * runs without the profiler and prints CPU (process.cpuUsage: this thread and the collector's
 * helpers) and garbage collection (perf_hooks 'gc' entries inside the job) per edit.
 * `npx tsx scripts/alloc-probe.ts [--base /other/tree] [--bytes N] [--edits N] [--top N] [--callers]`
 */
import { inspectorPostSync, HEAP_SAMPLING } from './inspector-sync';
import { PerformanceObserver } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { generateContract, typedEdit } from './bench-contract';
import { stringArg as arg } from './number-arg';

const bytes = Number(arg('bytes', '1000000'));
const edits = Number(arg('edits', '20'));
const topN = Number(arg('top', '25'));
const callers = process.argv.includes('--callers');
const trees = [arg('base', ''), resolve(__dirname, '..')].filter(Boolean);
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const postSync = inspectorPostSync();

let spans: Array<[number, number, Tree]> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const s = spans.find(([a, b]) => e.startTime >= a && e.startTime < b);
    if (s) {
      s[2].gc += e.duration;
      s[2].collections++;
    }
  }
}).observe({ entryTypes: ['gc'] });

interface Tree {
  name: string;
  mods: any;
  spares: any;
  documents: any;
  texts: any;
  caches: any;
  text: string;
  version: number;
  allocated: number[];
  cpu: number[];
  gcPerEdit: number[];
  gc: number;
  /** Collections (of either kind) so far, and per edit of the measured round. */
  collections: number;
  collectionsPerEdit: number[];
  top: Map<string, number>;
}

async function load(dir: string, name: string): Promise<Tree> {
  const docs = await import(`${dir}/server/src/lsp/worker-documents.ts`);
  const jobText = await import(`${dir}/server/src/lsp/job-text.ts`);
  const json = await import(`${dir}/server/src/lsp/worker-json.ts`);
  const spare = await import(`${dir}/server/src/lsp/spare-buffers.ts`);
  return {
    name, mods: { jobText }, spares: new spare.SpareBuffers(), documents: new docs.WorkerDocuments(), texts: new jobText.KeptTexts(), caches: new json.WorkerJsonCaches(),
    text: '', version: 0, allocated: [], cpu: [], gcPerEdit: [], gc: 0, collections: 0, collectionsPerEdit: [], top: new Map(),
  };
}

const URI = 'file:///bench.md';

/** One job as the worker runs it (review-worker.ts handle). */
function job(tree: Tree, wire: object): void {
  tree.version++;
  const received = tree.texts.receiveJob(URI, tree.version, wire);
  const j = { uri: URI, version: tree.version, ...received, format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
  const cache = tree.caches.forReview(URI, tree.documents.reviews.versionOf(URI) !== undefined);
  const out = cache ? tree.documents.review(j, () => undefined, undefined, cache) : tree.documents.review(j, () => undefined);
  const bytes = tree.spares.bytesOf(Array.isArray(out.diagnostics) ? JSON.stringify(out.diagnostics) : out.diagnostics.json);
  // Handed back once written out, as the server's thread does.
  tree.spares.give(bytes.buffer);
  tree.documents.settle(URI);
  tree.texts.retain((u: string) => u === URI);
  if (!cache) tree.caches.fill(URI, out.result);
  tree.text = received.text;
}

const frame = (f: { functionName: string; url: string }): string => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(server\/src|node_modules)\//, '')}`;
function addTop(top: Map<string, number>, node: any, caller: string, outer: string): number {
  const f = node.callFrame;
  const key = f.url ? frame(f) : caller;
  const label = callers ? `${key}  <- ${f.url ? caller : outer}` : key;
  top.set(label, (top.get(label) ?? 0) + node.selfSize);
  let n = node.selfSize;
  for (const c of node.children) n += addTop(top, c, key, f.url ? caller : outer);
  return n;
}

async function main(): Promise<void> {
  const list: Tree[] = [];
  for (const [i, dir] of trees.entries()) list.push(await load(dir, trees.length > 1 && i === 0 ? 'base' : 'this tree'));
  let text = generateContract(bytes);
  // The server's thread makes the job's edit (lsp/job-text.ts textEdit): outside what is measured.
  const wireOf = (t: Tree, next: string): object => (t.text ? { edit: t.mods.jobText.textEdit(t.version, t.text, next) } : { text: next });
  for (const t of list) job(t, wireOf(t, text));
  postSync('HeapProfiler.enable');
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < edits; i++) {
      text = typedEdit(text, i + round * edits, edits * 3).text;
      const order = (i + round) % 2 === 0 ? list : [...list].reverse();
      for (const t of order) {
        const wire = wireOf(t, text);
        if (round === 1) postSync('HeapProfiler.startSampling', HEAP_SAMPLING);
        const from = performance.now();
        const c = cpu();
        const gcBefore = t.gc;
        const collectionsBefore = t.collections;
        job(t, wire);
        const ms = cpu() - c;
        spans.push([from, performance.now(), t]);
        if (round === 1) {
          const { profile } = postSync('HeapProfiler.stopSampling');
          t.allocated.push(addTop(t.top, profile.head, '(root)', '(root)'));
        }
        if (round === 2) {
          t.cpu.push(ms);
          await new Promise((ok) => setImmediate(ok));
          t.gcPerEdit.push(t.gc - gcBefore);
          t.collectionsPerEdit.push(t.collections - collectionsBefore);
        } else await new Promise((ok) => setImmediate(ok));
      }
    }
    spans = spans.slice(-4);
  }
  const q = (xs: number[], p: number): number => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const f = (xs: number[]): string => `${q(xs, 0.5).toFixed(1)} / ${q(xs, 0.95).toFixed(1)} / ${mean(xs).toFixed(1)}`;
  console.log(`${bytes} bytes, ${edits} edits per round after a warm-up round; load average ${require('node:os').loadavg()[0].toFixed(1)}`);
  for (const t of list) {
    console.log(`${t.name.padEnd(10)} allocated MB per edit (sampled) ${f(t.allocated.map((b) => b / 1e6))}; CPU ms ${f(t.cpu)}; GC ms ${f(t.gcPerEdit)}; collections ${f(t.collectionsPerEdit)}   (p50 / p95 / mean)`);
    for (const [k, v] of [...t.top].sort((a, b) => b[1] - a[1]).slice(0, topN)) console.log(`${(v / edits / 1e6).toFixed(3).padStart(10)} MB  ${k}`);
  }
}

void main();
