/**
 * What each rule and the engine's work around it cost on a warm incremental edit (issue 13,
 * rulesengine): single-character edits typed as scripts/lsp-trace.ts types them, each reviewed
 * through IncrementalReview step by step on this thread. Per rule: the CPU time of its check() or
 * checkBlocks() call (with the drafting facts it is the first to ask for), and with --repeat N the
 * median of N more calls on the same model (the rule's own pass once the facts are memoised);
 * the engine's share of the rule's step is the step's time less the rule's first call (its
 * findings made into diagnostics: reportGroups / reportFindings). Medians over the edits after
 * the first quarter. CPU time of this thread's process (process.cpuUsage), so other processes on
 * a loaded machine count less than in wall time; the collector's helper threads still count.
 * `npx tsx scripts/rule-costs.ts [--bytes N] [--edits N] [--repeat N] [--top N] [--examples]`
 * (--examples: the example agreements repeated, as bench-incremental.ts --bytes reviews, instead
 * of the LSP bench's contract). `--job`: each edit reviewed as the review worker's job runs it
 * (lsp/review-job.ts runReviewJobSteps with the edit handed over, the JSON cache, the model's caches
 * released after each review), so the model step does not compare the texts and "model" and
 * "diagnostics" are steps of their own.
 */
import { currentStep, IncrementalReview, RULES } from '../server/src/engine';
import { runReviewJobSteps, type ReviewJob } from '../server/src/lsp/review-job';
import { DiagnosticsJsonCache } from '../server/src/lsp/diagnostics-json';
import { examplesContract, generateContract, typedEdit } from './bench-contract';
import { numberArg } from './number-arg';

const arg = numberArg;
const bytes = arg('bytes', 1_000_000);
const edits = arg('edits', 24);
const repeat = arg('repeat', 0);
const top = arg('top', 20);


const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// Each rule's calls timed: the first per review (what the review pays) and the repeats.
const first = new Map<string, number>();
const again = new Map<string, number[]>();
let repeating = false;
for (const rule of RULES) {
  const id = rule.meta.id;
  for (const name of ['check', 'checkBlocks'] as const) {
    const fn = rule[name] as ((ctx: unknown) => unknown) | undefined;
    if (!fn) continue;
    (rule as unknown as Record<string, unknown>)[name] = (ctx: unknown) => {
      if (repeating) return fn.call(rule, ctx);
      const t = cpu();
      const out = fn.call(rule, ctx);
      first.set(id, (first.get(id) ?? 0) + cpu() - t);
      if (repeat > 0) {
        repeating = true;
        const xs: number[] = [];
        for (let k = 0; k < repeat; k++) {
          const r = cpu();
          fn.call(rule, ctx);
          xs.push(cpu() - r);
        }
        repeating = false;
        again.set(id, [...(again.get(id) ?? []), median(xs)]);
        // The repeats are not part of the step.
        extra += xs.reduce((a, b) => a + b, 0);
      }
      return out;
    };
  }
}
let extra = 0;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

let text = process.argv.includes('--examples') ? examplesContract(bytes) : generateContract(bytes);
const incremental = new IncrementalReview();
const input = (version: number) => ({ text, version, path: 'contract.md' });
const asJob = process.argv.includes('--job');
const json = new DiagnosticsJsonCache();
let edit: ReviewJob['edit'];
const job = (version: number): ReviewJob => ({ uri: 'file:///contract.md', version, text, ...(edit ? { edit } : {}), format: 'markdown', settings: {}, force: false, workspaceFolders: [] });

/** One review in steps: CPU per step name (repeats taken out). */
function run(version: number): { steps: Map<string, number>; total: number; findings: number } {
  first.clear();
  const steps = new Map<string, number>();
  const gen = asJob ? runReviewJobSteps(job(version), incremental, () => undefined, json) : incremental.reviewSteps(input(version));
  let total = 0;
  for (;;) {
    extra = 0;
    const t = cpu();
    const r = gen.next();
    const ms = cpu() - t - extra;
    total += ms;
    // The job's last step (the findings) also makes the diagnostics' JSON: counted with it.
    steps.set(currentStep.name, (steps.get(currentStep.name) ?? 0) + ms);
    if (r.done) {
      if (asJob) {
        const t2 = cpu();
        incremental.releaseModelCaches();
        steps.set('release model caches', cpu() - t2);
      }
      const v = r.value as { diagnostics: unknown[] | { json: unknown } };
      return { steps, total, findings: Array.isArray(v.diagnostics) ? v.diagnostics.length : (incremental as unknown as { last?: { diagnostics: unknown[] } }).last?.diagnostics.length ?? -1 };
    }
  }
}

