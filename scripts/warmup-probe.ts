// The first edits after opening a document, in process (issue 13, warm-up): runs the language
// server's review job (lsp/review-job.ts) on a generated contract, opened then edited as the LSP bench
// edits it, and prints the thread CPU time of each edit; then does the same on a second document in
// the same (now warm) process. If the second document's first edits are as slow as the first's, the
// cost is work the first edits do; if they are fast, it is the JIT warming up.
//   npx tsx scripts/warmup-probe.ts [--bytes 100000] [--edits 16] [--docs 2]
// (or bundled: see docs/performance.md). Linux only (thread CPU from /proc/thread-self/schedstat).
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { PerformanceObserver } from 'node:perf_hooks';
import { IncrementalReview } from '../server/src/engine/incremental';
import { runReviewJob, type ReviewJob } from '../server/src/lsp/review-job';
import { generateContract, typedEdit } from './bench-contract';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const bytes = arg('bytes', 100_000);
const edits = arg('edits', 16);
const docs = arg('docs', 2);
/** Edits of a small separate document (--warm-bytes) reviewed after the first open, before its edits: what an idle warm-up would do. */
const warm = arg('warm', 0);
const warmBytes = arg('warm-bytes', 8000);
const threadCpu = threadCpuMs;
let gcMs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });

function reviewOnce(job: ReviewJob, state: IncrementalReview): { cpu: number; gc: number } {
  const c0 = threadCpu();
  const g0 = gcMs;
  const out = runReviewJob(job, state, () => undefined);
  // As the server publishes it.
  JSON.stringify({ uri: job.uri, version: job.version, diagnostics: out.diagnostics });
  return { cpu: threadCpu() - c0, gc: gcMs - g0 };
}

for (let d = 0; d < docs; d++) {
  let text = generateContract(bytes + d);
  const state = new IncrementalReview();
  const job = (version: number): ReviewJob => ({ uri: `file:///tmp/probe-${d}.md`, version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
  const open = reviewOnce(job(1), state);
  if (d === 0 && warm > 0) {
    let sample = generateContract(warmBytes);
    const sampleState = new IncrementalReview();
    const sampleJob = (version: number): ReviewJob => ({ uri: 'file:///tmp/probe-warm.md', version, text: sample, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
    const costs = [reviewOnce(sampleJob(1), sampleState).cpu];
    for (let i = 0; i < warm; i++) {
      sample = typedEdit(sample, i, warm).text;
      costs.push(reviewOnce(sampleJob(i + 2), sampleState).cpu);
    }
    console.log(`warm-up on ${warmBytes} bytes (open, then ${warm} edits; thread CPU ms): ${costs.map((c) => c.toFixed(0)).join(' ')}`);
  }
  const per: string[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < edits; i++) {
    text = typedEdit(text, i, edits).text;
    const r = reviewOnce(job(i + 2), state);
    cpus.push(r.cpu);
    per.push(`${r.cpu.toFixed(0)}${r.gc >= 1 ? `(gc ${r.gc.toFixed(0)})` : ''}`);
  }
  console.log(`document ${d + 1}: open ${open.cpu.toFixed(0)} ms; edits (thread CPU ms): ${per.join(' ')}; first 10 sum ${cpus.slice(0, 10).reduce((a, b) => a + b, 0).toFixed(0)}`);
}
