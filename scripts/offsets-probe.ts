/**
 * What a document's kept model holds in offset arrays as edits go on (issue 13, memory): opens
 * generated contracts through WorkerDocuments, as the review worker does, edits them in turns (the
 * memory row's edits: an "x" before a full stop) and prints the buffers behind the kept state's
 * blocks' offsets (model/offsetBlock.ts offsetBytesOf) every `--every` edits:
 *   node --expose-gc --import tsx scripts/offsets-probe.ts [--docs N] [--edits N] [--bytes N] [--every N] [--idle] [--typing]
 */
import { IncrementalReview } from '../server/src/engine';
import * as offsetBlock from '../server/src/model/offsetBlock';
import * as markdown from '../server/src/model/markdown';
import { collectShrinkingTables, compactingCollection } from '../server/src/lsp/collector';
import { numberArg as arg, numberedContract, ProbeDocuments, spreadAt } from './probe-documents';

const docs = arg('--docs', 1);
const edits = arg('--edits', 200);
const bytes = arg('--bytes', 1_000_000);
const every = arg('--every', 25);
// `--idle`: the worker's idle step and a compacting collection before each reading, then the heap (run with node --expose-gc --import tsx).
const idle = process.argv.includes('--idle');
const typing = process.argv.includes('--typing');

const probe = new ProbeDocuments('offsets-probe');
const { documents, texts } = probe;
const report = (what: string, d: number) => {
  const state = (documents.states.take(probe.uri(d), () => new IncrementalReview(), texts[d].length) as unknown as { state: { model: { blocks: never[] } } | null }).state;
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
for (let d = 0; d < docs; d++) probe.open(numberedContract(bytes, d));
report('opened', docs - 1);
for (let i = 0; i < edits; i++) {
  const d = i % docs;
  // `--typing`: every edit at the same place, as typing a word does; else the memory row's spread edits.
  probe.edit(d, typing ? 0.5 : spreadAt(i));
  if ((i + 1) % every === 0) report(`edit ${i + 1} (doc ${d + 1})`, d);
}
