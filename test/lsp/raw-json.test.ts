/**
 * Diagnostics made into JSON in the review worker (server/src/lsp/raw-json.ts): the message the
 * stdio writer sends is the same JSON as the one made from the objects, and the parameters read
 * the same diagnostics back for any other writer; whether the JSON comes as text or as the UTF-8
 * bytes the worker sends.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { asText, jsonBytes, messageJson, messageParts, publishParamsFromJson, type JsonText } from '../../server/src/lsp/raw-json';

const d = (line: number, message: string): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 4 } }, severity: 2, source: 'clausewise', code: 'vague-wording', message: `${message} "quoted" \u2013 é`,
});
const notification = (params: unknown) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });

/** The JSON of diagnostics as text, or as the UTF-8 bytes the worker sends. */
const FORMS: Array<[string, (json: string) => JsonText]> = [['text', (j) => j], ['UTF-8 bytes', jsonBytes]];

describe('lsp: diagnostics as JSON made in advance', () => {
  for (const [form, made] of FORMS) {
    it(`writes the same message as serialising the objects (${form})`, () => {
      const diagnostics = [d(1, 'one'), d(7, 'two')];
      const params = publishParamsFromJson('file:///a%20b.md', 3, made(JSON.stringify(diagnostics)));
      const expected = JSON.stringify(notification({ uri: 'file:///a%20b.md', version: 3, diagnostics }));
      assert.equal(messageJson(notification(params)), expected);
      assert.deepEqual(JSON.parse(messageJson(notification(params))), JSON.parse(expected));
      // In pieces, the bytes made elsewhere stay a piece of their own.
      const parts = messageParts(notification(params));
      assert.equal(parts.map((p) => Buffer.from(asText(p))).reduce((a, b) => Buffer.concat([a, b])).toString('utf8'), expected);
      if (form !== 'text') assert.ok(parts.some((p) => p instanceof Uint8Array));
    });

    it(`reads the diagnostics back for a writer that serialises the object itself (${form})`, () => {
      const diagnostics = [d(1, 'one')];
      const params = publishParamsFromJson('file:///a.md', 2, made(JSON.stringify(diagnostics)));
      assert.deepEqual(params.diagnostics, diagnostics);
      assert.deepEqual(JSON.parse(JSON.stringify(notification(params))), notification({ uri: 'file:///a.md', version: 2, diagnostics }));
    });

    it(`puts diagnostics made in the server's thread first, also before an empty list (${form})`, () => {
      const first = [d(0, 'config')];
      for (const rest of [[], [d(4, 'finding')]]) {
        const params = publishParamsFromJson('file:///a.md', 5, made(JSON.stringify(rest)), first);
        assert.deepEqual(JSON.parse(messageJson(notification(params))).params.diagnostics, [...first, ...rest]);
        assert.deepEqual(params.diagnostics, [...first, ...rest]);
      }
    });
  }

  it('leaves every other message to JSON.stringify', () => {
    const m = notification({ uri: 'file:///a.md', diagnostics: [d(2, 'x')] });
    assert.equal(messageJson(m), JSON.stringify(m));
    assert.deepEqual(messageParts(m), [JSON.stringify(m)]);
  });
});
