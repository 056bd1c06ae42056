/**
 * What a document's kept model holds in offset arrays as edits go on (issue 13, memory): opens
 * generated contracts through WorkerDocuments, as the review worker does, edits them in turns (the
 * memory row's edits: an "x" before a full stop) and prints the buffers behind the kept state's
 * blocks' offsets (model/offsetBlock.ts offsetBytesOf) every `--every` edits:
 *   node --expose-gc --import tsx scripts/offsets-probe.ts [--docs N] [--edits N] [--bytes N] [--every N] [--idle] [--typing]
 */
import { WorkerDocuments } from '../server/src/lsp/worker-documents';
import type { ReviewJob } from '../server/src/lsp/review-job';
import { IncrementalReview } from '../server/src/engine';
import * as offsetBlock from '../server/src/model/offsetBlock';
import { generateContract } from './bench-contract';
import * as markdown from '../server/src/model/markdown';
import { collectShrinkingTables, compactingCollection } from '../server/src/lsp/collector';

const arg = (name: string, dflt: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : dflt;
};
const docs = arg('--docs', 1);
const edits = arg('--edits', 200);
const bytes = arg('--bytes', 1_000_000);
const every = arg('--every', 25);
// `--idle`: the worker's idle step and a compacting collection before each reading, then the heap (run with node --expose-gc --import tsx).
const idle = process.argv.includes('--idle');
const typing = process.argv.includes('--typing');

const documents = new WorkerDocuments();
const texts: string[] = [];
const versions: number[] = [];
const uri = (d: number) => `file:///tmp/offsets-probe-${d}.md`;
const review = (d: number) => {
  const job: ReviewJob = { uri: uri(d), version: versions[d], text: texts[d], format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
  documents.review(job, () => undefined);
  documents.settle(job.uri);
};
const report = (what: string, d: number) => {
  const state = (documents.states.take(uri(d), () => new IncrementalReview(), texts[d].length) as unknown as { state: { model: { blocks: never[] } } | null }).state;
  if (!state) return console.log(`${what}: no state`);
  // (Builds before these counts existed print the heap only: an A/B against a base build.)
  const { buffers, bytes: held } = 'offsetBytesOf' in offsetBlock ? offsetBlock.offsetBytesOf(state.model.blocks) : { buffers: NaN, bytes: NaN };
  const cached = 'keptChunkOffsets' in markdown ? markdown.keptChunkOffsets() : { arrays: NaN, bytes: NaN };
  let mem = '';
  if (idle) {
    documents.idle();
    collectShrinkingTables();
    compactingCollection();
    const u = process.memoryUsage();
    mem = `; heap used ${(u.heapUsed / 1e6).toFixed(1)} MB, ArrayBuffers ${(u.arrayBuffers / 1e6).toFixed(1)} MB`;
  }
  console.log(`${what}: ${state.model.blocks.length} blocks, ${buffers} offset arrays, ${(held / 1e6).toFixed(2)} MB (${(held / 4 / texts[d].length).toFixed(2)} entries per character); parse cache ${cached.arrays} arrays, ${(cached.bytes / 1e6).toFixed(2)} MB, ${markdown.keptChunks()} chunks${mem}`);
};
for (let d = 0; d < docs; d++) {
  texts.push(generateContract(bytes).replace('# Master Services Agreement', `# Master Services Agreement ${d + 1}`));
  versions.push(1);
  review(d);
}
report('opened', docs - 1);
for (let i = 0; i < edits; i++) {
  const d = i % docs;
  // `--typing`: every edit at the same place, as typing a word does; else the memory row's spread edits.
  const at = texts[d].indexOf('. ', Math.floor((typing ? 0.5 : ((i * 7919) % 1000) / 1000) * texts[d].length));
  texts[d] = texts[d].slice(0, at) + 'x' + texts[d].slice(at);
  versions[d]++;
  review(d);
  if ((i + 1) % every === 0) report(`edit ${i + 1} (doc ${d + 1})`, d);
}
