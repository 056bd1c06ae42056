// Timing benchmarks (never timed unit tests): how long a full review takes, cold and warm, for
// the bundled examples, the real contracts in ../shared/corpus (when present) and a synthetic
// 2,000-clause contract; and how long a one-clause edit takes to re-review (the per-keystroke cost).
// `npm run bench` prints one row per input: size, cold ms, warm median ms, edit median ms.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { review } from '../server/src/engine';

const root = resolve(__dirname, '..');
const inputs: Array<{ name: string; text: string }> = [];
for (const f of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
  inputs.push({ name: `examples/${f}`, text: readFileSync(join(root, 'examples', f), 'utf8') });
}
const corpus = resolve(root, '../shared/corpus/contracts');
if (existsSync(corpus)) {
  for (const f of readdirSync(corpus).sort()) inputs.push({ name: `corpus/${f}`, text: readFileSync(join(corpus, f), 'utf8') });
}
const clauses: string[] = ['# Synthetic Master Services Agreement', '', 'This agreement is between Contoso Bank plc ("Customer") and Fabrikam Ltd ("Supplier").', ''];
for (let i = 1; i <= 2000; i++) {
  clauses.push(`## ${i}. Clause ${i}`, '', `${i}.1 The Supplier shall provide the Services described in Schedule ${i % 7} in a timely manner, and respond to incidents within ${i % 24 + 1} hours.`, '');
}
inputs.push({ name: 'synthetic 2,000-clause MSA', text: clauses.join('\n') });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn: () => void) => { const t = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - t) / 1e6; };

console.log('input                                               KiB   cold ms  warm ms  edit ms');
for (const { name, text } of inputs) {
  const cold = time(() => review({ text, force: true }));
  const warm = median(Array.from({ length: 5 }, () => time(() => review({ text, force: true }))));
  // An edit in the middle of the document, as a keystroke would make.
  const mid = text.indexOf('\n', Math.floor(text.length / 2));
  const edits = Array.from({ length: 5 }, (_, k) => text.slice(0, mid) + ` x${k}` + text.slice(mid));
  const edit = median(edits.map((t) => time(() => review({ text: t, force: true }))));
  console.log(`${name.padEnd(50)} ${(text.length / 1024).toFixed(0).padStart(5)} ${cold.toFixed(1).padStart(9)} ${warm.toFixed(1).padStart(8)} ${edit.toFixed(1).padStart(8)}`);
}
