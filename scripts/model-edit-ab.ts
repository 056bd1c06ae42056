/**
 * CPU per incremental edit of two source trees in one process, alternating (issue 13): the same
 * single-character edits at the LSP bench's points (scripts/bench-contract.ts), each tree reviewing
 * them as the review worker does (the job's text rebuilt from the previous one with the edit,
 * lsp/job-text.ts, and the edit handed to the model when the tree's ReviewJob takes it), which tree
 * goes first alternating per edit. Prints per tree the CPU of the model step, of the sentence list
 * step and of the whole job (review and diagnostics), median / p95 / mean over the edits after a
 * warm-up round. CPU is the process's (process.cpuUsage: this thread plus the collector's helpers).
 * `npx tsx scripts/model-edit-ab.ts --base /path/to/other/tree [--bytes N] [--edits N]`
 */
import { resolve } from 'node:path';
import { generateContract, typedEdit } from './bench-contract';
import { stringArg as arg } from './number-arg';

const bytes = Number(arg('bytes', '1000000'));
const edits = Number(arg('edits', '24'));
const trees = [arg('base', ''), resolve(__dirname, '..')];
if (!trees[0]) throw new Error('--base <tree> is required');
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

interface Tree {
  name: string;
  engine: any;
  job: any;
  jobText: any;
  incremental: any;
  text: string;
  version: number;
  times: { model: number[]; sentences: number[]; total: number[] };
}

async function load(dir: string, name: string): Promise<Tree> {
  const engine = await import(`${dir}/server/src/engine/index.ts`);
  const job = await import(`${dir}/server/src/lsp/review-job.ts`);
  const jobText = await import(`${dir}/server/src/lsp/job-text.ts`);
  return { name, engine, job, jobText, incremental: new engine.IncrementalReview(), text: '', version: 0, times: { model: [], sentences: [], total: [] } };
}

/** One job of `tree`, with the text as the worker rebuilds it; records the CPU per kind of step. */
function run(tree: Tree, next: string, record: boolean): void {
  let text = next;
  let edit: unknown;
  if (tree.text) {
    const wire = tree.jobText.textEdit(tree.version, tree.text, next);
    text = tree.jobText.applyTextEdit(tree.text, wire);
    edit = { before: tree.text, start: wire.start, oldEnd: wire.end, insert: wire.insert };
  }
  tree.version++;
  const job = { uri: 'file:///bench.md', version: tree.version, text, ...(edit ? { edit } : {}), format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
  const steps = tree.job.runReviewJobSteps(job, tree.incremental, () => undefined);
  let model = 0;
  let sentences = 0;
  let total = 0;
  for (;;) {
    const t = cpu();
    const r = steps.next();
    const ms = cpu() - t;
    total += ms;
    const step = tree.engine.currentStep.name;
    if (step === 'model') model += ms;
    if (step === 'sentence list') sentences += ms;
    if (r.done) break;
  }
  tree.incremental.releaseModelCaches();
  tree.text = text;
  if (!record) return;
  tree.times.model.push(model);
  tree.times.sentences.push(sentences);
  tree.times.total.push(total);
}

async function main(): Promise<void> {
  const [a, b] = [await load(trees[0], 'base'), await load(trees[1], 'this tree')];
  let text = generateContract(bytes);
  for (const t of [a, b]) run(t, text, false);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < edits; i++) {
      text = typedEdit(text, i, edits).text;
      const order = (i + round) % 2 === 0 ? [a, b] : [b, a];
      for (const t of order) run(t, text, round > 0);
    }
  }
  const q = (xs: number[], p: number): number => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const f = (xs: number[]): string => `${q(xs, 0.5).toFixed(1)} / ${q(xs, 0.95).toFixed(1)} / ${mean(xs).toFixed(1)}`;
  console.log(`${bytes} bytes, ${edits} edits after a warm-up round; CPU ms per edit, p50 / p95 / mean`);
  for (const t of [a, b]) console.log(`${t.name.padEnd(10)} model ${f(t.times.model)}; sentence list ${f(t.times.sentences)}; job ${f(t.times.total)}`);
}

void main();
