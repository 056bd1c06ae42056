/**
 * What the model's text-keyed caches hold (issue 13, memory): the sentence bounds per block text
 * (model/sentences.ts) and the parsed chunks (model/markdown.ts). Opens generated contracts through
 * the review worker's WorkerDocuments (as scripts/memory-probe.ts does), then edits them in turns,
 * and prints each cache's entries, characters and the heap its entries take (the sentence cache's
 * measured as a deep copy of its entries built after a full collection: the cache's own fixed
 * arrays are not in it):
 *   node --expose-gc --import tsx scripts/text-cache-probe.ts [--docs N] [--edits N] [--bytes N] [--every N] [--long N]
 * `--docs` contracts differ in their title and party names (so they share few blocks); `--long N`
 * joins every N paragraphs of a contract into one long paragraph (blocks of thousands of characters).
 */
import { getHeapStatistics } from 'node:v8';
import { numberArg as arg, numberedContract, ProbeDocuments, spreadAt } from './probe-documents';
import { keptSentenceBounds, keptSentenceEntries } from '../server/src/model/sentences';
import { keptChunkChars, keptChunks, keptChunkOffsets } from '../server/src/model/markdown';

const docs = arg('--docs', 1);
const edits = arg('--edits', 300);
const bytes = arg('--bytes', 1_000_000);
const every = arg('--every', 100);
const long = arg('--long', 0);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const used = () => { gc!(); gc!(); return getHeapStatistics().used_heap_size; };

/** The heap a copy of the sentence cache's entries takes (keys flat one-byte or two-byte copies as the cache's are). */
function sentenceBytes(): { entries: number; chars: number; bytes: number } {
  let chars = 0;
  const before = used();
  const copy = new Map<string, Array<[number, number]>>();
  for (const [k, v] of keptSentenceEntries()) {
    chars += k.length;
    copy.set((' ' + k).slice(1), v.map(([a, b]) => [a, b] as [number, number]));
  }
  const after = used();
  if (copy.size < 0) console.log(copy); // (keeps the copy alive to the reading)
  return { entries: keptSentenceBounds(), chars, bytes: after - before };
}

function report(what: string): void {
  const s = sentenceBytes();
  const o = keptChunkOffsets();
  console.log(`${what}: sentence cache ${s.entries} entries, ${(s.chars / 1e6).toFixed(2)} M chars, ${(s.bytes / 1e6).toFixed(1)} MB; ` +
    `parse cache ${keptChunks()} chunks, ${(keptChunkChars() / 1e6).toFixed(2)} M chars, offsets ${(o.bytes / 1e6).toFixed(1)} MB; heap used ${(used() / 1e6).toFixed(1)} MB`);
}

const probe = new ProbeDocuments('text-cache-probe');
const joinParagraphs = (text: string) => {
  if (!long) return text;
  let n = 0;
  // A blank line between two lines of prose becomes a space every `long` times but one.
  return text.replace(/([a-z.;,])\n\n(?=[0-9A-Z])/g, (m, c: string) => (++n % long === 0 ? m : `${c} `));
};

for (let d = 0; d < docs; d++) {
  const t = numberedContract(bytes, d);
  probe.open(joinParagraphs(d === 0 ? t : t.replace(/Supplier/g, `Supplier${d}`).replace(/Customer/g, `Customer${d}`)));
  report(`open ${d + 1} (${probe.texts[d].length} chars)`);
}
for (let i = 0; i < edits; i++) {
  probe.edit(i % docs, spreadAt(i));
  if ((i + 1) % every === 0) report(`edit ${i + 1}`);
}
