// What a hover costs the review worker on a document whose kept review is compressed (issue 13,
// hoverkept): reviews the bench contract, keeps the review as the worker does (./kept-reviews.ts),
// compresses it as the worker's settle does once the document lost its state, then asks the hover
// lsp-trace asks (three characters before an edit) and prints this thread's CPU for each part: the
// compression, the check the worker makes first (KeptReviews.hoverFindsNothing: null without
// expanding), and otherwise the expansion and the answer.
//   npx tsx scripts/hover-kept-probe.ts [--bytes 1000000] [--hovers 12]
import { review } from '../server/src/engine';
import { KeptReviews } from '../server/src/lsp/kept-reviews';
import { answerQuery } from '../server/src/lsp/worker-queries';
import { generateContract, typedEdit } from './bench-contract';
import { threadCpuMs } from '../server/src/lsp/thread-cpu';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const bytes = arg('bytes', 1_000_000);
const hovers = arg('hovers', 12);
const uri = 'file:///probe.md';
const text = generateContract(bytes);
const result = review({ text, version: 1, force: true });
const kept = new KeptReviews();
for (let i = 0; i < hovers; i++) {
  kept.set(uri, 1, result);
  const c0 = threadCpuMs();
  kept.compressIdle(() => false);
  const compressMs = threadCpuMs() - c0;
  const pos = typedEdit(text, i, hovers).pos;
  const at = { line: pos.line, character: Math.max(0, pos.character - 3) };
  const s0 = threadCpuMs();
  const nothing = kept.hoverFindsNothing(uri, at);
  const checkMs = threadCpuMs() - s0;
  if (nothing) {
    console.log(`hover ${i + 1} at ${at.line}:${at.character}: compress ${compressMs.toFixed(1)} ms, check ${checkMs.toFixed(2)} ms: null without expanding`);
    continue;
  }
  const t0 = threadCpuMs();
  const held = kept.get(uri)!;
  const t1 = threadCpuMs();
  const answer = answerQuery(held.result, uri, held.version, { kind: 'hover', at, withMessage: true });
  const t2 = threadCpuMs();
  // A second hover on the same review: the expanded result stays among the recently read.
  const again = kept.get(uri)!;
  answerQuery(again.result, uri, again.version, { kind: 'hover', at: { line: at.line, character: at.character + 1 }, withMessage: true });
  const t3 = threadCpuMs();
  console.log(`hover ${i + 1} at ${at.line}:${at.character}: compress ${compressMs.toFixed(1)} ms, check ${checkMs.toFixed(2)} ms, get ${(t1 - t0).toFixed(1)} ms, answer ${(t2 - t1).toFixed(1)} ms, next hover ${(t3 - t2).toFixed(1)} ms (${answer ? 'an answer' : 'null'})`);
}
