// The review worker's open of a large document: its findings' JSON made from the diagnostics'
// objects (diagnosticsOf, JSON.stringify, as the worker publishes a first review) against made
// through a new findings' JSON cache (as its fill after the open makes it, ./lsp/worker-json.ts),
// each the first time in a worker thread with the worker's limits, after the open's review (issue 13,
// firstedit). `--order cache` makes the cache's first. Thread CPU, ms:
//   npx esbuild scripts/open-json-probe.ts --bundle --platform=node --outfile=/tmp/open-json.js && node /tmp/open-json.js [--bytes 1000000] [--order objects|cache] [--shape compact|full] [--changes]
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { isMainThread, Worker } from 'node:worker_threads';
import { IncrementalReview } from '../server/src/engine/incremental';
import { runReviewJobSteps } from '../server/src/lsp/review-job';
import { diagnosticsOf } from '../server/src/lsp/convert';
import { DiagnosticsJsonCache } from '../server/src/lsp/diagnostics-json';
import { jsonBytes } from '../server/src/lsp/raw-json';
import { DEFAULT_WORKER_HEAP_MB, DEFAULT_WORKER_YOUNG_MB } from '../server/src/lsp/review-thread';
import { generateContract } from './bench-contract';
import { stringArg as arg } from './number-arg';

const threadCpu = threadCpuMs;

function main(): void {
  const shape = arg('shape', 'compact') as 'compact' | 'full';
  const changes = process.argv.includes('--changes');
  const text = generateContract(Number(arg('bytes', '1000000')));
  const job = { uri: 'file:///tmp/open-json.md', bundlePath: '/tmp/open-json.md', version: 1, text, format: 'markdown' as const, settings: {}, force: false, workspaceFolders: [], diagnosticShape: shape };
  const steps = runReviewJobSteps(job, new IncrementalReview(), () => undefined);
  let s = steps.next();
  while (!s.done) s = steps.next();
  const result = s.value.result;
  const objects = (): number => { const c0 = threadCpu(); jsonBytes(JSON.stringify(diagnosticsOf(result, shape))); return threadCpu() - c0; };
  const cache = (): number => { const c0 = threadCpu(); jsonBytes(new DiagnosticsJsonCache(shape, changes).render(result)); return threadCpu() - c0; };
  const first = arg('order', 'objects');
  const a = first === 'cache' ? cache() : objects();
  const b = first === 'cache' ? objects() : cache();
  console.log(first === 'cache' ? `cache ${a.toFixed(1)} then objects ${b.toFixed(1)} ms` : `objects ${a.toFixed(1)} then cache ${b.toFixed(1)} ms`);
}
if (isMainThread) new Worker(__filename, { argv: process.argv.slice(2), resourceLimits: { maxOldGenerationSizeMb: DEFAULT_WORKER_HEAP_MB, maxYoungGenerationSizeMb: DEFAULT_WORKER_YOUNG_MB } });
else main();
