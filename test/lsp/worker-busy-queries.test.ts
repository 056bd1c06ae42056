/**
 * Queries on the document the review worker is reviewing (issue 13, round seventeen): the worker
 * answers them between the steps of that review from the document's last completed review
 * (server/src/lsp/review-worker.ts answerWaiting), so the server's thread no longer holds each job
 * back for a hover sent with the keystroke. Two checks:
 * - through a worker: a hover and code actions on a document whose next review is under way are
 *   answered before that review's diagnostics, with what the last completed review said;
 * - the premise: while a review runs in steps (lsp/worker-documents.ts review), the kept review of
 *   the version before answers every kind of query as it did before the review began, over random
 *   edits (the splice never changes an object the previous model holds).
 * Behaviour only, no timing.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { MemoryClient, TEST_REVIEW_WORKER, type PublishParams } from './memory';
import { recordThreadEvents } from './thread-events';
import { ROOT } from './client';
import { WorkerDocuments } from '../../server/src/lsp/worker-documents';
import { DiagnosticsJsonCache } from '../../server/src/lsp/diagnostics-json';
import { answerQuery, type WorkerQuery } from '../../server/src/lsp/worker-queries';
import type { ReviewJob } from '../../server/src/lsp/review-job';
import { diagnosticsOf } from '../../server/src/lsp/convert';
import { generateContract } from '../../scripts/bench-contract';
import { propertyRuns, propertySeed } from '../support/property-runs';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
let n = 0;
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', `${name}-${n++}.md`)).href;

/** Many paragraphs after the example contract: a review of them in the worker takes a while. */
const notes = (word: string): string => Array.from({ length: 9000 }, (_, i) => `${word} ${i + 1}: the steering group met, reviewed the service levels and recorded its minutes.`).join('\n\n');
const withNotes = (word: string): string => `${WEAK.replace(/\n*$/, '')}\n\n${notes(word)}\n`;

describe('lsp: queries on the document under review in the worker (issue 13, round seventeen)', function () {
  this.timeout(180_000);
  let client: MemoryClient | undefined;
  afterEach(async () => { await client?.stop(); client = undefined; });

  it('a hover and code actions sent while the document\'s next review runs are answered from its last completed review, before that review ends', async () => {
    client = new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 170_000 });
    await client.start();
    const uri = uriOf('busy-queries');
    const opened = await client.open(uri, withNotes('Meeting note'));
    const finding = opened.diagnostics.find((d) => d.code === 'vague-wording')!;
    assert.ok(finding, 'the example has a vague-wording finding');
    const hoverParams = { textDocument: { uri }, position: finding.range.start };
    const actionParams = { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } };
    const expectedHover = await client.request<{ contents: unknown } | null>('textDocument/hover', hoverParams);
    const expectedActions = await client.request<unknown[]>('textDocument/codeAction', actionParams);
    assert.ok(expectedHover && /vague-wording/.test(JSON.stringify(expectedHover.contents)));
    assert.ok(expectedActions.length > 0);

    // Every note reworded: version 2's review re-reads all of them (seconds in this process); the
    // contract above them, and the finding, are unchanged.
    const since = client.mark();
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withNotes('Minutes of meeting') }] });
    await client.settle();
    const v2 = client.waitFor<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, since, 170_000);
    // Time for the job to reach the worker, which is then inside that review: the queries come after it.
    await new Promise((r) => setTimeout(r, 500));
    const v2Published = (): boolean => client!.received.some((r) => r.seq >= since && r.method === 'textDocument/publishDiagnostics' && (r.params as PublishParams).uri === uri);
    const hover = client.request<{ contents: unknown } | null>('textDocument/hover', hoverParams, 170_000);
    const actions = client.request<unknown[]>('textDocument/codeAction', actionParams, 170_000);
    const hoverBefore = await hover.then(v2Published);
    const actionsBefore = await actions.then(v2Published);
    assert.equal(hoverBefore, false, 'the hover did not wait for the review under way');
    assert.equal(actionsBefore, false, 'the code actions did not wait for the review under way');
    assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1], 'answered while version 2 was under review');
    assert.deepEqual(await hover, expectedHover, 'the hover is the last completed review\'s');
    assert.deepEqual(await actions, expectedActions, 'the code actions are the last completed review\'s');
    await v2;
    assert.deepEqual(await client.request('textDocument/hover', hoverParams), expectedHover, 'and after the review, from the new one');
    assert.ok(!/failed/.test(client.stderr), client.stderr);
  });
});

