// The review worker's answer to a hover on the generated contract, part by part (issue 13, hover):
// reviews it as the worker does (WorkerDocuments: the kept review is a copy of the model), types the
// bench's single characters (scripts/bench-contract.ts typedEdit), and after each review times the
// bench's hover (three characters before the edit) on the kept review: hoverAt (findings, heading),
// termHover (the defined term), the whole answer again (answerQuery) and its JSON. Wall-clock ms of
// each part's first call on that review (what a hover costs: one per version), in one thread.
//   npx tsx scripts/hover-probe.ts [bytes=1000000] [edits=12]
import { WorkerDocuments } from '../server/src/lsp/worker-documents';
import { answerQuery } from '../server/src/lsp/worker-queries';
import { hoverAt } from '../server/src/lsp/outline';
import { termHover } from '../server/src/lsp/terms';
import type { ReviewJob } from '../server/src/lsp/review-job';
import { generateContract, typedEdit } from './bench-contract';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 12);
const documents = new WorkerDocuments();
const uri = 'file:///probe/hover.md';
let text = generateContract(bytes);
let version = 1;
const review = (): void => {
  const job: ReviewJob = { uri, version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
  documents.review(job, () => undefined);
  documents.settle(uri);
};
const timed = <T>(f: () => T): [T, string] => { const t0 = performance.now(); const r = f(); return [r, (performance.now() - t0).toFixed(2)]; };
review();
for (let i = 0; i < edits; i++) {
  const e = typedEdit(text, i, edits);
  text = e.text;
  version++;
  review();
  const at = { line: e.pos.line, character: Math.max(0, e.pos.character - 3) };
  const kept = documents.reviews.get(uri)!;
  const [found, findingsMs] = timed(() => hoverAt(kept.result, at, { withMessage: true }));
  const [term, termMs] = timed(() => termHover(kept.result.model, at));
  const [answer, answerMs] = timed(() => answerQuery(kept.result, uri, kept.version, { kind: 'hover', at, withMessage: true }));
  const [json, jsonMs] = timed(() => JSON.stringify(answer));
  const what = found ? 'finding or heading' : term ? 'defined term' : 'nothing';
  console.log(`edit ${i + 1}: hoverAt ${findingsMs} ms, termHover ${termMs} ms, answer again ${answerMs} ms, JSON ${json.length} chars ${jsonMs} ms (${what})`);
}
