/**
 * Line shifts in diagnostic changes (version 2; server/src/lsp/diagnostics-json.ts, server.ts,
 * review-worker.ts; client/src/diagnostic-changes.ts): a client whose option says
 * `diagnosticChanges: 2` is told 2 and may be sent `{ start, count, lineDelta }` steps; applying every
 * change (with the shifts) to the list it holds gives, after every edit, exactly the full publish
 * another client gets, for random edits that type line breaks, paste blocks of lines, delete lines,
 * join lines and type characters, awaited one by one or in bursts, in the server's thread and through
 * the review worker. A client that says `true` is told `true` and never sent a shift.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DIAGNOSTIC_CHANGES_KEY } from '../../server/src/lsp/protocol';
import { changesOf, DiagnosticLists, movedLspDiagnostic, type WireChange } from '../../client/src/diagnostic-changes';
import { MemoryClient, TEST_REVIEW_WORKER, type Received } from './memory';
import { propertyRuns, propertySeed } from '../support/property-runs';
import { CHANGES, PUBLISH, SETTINGS, WEAK, replayInBoth, sendRangeEdit, uriOf } from './diagnostic-changes-support';


type Lsp = Parameters<typeof movedLspDiagnostic>[0];
interface ChangeParams { uri: string; version: number; previousVersion: number; changes: Array<WireChange<Lsp>> }
interface Edit { from: number; to: number; text: string }

function sendEdit(c: MemoryClient, uri: string, version: number, text: string, e: Edit): string {
  return sendRangeEdit(c, uri, version, text, e.from, e.to, e.text);
}

/** Offsets where the text's lines start. */
const lineStarts = (text: string): number[] => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];

/** An edit of `kind` at `pick` (a fraction 0..1 of the text, or of its lines), made on `text`. */
function editOf(text: string, kind: string, pick: number, block: string): Edit {
  const at = Math.floor(pick * (text.length + 1)) % (text.length + 1);
  const starts = lineStarts(text);
  const line = Math.floor(pick * starts.length) % starts.length;
  const lineStart = starts[line];
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
  switch (kind) {
    case 'break': return { from: at, to: at, text: '\n' };
    case 'paragraph': return { from: at, to: at, text: '\n\n' };
    // A block of lines pasted at a line's start.
    case 'paste': return { from: lineStart, to: lineStart, text: block };
    // A whole line (with its line break) deleted, or two.
    case 'delete-line': return { from: lineStart, to: lineEnd, text: '' };
    case 'delete-lines': return { from: lineStart, to: line + 2 < starts.length ? starts[line + 2] : text.length, text: '' };
    // A line joined to the next.
    case 'join': return lineEnd > lineStart && text[lineEnd - 1] === '\n' ? { from: lineEnd - 1, to: lineEnd, text: '' } : { from: at, to: at, text: 'x' };
    default: return { from: at, to: at, text: 'x' };
  }
}

/**
 * The list the client holds for `uri` once `version`'s diagnostics have arrived: every publish and
 * change received for it replayed in order, shifts applied as the bench's and lsp-trace's clients do.
 */
