import { generateContract } from './bench-contract';
import { IncrementalReview } from '../server/src/engine';
import { runReviewJob, type ReviewJob } from '../server/src/lsp/review-job';
import { RecentStates } from '../server/src/lsp/recent-states';
const mb = (n: number) => (n / 1048576).toFixed(0);
const states = new RecentStates<IncrementalReview>(3);
const texts: string[] = [];
const rep = (l: string) => { const m = process.memoryUsage(); console.log(l, 'heapUsed', mb(m.heapUsed), 'heapTotal', mb(m.heapTotal), 'rss', mb(m.rss)); };
for (let d = 0; d < 5; d++) texts.push(generateContract(1_000_000).replace('# Master Services Agreement', `# Master Services Agreement ${d + 1}`));
let v = 1;
for (let i = 0; i < 15; i++) {
  const d = i % 5;
  if (i >= 5) { const at = texts[d].indexOf('. ', (i * 7919) % texts[d].length); texts[d] = texts[d].slice(0, at) + 'x' + texts[d].slice(at); }
  const job: ReviewJob = { uri: `file:///d${d}.md`, version: ++v, text: texts[d], format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
  const inc = states.take(job.uri, () => new IncrementalReview());
  runReviewJob(job, inc, () => undefined);
  inc.releaseModelCaches();
  rep(`review ${i + 1}`);
}
