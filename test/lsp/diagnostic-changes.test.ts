/**
 * Diagnostic changes (server/src/lsp/diagnostics-json.ts, server.ts publishChanged, review-worker.ts;
 * client/src/diagnostic-changes.ts): a client that asks (initializationOptions.diagnosticChanges)
 * gets a document's diagnostics once in full, then `clausewise/diagnosticChanges`; applying each
 * change to the list it holds gives, after every edit, the list a client taking full publishes gets
 * for that version, in the server's thread and through the review worker, for edits awaited one by
 * one and for bursts whose earlier versions are never published. A client that does not ask gets
 * full publishes only.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DIAGNOSTIC_CHANGES_KEY } from '../../server/src/lsp/protocol';
import { DiagnosticLists, sendsDiagnosticChanges } from '../../client/src/diagnostic-changes';
import { MemoryClient, TEST_REVIEW_WORKER, type Received } from './memory';
import { propertyRuns, propertySeed } from '../support/property-runs';
import { CHANGES, PUBLISH, SETTINGS, WEAK, replayInBoth, sendRangeEdit, uriOf } from './diagnostic-changes-support';


interface Edit { at: number; remove: number; text: string }
interface ChangeParams { uri: string; version: number; previousVersion: number; changes: Array<{ start: number; deleteCount: number; diagnostics: unknown[] }> }

/** Sends an edit (offsets clamped to the text) and returns the new text. */
function sendEdit(c: MemoryClient, uri: string, version: number, text: string, e: Edit): string {
  const at = Math.min(e.at, text.length);
  return sendRangeEdit(c, uri, version, text, at, Math.min(text.length, at + e.remove), e.text);
}

/**
 * The list the client holds for `uri` once `version`'s diagnostics (full or change) have arrived:
 * every publish and change received for it replayed in order, as the VS Code client applies them.
 * Every change must apply to the list held (the server never sends one on another base).
 */
