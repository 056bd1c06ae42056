// Benchmark of the incremental review (issue 13, point 1): a single-character edit on a generated
// contract of 100 KB and of 1 MB, reviewed in full (review()) and incrementally (IncrementalReview),
// edits spread through the document. Prints p50 / p95 / max per size and mode. Timing goals live
// here, never in unit tests. `npx tsx scripts/bench-incremental.ts [--edits N] [--profile]`
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { review } from '../server/src/engine';
import { IncrementalReview } from '../server/src/engine/incremental';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const EDITS = Number(args[args.indexOf('--edits') + 1] || 40);

/** A contract of about `size` characters: the example agreements' sections repeated and renumbered. */
export function generatedContract(size: number): string {
  const strong = readFileSync(join(root, 'examples/strong-msa.md'), 'utf8');
  const weak = readFileSync(join(root, 'examples/weak-msa.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
  const [head, ...body] = strong.split(/\n(?=## )/);
  const sections = [...body, ...weak.split(/\n(?=## )/).slice(1)];
  let text = head;
  let n = 1;
  while (text.length < size) for (const s of sections) if (text.length < size) text += '\n' + s.replace(/^## \d+\./, `## ${n++}.`);
  return text;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const wall = () => performance.now();
// CPU time of this process (user + system): on a shared, loaded machine it is far steadier than
// wall time, which also counts the time spent waiting for a core. Both are printed.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const CPU = args.includes('--cpu');
const now = CPU ? cpu : wall;

function run(size: number, label: string): void {
  const base = generatedContract(size);
  // Edit points spread through the document, each at the end of a line (a keystroke while typing).
  const points = Array.from({ length: EDITS }, (_, i) => base.indexOf('\n', Math.floor(((i + 0.5) / EDITS) * base.length)));
  const input = (text: string, version: number) => ({ text, version, path: 'contract.md' });
  const full: number[] = [];
  const inc: number[] = [];
  const incremental = new IncrementalReview();
  incremental.review(input(base, 0));
  review(input(base, 0));
  let spliced = 0;
  let text = base;
  points.forEach((at, i) => {
    // Type one character, as the editor would send it: each edit on the text left by the one before.
    const shift = text.length - base.length;
    text = text.slice(0, at + shift) + 'x' + text.slice(at + shift);
    let t = now();
    incremental.review(input(text, i + 1));
    inc.push(now() - t);
    if (incremental.fullParseReason === null) spliced++;
    t = now();
    review(input(text, i + 1));
    full.push(now() - t);
  });
  const row = (mode: string, xs: number[]) => console.log(`${label.padEnd(8)} ${mode.padEnd(12)} ${pct(xs, 0.5).toFixed(1).padStart(8)} ${pct(xs, 0.95).toFixed(1).padStart(8)} ${Math.max(...xs).toFixed(1).padStart(8)}`);
  row('full', full);
  row('incremental', inc);
  console.log(`${''.padEnd(8)} ${spliced}/${EDITS} edits spliced, ${(base.length / 1024).toFixed(0)} KiB`);
}

if (require.main === module) {
  console.log(`size     mode           p50 ms   p95 ms   max ms   (${CPU ? 'CPU time' : 'wall time'}; load average ${require('node:os').loadavg()[0].toFixed(1)} on ${require('node:os').cpus().length} cores)`);
  run(100 * 1024, '100 KB');
  run(1024 * 1024, '1 MB');
  // A yardstick for the machine's speed in this run: the issue measured 300-500 ms on a quiet machine.
  const mb = generatedContract(1024 * 1024);
  const t = now();
  unified().use(remarkParse).parse(mb);
  console.log(`reference: remark-parse of the whole 1 MB text took ${(now() - t).toFixed(0)} ms`);
}
