/**
 * What the drafting rules cost per typical edit, step by step (issue 13, drafting): the bench's
 * generated contract typed into as lsp-trace.ts types it (one character per edit, the edit handed
 * to the job as the review worker's jobs carry it) and reviewed through runReviewJobSteps. Each
 * step's CPU time is put under the name the step set (engine currentStep, read after the step ran:
 * a step sets its name when it begins). Prints, over the edits after the first quarter, the median
 * and mean per edit of the whole review and of the drafting rules' steps together, and per step
 * (the drafting rules' marked with *; `--all` lists every step).
 * Process CPU (process.cpuUsage: this thread and the collector's helpers, at microsecond
 * resolution) unless `--thread` (/proc/thread-self/schedstat, which moves in scheduler ticks).
 * Run it bundled, as the server runs:
 *   npx esbuild scripts/drafting-steps.ts --bundle --platform=node --outfile=/tmp/drafting-steps.cjs \
 *     --log-level=error && node /tmp/drafting-steps.cjs [--bytes N] [--edits N] [--all] [--each] [--top N]
 */
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { currentStep, IncrementalReview, RULES } from '../server/src/engine';
import { runReviewJobSteps, type ReviewJob } from '../server/src/lsp/review-job';
import { generateContract, typedEdit } from './bench-contract';
import { numberArg } from './number-arg';

const bytes = numberArg('bytes', 1_000_000);
const edits = numberArg('edits', 30);
const thread = process.argv.includes('--thread');
let text = generateContract(bytes);
let edit: ReviewJob['edit'];
const incremental = new IncrementalReview();
const cpu = thread
  ? threadCpuMs
  : (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const drafting = new Set(RULES.filter((r) => r.meta.category === 'drafting').map((r) => `rule ${r.meta.id}`));
drafting.add('assess drafting');

function run(version: number): Map<string, number> {
  const byStep = new Map<string, number>();
  const gen = runReviewJobSteps({ uri: 'file:///bench.md', version, text, ...(edit ? { edit } : {}), format: 'markdown', settings: {}, force: false, workspaceFolders: [] }, incremental, () => undefined);
  for (;;) {
    const t = cpu();
    const r = gen.next();
    const name = currentStep.name;
    byStep.set(name, (byStep.get(name) ?? 0) + cpu() - t);
    if (r.done) return byStep;
  }
}

run(1);
const perStep = new Map<string, number[]>();
const totals: number[] = [];
const draftingTotals: number[] = [];
const warm = Math.floor(edits / 4);
for (let i = 0; i < edits; i++) {
  const typed = typedEdit(text, i, edits);
  edit = { before: text, start: typed.at, oldEnd: typed.at, insert: 'x' };
  text = typed.text;
  const byStep = run(i + 2);
  let total = 0;
  let draftingTotal = 0;
  for (const [name, ms] of byStep) { total += ms; if (drafting.has(name)) draftingTotal += ms; }
  if (process.argv.includes('--each')) console.log(`edit ${i + 1}: ${total.toFixed(1)} ms, drafting rules ${draftingTotal.toFixed(1)} ms`);
  if (i < warm) continue;
  totals.push(total);
  draftingTotals.push(draftingTotal);
  for (const [name, ms] of byStep) {
    let xs = perStep.get(name);
    if (!xs) perStep.set(name, (xs = []));
    xs.push(ms);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`${bytes} bytes, edits ${warm + 1} to ${edits} (${thread ? 'thread' : 'process'} CPU, ms per edit): review median ${median(totals).toFixed(1)} mean ${mean(totals).toFixed(1)}; drafting rules median ${median(draftingTotals).toFixed(1)} mean ${mean(draftingTotals).toFixed(1)} (load ${require('node:os').loadavg()[0].toFixed(1)})`);
const rows = [...perStep].filter(([name]) => drafting.has(name) || process.argv.includes('--all')).sort((a, b) => median(b[1]) - median(a[1]) || mean(b[1]) - mean(a[1]));
for (const [name, xs] of rows.slice(0, numberArg('top', 40))) console.log(`  ${drafting.has(name) ? '*' : ' '} ${name.padEnd(36)} median ${median(xs).toFixed(2).padStart(6)} mean ${mean(xs).toFixed(2).padStart(6)}`);
