/**
 * How long each step of an incremental review in steps takes (issue 13: a request waits for one
 * step of a review in the server's thread at most, beyond the slice): the longest steps per edit of
 * the generated contract, named by what ran, in CPU time. `npx tsx scripts/review-steps.ts [--bytes N] [--edits N]`.
 */
import { IncrementalReview, reviewDocument } from '../server/src/engine';
import { runReviewJobSteps, type ReviewJob } from '../server/src/lsp/review-job';
import { generateContract, typedEdit } from './bench-contract';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const bytes = arg('bytes', 100_000);
const edits = arg('edits', 20);
let text = generateContract(bytes);
const incremental = new IncrementalReview();
const job = (version: number): ReviewJob => ({ uri: 'file:///bench.md', version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });

function run(version: number): { total: number; steps: number[] } {
  const steps: number[] = [];
  const gen = runReviewJobSteps(job(version), incremental, () => undefined);
  // CPU time (user + system), so that other processes on a loaded machine count less.
  const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let t = cpu();
  for (;;) {
    const r = gen.next();
    const now = cpu();
    steps.push(now - t);
    t = now;
    if (r.done) return { total: steps.reduce((a, b) => a + b, 0), steps };
  }
}

run(1);
// Step 0 is the model, 1 the contract check, then two per rule that runs (its category's assessment, the rule), then the findings and the diagnostics.
const rules = reviewDocument({ text, settings: {}, force: false }).activeRules;
const nameOf = (at: number): string => at === 0 ? 'model' : at === 1 ? 'contract check' : at - 2 < rules.length * 2 ? `${(at - 2) % 2 ? '' : 'assess '}${rules[(at - 2) >> 1]}` : 'findings';
const worst: number[] = [];
for (let i = 0; i < edits; i++) {
  text = typedEdit(text, i, edits).text;
  const { total, steps } = run(i + 2);
  const ranked = steps.map((ms, at) => ({ ms, at })).sort((a, b) => b.ms - a.ms).slice(0, 3);
  worst.push(ranked[0].ms);
  console.log(`edit ${i + 1}: ${total.toFixed(1)} ms in ${steps.length} steps; longest ${ranked.map((s) => `${nameOf(s.at)} ${s.ms.toFixed(1)}`).join(', ')}`);
}
worst.sort((a, b) => a - b);
console.log(`longest step per edit: p50 ${worst[Math.floor(worst.length / 2)].toFixed(1)} ms, max ${worst[worst.length - 1].toFixed(1)} ms`);
