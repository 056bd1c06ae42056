/**
 * What one CLI reviewing thread allocates per file over cuad-dev (issue 13, clialloc): every
 * ../shared/cuad-dev/*.txt reviewed one after another in this thread through the CLI's own task
 * (cli/review-task.ts `runReviewTask`, JSON report settings), a first pass to warm up, then a pass
 * under the inspector's sampling heap profiler (objects collected by either collector included), and
 * a pass without it for this thread's CPU (/proc/thread-self/schedstat). Prints MB allocated per pass
 * and the largest allocation sites (function, file:line) by bytes, with --callers their callers.
 * `npx tsx scripts/cli-alloc-probe.ts [--limit N] [--top N] [--callers] [--interval BYTES] [--dir D] [--json out.heapprofile]`
 */
import * as fs from 'node:fs';
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import * as path from 'node:path';
import { inspectorPostSync } from './inspector-sync';
import { runReviewTask } from '../server/src/cli/review-task';
import { stringArg as arg } from './number-arg';

const limit = Number(arg('limit', 'Infinity'));
const topN = Number(arg('top', '40'));
const interval = Number(arg('interval', '1024'));
const callers = process.argv.includes('--callers');
const jsonOut = arg('json', '');
const dir = path.resolve(arg('dir', '/work/shared/cuad-dev'));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
const bytes = files.map((f) => new Uint8Array(fs.readFileSync(path.join(dir, f))));
const threadMs = threadCpuMs;

function pass(): number {
  let findings = 0;
  for (let i = 0; i < files.length; i++) {
    findings += runReviewTask({ index: i, bytes: bytes[i], path: files[i], cwd: dir, settings: {}, force: false }).result.diagnostics.length;
  }
  return findings;
}

const post = inspectorPostSync();
const findings = pass();
post('HeapProfiler.startSampling', { samplingInterval: interval, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
pass();
const { profile } = post('HeapProfiler.stopSampling');
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(profile));
const t0 = threadMs();
pass();
const cpu = threadMs() - t0;

type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] };
const site = (n: Node): string => `${n.callFrame.functionName || '(anon)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const from = new Map<string, Map<string, number>>();
let total = 0;
const walk = (n: Node, parent: string): void => {
  const s = site(n);
  if (n.selfSize) {
    total += n.selfSize;
    self.set(s, (self.get(s) ?? 0) + n.selfSize);
    let m = from.get(s);
    if (!m) from.set(s, (m = new Map()));
    m.set(parent, (m.get(parent) ?? 0) + n.selfSize);
  }
  for (const c of n.children) walk(c, s);
};
walk(profile.head as Node, '');
console.log(`${files.length} files, ${findings} findings; sampled ${(total / 1e6).toFixed(1)} MB allocated per pass (${(total / files.length / 1e3).toFixed(0)} KB per file); thread CPU of an unprofiled pass ${cpu.toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, topN)) {
  console.log(`${(v / 1e6).toFixed(2).padStart(8)} MB  ${k}`);
  if (callers) for (const [c, w] of [...from.get(k)!].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`            ${(w / 1e6).toFixed(2).padStart(8)} MB  <- ${c}`);
}
