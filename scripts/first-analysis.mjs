// The bench's first-analysis row (`npm run bench -- --only=analysis`, scripts/bench.ts
// firstAnalysisRow), run as a fresh plain Node process: the first full review of the text in the
// file named on the command line, by the engine of the built review worker's bundle
// (dist/review-worker-main.js, which the language server runs for a large document's open), beside
// remark-parse alone on the same text. Prints one line of JSON: the floor's and the review's wall
// time, CPU time over all the process's threads and of the thread that ran them (ms), and how many
// diagnostics the review gave.
//   node --expose-gc scripts/first-analysis.mjs [--bundle=FILE] FILE
// --bundle: the review worker's bundle to load (default dist/review-worker-main.js; the bench's --dist).
// Why not in the bench's own process: there the engine ran as TypeScript through tsx, whose
// CommonJS output reads every import through a getter, so the row timed slightly different code from
// what ships; and remark-parse, an ES module, was converted by tsx the same way. Here both run as
// Node runs them for a user: remark-parse as the ES module it is (as scripts/parse-floor.mjs runs it),
// the engine as the bundle.
// Method (kept from the row in the bench's process): three warm parses, the median taken, then the
// review; each timed run starts from a collected heap, so that neither the parses' garbage nor a
// collection of it lands inside the review (round seventeen, firstalloc).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { loadWorkerBundle } from './load-worker-bundle.mjs';

const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc');
const args = process.argv.slice(2);
const bundleArg = args.find((a) => a.startsWith('--bundle='))?.slice(9);
const file = args.find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: node --expose-gc scripts/first-analysis.mjs [--bundle=FILE] FILE');
const text = readFileSync(file, 'utf8');
const cpuMs = (u) => (u.user + u.system) / 1000;
/** CPU time of this thread alone (ms; Linux: /proc/thread-self/schedstat, in ns), null elsewhere: the process's CPU also counts V8's compiler and collector helper threads. */
const threadCpuMs = () => {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
};
const since = (t0) => (t0 === null ? null : threadCpuMs() - t0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The worker's review of an opened document is runSteps(reviewSteps(input))
 * (server/src/engine/review.ts), stepped so that queries are answered between steps; the CLI's
 * review() passes `whole` for a plain loop over the rules. The worker bundle has both functions, and
 * not review itself. Only the names' openings are matched: the parameters may change (round eighteen
 * added reviewSteps' `whole`, which esbuild renamed); called with the input alone, reviewSteps is the
 * language server's stepped review of an opened document.
 */
function bundledEngine() {
  const bundle = resolve(bundleArg ?? join(dirname(fileURLToPath(import.meta.url)), '../dist/review-worker-main.js'));
  return loadWorkerBundle(bundle, { reviewSteps: 'function* reviewSteps(', runSteps: 'function runSteps(' },
    'the bundle\'s names changed (rebuild, or update scripts/first-analysis.mjs)');
}

// Loaded first, as the bench's process had the engine loaded before its parses.
const { reviewSteps, runSteps } = bundledEngine();
const parser = unified().use(remarkParse);
parser.parse(text);
const parses = [0, 1, 2].map(() => {
  gc();
  const c = process.cpuUsage();
  const th = threadCpuMs();
  const t = performance.now();
  parser.parse(text);
  return { wall: performance.now() - t, cpu: cpuMs(process.cpuUsage(c)), thread: since(th) };
});

gc();
const c = process.cpuUsage();
const th = threadCpuMs();
const t = performance.now();
const result = runSteps(reviewSteps({ text, force: true }));
const reviewWall = performance.now() - t;
// The process's figure first: getrusage brings this thread's schedstat up to date, which otherwise
// lags by up to a scheduler tick (the parses' readings above were already in this order).
const reviewCpu = cpuMs(process.cpuUsage(c));
const reviewThread = since(th);
// What came back must be a review's result, or the time above was of something else.
if (!result || !Array.isArray(result.diagnostics)) throw new Error(`runSteps(reviewSteps({ text, force: true })) gave ${JSON.stringify(result)?.slice(0, 200)}, not a review result with diagnostics: the bundle's functions changed (update scripts/first-analysis.mjs)`);
console.log(JSON.stringify({
  parseMs: median(parses.map((p) => p.wall)), parseCpuMs: median(parses.map((p) => p.cpu)),
  parseThreadCpuMs: th === null ? null : median(parses.map((p) => p.thread)),
  reviewMs: reviewWall, reviewCpuMs: reviewCpu, reviewThreadCpuMs: reviewThread, diagnostics: result.diagnostics.length,
}));
