/**
 * Reviews files (default: every ../shared/cuad-dev/*.txt) one after another in one process, as a CLI
 * worker does, and prints the CPU time per phase; or, with --contract, the first review of the 1 MB
 * generated contract (the bench's first-analysis row). Run under `node --cpu-prof` to see where
 * the time goes:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/profile-review.ts [--contract [--twice]] [--limit N] [--dir D]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reviewDocument } from '../server/src/engine';
import { generateContract } from './bench-contract';

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

if (args.includes('--contract')) {
  const text = generateContract(1_000_000);
  for (let i = 0; i < (args.includes('--twice') ? 2 : 1); i++) {
    const c = process.cpuUsage();
    const { result } = reviewDocument({ text, settings: {}, force: true });
    console.log(`1 MB review ${i + 1}: CPU ${cpuMs(process.cpuUsage(c)).toFixed(0)} ms, ${result.diagnostics.length} findings`);
  }
} else {
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 ? path.resolve(args[dirAt + 1]) : path.resolve(__dirname, '../../shared/cuad-dev');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
  const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const c = process.cpuUsage();
  let findings = 0;
  for (let i = 0; i < texts.length; i++) findings += reviewDocument({ text: texts[i], path: files[i], settings: {}, force: true }).result.diagnostics.length;
  console.log(`${texts.length} files: CPU ${cpuMs(process.cpuUsage(c)).toFixed(0)} ms, ${findings} findings`);
}
