// Where the bench's first full analysis goes (`npm run bench -- --only=analysis`, 1.28x to 1.35x
// remark-parse alone on the built bundle): the same run as scripts/first-analysis.mjs (a fresh
// process, the review worker's bundle, three warm remark-parse runs first, each timed run from a
// collected heap), with the review's steps driven here one by one instead of by runSteps, so that
// each step's CPU time on this thread is read (/proc/thread-self/schedstat) under the name the engine
// gives it (engine/review.ts currentStep). With --profile, the review also runs under V8's sampling
// profiler and each sample's function is mapped through dist/review-worker-main.js.map to the source
// it came from (micromark and mdast, model/, drafting/, categories/, rules/, engine/...), crossed with
// the step it fell in. The profiled run is slower (the profiler's own cost): read its shares, not its
// times, and take the times from runs without it. Prints one line of JSON.
//   node --expose-gc scripts/first-analysis-parts.mjs [--profile] [--bundle=FILE] FILE
// The review's result is the same as runSteps(reviewSteps(...)) gives: the steps are the same calls.
import { SourceMap } from 'node:module';
import { Session } from 'node:inspector';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { loadWorkerBundle } from './load-worker-bundle.mjs';

const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc');
const args = process.argv.slice(2);
const profiling = args.includes('--profile');
const bundle = resolve(args.find((a) => a.startsWith('--bundle='))?.slice(9) ?? join(dirname(fileURLToPath(import.meta.url)), '../dist/review-worker-main.js'));
const file = args.find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: node --expose-gc scripts/first-analysis-parts.mjs [--profile] [--bundle=FILE] FILE');
const text = readFileSync(file, 'utf8');
/**
 * This thread's CPU time in ms (ns in schedstat); Linux only, as the bench's thread figures. The
 * kernel brings the figure up to date at its scheduler's events, not when the file is read: read
 * alone it lagged by up to a tick, and of 150 step boundaries read that way 55-85 ms of the steps'
 * time showed up between them (a busy loop showed the same). getrusage (process.cpuUsage) brings the
 * calling thread's figure up to date first, so each reading here is taken just after one
 * (processMs below; between steps then 11 ms of 150 boundaries, the readings' own cost).
 */
const threadMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
/** The process's CPU time over all its threads (ms). */
const processMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const { reviewSteps, currentStep } = loadWorkerBundle(bundle, { reviewSteps: 'function* reviewSteps(', currentStep: 'var currentStep = {' });
const parser = unified().use(remarkParse);
parser.parse(text);
const parses = [0, 1, 2].map(() => {
  gc();
  const u = processMs();
  const t = threadMs();
  parser.parse(text);
  const all = processMs() - u;
  return { thread: threadMs() - t, all };
});

/** Regular expressions run by V8's own code (named after their source in the profile), one area. */
const REGEXP = 'regular expressions (any source)';

/** A step's name, grouped: the categories' and rules' steps by kind, not one by one. */
const groupOf = (name) => name.replace(/^(assess|incorporation|rule) .*/, '$1');

let post = null;
if (profiling) {
  const session = new Session();
  session.connect();
  post = (method, params = {}) => {
    let out;
    let error;
    session.post(method, params, (e, r) => { error = e; out = r; });
    if (error) throw error;
    return out;
  };
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 100 });
}

gc();
/** Per step group: thread CPU (ms) and how many steps. */
const steps = {};
/** Where each step began, on the profiler's clock (µs, monotonic), to put samples in steps. */
const marks = [];
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
if (post) post('Profiler.start');
const it = reviewSteps({ text, force: true });
let result;
const p0 = processMs();
const t0 = threadMs();
/**
 * This thread's CPU between one step's end and the next one's start: this probe's bookkeeping, and
 * the collections its allocations set off (the review's garbage, collected at the next allocation,
 * which may be the probe's). One reading ends a step and one starts the next, so the steps and this
 * add up to the whole review.
 */
let between = 0;
let markAll = processMs();
let mark = threadMs();
for (;;) {
  if (post) marks.push(nowUs());
  const r = it.next();
  // (The step's mark is named below, once the step has said its name.)
  const endAll = processMs();
  const end = threadMs();
  const spent = end - mark;
  const spentAll = endAll - markAll;
  // currentStep.name is set as a step begins, so after next() it names the step just run.
  const g = groupOf(currentStep.name);
  (steps[g] ??= { ms: 0, allThreadsMs: 0, steps: 0 }).ms += spent;
  steps[g].allThreadsMs += spentAll;
  steps[g].steps++;
  if (post) {
    marks[marks.length - 1] = [marks[marks.length - 1], g];
    marks.push([nowUs(), '(between steps)']);
  }
  if (r.done) { result = r.value; break; }
  markAll = processMs();
  mark = threadMs();
  between += mark - end;
}
const reviewProcessMs = processMs() - p0;
const reviewThreadMs = threadMs() - t0;
if (!Array.isArray(result?.diagnostics)) throw new Error('the steps did not end in a review result');

