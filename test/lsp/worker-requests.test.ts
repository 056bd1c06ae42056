/**
 * Requests on a large document (reviewed in the worker) between an edit and its review (issue 13):
 * definition, references, prepareRename and document links answer at once from the last completed
 * review, mapped to today's positions (server/src/lsp/drift.ts); rename, accepting a finding,
 * rendering a clause and front matter wait for the review of the current version, so that what they
 * edit is the current text. Compared with a server that reviews in its own thread, where the current
 * model is always at hand. Behaviour only, no timing.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient, TEST_REVIEW_WORKER, type PublishParams } from './memory';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
/** Two lines typed after the front matter (text above it would stop it being front matter). */
const TYPED = 'Draft for discussion only.\n\n';
const END_OF_FRONT_MATTER = WEAK.indexOf('\n---\n') + 5;

let n = 0;
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', `${name}-${n++}.md`)).href;

/** A server whose workspace/configuration answers wait while held: its reviews wait for settings. */
function heldClient(worker: boolean): { client: MemoryClient; hold: () => void; release: () => void } {
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  const client = new MemoryClient({
    capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
    configuration: async (items) => {
      if (gate) await gate;
      return items.map(() => ({}));
    },
    // The in-thread server stays so under CLAUSEWISE_TEST_REVIEW_WORKER=1 too.
    server: { reviewWorker: worker ? TEST_REVIEW_WORKER : undefined },
    timeout: 60_000,
  });
  return {
    client,
    hold: () => { gate = new Promise<void>((r) => { open = r; }); },
    release: () => { gate = null; open(); },
  };
}

/** Where `needle` is in `text` (its `nth` occurrence), as a position a character into it. */
function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) + 1 };
}

describe('lsp: requests on a document reviewed in the worker, between an edit and its review', function () {
  this.timeout(120_000);
  let held: ReturnType<typeof heldClient>;
  let inThread: MemoryClient;
  afterEach(async () => { await held?.client.stop(); await inThread?.stop(); });

  it('definition, references, prepareRename and links answer at once from the last review; rename and accepting a finding wait for this version\'s', async () => {
    held = heldClient(true);
    const { client } = held;
    await client.start();
    inThread = await new MemoryClient({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } }, timeout: 60_000 }).start();
    const uri = uriOf('worker-requests');
    const opened = await client.open(uri, WEAK);
    const finding = opened.diagnostics.find((d) => d.code === 'vague-wording');
    assert.ok(finding, 'the example has a vague-wording finding');

    // Two lines typed near the top, while the review of that version waits for settings.
    held.hold();
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const text = WEAK.slice(0, END_OF_FRONT_MATTER) + TYPED + WEAK.slice(END_OF_FRONT_MATTER);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    await client.settle();
    await inThread.open(uri, text, 2);

    const use = positionOf(text, 'Services', 2); // a use, after its definition
    const ask = (c: MemoryClient, method: string, params: Record<string, unknown>) => c.request<unknown>(method, { textDocument: { uri }, ...params });
    for (const [method, params] of [
      ['textDocument/definition', { position: use }],
      ['textDocument/references', { position: use, context: { includeDeclaration: true } }],
      ['textDocument/prepareRename', { position: use }],
      ['textDocument/definition', { position: positionOf(text, 'clause 6') }], // a cross-reference
      ['textDocument/documentLink', {}],
    ] as const) {
      const answer = await ask(client, method, params);
      assert.ok(answer && (!Array.isArray(answer) || answer.length > 0), `${method} answers`);
      assert.deepEqual(answer, await ask(inThread, method, params), `${method} as for the current text`);
    }
    assert.equal(await ask(client, 'textDocument/definition', { position: positionOf(text, 'discussion') }), null, 'nothing is known yet about the new text');
    assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1], 'none of these waited for or started a review');

    // These edit the document: they wait for the review of version 2.
    const rename = ask(client, 'textDocument/rename', { position: use, newName: 'Support Services' });
    const accept = client.request<{ version: number; edit: unknown }>('clausewise/acceptFindingEdit', { uri, line: finding.range.start.line + 2, ruleId: 'vague-wording', reason: 'agreed' });
    let settled = false;
    void Promise.all([rename, accept]).then(() => { settled = true; });
    await client.settle();
    assert.equal(settled, false, 'rename and accept wait while the review is held up');
    held.release();
    const expectedRename = await ask(inThread, 'textDocument/rename', { position: use, newName: 'Support Services' });
    assert.deepEqual(await rename, expectedRename);
    const accepted = await accept;
    assert.equal(accepted.version, 2);
    assert.deepEqual(accepted, await inThread.request('clausewise/acceptFindingEdit', { uri, line: finding.range.start.line + 2, ruleId: 'vague-wording', reason: 'agreed' }));
    assert.ok(!/failed/.test(client.stderr), client.stderr);
  });
});

