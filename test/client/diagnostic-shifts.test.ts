// Line shifts of diagnostic changes (version 2) applied by the clients (client/src/diagnostic-changes.ts,
// client/src/moved-diagnostic.ts): a shift makes moved copies of the diagnostics it names, the list
// handed out before stays as it was; a shift that does not fit, or that a client of version 1 (no
// `move`) gets, is refused and the whole list asked for; and the VS Code client's moved diagnostic
// is vscode-languageclient's own kind, read back by its converter (code actions' context) with its
// data and the moved range. The VS Code parts run against a small stand-in for the `vscode` module
// whose Range, Position and Diagnostic behave as VS Code's (immutable ranges, plain fields), with
// vscode-languageclient's real converters loaded over it.
import { strict as assert } from 'node:assert';
import Module from 'node:module';
import * as path from 'node:path';
import {
  applySplices, changesOf, DIAGNOSTIC_CHANGES_OPTION, diagnosticChangesSent, DiagnosticLists, DiagnosticsReceiver, movedLspDiagnostic,
  sendsDiagnosticChanges, type Change, type ReceiverHost,
} from '../../client/src/diagnostic-changes';
import { DIAGNOSTIC_CHANGES_KEY } from '../../server/src/lsp/protocol';

class Position {
  constructor(private readonly _line: number, private readonly _character: number) {
    if (_line < 0 || _character < 0) throw new Error('Illegal argument');
  }
  get line(): number { return this._line; }
  get character(): number { return this._character; }
}
class Range {
  private readonly _start: Position;
  private readonly _end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this._start = typeof a === 'number' ? new Position(a, b as number) : a;
    this._end = typeof a === 'number' ? new Position(c!, d!) : b as Position;
  }
  get start(): Position { return this._start; }
  get end(): Position { return this._end; }
}
class Diagnostic {
  source?: string;
  code?: unknown;
  relatedInformation?: unknown[];
  tags?: number[];
  constructor(public range: Range, public message: string, public severity = 0) {}
}
class Uri {
  constructor(private readonly text: string) {}
  static parse(text: string): Uri { return new Uri(text); }
  toString(): string { return this.text; }
}
const vscodeStub = new Proxy<Record<string, unknown>>({ Position, Range, Diagnostic, Uri, DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 } }, {
  // Classes vscode-languageclient extends when it loads (CompletionItem, CodeLens, ...): empty ones.
  get: (target, name) => (typeof name === 'string' && !(name in target) ? (target[name] = /^[A-Z]/.test(name) ? class {} : {}) : target[name as string]),
});
const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = M._load;
M._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscodeStub : load.call(this, request, ...rest);
};
// vscode-languageclient's own converters, by path (the package exports only its entry points).
const common = path.join(__dirname, '..', '..', 'node_modules', 'vscode-languageclient', 'lib', 'common');
const { movedDiagnostic } = require('../../client/src/moved-diagnostic') as typeof import('../../client/src/moved-diagnostic');
const p2c = (require(path.join(common, 'protocolConverter.js')) as { createConverter: (...a: unknown[]) => { asDiagnostic(d: unknown): Diagnostic } }).createConverter(undefined, true, true);
const c2p = (require(path.join(common, 'codeConverter.js')) as { createConverter: (...a: unknown[]) => { asDiagnostic(d: Diagnostic): unknown } }).createConverter();
const { ProtocolDiagnostic } = require(path.join(common, 'protocolDiagnostic.js')) as { ProtocolDiagnostic: new (...a: unknown[]) => Diagnostic };
M._load = load;

type Lsp = Parameters<typeof movedLspDiagnostic>[0] & { message: string };
const lsp = (line: number, message: string, endLine = line): Lsp => ({ range: { start: { line, character: 2 }, end: { line: endLine, character: 7 } }, message });

