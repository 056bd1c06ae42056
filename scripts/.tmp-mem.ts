import { generateContract } from './bench-contract';
import { IncrementalReview } from '../server/src/engine';
import { runReviewJob, type ReviewJob } from '../server/src/lsp/review-job';
import { packModel, unpackModel } from '../server/src/lsp/result-transfer';
import { RecentStates } from '../server/src/lsp/recent-states';
const g = (globalThis as any).gc as () => void;
const mb = (n: number) => (n / 1048576).toFixed(1);
function report(label: string) { g(); g(); const m = process.memoryUsage(); console.log(label, 'heapUsed', mb(m.heapUsed), 'heapTotal', mb(m.heapTotal), 'external', mb(m.external), 'ab', mb(m.arrayBuffers), 'rss', mb(m.rss)); }
const mode = process.argv[2];
const docs = 5;
report('start');
const states = new RecentStates<IncrementalReview>(Number(process.argv[3] ?? 3));
const kept: any[] = [];
for (let d = 0; d < docs; d++) {
  const text = generateContract(Number(process.env.BYTES ?? 1_000_000)).replace('# Master Services Agreement', `# Master Services Agreement ${d + 1}`);
  const job: ReviewJob = { uri: `file:///d${d}.md`, version: 1, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
  const inc = states.take(job.uri, () => new IncrementalReview());
  const out = runReviewJob(job, inc, () => undefined);
  inc.releaseModelCaches();
  if (mode === 'main') {
    const { model, ...layout } = packModel(out.result.model);
    const copy = structuredClone({ result: { ...out.result, model }, layout, diagnostics: out.diagnostics });
    unpackModel({ model: copy.result.model, ...copy.layout }, text);
    kept.push(copy);
  } else if (mode === 'mainold') {
    kept.push(structuredClone({ result: out.result, diagnostics: out.diagnostics }));
  }
  if (mode !== 'worker') states.clear();
  report(`after ${d + 1}`);
}
