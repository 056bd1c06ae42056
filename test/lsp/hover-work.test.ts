/**
 * What a hover reads (issue 13, hover): on a large document it is answered once or twice per
 * version, from the last review, so it must not rebuild or walk anything the size of the document.
 * - The review the worker keeps (a copy of the model) answers from the review's own term index:
 *   no block matched again, no occurrence object built for the whole document.
 * - The term under the cursor found without every occurrence object gives the same occurrence.
 * - The heading under the cursor found without reading every section.
 * Behaviour only (what is read, what is answered), no timing.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildContractModel, positionAt, type ContractModel } from '../../server/src/model';
import { review } from '../../server/src/engine';
import { occurrenceAt, occurrenceAtLazily, termIndex, termIndexStats } from '../../server/src/drafting/terms';
import { termHover } from '../../server/src/lsp/terms';
import { hoverAt } from '../../server/src/lsp/outline';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { WorkerDocuments } from '../../server/src/lsp/worker-documents';
import type { ReviewJob } from '../../server/src/lsp/review-job';
import { generateContract, typedEdit } from '../../scripts/bench-contract';
import { ROOT } from './client';
import { MemoryClient, TEST_REVIEW_WORKER } from './memory';
import { EditedDocument } from '../../server/src/lsp/edited-document';
import { recordThreadEvents } from './thread-events';
import { pathToFileURL } from 'node:url';

/** A hover's Markdown text ('' for none). */
const textOf = (h: Hover | null | undefined): string => (h ? (h.contents as MarkupContent).value : '');

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');