async function held(c: MemoryClient, uri: string, version: number, since: number): Promise<{ list: readonly unknown[]; fulls: number; changes: number }> {
  const hit = (r: Received): boolean => r.seq >= since && (r.method === PUBLISH || r.method === CHANGES) && (r.params as { uri: string }).uri === uri && (r.params as { version?: number }).version === version;
  const until = Date.now() + 60_000;
  while (!c.received.some(hit)) {
    if (Date.now() > until) throw new Error(`no diagnostics for v${version}\n${c.stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const lists = new DiagnosticLists<unknown>();
  let fulls = 0;
  let changes = 0;
  for (const r of c.received) {
    const p = r.params as { uri: string; version?: number };
    if (p?.uri !== uri) continue;
    if (r.method === PUBLISH) {
      lists.full(uri, p.version, (r.params as { diagnostics: unknown[] }).diagnostics);
      fulls++;
    } else if (r.method === CHANGES) {
      const cp = r.params as ChangeParams;
      const list = lists.change(uri, cp.previousVersion, cp.version, cp.changes.map((s) => ({ start: s.start, deleteCount: s.deleteCount, items: s.diagnostics })));
      assert.ok(list, `change v${cp.previousVersion} -> v${cp.version} applies to the list held`);
      changes++;
    }
    if (r.seq >= since && hit(r)) break;
  }
  return { list: lists.get(uri)!.list, fulls, changes };
}

/** The two clients' lists of `version` compared, the full one's as published. */
async function sameAfter(full: MemoryClient, delta: MemoryClient, uri: string, version: number, sinceFull: number, sinceDelta: number, label: string): Promise<{ fulls: number; changes: number }> {
  const expected = (await full.diagnostics(uri, version, sinceFull)).diagnostics;
  const got = await held(delta, uri, version, sinceDelta);
  assert.equal(JSON.stringify(got.list), JSON.stringify(expected), `${label}: the list held equals the full publish of v${version}`);
  return { fulls: got.fulls, changes: got.changes };
}

/** Edits of the weak contract: typed mid-line, lines added and removed above findings, a finding typed and taken out again. */
function scriptedEdits(text: string): Edit[] {
  const sla = text.indexOf('reasonable');
  const heading = text.indexOf('\n## ') + 1;
  return [
    { at: heading + 3, remove: 0, text: 'x' },
    { at: 0, remove: 0, text: 'Draft.\n\n' },
    { at: Math.max(0, sla), remove: 0, text: 'commercially ' },
    { at: text.length, remove: 0, text: '\n\nThe Supplier shall use reasonable efforts to comply.\n' },
    { at: heading + 8, remove: 1, text: '' },
    { at: 0, remove: 8, text: '' },
    { at: Math.floor(text.length / 2), remove: 0, text: '\n' },
  ];
}

describe('lsp: diagnostic changes for a client that asks', function () {
  this.timeout(300_000);
  const clients: MemoryClient[] = [];
  afterEach(async () => { for (const c of clients.splice(0)) await c.stop(); });

  const pair = async (worker: boolean, compact: boolean) => {
    const server = { reviewWorker: worker ? TEST_REVIEW_WORKER : undefined };
    const opts = { settings: SETTINGS, ...(compact ? { compactDiagnostics: true } : {}) };
    const full = await new MemoryClient({ server, timeout: 60_000, initializationOptions: opts }).start();
    const delta = await new MemoryClient({ server, timeout: 60_000, initializationOptions: { ...opts, diagnosticChanges: true } }).start();
    clients.push(full, delta);
    return { full, delta };
  };

  it('says so only to a client that asks, and sends changes only to it', async () => {
    const { full, delta } = await pair(false, false);
    assert.equal(sendsDiagnosticChanges(full.initializeResult), false);
    assert.equal(full.capabilities.experimental, undefined);
    assert.equal(sendsDiagnosticChanges(delta.initializeResult), true);
    assert.equal(delta.capabilities.experimental[DIAGNOSTIC_CHANGES_KEY], true);
    const uri = uriOf('changes-ask');
    await full.open(uri, WEAK);
    const s0 = full.mark();
    sendEdit(full, uri, 2, WEAK, { at: 0, remove: 0, text: 'Draft.\n\n' });
    await full.diagnostics(uri, 2, s0);
    assert.equal(full.notifications(CHANGES).length, 0);
  });

  for (const worker of [false, true]) {
    for (const compact of worker ? [true] : [false, true]) {
      const where = `${worker ? 'worker' : 'server\'s thread'}, ${compact ? 'compact' : 'whole'}`;
      it(`changes applied give the full publish's list after each edit (${where})`, async () => {
        const { full, delta } = await pair(worker, compact);
        const uri = uriOf(`changes-${worker ? 'worker' : 'thread'}`);
        let sf = full.mark(), sd = delta.mark();
        full.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: WEAK } });
        delta.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: WEAK } });
        const opened = await sameAfter(full, delta, uri, 1, sf, sd, 'open');
        assert.deepEqual(opened, { fulls: 1, changes: 0 }, 'the first publish is full');
        let text = WEAK;
        let version = 1;
        for (const e of scriptedEdits(WEAK)) {
          version++;
          sf = full.mark();
          sd = delta.mark();
          sendEdit(full, uri, version, text, e);
          text = sendEdit(delta, uri, version, text, e);
          await sameAfter(full, delta, uri, version, sf, sd, `edit ${JSON.stringify(e)}`);
        }
        const changes = delta.notifications<ChangeParams>(CHANGES, (p) => p.uri === uri);
        assert.ok(changes.length >= scriptedEdits(WEAK).length - 1, `edits after the first come as changes (${changes.length})`);
        // A change carries what changed, not the list: the line typed at moves only the findings after it on that line.
        const fullSize = JSON.stringify(full.notifications(PUBLISH, (p: { uri: string }) => p.uri === uri).at(-1)).length;
        assert.ok(JSON.stringify(changes[0]).length < fullSize / 2, 'a change is smaller than the full list');
      });
    }
  }

  it('after a burst of edits whose earlier versions are never published, the list held is the full publish\'s (worker)', async () => {
    const { full, delta } = await pair(true, true);
    const uri = uriOf('changes-burst');
    await full.open(uri, WEAK);
    await delta.open(uri, WEAK);
    let text = WEAK;
    let version = 1;
    for (let round = 0; round < 3; round++) {
      const sf = full.mark(), sd = delta.mark();
      for (const e of scriptedEdits(text).slice(round, round + 3)) {
        version++;
        sendEdit(full, uri, version, text, e);
        text = sendEdit(delta, uri, version, text, e);
      }
      await sameAfter(full, delta, uri, version, sf, sd, `burst ${round}`);
    }
    assert.ok(delta.notifications(CHANGES, (p: { uri: string }) => p.uri === uri).length > 0, 'changes were sent');
  });

  it('sends a change through the change of a review never published (a newer version came during it)', async () => {
    let delta!: MemoryClient;
    let text = WEAK;
    const uri = uriOf('changes-through');
    let typed = false;
    // During v2's review (between two of its steps), v3 is typed: v2's diagnostics are never published.
    const onReviewPause = (_uri: string, version: number): void => {
      if (version !== 2 || typed) return;
      typed = true;
      text = sendEdit(delta, uri, 3, text, { at: text.indexOf('\n## ') + 5, remove: 0, text: 'y' });
    };
    const full = await new MemoryClient({ timeout: 60_000, initializationOptions: { settings: SETTINGS } }).start();
    delta = await new MemoryClient({ server: { reviewWorker: undefined, reviewSliceMs: 0, onReviewPause }, timeout: 60_000, initializationOptions: { settings: SETTINGS, diagnosticChanges: true } }).start();
    clients.push(full, delta);
    await full.open(uri, WEAK);
    await delta.open(uri, WEAK);
    const sf = full.mark(), sd = delta.mark();
    const e2: Edit = { at: 0, remove: 0, text: 'Draft.\n\n' };
    sendEdit(full, uri, 2, WEAK, e2);
    text = sendEdit(delta, uri, 2, text, e2);
    await held(delta, uri, 3, sd);
    assert.ok(typed, 'v3 was typed during v2\'s review');
    const text2 = `Draft.\n\n${WEAK}`;
    sendEdit(full, uri, 3, text2, { at: text2.indexOf('\n## ') + 5, remove: 0, text: 'y' });
    await sameAfter(full, delta, uri, 3, sf, sd, 'v3');
    assert.equal(delta.notifications(PUBLISH, (p: { version?: number }) => p.version === 2, sd).length + delta.notifications<ChangeParams>(CHANGES, (p) => p.version === 2, sd).length, 0, 'v2 never published');
    const change = delta.notifications<ChangeParams>(CHANGES, (p) => p.version === 3, sd);
    assert.equal(change.length, 1, 'v3 came as a change');
    assert.equal(change[0].previousVersion, 1, 'on top of v1, through v2\'s change');
  });

  it('sends the whole list again when the client asks (clausewise/resendDiagnostics)', async () => {
    const { delta } = await pair(false, false);
    const uri = uriOf('changes-resend');
    const opened = await delta.open(uri, WEAK);
    const s1 = delta.mark();
    sendEdit(delta, uri, 2, WEAK, { at: 0, remove: 0, text: 'x' });
    await held(delta, uri, 2, s1);
    const s2 = delta.mark();
    delta.notify('clausewise/resendDiagnostics', { uri });
    const again = await delta.diagnostics(uri, 2, s2);
    assert.equal(again.diagnostics.length, opened.diagnostics.length);
    // And changes follow the full publish again.
    const s3 = delta.mark();
    sendEdit(delta, uri, 3, 'x' + WEAK, { at: 1, remove: 0, text: 'y' });
    const after = await held(delta, uri, 3, s3);
    assert.equal(after.list.length, opened.diagnostics.length);
    assert.equal(delta.notifications<ChangeParams>(CHANGES, (p) => p.version === 3, s3).length, 1);
  });

  for (const [worker, runs] of [[false, 12], [true, 3]] as const) it(`property: after random edit sequences, awaited or in bursts, the list held equals the full publish (${worker ? 'worker' : 'server\'s thread'})`, async () => {
    const { full, delta } = await pair(worker, true);
    const snippets = ['x', '\n', '\n\n', ' reasonable efforts', 'The Supplier shall use best endeavours.', '\n## 9. Audit\n\nThe Customer may audit the Supplier.\n', ''];
    const editArb = fc.record({ at: fc.nat(), remove: fc.nat({ max: 60 }), text: fc.constantFrom(...snippets), wait: fc.boolean() });
    await fc.assert(fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 8 }), async (edits) => {
      await replayInBoth(full, delta, 'changes-property', edits, (text, e) => {
        const at = e.at % (text.length + 1);
        return { from: at, to: Math.min(text.length, at + e.remove), insert: e.text };
      }, async (uri, version, sf, sd, i) => { await sameAfter(full, delta, uri, version, sf, sd, `edit ${i}`); });
    }), { numRuns: propertyRuns(runs), seed: propertySeed(14) });
    // Equal lists alone would hold for full publishes too: changes were applied.
    assert.ok(delta.notifications(CHANGES).length > 0, 'changes were sent');
  });
});