describe('client: line shifts of diagnostic changes applied', () => {
  it('asks for version 2 and reads the version the server sends, true being 1', () => {
    assert.equal(DIAGNOSTIC_CHANGES_OPTION, 2);
    const said = (v: unknown) => ({ capabilities: { experimental: { [DIAGNOSTIC_CHANGES_KEY]: v } } });
    assert.deepEqual([true, 2, 3, 1, 'yes', undefined].map((v) => diagnosticChangesSent(said(v))), [1, 2, 3, 0, 0, 0]);
    assert.equal(sendsDiagnosticChanges(said(2)), true);
  });

  it('applies a shift as moved copies, forward in one pass and after a splice that goes back, the old list unchanged', () => {
    const list = [lsp(0, 'a'), lsp(2, 'b'), lsp(3, 'c', 5), lsp(9, 'd')];
    const before = JSON.stringify(list);
    const out = applySplices<Lsp>(list, [{ start: 1, deleteCount: 1, items: [lsp(1, 'B')] }, { start: 2, count: 2, lineDelta: 3 }], movedLspDiagnostic)!;
    assert.deepEqual(out.map((d) => [d.message, d.range.start.line, d.range.end.line, d.range.start.character, d.range.end.character]), [['a', 0, 0, 2, 7], ['B', 1, 1, 2, 7], ['c', 6, 8, 2, 7], ['d', 12, 12, 2, 7]]);
    assert.equal(JSON.stringify(list), before, 'the list held before is as it was');
    assert.equal(out[0], list[0], 'what did not move is the same object');
    // A shift up, then a splice before it (applied one by one).
    const back = applySplices<Lsp>(list, [{ start: 2, count: 2, lineDelta: -1 }, { start: 0, deleteCount: 1, items: [] }], movedLspDiagnostic)!;
    assert.deepEqual(back.map((d) => [d.message, d.range.start.line]), [['b', 2], ['c', 2], ['d', 8]]);
    assert.equal(JSON.stringify(list), before);
    // An empty shift changes nothing.
    assert.deepEqual(applySplices<Lsp>(list, [{ start: 4, count: 0, lineDelta: 1 }], movedLspDiagnostic), list);
  });

  it('refuses a shift that does not fit: past the end, before the first line, malformed, or without a way to move (a client of version 1)', () => {
    const list = [lsp(0, 'a'), lsp(2, 'b')];
    const refused: Array<Change<Lsp>> = [
      { start: 1, count: 2, lineDelta: 1 },
      { start: 0, count: 2, lineDelta: -1 },
      { start: 0, count: 1.5, lineDelta: 1 },
      { start: 0, count: -1, lineDelta: 1 },
      { start: 0, count: 1, lineDelta: 0.5 },
      { start: -1, count: 1, lineDelta: 1 },
    ];
    for (const s of refused) assert.equal(applySplices(list, [s], movedLspDiagnostic), undefined, JSON.stringify(s));
    assert.equal(applySplices(list, [{ start: 1, deleteCount: 0, items: [] }, { start: 0, count: 1, lineDelta: -1 }], movedLspDiagnostic), undefined, 'one by one too');
    assert.equal(applySplices(list, [{ start: 0, count: 1, lineDelta: 1 }]), undefined, 'no move');
    const v1 = new DiagnosticLists<Lsp>();
    v1.full('u', 1, list);
    assert.equal(v1.change('u', 1, 2, [{ start: 0, count: 1, lineDelta: 1 }]), undefined);
    const v2 = new DiagnosticLists<Lsp>(movedLspDiagnostic);
    v2.full('u', 1, list);
    assert.deepEqual(v2.change('u', 1, 2, [{ start: 1, count: 1, lineDelta: 4 }])!.map((d) => d.range.start.line), [0, 6]);
  });

  it('reads a change\'s steps as they arrive: a shift is the one with lineDelta', () => {
    const read = changesOf<string, string>([{ start: 0, deleteCount: 1, diagnostics: ['x'] }, { start: 1, count: 3, lineDelta: -2 }], (ds) => ds.map((d) => d.toUpperCase()));
    assert.deepEqual(read, [{ start: 0, deleteCount: 1, items: ['X'] }, { start: 1, count: 3, lineDelta: -2 }]);
  });

  it('the VS Code client moves a diagnostic as a copy of vscode-languageclient\'s kind, which its converter reads back with the data and the moved range', () => {
    const sent = {
      range: { start: { line: 40, character: 3 }, end: { line: 41, character: 12 } }, severity: 2, source: 'clausewise',
      code: 'vague-wording', codeDescription: { href: 'https://example.invalid/rules/vague-wording.md' }, message: 'Vague.',
      data: { category: 'drafting', clauseIds: ['sla-credits'] }, tags: [1],
    };
    const d = p2c.asDiagnostic(sent);
    assert.ok(d instanceof ProtocolDiagnostic);
    const moved = movedDiagnostic(d as never, 5) as unknown as Diagnostic;
    assert.ok(moved instanceof ProtocolDiagnostic, 'the same kind: code actions send its data back');
    assert.notEqual(moved, d);
    assert.deepEqual([d.range.start.line, d.range.end.line], [40, 41], 'the original is as it was');
    assert.deepEqual([moved.range.start.line, moved.range.start.character, moved.range.end.line, moved.range.end.character], [45, 3, 46, 12]);
    const back = c2p.asDiagnostic(moved) as typeof sent;
    const expected = c2p.asDiagnostic(p2c.asDiagnostic({ ...sent, range: { start: { line: 45, character: 3 }, end: { line: 46, character: 12 } } })) as typeof sent;
    assert.deepEqual(back, expected, 'read back as the diagnostic sent at the new lines would be');
    assert.deepEqual(back.data, sent.data);
    assert.equal(movedDiagnostic(d as never, -41), undefined, 'not before the first line');
    assert.deepEqual((movedDiagnostic(d as never, -40) as unknown as Diagnostic).range.start.line, 0);
  });

  it('the VS Code client\'s receiver applies a shift to the list it shows, and one it cannot apply asks for the whole list', async () => {
    const shown: Array<readonly Diagnostic[]> = [];
    const resent: string[] = [];
    const host: ReceiverHost<unknown, Diagnostic> = {
      convertAll: async (ds) => ds.map((x) => p2c.asDiagnostic(x)),
      convertSome: (ds) => ds.map((x) => p2c.asDiagnostic(x)),
      move: movedDiagnostic as never,
      show: (_uri, list) => { shown.push(list); },
      resend: (uri) => { resent.push(uri); },
      log: () => undefined,
    };
    const r = new DiagnosticsReceiver(host);
    const at = (line: number, message: string) => ({ range: { start: { line, character: 0 }, end: { line, character: 4 } }, severity: 2, message, data: { category: 'drafting' } });
    await r.published({ uri: 'u', version: 1, diagnostics: [at(1, 'a'), at(3, 'b'), at(8, 'c')] });
    await r.changed({ uri: 'u', version: 2, previousVersion: 1, changes: [{ start: 1, deleteCount: 0, diagnostics: [at(2, 'new')] }, { start: 2, count: 2, lineDelta: 1 }] });
    assert.deepEqual(shown.map((l) => l.map((d) => `${d.message}@${d.range.start.line}`)), [['a@1', 'b@3', 'c@8'], ['a@1', 'new@2', 'b@4', 'c@9']]);
    assert.ok(shown[1].every((d) => d instanceof ProtocolDiagnostic));
    assert.equal(shown[1][0], shown[0][0], 'what did not move is the same object');
    await r.changed({ uri: 'u', version: 3, previousVersion: 2, changes: [{ start: 3, count: 2, lineDelta: 1 }] });
    assert.deepEqual(resent, ['u'], 'a shift past the end');
    // Without `move` (a client of version 1), a shift is refused.
    const v1 = new DiagnosticsReceiver<unknown, Diagnostic>({ ...host, move: undefined });
    await v1.published({ uri: 'v', version: 1, diagnostics: [at(1, 'a')] });
    await v1.changed({ uri: 'v', version: 2, previousVersion: 1, changes: [{ start: 0, count: 1, lineDelta: 1 }] });
    assert.deepEqual(resent, ['u', 'v']);
  });
});