describe('lsp: requests right after the diagnostics of a document reviewed in the worker', function () {
  this.timeout(120_000);
  let client: MemoryClient;
  afterEach(async () => { await client?.stop(); });

  it('quick fixes and hovers come from the review that made the diagnostics just published', async () => {
    // The worker publishes a review's diagnostics before the rest of its result has been copied to
    // the server's thread; a request sent the moment they appear must still see that review.
    client = await new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 60_000 }).start();
    const uri = uriOf('worker-right-after');
    // Many short notes after the example: a large model, so copying it takes a while after the diagnostics.
    const notes = Array.from({ length: 1500 }, (_, i) => `Meeting note ${i + 1}: the steering group met and recorded its minutes.`).join('\n\n');
    const base = `${WEAK.replace(/\n*$/, '')}\n\n${notes}\n`;
    const opened = await client.open(uri, base);
    const first = opened.diagnostics.find((d) => d.code === 'vague-wording');
    assert.ok(first, 'the example has a vague-wording finding');
    // Version 2 repeats the flagged line at the end: a finding only that version has.
    const flagged = base.split('\n')[first.range.start.line];
    const text = `${base}\n${flagged}\n`;
    const newLine = text.split('\n').length - 2;

    const since = client.mark();
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const published = await client.waitFor<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, since);
    // Asked at once, before anything else: no settle, no waiting for the status notification.
    const added = published.diagnostics.find((d) => d.code === 'vague-wording' && d.range.start.line === newLine);
    assert.ok(added, 'version 2 flags the repeated line');
    const [actions, hover] = await Promise.all([
      client.request<Array<{ title: string; diagnostics?: unknown[] }>>('textDocument/codeAction', { textDocument: { uri }, range: added.range, context: { diagnostics: [added] } }),
      client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: added.range.start }),
    ]);
    assert.ok(actions.length > 0, 'the new finding has its quick fixes');
    assert.ok(hover && /vague-wording/.test(JSON.stringify(hover.contents)), 'the hover describes the new finding');
    assert.ok(!/failed/.test(client.stderr), client.stderr);
  });
});