describe('lsp: what a hover reads', function () {
  this.timeout(120_000);

  it("answers a term hover on the worker's kept review from the review's term index, building no occurrence objects", () => {
    const documents = new WorkerDocuments();
    const uri = 'file:///scratch/hover-work.md';
    let text = generateContract(60_000);
    const job = (version: number, t: string): ReviewJob => ({ uri, version, text: t, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
    documents.review(job(1, text), () => undefined);
    // An edit, reviewed as the worker reviews it (spliced), then the copy it keeps.
    text = typedEdit(text, 3, 8).text;
    documents.review(job(2, text), () => undefined);
    documents.settle(uri);
    const kept = documents.reviews.get(uri)!.result;
    const index = termIndex(kept.model);
    assert.equal(termIndexStats(index).blocksRead, 0, 'the kept copy has the index its review built');
    const at = text.indexOf('Customer Data', text.length / 2);
    const pos = positionAt(kept.model.lineStarts, at + 2);
    const hover = termHover(kept.model, pos);
    assert.match(textOf(hover), /^\*\*Customer Data\*\* \(defined term\)[\s\S]*Used \d+ times\./);
    assert.equal(termIndexStats(index).occurrencesBuilt, false, 'the hover built no occurrence objects');
    // The same answer as a fresh review of the same text.
    assert.deepEqual(hover, termHover(review({ text, version: 2, force: true }).model, pos));
  });

  for (const [name, text] of [['weak-msa.md', WEAK], ['a generated contract', generateContract(30_000)]] as const) {
    it(`finds the same term occurrence without building them all, at and around every one (${name})`, () => {
      const lazy = termIndex(buildContractModel(text, 1, 'markdown'));
      const whole = termIndex(buildContractModel(text, 1, 'markdown'));
      const occurrences = whole.occurrences;
      assert.ok(occurrences.length > 20);
      for (const o of occurrences) {
        for (const offset of [o.span.start - 1, o.span.start, o.span.start + 1, o.span.end - 1, o.span.end, o.span.end + 1]) {
          assert.deepEqual(occurrenceAtLazily(lazy, offset), occurrenceAt(whole, offset), `offset ${offset}`);
        }
      }
      assert.equal(termIndexStats(lazy).occurrencesBuilt, false);
      assert.equal(occurrenceAtLazily(lazy, text.length + 5), undefined);
    });
  }

  describe('over the language server, the document reviewed in the worker', () => {
    let client: MemoryClient | undefined;
    const restore: Array<() => void> = [];
    afterEach(async () => {
      for (const r of restore.splice(0)) r();
      await client?.stop();
    });

    it('answers a hover sent with a keystroke without building the new text (the change kept as an edit, the job sent as that edit after the answer)', async () => {
      // What happens in the server's thread, in order: the document's new text built, a query answered.
      const events: string[] = [];
      const proto = EditedDocument.prototype as unknown as { text(this: { pending: unknown[] }): string };
      const text = proto.text;
      proto.text = function (this: { pending: unknown[] }) {
        if (this.pending.length) events.push('text built');
        return text.call(this);
      };
      restore.push(() => { proto.text = text; }, recordThreadEvents(events));

      client = await new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 60_000 }).start();
      const uri = pathToFileURL(path.join(ROOT, 'scratch', 'hover-work.md')).href;
      await client.open(uri, WEAK);
      const at = WEAK.indexOf('Deliverables');
      const lines = WEAK.slice(0, at).split('\n');
      const pos = { line: lines.length - 1, character: lines[lines.length - 1].length + 2 };
      // A character typed before the term on its line, and a hover on the term, sent together.
      const typed = { line: pos.line, character: 0 };
      events.length = 0;
      const since = client.mark();
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: typed, end: typed }, text: 'x' }] });
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: pos.line, character: pos.character + 1 } });
      await client.diagnostics(uri, 2, since);
      assert.match(textOf(hover), /^\*\*Deliverables\*\* \(defined term\)/);
      // The job travels as the editor's edit (lsp/text-snapshot.ts): the new text is never built in the server's thread.
      assert.deepEqual(events.filter((e) => e !== 'answered hover'), ['asked hover', 'job v2'], 'the hover asked before the job, and the text of version 2 never built in the server\'s thread');
      assert.ok(events.includes('answered hover'));
    });
  });

  describe("over the language server, the document reviewed in the server's thread", () => {
    let client: MemoryClient | undefined;
    const restore: Array<() => void> = [];
    afterEach(async () => {
      for (const r of restore.splice(0)) r();
      await client?.stop();
    });

    it('maps a hover sent with each keystroke through that one edit, the text the last review built being the base', async () => {
      // What the document's drift found for each request: the one edit since the reviewed text, or none (two texts compared).
      const found: boolean[] = [];
      const editSince = EditedDocument.prototype.editSince;
      EditedDocument.prototype.editSince = function (this: EditedDocument, before: string) {
        const edit = editSince.call(this, before);
        found.push(edit !== undefined);
        return edit;
      };
      restore.push(() => { EditedDocument.prototype.editSince = editSince; });

      client = await new MemoryClient({ server: { reviewWorker: undefined } }).start();
      const uri = pathToFileURL(path.join(ROOT, 'scratch', 'hover-thread.md')).href;
      await client.open(uri, WEAK);
      const at = WEAK.indexOf('Deliverables');
      const lines = WEAK.slice(0, at).split('\n');
      const line = lines.length - 1;
      const character = lines[line].length + 2;
      // Keystrokes before the term on its line, each awaited, each with a hover on the term sent with it.
      for (let version = 2; version <= 5; version++) {
        const since = client.mark();
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }] });
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: character + version - 1 } });
        assert.match(textOf(hover), /^\*\*Deliverables\*\* \(defined term\)/, `the hover of version ${version}`);
        await client.diagnostics(uri, version, since);
      }
      assert.deepEqual(found, [true, true, true, true], 'every hover mapped through its keystroke\'s edit');
    });
  });

  it('finds the heading under the cursor without reading every section', () => {
    const text = generateContract(100_000);
    const result = review({ text, version: 1, force: true });
    const model = result.model;
    assert.ok(model.sections.length > 400);
    // The same hovers as with every section read, on every line of a stretch with headings and clauses.
    const lines = text.split('\n');
    const from = Math.floor(lines.length / 2);
    const expected = lines.slice(from, from + 40).map((l, i) => hoverAt(result, { line: from + i, character: Math.min(4, l.length) }));
    assert.ok(expected.some((h) => /^\*\*\d+ [A-Z]/.test(textOf(h))), 'some of the lines are headings');
    assert.ok(expected.some((h) => /^\*\*\d+\.\d+\*\*/.test(textOf(h))), 'and some numbered clauses');
    assert.ok(expected.some((h) => !h), 'and some lines hold nothing');
    let reads = 0;
    const counted: ContractModel = {
      ...model,
      sections: new Proxy(model.sections, { get(target, key, receiver) { if (typeof key === 'string' && /^\d+$/.test(key)) reads++; return Reflect.get(target, key, receiver); } }),
    };
    const got = lines.slice(from, from + 40).map((l, i) => hoverAt({ ...result, model: counted }, { line: from + i, character: Math.min(4, l.length) }));
    assert.deepEqual(got, expected);
    assert.ok(reads < 40 * 40, `${reads} section reads for 40 hovers over ${model.sections.length} sections`);
  });
});
