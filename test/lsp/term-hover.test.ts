/**
 * The defined-term hover on a model the review worker expanded from its compressed form (issue 13:
 * a document that lost its incremental state keeps its review compressed in the worker,
 * server/src/lsp/kept-reviews.ts), and over the language server with the worker answering. The
 * answers are the ones the original model gives. Behaviour only, no timing.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildContractModel, positionAt, type ContractModel } from '../../server/src/model';
import { termIndex } from '../../server/src/drafting/terms';
import { termHover } from '../../server/src/lsp/terms';
import { packModel, unpackModel } from '../../server/src/lsp/result-transfer';
import { MemoryClient, TEST_REVIEW_WORKER } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');

/** Terms in plural, singular, possessive and capitals, a term ending a block, one defined twice, a code block. */
const FORMS = [
  '# Hosting Agreement',
  '',
  '## 1. Definitions',
  '',
  '"Services" means the hosting services described in Schedule 1.',
  '',
  '"Service Level" means a target in Schedule 2. "Service Level" means, for backups, the target in Schedule 3.',
  '',
  'The Supplier (the "Supplier") shall provide each Service to the Customer (the "Customer").',
  '',
  '## 2. Liability',
  '',
  'THE SUPPLIER SHALL NOT BE LIABLE FOR ANY LOSS OF THE CUSTOMER\'S DATA EXCEPT AS THE SERVICES SAY.',
  '',
  'The Service Levels bind the Supplier\'s staff and the Customer',
  '',
  '```',
  'Services in a code block are not uses.',
  '```',
  '',
].join('\n');

/** The model as the worker gets it back from a compressed review: packed, copied, unpacked. */
function asFromWorker(model: ContractModel): ContractModel {
  const { model: packed, ...layout } = structuredClone(packModel(model));
  return unpackModel({ model: packed, ...layout }, model.text);
}

/** Where `needle` is in `text` (its `nth` occurrence), a character into it. */
function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the text`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) + 1 };
}

describe('lsp: term hover on a review kept in the review worker', function () {
  this.timeout(120_000);

  for (const [name, text] of [['weak-msa.md', WEAK], ['terms in every form', FORMS]] as const) {
    it(`answers as the whole term index does at and around every occurrence (${name})`, () => {
      const model = buildContractModel(text, 1, 'markdown');
      const copy = asFromWorker(model);
      const occurrences = termIndex(model).occurrences;
      assert.ok(occurrences.length > 5);
      let answered = 0;
      for (const o of occurrences) {
        for (const offset of [o.span.start - 1, o.span.start, o.span.start + 1, o.span.end, o.span.end + 1]) {
          if (offset < 0 || offset > text.length) continue;
          const pos = positionAt(model.lineStarts, offset);
          const expected = termHover(model, pos);
          assert.deepEqual(termHover(copy, pos), expected, `offset ${offset}`);
          if (expected) answered++;
        }
      }
      assert.ok(answered > occurrences.length, 'most positions are on a term');
    });
  }

  describe('over the language server', () => {
    let worker: MemoryClient;
    let inThread: MemoryClient;
    afterEach(async () => { await worker?.stop(); await inThread?.stop(); });

    it('answers a term hover right after a review in the worker, and after an edit that adds a definition', async () => {
      worker = await new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 60_000 }).start();
      inThread = await new MemoryClient().start();
      const uri = pathToFileURL(path.join(ROOT, 'scratch', 'term-hover.md')).href;
      const hover = async (client: MemoryClient, position: { line: number; character: number }) =>
        (await client.request<{ contents: { value: string }; range: unknown } | null>('textDocument/hover', { textDocument: { uri }, position }));
      await worker.open(uri, WEAK);
      await inThread.open(uri, WEAK);
      const onDeliverables = positionOf(WEAK, 'Deliverables:');
      const first = await hover(worker, onDeliverables);
      assert.match(first?.contents.value ?? '', /^\*\*Deliverables\*\* \(defined term\)/);
      assert.deepEqual(first, await hover(inThread, onDeliverables));

      const servicesBefore = /Used (\d+) times\./.exec((await hover(worker, positionOf(WEAK, 'Services to the Customer')))?.contents.value ?? '')?.[1];
      assert.ok(servicesBefore, 'a hover on Services counts its uses');

      // A new definition and two uses of it, typed at the end.
      const text = `${WEAK}\n\n"Exit Plan" means the plan for handing the Services back. The Supplier shall keep the Exit Plan up to date and share the Exit Plan with the Customer.\n`;
      await worker.change(uri, 2, text);
      await inThread.change(uri, 2, text);
      const onExitPlan = positionOf(text, 'Exit Plan', 2);
      const added = await hover(worker, onExitPlan);
      assert.match(added?.contents.value ?? '', /^\*\*Exit Plan\*\* \(defined term\)[\s\S]*Used 2 times\./);
      assert.deepEqual(added, await hover(inThread, onExitPlan));
      // A term used once more by the edit counts that use.
      const onServices = positionOf(text, 'Services to the Customer');
      const services = await hover(worker, onServices);
      assert.deepEqual(services, await hover(inThread, onServices));
      assert.match(services?.contents.value ?? '', new RegExp(`Used ${Number(servicesBefore) + 1} times\\.`));
      assert.ok(!/failed/.test(worker.stderr), worker.stderr);
    });
  });
});
