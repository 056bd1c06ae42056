/**
 * The stdio gate tells when a message is partly read (server/src/lsp/gate.ts partlyRead): a job for
 * the review worker waits for such a message, a request arriving, instead of for a fixed time
 * (server/src/lsp/schedule.ts afterInputSince, issue 13 round sixteen).
 */
import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { gatedStdio } from '../../server/src/lsp/gate';

const framed = (m: object): Buffer => {
  const body = Buffer.from(JSON.stringify(m), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('lsp/gate: a message partly read', () => {
  it('is told from the first bytes of a message until its last, and not between whole messages', async () => {
    const input = new PassThrough();
    const gate = gatedStdio(input, new PassThrough(), () => undefined);
    const got: Message[] = [];
    gate.reader.listen((m) => got.push(m));
    assert.equal(gate.partlyRead(), false, 'nothing read');
    const hover = framed({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} });
    const change = framed({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///a.md', version: 2 }, contentChanges: [] } });
    // A whole message, then the first bytes of the next: its header only, then part of its body.
    input.write(Buffer.concat([change, hover.subarray(0, 20)]));
    await turn();
    assert.equal(gate.partlyRead(), true, 'part of a header read');
    const headerEnd = hover.indexOf('\r\n\r\n') + 4;
    input.write(hover.subarray(20, headerEnd));
    await turn();
    assert.equal(gate.partlyRead(), true, 'a header read, its body not yet');
    input.write(hover.subarray(headerEnd, headerEnd + 5));
    await turn();
    assert.equal(gate.partlyRead(), true, 'part of a body read');
    input.write(hover.subarray(headerEnd + 5));
    await turn();
    assert.equal(gate.partlyRead(), false, 'the message whole');
    assert.equal(got.length, 1, 'the change (a notification before initialize is dropped) and the initialize request: one passed');
    gate.reader.dispose();
  });
});
