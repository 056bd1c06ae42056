/**
 * What each step of the first review of the 1 MB generated contract costs (issue 13, drafting): the
 * bench's first-analysis review run step by step (engine reviewSteps), this thread's CPU time per
 * step named by currentStep (read after the step ran: a step names itself when it begins), summed
 * per name; the model's build is in the first step ("contract check"). One review per process, so
 * every step runs cold as in the bench's row; run it several times and compare medians (`--json`
 * prints one line for a script to collect). This thread's CPU (/proc/thread-self/schedstat, which
 * moves in scheduler ticks of 4 ms on this machine: read sums and medians over runs, not one small
 * step), or with `--process` the process's (process.cpuUsage: microseconds, but the compiler's and
 * collector's helper threads too). Run it bundled, as the server runs:
 *   npx esbuild scripts/first-review-steps.ts --bundle --platform=node --outfile=/tmp/frs.cjs \
 *     --log-level=error && node /tmp/frs.cjs [--bytes N] [--top N] [--json] [--process]
 */
import { currentStep, reviewSteps } from '../server/src/engine/review';
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { generateContract } from './bench-contract';
import { numberArg } from './number-arg';

const bytes = numberArg('bytes', 1_000_000);
const top = numberArg('top', 30);
const processMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// This thread's CPU (not the helper threads'): /proc/thread-self/schedstat, in ns.
const threadMs = process.argv.includes('--process') ? processMs : threadCpuMs;

const text = generateContract(bytes);
const steps = reviewSteps({ text, force: true });
const per = new Map<string, number>();
let total = 0;
currentStep.name = 'model';
for (;;) {
  // A step's code runs from one yield to the next and names itself on the way (after its yield).
  const t = threadMs();
  const r = steps.next();
  const dt = threadMs() - t;
  const name = currentStep.name;
  total += dt;
  per.set(name, (per.get(name) ?? 0) + dt);
  if (r.done) break;
}
if (process.argv.includes('--json')) console.log(JSON.stringify({ total, steps: Object.fromEntries(per) }));
else {
  console.log(`first review: ${total.toFixed(0)} ms ${process.argv.includes('--process') ? 'process' : 'thread'} CPU`);
  for (const [k, v] of [...per].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
}