describe('lsp: requests answered by the worker that keeps the review (issue 13)', function () {
  this.timeout(180_000);
  let worker: ReturnType<typeof heldClient>;
  let inThread: ReturnType<typeof heldClient>;
  afterEach(async () => { await worker?.client.stop(); await inThread?.client.stop(); });

  it('hover, quick fixes, tokens, completion, outline and folding answer while an edit is pending, as in the server\'s thread', async () => {
    // The same edit, held before its review, in a server reviewing in the worker and one reviewing
    // in its own thread: both answer from the review of version 1, mapped to version 2.
    worker = heldClient(true);
    inThread = heldClient(false);
    const uri = uriOf('worker-pending');
    const text = WEAK.slice(0, END_OF_FRONT_MATTER) + TYPED + WEAK.slice(END_OF_FRONT_MATTER);
    const answers: unknown[][] = [];
    for (const held of [worker, inThread]) {
      await held.client.start();
      const opened = await held.client.open(uri, WEAK);
      const finding = opened.diagnostics.find((d) => d.code === 'vague-wording')!;
      assert.ok(finding, 'the example has a vague-wording finding');
      held.hold();
      held.client.notify('workspace/didChangeConfiguration', { settings: {} });
      held.client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      await held.client.settle();
      // The finding two lines further down now (TYPED is two lines).
      const moved = { start: { ...finding.range.start, line: finding.range.start.line + 2 }, end: { ...finding.range.end, line: finding.range.end.line + 2 } };
      const ask = (method: string, params: Record<string, unknown>) => held.client.request<unknown>(method, { textDocument: { uri }, ...params });
      const got = [
        await ask('textDocument/hover', { position: moved.start }),
        await ask('textDocument/codeAction', { range: moved, context: { diagnostics: [{ ...finding, range: moved }] } }),
        await ask('textDocument/semanticTokens/full', {}),
        await ask('textDocument/completion', { position: positionOf(text, 'Services', 3) }),
        await ask('textDocument/documentSymbol', {}),
        await ask('textDocument/foldingRange', {}),
        await ask('textDocument/hover', { position: positionOf(text, 'discussion') }),
      ];
      assert.deepEqual(held.client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1], 'no request waited for or started a review');
      held.release();
      answers.push(got);
      assert.ok(!/failed/.test(held.client.stderr), held.client.stderr);
    }
    const [fromWorker, fromThread] = answers;
    const [hover, actions, tokens, completion, symbols, folding, typed] = fromWorker as [
      { contents: unknown; range?: unknown } | null, unknown[], { data: number[] }, { items: unknown[] }, unknown[], unknown[], unknown];
    assert.ok(hover && /vague-wording/.test(JSON.stringify(hover.contents)), 'the hover describes the finding, moved with its text');
    assert.ok(actions.length > 0 && tokens.data.length > 0 && completion.items.length > 0 && symbols.length > 0 && folding.length > 0, 'every request has an answer');
    assert.equal(typed, null, 'nothing is known yet about the text typed since the review');
    assert.deepEqual(fromWorker, fromThread);
  });

  /**
   * A client whose worker has reviewed a small document (its hover known) and is now busy with the
   * first review of a long one (seconds, most of it after its model is built).
   */
  async function busyWorker(name: string) {
    worker = heldClient(true);
    const { client } = worker;
    await client.start();
    const uri = uriOf(name);
    const opened = await client.open(uri, WEAK);
    const finding = opened.diagnostics.find((d) => d.code === 'vague-wording')!;
    const hoverParams = { textDocument: { uri }, position: finding.range.start };
    const expected = await client.request<{ contents: unknown } | null>('textDocument/hover', hoverParams);
    assert.ok(expected && /vague-wording/.test(JSON.stringify(expected.contents)));

    const big = uriOf(`${name}-big`);
    const notes = Array.from({ length: 9000 }, (_, i) => `Meeting note ${i + 1}: the steering group met, reviewed the service levels and recorded its minutes.`).join('\n\n');
    const since = client.mark();
    client.notify('textDocument/didOpen', { textDocument: { uri: big, languageId: 'markdown', version: 1, text: `${WEAK.replace(/\n*$/, '')}\n\n${notes}\n` } });
    await client.settle();
    // Time for the server to send that review to the worker (its settings pulled first).
    await new Promise((r) => setTimeout(r, 500));
    const bigReviewed = client.waitFor<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === big, since, 170_000).then(() => 'reviewed' as const);
    return { client, hoverParams, expected, big, bigReviewed };
  }

  it('a cancelled request answers at once while the worker is busy, and the same request then answers as before', async () => {
    const { client, hoverParams, expected, bigReviewed } = await busyWorker('worker-cancel');
    const source = new CancellationTokenSource();
    const hover = client.request('textDocument/hover', hoverParams, 170_000, source).then(() => 'answered' as const, () => 'answered' as const);
    source.cancel();
    assert.equal(await Promise.race([hover, bigReviewed]), 'answered', 'the cancelled hover did not wait for the review in the worker');
    assert.equal(await bigReviewed, 'reviewed');
    assert.deepEqual(await client.request('textDocument/hover', hoverParams), expected, 'the next hover answers from the kept review');
    assert.ok(!/failed/.test(client.stderr), client.stderr);
  });

  it('a request on another document is answered between the steps of a long review in the worker, before that review is published', async () => {
    const { client, hoverParams, expected, big, bigReviewed } = await busyWorker('worker-steps');
    const hover = client.request<{ contents: unknown } | null>('textDocument/hover', hoverParams, 170_000);
    // The worker posts a review's end before any answer it gives after the review: the hover came first.
    const bigDone = () => client.reviews.some((r) => r.uri === big);
    const doneBefore = await hover.then(bigDone);
    assert.equal(doneBefore, false, 'the hover did not wait for the rest of the review in the worker');
    assert.deepEqual(await hover, expected, 'answered from the kept review of its own document');
    assert.equal(await bigReviewed, 'reviewed');
    assert.ok(!/failed/.test(client.stderr), client.stderr);
  });
});
