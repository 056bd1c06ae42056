/**
 * The model step of a warm edit, alone (issue 13, model): reviews single-character edits at the LSP
 * bench's points as the review worker does (the job's text rebuilt from the previous one with the
 * edit, the edit handed to the model, model caches released after each review), and measures only
 * the model step (`currentStep.name === 'model'`): its CPU per edit, and with --profile its self
 * time per function, with --alloc what it allocates (sampling heap profiler, collected objects
 * included). --flat flattens each new text before the model step, to tell the model's own work
 * from the first read of a concatenated text.
 * With --base DIR, the base tree's model step runs in the same process on the same edits, the two
 * trees alternating which goes first per edit (A/B on a loaded machine; profiles then cover both).
 *   npx tsx scripts/model-step-probe.ts [--tree DIR] [--base DIR] [--bytes 1000000] [--edits 24] [--profile] [--alloc] [--flat]
 */
import { inspectorPostSync, HEAP_SAMPLING, type PostSync } from './inspector-sync';
import { resolve } from 'node:path';
import { generateContract, typedEdit } from './bench-contract';
import { stringArg as arg } from './number-arg';

const args = process.argv.slice(2);
const tree = resolve(arg('tree', resolve(__dirname, '..')));
const base = args.includes('--base') ? resolve(arg('base', '')) : null;
const bytes = Number(arg('bytes', '1000000'));
const edits = Number(arg('edits', '24'));
const PROFILE = args.includes('--profile');
const ALLOC = args.includes('--alloc');
const FLAT = args.includes('--flat');
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

// The inspector's profilers, started and stopped around the measured edits only.
const postSync: PostSync = PROFILE || ALLOC ? inspectorPostSync() : () => { throw new Error('no inspector session'); };
const self = new Map<string, number>();
const allocs = new Map<string, number>();
const name = (f: { functionName: string; url: string }): string =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(server\/src|node_modules)\//, '')}`;
function addProfile(p: { nodes: any[]; samples: number[]; timeDeltas: number[] }): void {
  const byId = new Map<number, any>(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The first sample's delta runs from the profiler's start: left out.
  for (let i = 1; i < p.samples.length; i++) {
    // Built-ins counted with their caller.
    let n = byId.get(p.samples[i]);
    let builtin = '';
    while (n && !n.callFrame.url && parent.has(n.id) && !['(garbage collector)', '(program)'].includes(n.callFrame.functionName)) {
      builtin ||= n.callFrame.functionName;
      n = byId.get(parent.get(n.id)!);
    }
    const k = n ? `${builtin ? `[${builtin}] in ` : ''}${name(n.callFrame)}` : '?';
    self.set(k, (self.get(k) ?? 0) + p.timeDeltas[i] / 1000);
  }
}
function addAlloc(node: { selfSize: number; children: any[]; callFrame: any }, caller = '(root)'): number {
  const key = node.callFrame.url ? name(node.callFrame) : caller;
  allocs.set(key, (allocs.get(key) ?? 0) + node.selfSize);
  let n = node.selfSize;
  for (const c of node.children) n += addAlloc(c, key);
  return n;
}

interface Tree {
  dir: string;
  run: (next: string, record: boolean) => void;
  times: number[];
  flatTimes: number[];
}

async function load(dir: string): Promise<Tree> {
  const engine = await import(`${dir}/server/src/engine/index.ts`);
  const job = await import(`${dir}/server/src/lsp/review-job.ts`);
  const jobText = await import(`${dir}/server/src/lsp/job-text.ts`);
  const incremental = new engine.IncrementalReview();
  let prev = '';
  let version = 0;
  const times: number[] = [];
  const flatTimes: number[] = [];
  const run = (next: string, record: boolean): void => {
    let text = next;
    let edit: unknown;
    if (prev) {
      const wire = jobText.textEdit(version, prev, next);
      text = jobText.applyTextEdit(prev, wire);
      edit = { before: prev, start: wire.start, oldEnd: wire.end, insert: wire.insert };
      // A regular expression run over a concatenated string flattens it.
      if (FLAT) {
        const t = cpu();
        /\u0000/.test(text);
        if (record) flatTimes.push(cpu() - t);
      }
    }
    version++;
    const steps = job.runReviewJobSteps({ uri: 'file:///bench.md', version, text, ...(edit ? { edit } : {}), format: 'markdown', settings: {}, force: false, workspaceFolders: [] }, incremental, () => undefined);
    let model = 0;
    // The model's steps come first; a step belongs to it when the step name says 'model' after it
    // ran (review steps name themselves as they start). Profiles taken during the model's steps only.
    let inModel = record;
    for (;;) {
      if (inModel && PROFILE) postSync('Profiler.start');
      if (inModel && ALLOC) postSync('HeapProfiler.startSampling', HEAP_SAMPLING);
      const t = cpu();
      const r = steps.next();
      const ms = cpu() - t;
      const wasModel = engine.currentStep.name === 'model';
      if (inModel && ALLOC) { const p = postSync('HeapProfiler.stopSampling').profile.head; if (wasModel) allocated += addAlloc(p); }
      if (inModel && PROFILE) { const p = postSync('Profiler.stop').profile; if (wasModel) addProfile(p); }
      if (wasModel) model += ms;
      else inModel = false;
      if (r.done) break;
    }
    incremental.releaseModelCaches();
    prev = text;
    if (record) times.push(model);
  };
  return { dir, run, times, flatTimes };
}

let allocated = 0;

async function main(): Promise<void> {
  const trees = base ? [await load(base), await load(tree)] : [await load(tree)];
  if (PROFILE) postSync('Profiler.enable');
  if (PROFILE) postSync('Profiler.setSamplingInterval', { interval: 100 });
  if (ALLOC) postSync('HeapProfiler.enable');
  let text = generateContract(bytes);
  for (const t of trees) t.run(text, false);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < edits; i++) {
      text = typedEdit(text, i, edits).text;
      const order = (i + round) % 2 === 0 ? trees : [...trees].reverse();
      for (const t of order) t.run(text, round > 0);
    }
  }
  const edited = trees[0].times.length * trees.length;
  for (const { dir, times, flatTimes } of trees) {
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((s, x) => s + x, 0) / times.length;
    console.log(`${dir}: ${bytes} bytes, ${times.length} edits; model step CPU ms p50 ${sorted[sorted.length >> 1].toFixed(2)}, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(2)}, mean ${mean.toFixed(2)}${FLAT ? ' (text flattened first)' : ''}`);
    console.log(`  per edit: ${times.map((t) => t.toFixed(1)).join(' ')}`);
    if (FLAT) console.log(`  flattening per edit: ${flatTimes.map((t) => t.toFixed(1)).join(' ')}`);
  }
  const times = { length: edited };
  if (PROFILE) {
    const total = [...self.values()].reduce((s, x) => s + x, 0);
    console.log(`  self time per edit (ms), of ${(total / times.length).toFixed(2)}:`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(v / times.length).toFixed(2).padStart(7)}  ${k}`);
  }
  if (ALLOC) {
    console.log(`  allocated per edit (sampled): ${(allocated / times.length / 1e6).toFixed(2)} MB`);
    for (const [k, v] of [...allocs].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(v / times.length / 1e6).toFixed(3).padStart(7)} MB  ${k}`);
  }
}

void main();
