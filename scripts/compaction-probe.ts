/**
 * How fragmented the review worker's old space is after full reviews, and what an ordinary and a
 * compacting collection give back (issue 13, memory; see docs/performance.md): opens N generated 1 MB
 * contracts and makes M edits taking turns over them through WorkerDocuments, then times collections.
 *   node --expose-gc --max-semi-space-size=8 --max-old-space-size=512 --import tsx scripts/compaction-probe.ts [docs] [edits]
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import type { ReviewJob } from '../server/src/lsp/review-job';
import { WorkerDocuments } from '../server/src/lsp/worker-documents';
import { generateContract } from './bench-contract';
const gc = (globalThis as any).gc as () => void;
const old = () => { const o = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!; return `${(o.space_used_size / 1e6).toFixed(1)}/${(o.physical_space_size / 1e6).toFixed(1)}`; };
const documents = new WorkerDocuments();
const texts: string[] = []; const versions: number[] = [];
const docs = Number(process.argv[2] ?? 3), edits = Number(process.argv[3] ?? 6);
const review = (d: number) => { const job: ReviewJob = { uri: `file:///p${d}.md`, version: versions[d], text: texts[d], format: 'markdown', settings: {}, force: false, workspaceFolders: [] }; documents.review(job, () => undefined); documents.settle(job.uri); };
for (let d = 0; d < docs; d++) { texts.push(generateContract(1_000_000).replace('# Master Services Agreement', `# Master Services Agreement ${d + 1}`)); versions.push(1); review(d); }
for (let i = 0; i < edits; i++) { const d = i % docs; const at = texts[d].indexOf('. ', Math.floor((((i * 7919) % 1000) / 1000) * texts[d].length)); texts[d] = texts[d].slice(0, at) + 'x' + texts[d].slice(at); versions[d]++; review(d); }
documents.idle();
const timed = (label: string, f: () => void) => { const c = process.cpuUsage(); const t = performance.now(); f(); const u = process.cpuUsage(c); console.log(label, 'wall', (performance.now() - t).toFixed(0), 'cpu', ((u.user + u.system) / 1000).toFixed(0), 'old', old()); };
console.log('before', old());
timed('gc', gc);
timed('gc again', gc);
timed('compacting', () => { setFlagsFromString('--compact-on-every-full-gc'); gc(); setFlagsFromString('--no-compact-on-every-full-gc'); });
timed('compacting again', () => { setFlagsFromString('--compact-on-every-full-gc'); gc(); setFlagsFromString('--no-compact-on-every-full-gc'); });
for (let k = 0; k < 4; k++) {
  const d = (edits - 1) % docs; // the document edited last keeps its state
  const i = edits + k;
  const at = texts[d].indexOf('. ', Math.floor((((i * 7919) % 1000) / 1000) * texts[d].length)); texts[d] = texts[d].slice(0, at) + 'x' + texts[d].slice(at); versions[d]++; review(d);
  documents.idle();
  timed(`edit ${k + 1} then gc`, gc);
}
const d2 = edits % docs;
texts[d2] = texts[d2] + '\nx'; versions[d2]++; review(d2); documents.idle();
timed('another doc (full review) then gc', gc);
timed('gc again', gc);