describe('lsp: a request read with a keystroke goes before that keystroke\'s worker job (issue 13, round seventeen)', function () {
  this.timeout(120_000);
  let client: MemoryClient | undefined;
  const restore: Array<() => void> = [];
  afterEach(async () => {
    for (const r of restore.splice(0)) r();
    await client?.stop();
    client = undefined;
  });

  it('posts the job once the hover sent with the change has been answered, with no fixed hold', async () => {
    // The order of what happens in the server's thread: queries asked and answered, jobs queued.
    const events: string[] = [];
    restore.push(recordThreadEvents(events));
    client = await new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 60_000 }).start();
    const uri = uriOf('hover-before-job');
    const opened = await client.open(uri, WEAK);
    const finding = opened.diagnostics.find((d) => d.code === 'vague-wording')!;
    let version = 1;
    for (let i = 0; i < 3; i++) {
      events.length = 0;
      const since = client.mark();
      version++;
      // A character typed at the end of the text, and a hover on the finding, sent together.
      const end = { line: WEAK.split('\n').length - 1 + i, character: 0 };
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: end, end }, text: '\n' }] });
      const hover = client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: finding.range.start });
      await client.diagnostics(uri, version, since);
      assert.ok(/vague-wording/.test(JSON.stringify((await hover)?.contents)));
      assert.deepEqual(events, ['asked hover', 'answered hover', `job v${version}`], 'the hover read with the change is answered before its job is queued');
    }
    // A keystroke without a request: its job is queued with nothing to wait for.
    events.length = 0;
    const since = client.mark();
    version++;
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
    await client.diagnostics(uri, version, since);
    assert.deepEqual(events, [`job v${version}`]);
    assert.ok(!/failed/.test(client.stderr), client.stderr);
  });
});

describe('lsp: a worker document\'s kept review while its next review runs in steps', function () {
  this.timeout(600_000);

  /** `at` in thousandths of the text. */
  interface Edit { at: number; remove: number; insert: string }
  const edit = fc.record({
    at: fc.integer({ min: 0, max: 1000 }),
    remove: fc.constantFrom(0, 0, 1, 7, 40, 300),
    insert: fc.constantFrom('', 'x', '\n', '\n\n', ' shall', '## 3. New heading\n\n', '"Service Credit" means a credit.\n\n', '1. ', 'reasonable endeavours '),
  });
  const apply = (text: string, e: Edit): string => {
    const at = Math.floor((e.at / 1000) * text.length);
    return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
  };

  it('answers every kind of query at each step as it did before the review began', () => {
    const base = generateContract(12_000);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const documents = new WorkerDocuments();
        const uri = 'file:///scratch/kept-during-steps.md';
        const cache = new DiagnosticsJsonCache('compact', 2);
        const job = (version: number, text: string): ReviewJob => ({ uri, version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [], diagnosticShape: 'compact', diagnosticChanges: 2 });
        let text = base;
        documents.review(job(1, text), () => undefined, undefined, cache);
        edits.forEach((e, i) => {
          const kept = documents.reviews.get(uri)!;
          const queries = queriesOf(kept.result, kept.version);
          const answers = (): string => {
            const k = documents.reviews.get(uri)!;
            return JSON.stringify(queries.map((q) => answerQuery(k.result, uri, k.version, q)));
          };
          const before = answers();
          let steps = 0;
          text = apply(text, e);
          documents.review(job(i + 2, text), () => undefined, () => {
            // Every step at first (the model's), then every fifth: each look answers every query.
            if (steps++ < 8 || steps % 5 === 0) assert.equal(answers(), before, `the kept review of v${i + 1} answers the same at step ${steps} of v${i + 2}'s review`);
          }, cache);
          assert.ok(steps > 8, 'the review ran in steps');
        });
      }),
      { numRuns: propertyRuns(4), seed: propertySeed(17), endOnFailure: true },
    );
  });
});

/** Queries of every kind the server asks the worker, at the kept review's findings and terms. */
function queriesOf(result: Parameters<typeof diagnosticsOf>[0], version: number): WorkerQuery[] {
  const diagnostics = diagnosticsOf(result);
  const picked = [diagnostics[0], diagnostics[Math.floor(diagnostics.length / 2)], diagnostics[diagnostics.length - 1]].filter((d) => !!d);
  const lines = result.model.text.split('\n');
  const termLine = lines.findIndex((l) => /Business Day/.test(l.slice(1)));
  const term = { line: Math.max(0, termLine), character: Math.max(0, lines[Math.max(0, termLine)].indexOf('Business Day', 1)) + 2 };
  const caps = { documentChanges: true, snippets: false };
  return [
    ...picked.map((d): WorkerQuery => ({ kind: 'hover', at: d.range.start, withMessage: true })),
    ...picked.map((d): WorkerQuery => ({ kind: 'codeActions', version, range: d.range, context: [d], caps } as WorkerQuery)),
    { kind: 'hover', at: term, withMessage: false },
    { kind: 'definition', at: term },
    { kind: 'references', at: term, includeDeclaration: true },
    { kind: 'completion', prefix: 'Bus', range: { start: term, end: term } },
    { kind: 'semanticTokens' },
    { kind: 'symbols' },
    { kind: 'folding' },
    { kind: 'documentLinks' },
    { kind: 'summary' },
    { kind: 'coverage' },
    { kind: 'diagnostics', shape: 'compact' },
  ];
}