async function held(c: MemoryClient, uri: string, version: number, since: number): Promise<readonly Lsp[]> {
  const hit = (r: Received): boolean => r.seq >= since && (r.method === PUBLISH || r.method === CHANGES) && (r.params as { uri: string }).uri === uri && (r.params as { version?: number }).version === version;
  const until = Date.now() + 60_000;
  while (!c.received.some(hit)) {
    if (Date.now() > until) throw new Error(`no diagnostics for v${version}\n${c.stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const lists = new DiagnosticLists<Lsp>(movedLspDiagnostic);
  for (const r of c.received) {
    const p = r.params as { uri: string; version?: number };
    if (p?.uri !== uri) continue;
    if (r.method === PUBLISH) lists.full(uri, p.version, (r.params as { diagnostics: Lsp[] }).diagnostics);
    else if (r.method === CHANGES) {
      const cp = r.params as ChangeParams;
      assert.ok(lists.change(uri, cp.previousVersion, cp.version, changesOf(cp.changes, (ds) => ds)), `change v${cp.previousVersion} -> v${cp.version} applies to the list held`);
    }
    if (hit(r)) break;
  }
  return lists.get(uri)!.list;
}

const shiftsOf = (c: MemoryClient, uri?: string): Array<WireChange<Lsp>> =>
  c.notifications<ChangeParams>(CHANGES, (p) => uri === undefined || p.uri === uri).flatMap((p) => p.changes.filter((x) => x.lineDelta !== undefined));

describe('lsp: line shifts in diagnostic changes for a client of version 2', function () {
  this.timeout(300_000);
  const clients: MemoryClient[] = [];
  afterEach(async () => { for (const c of clients.splice(0)) await c.stop(); });

  const started = async (worker: boolean, changes: unknown) => {
    const c = await new MemoryClient({ server: { reviewWorker: worker ? TEST_REVIEW_WORKER : undefined }, timeout: 60_000, initializationOptions: { settings: SETTINGS, compactDiagnostics: true, ...(changes === undefined ? {} : { diagnosticChanges: changes }) } }).start();
    clients.push(c);
    return c;
  };

  it('is told version 2 and sent a shift for a line break, while a client saying true is told true and sent none', async () => {
    const v1 = await started(false, true);
    const v2 = await started(false, 2);
    assert.equal(v1.capabilities.experimental[DIAGNOSTIC_CHANGES_KEY], true);
    assert.equal(v2.capabilities.experimental[DIAGNOSTIC_CHANGES_KEY], 2);
    const uri = uriOf('shift-versions');
    const opened = await v1.open(uri, WEAK);
    await v2.open(uri, WEAK);
    const lastLine = Math.max(...opened.diagnostics.map((d) => d.range.start.line));
    const at = lineStarts(WEAK)[Math.floor(lastLine / 2)];
    const s1 = v1.mark(), s2 = v2.mark();
    sendEdit(v1, uri, 2, WEAK, { from: at, to: at, text: '\n\n' });
    sendEdit(v2, uri, 2, WEAK, { from: at, to: at, text: '\n\n' });
    const [l1, l2] = [await held(v1, uri, 2, s1), await held(v2, uri, 2, s2)];
    assert.equal(JSON.stringify(l2), JSON.stringify(l1));
    assert.equal(shiftsOf(v1).length, 0, 'version 1: splices only');
    const shifts = shiftsOf(v2);
    assert.ok(shifts.length > 0 && shifts.every((x) => x.lineDelta === 2), JSON.stringify(shifts));
    const bytes = (c: MemoryClient) => JSON.stringify(c.notifications(CHANGES).at(-1)).length;
    assert.ok(bytes(v2) * 4 < bytes(v1), `version 2's change ${bytes(v2)} bytes, version 1's ${bytes(v1)}`);
  });

  for (const [worker, runs] of [[false, 12], [true, 3]] as const) it(`property: after random line breaks, pasted blocks, deleted and joined lines and characters, the list held equals the full publish (${worker ? 'worker' : 'server\'s thread'})`, async () => {
    const full = await started(worker, undefined);
    const delta = await started(worker, 2);
    const blocks = ['One pasted line.\n', 'The Supplier shall use reasonable efforts.\nAs soon as practicable.\n\n', '\n## 9. Audit\n\nThe Customer may audit the Supplier.\n\n', '- a list item\n- another\n'];
    const editArb = fc.record({
      kind: fc.constantFrom('break', 'paragraph', 'paste', 'delete-line', 'delete-lines', 'join', 'char'),
      pick: fc.double({ min: 0, max: 1, noNaN: true }),
      block: fc.constantFrom(...blocks),
      wait: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 8 }), async (edits) => {
      await replayInBoth(full, delta, 'shift-property', edits, (text, e) => {
        const edit = editOf(text, e.kind, e.pick, e.block);
        return { from: edit.from, to: edit.to, insert: edit.text };
      }, async (uri, version, sf, sd, i, e) => {
        const expected = (await full.diagnostics(uri, version, sf)).diagnostics;
        const got = await held(delta, uri, version, sd);
        assert.equal(JSON.stringify(got), JSON.stringify(expected), `after edit ${i} (${e.kind}): the list held equals the full publish of v${version}`);
      });
    }), { numRuns: propertyRuns(runs), seed: propertySeed(15) });
    // Equal lists alone would hold for splices only: shifts were sent and applied.
    assert.ok(shiftsOf(delta).length > 0, 'shifts were sent');
  });
});
