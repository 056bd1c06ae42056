// What TurboFan compiles during editing (issue 13, jit): runs the language server's review job in
// process on the LSP bench's contract, opened then edited as the bench edits it, and prints a marker
// line before each edit, so V8's --trace-opt / --trace-deopt output (also on stdout) can be cut per edit.
//   node --import tsx --trace-opt --trace-deopt scripts/jit-probe.ts [--bytes 1000000] [--edits 20] > /tmp/jit.log
//   npx tsx scripts/jit-probe.ts --summary /tmp/jit.log   (functions optimised, re-optimised, deoptimised, per edit)
//   npx tsx scripts/jit-probe.ts --cpu [--bytes N] [--edits N]: sets the server's V8 flags first (lsp/v8-flags.ts,
//   CLAUSEWISE_V8_FLAGS=off for V8's defaults) and prints the thread's and the whole process's CPU (compiler
//   threads included) for the open and the edits, no traces.
import { readFileSync } from 'node:fs';
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { IncrementalReview } from '../server/src/engine/incremental';
import { runReviewJob, type ReviewJob } from '../server/src/lsp/review-job';
import { applyServerV8Flags } from '../server/src/lsp/v8-flags';
import { generateContract, typedEdit } from './bench-contract';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const summaryOf = (() => { const i = process.argv.indexOf('--summary'); return i > 0 ? process.argv[i + 1] : null; })();
const threadCpu = threadCpuMs;

/** The `;;; deoptimize at ...` reasons seen by summarise (declared before it runs). */
const lastReasons: string[] = [];
const processCpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
if (summaryOf) summarise(readFileSync(summaryOf, 'utf8'));
else if (process.argv.includes('--cpu')) cpuProbe(arg('bytes', 100_000), arg('edits', 40));
else probe(arg('bytes', 1_000_000), arg('edits', 20));

function cpuProbe(bytes: number, edits: number): void {
  const flags = applyServerV8Flags();
  let text = generateContract(bytes);
  const state = new IncrementalReview();
  const job = (version: number): ReviewJob => ({ uri: 'file:///tmp/jit-probe.md', version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
  const once = (version: number): [number, number] => {
    const c0 = threadCpu();
    const p0 = processCpu();
    const out = runReviewJob(job(version), state, () => undefined);
    JSON.stringify({ diagnostics: out.diagnostics });
    return [threadCpu() - c0, processCpu() - p0];
  };
  const open = once(1);
  const thread: number[] = [];
  const all: number[] = [];
  const p0 = processCpu();
  for (let i = 0; i < edits; i++) {
    text = typedEdit(text, i, edits).text;
    const [t] = once(i + 2);
    thread.push(t);
  }
  // Compiler threads finish after the edit that asked for their work: the process's CPU over all edits.
  all.push(processCpu() - p0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const sorted = [...thread].sort((a, b) => a - b);
  console.log(`flags [${flags.join(' ')}] open thread ${open[0].toFixed(0)} process ${open[1].toFixed(0)}; edits thread sum ${sum(thread).toFixed(0)} (first 10 ${sum(thread.slice(0, 10)).toFixed(0)}, last half ${sum(thread.slice(edits >> 1)).toFixed(0)}, median ${sorted[edits >> 1].toFixed(1)}, p95 ${sorted[Math.floor(edits * 0.95)].toFixed(1)}), process ${all[0].toFixed(0)}`);
}

function probe(bytes: number, edits: number): void {
  let text = generateContract(bytes);
  const state = new IncrementalReview();
  const job = (version: number): ReviewJob => ({ uri: 'file:///tmp/jit-probe.md', version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
  const once = (version: number): number => {
    const c0 = threadCpu();
    const out = runReviewJob(job(version), state, () => undefined);
    JSON.stringify({ diagnostics: out.diagnostics });
    return threadCpu() - c0;
  };
  console.log(`=== open`);
  console.log(`=== cpu ${once(1).toFixed(1)}`);
  for (let i = 0; i < edits; i++) {
    text = typedEdit(text, i, edits).text;
    console.log(`=== edit ${i + 1}`);
    console.log(`=== cpu ${once(i + 2).toFixed(1)}`);
  }
}

function summarise(log: string): void {
  let phase = 'start';
  const perPhase = new Map<string, { opt: number; deopt: number; cpu: string }>();
  const opts = new Map<string, number>();
  const deopts = new Map<string, Map<string, number>>();
  const optsByPhase = new Map<string, string[]>();
  for (const line of log.split('\n')) {
    const m = /^=== (open|edit \d+|cpu (.*))$/.exec(line);
    if (m) {
      if (m[2] !== undefined) perPhase.get(phase)!.cpu = m[2];
      else { phase = m[1]; perPhase.set(phase, { opt: 0, deopt: 0, cpu: '' }); }
      continue;
    }
    const p = perPhase.get(phase) ?? { opt: 0, deopt: 0, cpu: '' };
    perPhase.set(phase, p);
    const done = /^\[completed (?:optimizing|compiling) (?:0x[0-9a-f]+ )?<JSFunction ([^ >]*)[^\]]*?(?:\(target (\w+)\))?.*?- took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
    if (done) {
      p.opt++;
      const key = done[1] || '(anon)';
      opts.set(key, (opts.get(key) ?? 0) + 1);
      if (phase.startsWith('edit')) (optsByPhase.get(key) ?? optsByPhase.set(key, []).get(key)!).push(phase.slice(5));
      continue;
    }
    const de = /^\[bailout \(kind: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction ([^ >]*)[^,]*, opt id \d+, (?:node id \d+, )?(?:bytecode offset \d+, )?deopt exit \d+, FP to SP delta \d+, caller SP 0x[0-9a-f]+, pc 0x[0-9a-f]+\]/.exec(line)
      ?? /^\[bailout \(kind: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction ([^ >]*)/.exec(line);
    if (de) {
      p.deopt++;
      const key = de[2] || '(anon)';
      const byReason = deopts.get(key) ?? new Map<string, number>();
      deopts.set(key, byReason);
      byReason.set(de[1], (byReason.get(de[1]) ?? 0) + 1);
    }
    const reason = /^\s+;;; deoptimize at .*?, (.*)$/.exec(line);
    if (reason) lastReasons.push(reason[1]);
  }
  for (const [ph, p] of perPhase) console.log(`${ph.padEnd(8)} optimised ${String(p.opt).padStart(4)}  deopts ${String(p.deopt).padStart(4)}  cpu ${p.cpu}`);
  console.log('\nfunctions optimised more than once (count; edits where):');
  for (const [f, n] of [...opts].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`  ${n}  ${f}  ${(optsByPhase.get(f) ?? []).join(',')}`);
  console.log('\ndeoptimised functions:');
  for (const [f, m] of [...deopts].sort((a, b) => [...b[1].values()].reduce((x, y) => x + y) - [...a[1].values()].reduce((x, y) => x + y)).slice(0, 40)) console.log(`  ${f}  ${[...m].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const byReason = new Map<string, number>();
  for (const r of lastReasons) byReason.set(r, (byReason.get(r) ?? 0) + 1);
  console.log('\ndeopt reasons:');
  for (const [r, n] of [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${n}  ${r}`);
}