const out = {
  parseThreadMs: [...parses].sort((a, b) => a.thread - b.thread)[1].thread, parseProcessMs: [...parses].sort((a, b) => a.thread - b.thread)[1].all,
  reviewThreadMs, reviewProcessMs, betweenStepsMs: +between.toFixed(1), diagnostics: result.diagnostics.length,
  // Per step: this thread's CPU, and the process's over all threads (V8's compiler and collector helpers beside it).
  steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, { ms: +v.ms.toFixed(1), allThreadsMs: +v.allThreadsMs.toFixed(1), steps: v.steps }])),
};

if (post) {
  const { profile } = post('Profiler.stop');
  out.profile = areas(profile, marks);
  out.clock = { startTime: profile.startTime, endTime: profile.endTime, firstMark: marks[0][0], lastMark: marks[marks.length - 1][0] };
}
console.log(JSON.stringify(out));

/**
 * Self time of the profile's samples by source area (the bundle's functions mapped through its
 * source map) and by step group: { area: { total, byStep: { step: ms } } }, in samples times the interval (ms).
 */
function areas(profile, marks) {
  const map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
  const bundleUrl = pathToFileURL(bundle).href;
  const areaOfNode = new Map();
  /** Each node's function, as `name (source:line)`, for the list of the top functions. */
  const whereOfNode = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    let area;
    whereOfNode.set(node.id, f.functionName || '(anonymous)');
    if (f.url === bundleUrl || f.url === bundle) {
      const e = map.findEntry(f.lineNumber, f.columnNumber);
      area = areaOfSource(e?.originalSource ?? '');
      if (e?.originalSource) whereOfNode.set(node.id, `${f.functionName || '(anonymous)'} (${e.originalSource.replace(/^.*?(server\/src\/|node_modules\/)/, '$1')}:${e.originalLine + 1})`);
    } else if (f.url) area = `outside the bundle: ${f.url.replace(/^.*node_modules\//, '').split('/')[0]}`;
    else area = f.functionName.startsWith('RegExp: ') ? REGEXP : f.functionName || '(unnamed)';
    areaOfNode.set(node.id, area);
  }
  const table = {};
  const byFunction = new Map();
  let t = profile.startTime;
  let m = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    while (m + 1 < marks.length && marks[m + 1][0] <= t) m++;
    const step = marks.length && marks[0][0] <= t ? marks[m][1] : '(before the first step)';
    // Counted, not weighted by the gap to the next sample: under load the gaps are mostly time spent
    // waiting for a core (one sample when the thread runs again), while samples come about every
    // interval only while it runs, so counts follow the thread's CPU time. In ms at the interval.
    const dt = 0.1;
    const area = areaOfNode.get(profile.samples[i]);
    const where = whereOfNode.get(profile.samples[i]);
    byFunction.set(where, (byFunction.get(where) ?? 0) + dt);
    const row = (table[area] ??= { total: 0, byStep: {} });
    row.total += dt;
    row.byStep[step] = (row.byStep[step] ?? 0) + dt;
  }
  for (const row of Object.values(table)) {
    row.total = +row.total.toFixed(1);
    for (const k of Object.keys(row.byStep)) row.byStep[k] = +row.byStep[k].toFixed(1);
  }
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([f, ms]) => [f, +ms.toFixed(1)]);
  return { areas: table, top };
}

/** The area a source file of the bundle belongs to. */
function areaOfSource(source) {
  const s = source.replace(/\\/g, '/');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
  if (nm) {
    const pkg = nm[1];
    if (/^(micromark|mdast-util|remark-|unified|unist-|decode-named|character-|vfile|devlop|bail|trough|is-plain-obj|extend)/.test(pkg)) return 'parser: micromark, mdast, unified';
    return `package: ${pkg}`;
  }
  const src = /server\/src\/([^/]+)\/?([^/]*)/.exec(s);
  if (src) return src[2] ? `server/src/${src[1]}/` : `server/src/${src[1]}`;
  return s || '(no source)';
}
