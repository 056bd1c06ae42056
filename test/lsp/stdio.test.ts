/**
 * The one test of the server as a process over stdio (`node dist/server.js --stdio`): the lifecycle
 * gate on the real streams, diagnostics and a hover for a contract, and the exit code after shutdown
 * and exit. Everything else about the server runs in memory (./memory.ts).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client, ensureServerBuilt, ROOT } from './client';

describe('lsp: the server process over stdio', function () {
  this.timeout(120_000);
  before(() => ensureServerBuilt());

  it('refuses requests before initialize, reviews an opened contract, and exits 0 after shutdown and exit', async () => {
    const client = new Client().spawn();
    const early = await client.request('textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } })
      .then(() => null, (e: { code?: number }) => e);
    assert.equal(early?.code, -32002, 'ServerNotInitialized before initialize');
    const init = await client.request<{ capabilities: { hoverProvider?: boolean } }>('initialize', {
      processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 },
    });
    assert.equal(init.capabilities.hoverProvider, true);
    client.notify('initialized', {});
    const uri = pathToFileURL(path.join(ROOT, 'scratch', 'stdio-weak.md')).href;
    await client.open(uri, fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8'));
    const diagnostics = client.published.find((p) => p.uri === uri)?.diagnostics ?? [];
    assert.ok(diagnostics.some((d) => d.code === 'sla-metrics'), JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(await client.request('shutdown', null), null);
    client.notify('exit', null);
    assert.equal(await client.exited(), 0, client.stderr);
  });
});
