/**
 * The stdio writer's kept output buffer (server/src/lsp/output-buffer.ts, used by gate.ts on pipes
 * and sockets): messages written back to back, large and small, reach a reader that falls behind
 * intact and in order, byte for byte what serialising each message gives; on an in-memory stream
 * the buffer is never reused.
 */
import { strict as assert } from 'node:assert';
import { createServer, connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Diagnostic, NotificationMessage } from 'vscode-languageserver/node';
import { gatedStdio } from '../../server/src/lsp/gate';
import { reusingEncoder } from '../../server/src/lsp/output-buffer';
import { jsonBytes, messageJson, messageParts, publishParamsFromJson } from '../../server/src/lsp/raw-json';

/** A notification of about `size` characters, different for each `n` (with non-ASCII text). */
function message(n: number, size: number): NotificationMessage {
  const filler = `${n} obligation \u2013 \u00e9t\u00e9 `.repeat(Math.ceil(size / 20)).slice(0, size);
  return { jsonrpc: '2.0', method: 'test/message', params: { n, filler } };
}

/** The Content-Length framed messages in `bytes`, as JSON text. */
function frames(bytes: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    const length = Number(/Content-Length: (\d+)/.exec(bytes.subarray(at, end).toString('ascii'))![1]);
    out.push(bytes.subarray(end + 4, end + 4 + length).toString('utf8'));
    at = end + 4 + length;
  }
  return out;
}

describe('lsp: the kept output buffer of the stdio writer', () => {
  it('delivers large messages written back to back to a slow reader over a socket, intact and in order', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'clausewise-out-'));
    const path = join(dir, 'sock');
    let received: Socket | undefined;
    const server = createServer((s) => { received = s; s.pause(); });
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const out = connect(path);
      await new Promise<void>((resolve) => out.once('connect', resolve));
      while (!received) await new Promise((r) => setTimeout(r, 5));
      const gate = gatedStdio(new PassThrough(), out, () => undefined);
      // Sizes that shrink and grow, so the kept buffer is both reused and replaced; far more than a
      // socket's kernel buffer, so writes wait for the reader while later messages are queued.
      const sizes = [300_000, 40_000, 1_000, 2_000_000, 250_000, 17_000, 600_000, 100, 900_000, 300_000];
      const messages = sizes.map((size, n) => message(n, size));
      const written = Promise.all(messages.map((m) => gate.writer.write(m)));
      // The reader starts late and reads in small steps.
      await new Promise((r) => setTimeout(r, 100));
      const chunks: Buffer[] = [];
      received!.on('data', (c: Buffer) => chunks.push(c));
      received!.resume();
      await written;
      out.end();
      await new Promise((resolve) => received!.once('end', resolve));
      assert.deepEqual(frames(Buffer.concat(chunks)), messages.map((m) => JSON.stringify(m)));
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes diagnostics made as UTF-8 bytes between the message\'s head and tail, small and large, as JSON.stringify would', async () => {
    const encoder = reusingEncoder(messageParts);
    const diagnostic = (i: number): Diagnostic => ({ range: { start: { line: i, character: 0 }, end: { line: i, character: 3 } }, severity: 3, source: 'clausewise', code: 'vague-wording', message: `n\u00b0 ${i} \u2013 \u201cpromptly\u201d`, data: { category: 'drafting' } });
    for (const count of [1, 3_000, 0, 40, 3_000]) {
      const diagnostics = Array.from({ length: count }, (_, i) => diagnostic(i));
      for (const first of [[], [diagnostic(-1)]] as Diagnostic[][]) {
        const params = publishParamsFromJson('file:///x%20y.md', count, jsonBytes(JSON.stringify(diagnostics)), first);
        const m = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
        const bytes = await encoder.encode(m, { charset: 'utf-8' });
        assert.equal(Buffer.from(bytes).toString('utf8'), JSON.stringify({ ...m, params: { uri: 'file:///x%20y.md', version: count, diagnostics: [...first, ...diagnostics] } }), `${count} diagnostics, ${first.length} first`);
      }
    }
  });

  it('encodes as JSON.stringify in UTF-8, small messages and large', async () => {
    const encoder = reusingEncoder(messageJson);
    for (const size of [10, 20_000, 300_000, 20_000]) {
      const m = message(size, size);
      const bytes = await encoder.encode(m, { charset: 'utf-8' });
      assert.equal(Buffer.from(bytes).toString('utf8'), JSON.stringify(m));
    }
  });
});
