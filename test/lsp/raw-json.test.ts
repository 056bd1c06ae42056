/**
 * Diagnostics made into JSON in the review worker (server/src/lsp/raw-json.ts): the message the
 * stdio writer sends is the same JSON as the one made from the objects, and the parameters read
 * the same diagnostics back for any other writer.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { messageJson, publishParamsFromJson } from '../../server/src/lsp/raw-json';

const d = (line: number, message: string): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 4 } }, severity: 2, source: 'clausewise', code: 'vague-wording', message: `${message} "quoted" \u2013 é`,
});
const notification = (params: unknown) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });

describe('lsp: diagnostics as JSON made in advance', () => {
  it('writes the same message as serialising the objects', () => {
    const diagnostics = [d(1, 'one'), d(7, 'two')];
    const params = publishParamsFromJson('file:///a%20b.md', 3, JSON.stringify(diagnostics));
    const expected = JSON.stringify(notification({ uri: 'file:///a%20b.md', version: 3, diagnostics }));
    assert.equal(messageJson(notification(params)), expected);
    assert.deepEqual(JSON.parse(messageJson(notification(params))), JSON.parse(expected));
  });

  it('reads the diagnostics back for a writer that serialises the object itself', () => {
    const diagnostics = [d(1, 'one')];
    const params = publishParamsFromJson('file:///a.md', 2, JSON.stringify(diagnostics));
    assert.deepEqual(params.diagnostics, diagnostics);
    assert.deepEqual(JSON.parse(JSON.stringify(notification(params))), notification({ uri: 'file:///a.md', version: 2, diagnostics }));
  });

  it('puts diagnostics made in the server\'s thread first, also before an empty list', () => {
    const first = [d(0, 'config')];
    for (const rest of [[], [d(4, 'finding')]]) {
      const params = publishParamsFromJson('file:///a.md', 5, JSON.stringify(rest), first);
      assert.deepEqual(JSON.parse(messageJson(notification(params))).params.diagnostics, [...first, ...rest]);
      assert.deepEqual(params.diagnostics, [...first, ...rest]);
    }
  });

  it('leaves every other message to JSON.stringify', () => {
    const m = notification({ uri: 'file:///a.md', diagnostics: [d(2, 'x')] });
    assert.equal(messageJson(m), JSON.stringify(m));
  });
});
