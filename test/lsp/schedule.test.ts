/**
 * When the server reviews, and what requests wait for (server/src/lsp/schedule.ts): the order of
 * reviews and publishes, stale versions dropped, requests that read the last review without starting
 * one, and cancellation. In memory (./memory.ts), with no assertion on how long anything takes.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationToken, CancellationTokenSource } from 'vscode-jsonrpc/node';
import { CHEAP_REVIEW_MS, editDelay, MIN_EDIT_DELAY_MS, ReviewWaiters } from '../../server/src/lsp/schedule';
import { MemoryClient, type PublishParams } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
/** A sentence that the vague-wording rule flags, added at the end of the contract. */
const VAGUE = '\n\n9.9 The Supplier shall respond to requests in a timely manner.\n';

let n = 0;
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', `${name}-${n++}.md`)).href;

function change(client: MemoryClient, uri: string, version: number, text: string): void {
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle));
}

describe('lsp: scheduling', function () {
  this.timeout(60_000);

  describe('editDelay', () => {
    it('reviews a cheap document after the minimum delay, whatever the debounce', () => {
      assert.equal(editDelay(undefined, 250), MIN_EDIT_DELAY_MS);
      assert.equal(editDelay(CHEAP_REVIEW_MS, 250), MIN_EDIT_DELAY_MS);
      assert.equal(editDelay(1, 0), MIN_EDIT_DELAY_MS);
    });

    it('waits for a pause as long as the last review took, within the debounce and never under the minimum', () => {
      assert.equal(editDelay(120, 250), 120);
      assert.equal(editDelay(900, 250), 250);
      assert.equal(editDelay(900, 0), MIN_EDIT_DELAY_MS, 'debounceMs 0 still leaves the minimum delay (the change-then-close race)');
    });
  });

  describe('ReviewWaiters', () => {
    it('settles a waiter with its own version, and older ones with null', async () => {
      const w = new ReviewWaiters<string>();
      const older = w.wait('a', 1, CancellationToken.None);
      const mine = w.wait('a', 2, CancellationToken.None);
      const newer = w.wait('a', 3, CancellationToken.None);
      const other = w.wait('b', 2, CancellationToken.None);
      w.settle('a', 2, 'review of 2');
      assert.equal(await older, null);
      assert.equal(await mine, 'review of 2');
      w.supersede('a', 4);
      assert.equal(await newer, null);
      w.close('b');
      assert.equal(await other, null);
    });

    it('gives a cancelled request null at once, and nothing later', async () => {
      const w = new ReviewWaiters<string>();
      const source = new CancellationTokenSource();
      const waiting = w.wait('a', 1, source.token);
      source.cancel();
      assert.equal(await waiting, null);
      w.settle('a', 1, 'late');
      const cancelled = new CancellationTokenSource();
      cancelled.cancel();
      assert.equal(await w.wait('a', 1, cancelled.token), null);
    });
  });

  describe('over LSP', () => {
    let client: MemoryClient;
    beforeEach(async () => {
      client = await new MemoryClient({ capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } }).start();
    });
    afterEach(() => client?.stop());

    it('hover, code actions, semantic tokens and completion read the last review and never start one', async () => {
      const uri = uriOf('reads');
      const published = await client.open(uri, WEAK);
      const finding = published.diagnostics.find((d) => d.code === 'vague-wording') ?? published.diagnostics[0];
      const at = { textDocument: { uri }, position: finding.range.start };
      assert.ok(await client.request('textDocument/hover', at));
      const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
      assert.ok(actions.length > 0);
      assert.ok((await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } })).data.length > 0);
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: lineOf(WEAK, '## 1.'), character: 0 } });
      assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1], 'one review, on open');
    });

    it('a hover sent right after a change waits for that version\'s review and answers from it', async () => {
      const uri = uriOf('after-change');
      await client.open(uri, WEAK);
      const since = client.mark();
      const text = WEAK + VAGUE;
      change(client, uri, 2, text);
      const line = lineOf(text, 'in a timely manner.');
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf('timely') },
      });
      assert.match(hover?.contents.value ?? '', /timely/i, 'the hover knows the finding of version 2');
      await client.diagnostics(uri, 2, since);
      assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1, 2]);
    });

    it('a request for a version that is superseded before its review gets nothing, and the old version is never reviewed or published', async () => {
      const uri = uriOf('superseded');
      await client.open(uri, WEAK);
      const since = client.mark();
      change(client, uri, 2, WEAK + VAGUE);
      const hover = client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      change(client, uri, 3, WEAK + VAGUE + VAGUE);
      assert.equal(await hover, null);
      await client.diagnostics(uri, 3, since);
      await client.settle();
      assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1, 3]);
      assert.deepEqual(client.notifications<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since).map((p) => p.version), [3]);
    });

    it('a cancelled request is answered without waiting for the review, and starts none', async () => {
      const uri = uriOf('cancelled');
      await client.open(uri, WEAK);
      const since = client.mark();
      change(client, uri, 2, WEAK + VAGUE);
      const source = new CancellationTokenSource();
      const hover = client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, 8000, source);
      source.cancel();
      const answer = await hover.then((v) => v, (e: { code?: number }) => e.code);
      assert.ok(answer === null || answer === -32800, `null or RequestCancelled, not ${JSON.stringify(answer)}`);
      await client.diagnostics(uri, 2, since);
      assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1, 2]);
    });

    it('a change followed at once by a close is never reviewed or published', async () => {
      const uri = uriOf('closed');
      await client.open(uri, WEAK);
      const since = client.mark();
      change(client, uri, 2, WEAK + VAGUE);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      // An edit of another document, scheduled after the closed one's would have been, has its turn.
      const other = uriOf('after-close');
      await client.open(other, WEAK);
      await client.change(other, 2, WEAK + VAGUE);
      assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1]);
      assert.deepEqual(client.notifications<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since).map((p) => p.diagnostics.length), [0]);
    });

    it('documents are reviewed and published independently, each at its own latest version', async () => {
      const a = uriOf('a');
      const b = uriOf('b');
      await client.open(a, WEAK);
      await client.open(b, WEAK);
      const since = client.mark();
      change(client, a, 2, WEAK + VAGUE);
      change(client, b, 2, WEAK + VAGUE);
      change(client, a, 3, WEAK + VAGUE + VAGUE);
      await client.diagnostics(a, 3, since);
      await client.diagnostics(b, 2, since);
      assert.deepEqual(client.notifications<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === a, since).map((p) => p.version), [3]);
      assert.deepEqual(client.notifications<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === b, since).map((p) => p.version), [2]);
    });
  });
});
