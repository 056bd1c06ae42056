/**
 * What each drafting/ pass costs per keystroke (issue 13): the bench's generated contract is typed
 * into as lsp-trace.ts types (one character per edit, spread through the document) and reviewed
 * step by step as the review worker does (runReviewJobSteps), under the CPU profiler sampling every
 * 100 microseconds. Prints, over the edits after the first quarter (the JIT's warm-up), each
 * function's inclusive time per edit (a function counted once per sample however deep it recurses)
 * for the functions of drafting/ and the total per edit.
 *
 * Run it bundled, so that what is measured is what the server runs (tsx's export getters show up
 * as functions of their own otherwise):
 *   npx esbuild scripts/drafting-passes.ts --bundle --platform=node --outfile=/tmp/drafting-passes.cjs \
 *     --log-level=error && node /tmp/drafting-passes.cjs [--bytes N] [--edits N] [--top N]
 * The bundle's `// server/src/...` markers map each function back to its source file. With
 * `--wrap f,g` the named functions time themselves instead (CPU time per edit: median, p90), which
 * is what docs/performance.md quotes per pass; `--each` prints them per edit.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { IncrementalReview } from '../server/src/engine';
import { runReviewJobSteps, type ReviewJob } from '../server/src/lsp/review-job';
import { generateContract, typedEdit } from './bench-contract';
import { inspectorPostSync } from './inspector-sync';
import { numberArg } from './number-arg';

const arg = numberArg;
const bytes = arg('bytes', 1_000_000);
const edits = arg('edits', 40);
const top = arg('top', 40);
const folder = process.argv.includes('--all') ? '' : process.argv.includes('--folder') ? process.argv[process.argv.indexOf('--folder') + 1] : 'drafting/';
// --under NAME: the time of NAME's samples split by the function called directly below it.
const under = process.argv.includes('--under') ? process.argv[process.argv.indexOf('--under') + 1] : '';
const below = new Map<string, number>();

// --wrap f,g,...: the named functions of the bundle time themselves (process CPU time around each
// outermost call, added up per edit; steadier than the profiler's samples on a loaded machine).
// The bundle is copied with each `function f(` made a wrapper of the original and run in a child.
const wrapAt = process.argv.indexOf('--wrap');
const noProfile = process.argv.includes('--no-profile');
if (wrapAt >= 0 && !(globalThis as any).__passCpu) {
  let code = readFileSync(__filename, 'utf8');
  for (const name of process.argv[wrapAt + 1].split(',')) {
    const re = new RegExp(`^(\\s*)function ${name}\\(`, 'gm');
    const found = [...code.matchAll(re)];
    if (found.length !== 1) { console.error(`--wrap: ${found.length} functions named ${name}; left alone`); continue; }
    code = code.replace(re, `$1var ${name} = __wrap('${name}', ${name}$$timed);\n$1function ${name}$$timed(`);
  }
  const prelude = `globalThis.__passCpu = new Map(); const __depth = new Map();
function __cpu() { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }
function __wrap(name, f) { return function (...a) { if (__depth.get(name)) return f.apply(this, a); __depth.set(name, 1); const t = __cpu(); try { return f.apply(this, a); } finally { __depth.set(name, 0); const m = globalThis.__passCpu; m.set(name, (m.get(name) || 0) + __cpu() - t); } }; }
`;
  const file = join(tmpdir(), `drafting-passes-wrapped-${process.pid}.cjs`);
  writeFileSync(file, code.replace(/^("use strict";)?/, (m) => `${m}\n${prelude}`));
  const args = process.argv.slice(2).filter((_, i) => i !== wrapAt - 2 && i !== wrapAt - 1);
  const status = spawnSync(process.execPath, [file, ...args], { stdio: 'inherit' }).status ?? 1;
  unlinkSync(file);
  process.exit(status);
}

// Source file of each line of this bundle, from esbuild's `// path` markers.
const bundle = readFileSync(__filename, 'utf8').split('\n');
const fileAtLine: string[] = [];
let current = '';
bundle.forEach((line, i) => {
  const m = /^\/\/ ((?:server\/src|scripts|node_modules)\/\S+)$/.exec(line);
  if (m) current = m[1];
  fileAtLine[i] = current;
});

let text = generateContract(bytes);
const incremental = new IncrementalReview();
// --known-edit: each job carries its edit, as the review worker's do (the model does not compare the texts).
let knownEdit: ReviewJob['edit'];
const job = (version: number): ReviewJob => ({ uri: 'file:///bench.md', version, text, ...(knownEdit ? { edit: knownEdit } : {}), format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
const runJob = (version: number): void => {
  const gen = runReviewJobSteps(job(version), incremental, () => undefined);
  while (!gen.next().done);
};

// Filled by a bundle whose pass functions were wrapped to time themselves (CPU time per call, added per edit).
const perEdit = new Map<string, number[]>();
const post = inspectorPostSync();
post('Profiler.enable');
post('Profiler.setSamplingInterval', { interval: 100 });
runJob(1);
const warm = Math.floor(edits / 4);
const inclusive = new Map<string, number>();
let total = 0;
let counted = 0;
for (let i = 0; i < edits; i++) {
  const edit = typedEdit(text, i, edits);
  const at = edit.at;
  if (process.argv.includes('--known-edit')) knownEdit = { before: text, start: at, oldEnd: at, insert: 'x' };
  text = edit.text;
  // --no-profile (with --wrap): the wrapped passes' CPU without the sampler's overhead.
  if (!noProfile) post('Profiler.start');
  runJob(i + 2);
  const { profile } = noProfile ? { profile: { nodes: [], samples: [], timeDeltas: [] } } : post('Profiler.stop');
  const wrapped = (globalThis as any).__passCpu as Map<string, number> | undefined;
  if (i < warm) { wrapped?.clear(); continue; }
  counted++;
  add(profile);
  if (wrapped) {
    if (process.argv.includes('--each')) console.log(`edit ${i + 1} at ${JSON.stringify(text.slice(at - 30, at + 3))}: ${[...wrapped].filter(([, ms]) => ms >= 0.5).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`);
    for (const [name, ms] of wrapped) {
      let xs = perEdit.get(name);
      if (!xs) perEdit.set(name, (xs = []));
      xs.push(ms);
    }
    wrapped.clear();
  }
}

function add(p: any): void {
  const byId = new Map<number, any>();
  for (const n of p.nodes) byId.set(n.id, n);
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const names = new Map<number, string>();
  const nameOf = (id: number): string => {
    let out = names.get(id);
    if (out === undefined) {
      const f = byId.get(id).callFrame;
      const file = f.url.endsWith('.cjs') ? fileAtLine[f.lineNumber] ?? '' : f.url;
      names.set(id, (out = `${f.functionName || '(anonymous)'} ${file.replace(/^server\/src\//, '')}`));
    }
    return out;
  };
  p.samples.forEach((s: number, k: number) => {
    const ms = (p.timeDeltas[k + 1] ?? 0) / 1000;
    if (nameOf(s).includes('node:inspector')) return;
    total += ms;
    const seen = new Set<string>();
    let child = '(self)';
    for (let id: number | undefined = s; id !== undefined; id = parent.get(id)) {
      const name = nameOf(id);
      if (under && name.startsWith(under + ' ') && !seen.has(name)) below.set(child, (below.get(child) ?? 0) + ms);
      if (name !== child) child = byId.get(id).callFrame.url ? name : child;
      if (seen.has(name) || !name.includes(folder)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
}

console.log(`${bytes} bytes, ${edits} edits, ${counted} counted; sampled CPU per edit ${(total / counted).toFixed(1)} ms (load ${require('node:os').loadavg()[0].toFixed(1)})`);
console.log(`inclusive ms per edit, functions of ${folder || 'every file'}:`);
for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(ms / counted).toFixed(2).padStart(8)}  ${name}`);
}
if (perEdit.size) {
  const q = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  console.log('wrapped passes, CPU ms per edit: median, p90, edits called');
  for (const [name, xs] of [...perEdit].sort((a, b) => q(b[1], 0.5) - q(a[1], 0.5))) console.log(`${q(xs, 0.5).toFixed(3).padStart(8)} ${q(xs, 0.9).toFixed(3).padStart(8)} ${String(xs.length).padStart(4)}  ${name}`);
}
if (under) {
  console.log(`below ${under}, ms per edit:`);
  for (const [name, ms] of [...below].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(ms / counted).toFixed(2).padStart(8)}  ${name}`);
}
