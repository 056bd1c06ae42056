/** The language server keeps to the LSP lifecycle and never shows an exception's text to the client. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient as Client } from '../lsp/memory';

const INIT = { processId: null, rootUri: null, capabilities: {} };

async function errorOf(p: Promise<unknown>): Promise<{ code: number; message: string } | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return e as { code: number; message: string };
  }
}

describe('robust: the language server by the spec', function () {
  this.timeout(60000);

  // Exit codes and the stdio streams themselves: ../lsp/stdio.test.ts.
  it('answers -32002 before initialize and InvalidRequest after shutdown', async () => {
    const client = new Client();
    const early = await errorOf(client.request('textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } }));
    assert.equal(early?.code, -32002, JSON.stringify(early));
    const init = await client.request<{ capabilities: object }>('initialize', INIT);
    assert.ok(init.capabilities);
    assert.equal((await errorOf(client.request('initialize', INIT)))?.code, -32600, 'a second initialize');
    client.notify('initialized', {});
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.md' } }), []);
    assert.equal(await client.request('shutdown', null), null);
    const late = await errorOf(client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.md' } }));
    assert.equal(late?.code, -32600, JSON.stringify(late));
    await client.stop();
  });

  it('never puts an exception\'s text in an error reply, whatever the params', async () => {
    const client = await new Client().start();
    try {
      const methods = ['textDocument/hover', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/foldingRange',
        'textDocument/definition', 'textDocument/references', 'textDocument/rename', 'textDocument/prepareRename', 'textDocument/completion',
        'textDocument/documentLink', 'textDocument/semanticTokens/full', 'clausewise/coverage', 'clausewise/renderClause', 'clausewise/exportReport'];
      const replies: string[] = [];
      for (const method of methods) {
        for (const params of [null, {}, { textDocument: null, position: null, range: null, context: null }, { textDocument: { uri: 42 } }]) {
          const e = await errorOf(client.request(method, params));
          if (e) replies.push(`${method} ${JSON.stringify(params)}: ${e.code} ${e.message}`);
        }
      }
      if (process.env.SHOW_REPLIES) console.log(replies.join("\n"));
      assert.ok(replies.some((r) => r.startsWith('textDocument/hover null: -32602 ')), replies.join('\n'));
      for (const r of replies) assert.doesNotMatch(r, /Cannot read|TypeError|undefined|null \(reading|\bat \S+ \(/, r);
      // The server is still there.
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.md' } }), []);
    } finally {
      await client.stop();
    }
  });

  it('a FIFO named .clausewise.yaml gives an invalid-config diagnostic, not a hang', async function () {
    if (process.platform === 'win32' || spawnSync('mkfifo', ['--help'], { stdio: 'ignore' }).error) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-lsp-fifo-'));
    try {
      spawnSync('mkfifo', [path.join(dir, '.clausewise.yaml')]);
      const client = await new Client().start({ rootUri: pathToFileURL(dir).href });
      try {
        const uri = pathToFileURL(path.join(dir, 'msa.md')).href;
        await client.open(uri, '---\nclausewise:\n  review: true\n---\n# Services Agreement\n\nThe Supplier shall provide the Services.\n');
        const diags = client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? [];
        const config = diags.find((d) => d.code === 'invalid-config');
        assert.ok(config, JSON.stringify(diags.map((d) => d.code)));
        assert.match(config.message, /not a regular file/);
      } finally {
        await client.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
