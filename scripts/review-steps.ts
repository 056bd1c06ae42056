/**
 * How long each step of an incremental review in steps takes (issue 13: a request waits for one
 * step of a review in the server's thread at most, beyond the slice; the review worker answers
 * other documents' queries between steps): the longest steps per edit of the generated contract,
 * named by what ran (engine currentStep), and per step name the median and longest over the edits
 * after the first quarter (the JIT's warm-up).
 * `npx tsx scripts/review-steps.ts [--bytes N] [--edits N] [--cpu] [--known-edit] [--worker] [--suppressions N]` (--suppressions: bench-contract.ts withSuppressions; wall time unless --cpu: CPU
 * time of the process, all threads, counts less of other processes on a loaded machine but counts
 * the collector's helper threads). --known-edit hands each job its edit, as the review worker's jobs
 * carry it (lsp/job-text.ts), so the model step does not compare the two texts to find it.
 * --worker runs each job as the review worker does (lsp/worker-documents.ts): the diagnostics made
 * as JSON from the document's cache (lsp/diagnostics-json.ts; its own step, "diagnostics json",
 * where the job's last step would otherwise count it under "findings"), and the model's caches
 * released after each review.
 */
import { currentStep, IncrementalReview } from '../server/src/engine';
import { runReviewJobSteps, type ReviewJob } from '../server/src/lsp/review-job';
import { DiagnosticsJsonCache } from '../server/src/lsp/diagnostics-json';
import type { ReviewResult } from '../server/src/engine';
import { generateContract, typedEdit, withSuppressions } from './bench-contract';
import { numberArg } from './number-arg';

const arg = numberArg;
const bytes = arg('bytes', 100_000);
const edits = arg('edits', 20);
const cpuTime = process.argv.includes('--cpu');
const knownEdit = process.argv.includes('--known-edit');
const worker = process.argv.includes('--worker');
let text = withSuppressions(generateContract(bytes), arg('suppressions', 0));
let edit: ReviewJob['edit'];
const incremental = new IncrementalReview();
const job = (version: number): ReviewJob => ({ uri: 'file:///bench.md', version, text, ...(edit ? { edit } : {}), format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
const clock = cpuTime ? (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; } : (): number => performance.now();

/** The worker's JSON cache, its render timed apart (it runs at the end of the job's last step). */
class TimedJson extends DiagnosticsJsonCache {
  ms = 0;
  override render(result: ReviewResult): ReturnType<DiagnosticsJsonCache['render']> {
    const t = clock();
    const out = super.render(result);
    this.ms = clock() - t;
    return out;
  }
}
const json = worker ? new TimedJson() : undefined;

function run(version: number): { total: number; steps: Array<{ name: string; ms: number }> } {
  const steps: Array<{ name: string; ms: number }> = [];
  const gen = runReviewJobSteps(job(version), incremental, () => undefined, json);
  for (;;) {
    const t = clock();
    const r = gen.next();
    // The name was set as the step began (a step that sets none keeps the one before: part of it).
    steps.push({ name: currentStep.name, ms: clock() - t });
    if (r.done) {
      if (json) {
        steps[steps.length - 1].ms -= json.ms;
        steps.push({ name: 'diagnostics json', ms: json.ms });
        const t2 = clock();
        incremental.releaseModelCaches();
        steps.push({ name: 'release model caches', ms: clock() - t2 });
      }
      return { total: steps.reduce((a, s) => a + s.ms, 0), steps };
    }
  }
}

run(1);
const byName = new Map<string, number[]>();
const worst: number[] = [];
const warm = Math.floor(edits / 4);
for (let i = 0; i < edits; i++) {
  const typed = typedEdit(text, i, edits);
  if (knownEdit) edit = { before: text, start: typed.at, oldEnd: typed.at, insert: 'x' };
  text = typed.text;
  const { total, steps } = run(i + 2);
  const ranked = [...steps].sort((a, b) => b.ms - a.ms).slice(0, 3);
  worst.push(ranked[0].ms);
  const named = (name: string): string => (steps.find((s) => s.name === name)?.ms ?? 0).toFixed(2);
  console.log(`edit ${i + 1}: ${total.toFixed(1)} ms in ${steps.length} steps; longest ${ranked.map((s) => `${s.name} ${s.ms.toFixed(1)}`).join(', ')}${worker ? `; findings ${named('findings')}, diagnostics json ${named('diagnostics json')}` : ''}`);
  if (i < warm) continue;
  const longest = new Map<string, number>();
  for (const s of steps) longest.set(s.name, Math.max(longest.get(s.name) ?? 0, s.ms));
  for (const [name, ms] of longest) {
    let xs = byName.get(name);
    if (!xs) byName.set(name, (xs = []));
    xs.push(ms);
  }
}
const q = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
console.log(`longest step per edit: p50 ${q(worst, 0.5).toFixed(1)} ms, max ${Math.max(...worst).toFixed(1)} ms (${cpuTime ? 'CPU' : 'wall'} time)`);
console.log(`after the first ${warm} edits, the longest step of each kind per edit (median, max ms):`);
for (const [name, xs] of [...byName].sort((a, b) => q(b[1], 0.5) - q(a[1], 0.5)).slice(0, 12)) console.log(`  ${name.padEnd(36)} ${q(xs, 0.5).toFixed(1).padStart(6)} ${Math.max(...xs).toFixed(1).padStart(7)}`);