run(1);
const perRule = new Map<string, number[]>();
const perEngine = new Map<string, number[]>();
const perStep = new Map<string, number[]>();
const totals: number[] = [];
const warm = Math.floor(edits / 4);
let findings = 0;
const push = (m: Map<string, number[]>, k: string, v: number) => {
  let xs = m.get(k);
  if (!xs) m.set(k, (xs = []));
  xs.push(v);
};
for (let i = 0; i < edits; i++) {
  const typed = typedEdit(text, i, edits);
  if (asJob) edit = { before: text, start: typed.at, oldEnd: typed.at, insert: 'x' };
  text = typed.text;
  const { steps, total, findings: n } = run(i + 2);
  findings = n;
  if (i < warm) {
    again.clear();
    continue;
  }
  totals.push(total);
  for (const [name, ms] of steps) {
    push(perStep, name, ms);
    if (!name.startsWith('rule ')) continue;
    const id = name.slice(5);
    const own = first.get(id) ?? 0;
    push(perRule, id, own);
    push(perEngine, id, ms - own);
  }
}
const rows = [...perRule].map(([id, xs]) => ({ id, rule: median(xs), engine: median(perEngine.get(id)!), again: median(again.get(id) ?? []) }));
rows.sort((a, b) => b.rule + b.engine - (a.rule + a.engine));
console.log(`${(text.length / 1e6).toFixed(2)} MB, ${findings} findings, ${edits - warm} warm edits: review ${median(totals).toFixed(2)} ms CPU median`);
console.log(`${'rule'.padEnd(34)} ${'rule ms'.padStart(8)} ${'engine ms'.padStart(10)}${repeat ? ` ${'again ms'.padStart(9)}` : ''}`);
for (const r of rows.slice(0, top)) console.log(`${r.id.padEnd(34)} ${r.rule.toFixed(3).padStart(8)} ${r.engine.toFixed(3).padStart(10)}${repeat ? ` ${r.again.toFixed(3).padStart(9)}` : ''}`);
const sumOf = (m: Map<string, number[]>) => [...m.values()].reduce((a, xs) => a + median(xs), 0);
console.log(`all rules ${sumOf(perRule).toFixed(2)} ms, engine around them ${sumOf(perEngine).toFixed(2)} ms (sums of medians)`);
// The steps by kind: the rules' steps, their categories' assessment steps, the rest.
const kinds = new Map<string, number>();
for (const [name, xs] of perStep) {
  const kind = name.startsWith('rule ') ? 'rule steps' : name.startsWith('assess ') ? 'assess steps' : name.startsWith('incorporation ') ? 'incorporation steps' : name;
  kinds.set(kind, (kinds.get(kind) ?? 0) + median(xs));
}
console.log(`steps by kind (sums of medians): ${[...kinds].map(([k, ms]) => `${k} ${ms.toFixed(2)}`).join(', ')}; steps per review ${perStep.size}`);
// The same by kind as means (a collection falling in a step counts where it falls).
const means = new Map<string, number>();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const [name, xs] of perStep) {
  const kind = name.startsWith('rule ') ? 'rule steps' : name.startsWith('assess ') ? 'assess steps' : name.startsWith('incorporation ') ? 'incorporation steps' : name;
  means.set(kind, (means.get(kind) ?? 0) + mean(xs));
}
if (process.argv.includes('--means')) {
  const ranked = [...perStep].map(([name, xs]) => ({ name, mean: mean(xs), median: median(xs), max: Math.max(...xs) })).sort((a, b) => b.mean - a.mean);
  for (const r of ranked.slice(0, top || 15)) console.log(`mean ${r.name.padEnd(40)} ${r.mean.toFixed(2).padStart(7)} median ${r.median.toFixed(2).padStart(6)} max ${r.max.toFixed(1).padStart(6)}`);
}
console.log(`steps by kind (sums of means): ${[...means].map(([k, ms]) => `${k} ${ms.toFixed(2)}`).join(', ')}; review mean ${mean(totals).toFixed(2)}`);
for (const name of ['model', 'contract check', 'party names', 'set-up', 'sentence list', 'findings', 'release model caches']) {
  if (perStep.has(name)) console.log(`step ${name.padEnd(29)} ${median(perStep.get(name)!).toFixed(3).padStart(8)}`);
}
