/**
 * When the server reviews, and what requests read (server/src/lsp/schedule.ts): the order of
 * reviews and publishes, stale versions dropped, requests that answer from the last completed review
 * without starting or waiting for one (mapped through the edits since), cancellation, and the same
 * through the review worker. In memory (./memory.ts), with no assertion on how long anything takes.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { afterQueuedInput, CHEAP_REVIEW_MS, COUNTING_STRATEGY, editDelay, noteReceived, runInSlices } from '../../server/src/lsp/schedule';
import { MemoryClient, TEST_REVIEW_WORKER, type PublishParams } from './memory';
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
    it('reviews a cheap document at once (after the messages already received), whatever the debounce', () => {
      assert.equal(editDelay(undefined, 250), 0);
      assert.equal(editDelay(CHEAP_REVIEW_MS, 250, false, 1), 0);
      assert.equal(editDelay(1, 0, false, 1), 0);
    });

    it('waits for a pause as long as the last review took, within the debounce, only while edits come faster than reviews', () => {
      assert.equal(editDelay(120, 250, false, 10), 120);
      assert.equal(editDelay(900, 250, false, 10), 250);
      assert.equal(editDelay(900, 0, false, 10), 0);
      assert.equal(editDelay(120, 250, false, 120), 0, 'a pause as long as the last review: at once');
      assert.equal(editDelay(120, 250, false, undefined), 0, 'the first edit: at once');
    });

    it('never debounces a document reviewed in the worker: its review blocks nothing', () => {
      assert.equal(editDelay(900, 250, true, 1), 0);
      assert.equal(editDelay(undefined, 250, true), 0);
    });
  });

  describe('afterQueuedInput', () => {
    it('runs after the messages queued behind the current one are handled, and not before', async () => {
      const order: string[] = [];
      // A queue handled one message per turn of the event loop, as vscode-jsonrpc does.
      const queue = ['change', 'hover', 'close'];
      const handleNext = (): void => {
        const m = queue.shift();
        if (!m) return;
        void COUNTING_STRATEGY.handleMessage({ jsonrpc: '2.0' }, () => { order.push(m); });
        if (m === 'change') afterQueuedInput(() => order.push('review'));
        setImmediate(handleNext);
      };
      setImmediate(handleNext);
      await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(order, ['change', 'hover', 'close', 'review']);
    });

    it('can be cancelled', async () => {
      let ran = false;
      const cancel = afterQueuedInput(() => { ran = true; });
      cancel();
      await new Promise((r) => setTimeout(r, 10));
      assert.equal(ran, false);
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

    it('a version superseded before its review is never reviewed or published', async () => {
      const uri = uriOf('superseded');
      await client.open(uri, WEAK);
      const since = client.mark();
      change(client, uri, 2, WEAK + VAGUE);
      change(client, uri, 3, WEAK + VAGUE + VAGUE);
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

  describe('runInSlices', () => {
    function* counted(log: string[], steps: number): Generator<void, string> {
      try {
        for (let i = 0; i < steps; i++) {
          log.push(`step ${i}`);
          yield;
        }
        return 'done';
      } finally {
        log.push('finally');
      }
    }

    it('handles the messages queued meanwhile between two slices, and returns the result', async () => {
      const log: string[] = [];
      // A message handled as vscode-jsonrpc does, on a later turn of the event loop.
      setImmediate(() => { void COUNTING_STRATEGY.handleMessage({ jsonrpc: '2.0' }, () => { log.push('message'); }); });
      const result = await runInSlices(counted(log, 3), () => false, 0);
      assert.equal(result, 'done');
      assert.ok(log.indexOf('message') > 0 && log.indexOf('message') < log.indexOf('step 2'), log.join(', '));
      assert.equal(log.at(-1), 'finally');
    });

    it('with no message arrived, starts the next slice after one turn of the event loop rather than pausing', async () => {
      const log: string[] = [];
      let turns = 0;
      let counting = true;
      const tick = (): void => {
        if (!counting) return;
        turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      let slices = 0;
      // Every step a slice of its own (slice 0 ms): five slices end before the sixth returns.
      assert.equal(await runInSlices(counted(log, 5), () => false, 0, () => slices++), 'done');
      counting = false;
      assert.equal(slices, 5);
      // A pause for messages takes at least two turns (afterQueuedInput); looking for one takes one.
      assert.ok(turns <= slices + 1, `${turns} turns of the event loop for ${slices} slices`);
    });

    it('pauses for a message read during a slice, and handles it before the next', async () => {
      const log: string[] = [];
      function* reading(): Generator<void, string> {
        log.push('step 0');
        // A message read off the stream (./gate.ts counts it) and queued, as vscode-jsonrpc does, for a later turn.
        noteReceived();
        setImmediate(() => setImmediate(() => { void COUNTING_STRATEGY.handleMessage({ jsonrpc: '2.0' }, () => { log.push('message'); }); }));
        yield;
        log.push('step 1');
        return 'done';
      }
      assert.equal(await runInSlices(reading(), () => false, 0), 'done');
      assert.deepEqual(log, ['step 0', 'message', 'step 1']);
    });

    it('runs every step in one slice when the slice is long enough, and stops when told to between slices', async () => {
      const whole: string[] = [];
      let pauses = 0;
      assert.equal(await runInSlices(counted(whole, 5), () => false, 60_000, () => pauses++), 'done');
      assert.equal(pauses, 0);
      const stopped: string[] = [];
      assert.equal(await runInSlices(counted(stopped, 5), () => true, 0), undefined);
      assert.deepEqual(stopped, ['step 0', 'finally'], 'the rest skipped, the steps\' cleanup run');
    });
  });

  describe('requests answered between the steps of a review in the server\'s thread', () => {
    let client: MemoryClient | undefined;
    afterEach(() => client?.stop());

    it('a hover sent while a review is under way is answered from the last completed review before that review ends', async () => {
      let onPause: (version: number) => void = () => undefined;
      const pausedIn: number[] = [];
      client = await new MemoryClient({
        // Every step a slice of its own, so that a review of a small contract pauses too.
        server: { reviewWorker: undefined, reviewSliceMs: 0, onReviewPause: (_uri, version) => { pausedIn.push(version); onPause(version); } },
      }).start();
      const uri = uriOf('steps');
      const opened = await client.open(uri, WEAK);
      const finding = opened.diagnostics.find((d) => d.code === 'vague-wording')!;
      const params = { textDocument: { uri }, position: finding.range.start };
      const expected = await client.request<{ contents: { value: string } } | null>('textDocument/hover', params);
      assert.ok(expected && /vague-wording/.test(expected.contents.value));

      // An edit after the finding: the hover's position means the same in both versions.
      const since = client.mark();
      const published = client.waitFor<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, since).then(() => 'published' as const);
      const paused = new Promise<'paused'>((resolve) => { onPause = (v) => { if (v === 2) resolve('paused'); }; });
      change(client, uri, 2, WEAK + VAGUE);
      assert.equal(await Promise.race([paused, published]), 'paused', 'the review of version 2 paused for requests');
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', params);
      assert.ok(!client.reviews.some((r) => r.uri === uri && r.version === 2), 'answered before the review of version 2 completed');
      assert.deepEqual(hover, expected);
      assert.equal(await published, 'published');
      assert.ok(pausedIn.filter((v) => v === 2).length > 1, 'the review paused more than once');
      const last = client.published.filter((p) => p.uri === uri).at(-1)!;
      assert.equal(last.diagnostics.filter((d) => d.code === 'vague-wording').length, opened.diagnostics.filter((d) => d.code === 'vague-wording').length + 1, 'the review of version 2 completed with the new finding');
    });

    it('a document closed while its review is paused is never published', async () => {
      let onPause: (version: number) => void = () => undefined;
      client = await new MemoryClient({ server: { reviewWorker: undefined, reviewSliceMs: 0, onReviewPause: (_uri, version) => onPause(version) } }).start();
      const uri = uriOf('steps-close');
      await client.open(uri, WEAK);
      const since = client.mark();
      const paused = new Promise<void>((resolve) => { onPause = (v) => { if (v === 2) resolve(); }; });
      change(client, uri, 2, WEAK + VAGUE);
      await paused;
      client.notify('textDocument/didClose', { textDocument: { uri } });
      await client.settle();
      await new Promise((r) => setTimeout(r, 50));
      const after = client.received.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => m.params as PublishParams);
      assert.ok(after.every((p) => p.version !== 2), 'version 2 was not published');
      assert.ok(!client.reviews.some((r) => r.uri === uri && r.version === 2), 'its review was dropped');
    });
  });

  describe('answers from the last completed review, mapped through the edits since', () => {
    /** A client whose workspace/configuration answers wait until `release` is called: reviews wait for settings. */
    function heldClient(): { client: MemoryClient; hold: () => void; release: () => void } {
      let gate: Promise<void> | null = null;
      let open: () => void = () => undefined;
      const client = new MemoryClient({
        capabilities: {
          textDocument: { hover: { contentFormat: ['markdown'] } },
          workspace: { workspaceEdit: { documentChanges: true }, semanticTokens: { refreshSupport: true } },
        },
        configuration: async (items) => {
          if (gate) await gate;
          return items.map(() => ({}));
        },
      });
      return {
        client,
        hold: () => { gate = new Promise<void>((r) => { open = r; }); },
        release: () => { gate = null; open(); },
      };
    }
    const PREFIX = 'Draft for discussion only.\n\n';
    const shifted = <T extends { line: number }>(p: T, lines = 2): T => ({ ...p, line: p.line + lines });
    const shiftRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({ start: shifted(r.start), end: shifted(r.end) });
    /** Absolute tokens from LSP's relative encoding: [line, character, length, type, modifiers]. */
    function decode(data: number[]): number[][] {
      const out: number[][] = [];
      let line = 0;
      let char = 0;
      for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
        out.push([line, char, data[i + 2], data[i + 3], data[i + 4]]);
      }
      return out;
    }

    let held: ReturnType<typeof heldClient>;
    afterEach(() => held?.client.stop());

    it('while the review of an edit is held up, hover, code actions, semantic tokens and completion answer at once from the previous one, in today\'s positions', async () => {
      held = heldClient();
      const { client } = held;
      await client.start();
      const uri = uriOf('held');
      const published = await client.open(uri, WEAK);
      const finding = published.diagnostics.find((d) => d.code === 'vague-wording')!;
      assert.ok(finding, 'the example has a vague-wording finding');
      const before = {
        hover: await client.request<{ contents: { value: string }; range?: unknown }>('textDocument/hover', { textDocument: { uri }, position: finding.range.start }),
        actions: await client.request<Array<{ title: string; edit: { documentChanges: Array<{ textDocument: { version: number }; edits: Array<{ range: any; newText?: string }> }> } }>>(
          'textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } }),
        tokens: (await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } })).data,
      };
      // Settings are pulled again (and held), then two lines are typed above everything.
      held.hold();
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      change(client, uri, 2, PREFIX + WEAK);
      await client.settle();

      const hover = await client.request<{ contents: { value: string }; range?: unknown }>('textDocument/hover', { textDocument: { uri }, position: shifted(finding.range.start) });
      assert.equal(hover?.contents.value, before.hover.contents.value, 'the same hover, two lines further down');
      assert.deepEqual(hover.range, before.hover.range ? shiftRange(before.hover.range as any) : undefined);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }), null, 'nothing is known yet about the new text');

      const actions = await client.request<typeof before.actions>('textDocument/codeAction', { textDocument: { uri }, range: shiftRange(finding.range), context: { diagnostics: [finding] } });
      assert.deepEqual(actions.map((a) => a.title), before.actions.map((a) => a.title), 'the same quick fixes');
      for (const [i, a] of actions.entries()) {
        const edits = a.edit.documentChanges[0].edits;
        assert.equal(a.edit.documentChanges[0].textDocument.version, 2, 'edits name the current version');
        assert.deepEqual(edits.map((e) => e.range), before.actions[i].edit.documentChanges[0].edits.map((e) => shiftRange(e.range)), `${a.title}: edits moved two lines down`);
      }

      const tokens = decode((await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } })).data);
      assert.ok(tokens.length > 0);
      assert.deepEqual(tokens, decode(before.tokens).map(([l, ...rest]) => [l + 2, ...rest]));

      const partyLine = WEAK.split('\n').findIndex((l) => /^## 1\./.test(l)) + 2;
      const completion = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', { textDocument: { uri }, position: { line: partyLine, character: 0 } });
      assert.ok(completion.items.length > 0, 'defined terms are offered');

      assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1], 'no request started a review');
      const since = client.mark();
      held.release();
      await client.diagnostics(uri, 2, since);
      assert.deepEqual(client.reviews.filter((r) => r.uri === uri).map((r) => r.version), [1, 2]);
      await client.settle();
      assert.ok(client.serverRequests.some((r) => r.method === 'workspace/semanticTokens/refresh'), 'the client is told to ask for tokens again');
    });

    it('leaves out a quick fix whose edit would touch text changed since the review', async () => {
      held = heldClient();
      const { client } = held;
      await client.start();
      const uri = uriOf('held-fix');
      const published = await client.open(uri, WEAK);
      const finding = published.diagnostics.find((d) => d.code === 'vague-wording')!;
      const actions = await client.request<Array<{ title: string; edit?: { documentChanges: Array<{ edits: Array<{ range: any }> }> } }>>(
        'textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
      const replacing = actions.find((a) => a.edit?.documentChanges[0].edits.some((e) => e.range.start.line === finding.range.start.line && e.range.end.character > e.range.start.character));
      assert.ok(replacing, 'a fix that rewrites the flagged words');
      held.hold();
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      // One character typed inside the flagged words.
      const lines = WEAK.split('\n');
      const l = finding.range.start.line;
      const c = finding.range.start.character + 1;
      lines[l] = lines[l].slice(0, c) + 'x' + lines[l].slice(c);
      change(client, uri, 2, lines.join('\n'));
      await client.settle();
      const now = await client.request<typeof actions>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
      assert.ok(!now.some((a) => a.title === replacing.title), 'the fix on the edited words is not offered');
      held.release();
    });
  });

  describe('through the review worker', () => {
    let client: MemoryClient;
    let inThread: MemoryClient;
    afterEach(async () => { await client?.stop(); await inThread?.stop(); });

    it('reviews in the worker, incrementally, with the same findings as a review in the server\'s thread, and drops superseded versions', async () => {
      client = await new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 60_000 }).start();
      inThread = await new MemoryClient().start();
      const uri = uriOf('worker');
      const strip = (p: PublishParams) => p.diagnostics.map((d) => [d.code, d.message, d.range]);
      const opened = await client.open(uri, WEAK);
      assert.deepEqual(strip(opened), strip(await inThread.open(uri, WEAK)));
      const since = client.mark();
      change(client, uri, 2, WEAK + VAGUE);
      change(client, uri, 3, WEAK + VAGUE + VAGUE);
      const third = await client.diagnostics(uri, 3, since);
      assert.deepEqual(strip(third), strip(await inThread.change(uri, 2, WEAK + VAGUE + VAGUE)));
      assert.ok(third.diagnostics.filter((d) => d.code === 'vague-wording').length > opened.diagnostics.filter((d) => d.code === 'vague-wording').length);
      await client.settle();
      assert.deepEqual(client.notifications<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since).map((p) => p.version), [3]);
      assert.ok(!client.reviews.some((r) => r.uri === uri && r.version === 2), 'version 2 was never reviewed');
      const line = lineOf(WEAK + VAGUE + VAGUE, 'in a timely manner.');
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 10 } });
      assert.ok(hover, 'hover reads the review the worker made');
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0);
      assert.ok(!/failed/.test(client.stderr), client.stderr);
    });

    it('reads a schedule open in the editor for a contract reviewed in the worker', async () => {
      client = await new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 60_000 }).start();
      inThread = await new MemoryClient().start();
      const dir = path.join(ROOT, 'scratch', `bundle-${n++}`);
      const contract = pathToFileURL(path.join(dir, 'msa.md')).href;
      const schedule = pathToFileURL(path.join(dir, 'schedule-security.md')).href;
      // A link to a sibling file makes it part of the contract; the schedule exists only in the editor.
      const text = `${WEAK}\nSecurity requirements are set out in [Schedule 2](schedule-security.md).\n`;
      const scheduleText = '# Schedule 2: Security\n\nThe Supplier shall maintain an information security management system certified to ISO/IEC 27001, shall encrypt Customer Data at rest and in transit, and shall notify the Customer of any security breach within 24 hours.\n';
      for (const c of [client, inThread]) {
        c.notify('textDocument/didOpen', { textDocument: { uri: schedule, languageId: 'markdown', version: 1, text: scheduleText } });
      }
      const a = await client.open(contract, text);
      const b = await inThread.open(contract, text);
      assert.deepEqual(a.diagnostics.map((d) => d.message), b.diagnostics.map((d) => d.message), 'the same findings as in the server\'s thread, schedule included');
      const coverage = await client.request<{ coverage: Record<string, string> }>('clausewise/coverage', { uri: contract });
      const expected = await inThread.request<{ coverage: Record<string, string> }>('clausewise/coverage', { uri: contract });
      assert.deepEqual(coverage.coverage, expected.coverage);
      const without = await inThread.open(pathToFileURL(path.join(dir, 'alone.md')).href, text.replace('schedule-security.md', 'missing.md'));
      assert.notDeepEqual(without.diagnostics.map((d) => d.message), a.diagnostics.map((d) => d.message), 'the schedule changes the findings, so reading it shows');
    });

    it('a document closed while the worker reviews it is never published again', async () => {
      client = await new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 60_000 }).start();
      const uri = uriOf('worker-closed');
      await client.open(uri, WEAK);
      const since = client.mark();
      change(client, uri, 2, WEAK + VAGUE);
      await new Promise((r) => setTimeout(r, 30)); // the review is under way in the worker
      client.notify('textDocument/didClose', { textDocument: { uri } });
      await client.settle();
      await new Promise((r) => setTimeout(r, 500));
      const lengths = client.notifications<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since).map((p) => p.diagnostics.length);
      // With no wait before a review, a quick worker review may finish (and be published) before the
      // close is read: that is right. What must never happen is a publish after the close's empty list.
      assert.equal(lengths[lengths.length - 1], 0, `the close's empty list is the last publish (${lengths.join(', ')})`);
      assert.ok(lengths.length <= 2 && lengths.slice(0, -1).every((n) => n > 0), `at most the edit's own review before the close (${lengths.join(', ')})`);
    });
  });
});
