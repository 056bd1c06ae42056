/**
 * Nothing leaves the machine, proven: the CLI (every format, with review worker threads) and the
 * language server run with Node's socket, DNS, HTTP(S), fetch and child_process functions replaced by
 * traps (./support/trap-network.cjs), and nothing tries them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, ensureBuilt, makeTempDir, writeFiles } from '../cli/helpers';
import { Client, ensureServerBuilt } from '../lsp/client';

const PRELOAD = path.join(__dirname, 'support', 'trap-network.cjs');
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'];
const CONTRACT = (i: number) => `---
clausewise:
  review: true
---
# Managed Services Agreement ${i}

This agreement is between Contoso Bank plc ("Customer") and Fabrikam Ltd ("Supplier").

## 1. Services

1.1 The Supplier shall provide the Services set out in [Schedule 1](schedule-1.md) within [TBD] days.

1.2 The Supplier shall make the Services available 99.5% of the time, measured monthly.
`;

describe('robust: nothing leaves the machine', function () {
  this.timeout(300000);
  let dir: string;
  let log: string;
  const attempts = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('attempt')) : []);
  const loadedIn = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('loaded ')).map((l) => Number(l.slice(7))) : []);

  before(() => {
    dir = makeTempDir('clausewise-offline-');
    log = path.join(dir, 'traps.log');
    const files: Record<string, string> = { 'schedule-1.md': '# Schedule 1\n\nThe Services are the hosting of the Customer systems.\n' };
    for (let i = 0; i < 10; i++) files[`c${i}.md`] = CONTRACT(i);
    writeFiles(dir, files);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => fs.rmSync(log, { force: true }));

  it('the traps work: a connection attempt under them is recorded and fails', () => {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('node:net').connect(80, '127.0.0.1')"], { env: { ...process.env, CLAUSEWISE_TRAP_LOG: log }, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.deepEqual(attempts(), ['attempt net.connect (thread 0)']);
  });

  it('the CLI, in every format and in worker threads, tries nothing', () => {
    ensureBuilt();
    for (const format of FORMATS) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, '--format', format, '--concurrency', '2', '.'], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, CLAUSEWISE_TRAP_LOG: log, CLAUSEWISE_DEBUG: 'threads', NO_COLOR: '1' },
      });
      assert.ok(r.status === 0 || r.status === 1, `${format}: exit ${r.status}\n${r.stderr}`);
      assert.match(r.stderr, /debug: 11 files in 2 threads/);
    }
    assert.deepEqual(attempts(), []);
    // The traps were in place in the main thread and in the review workers.
    assert.ok(loadedIn().includes(0) && loadedIn().some((t) => t > 0), `threads with traps: ${loadedIn().join(', ')}`);
  });

  it('the language server, through a review, hover, quick fixes and report export, tries nothing', async () => {
    ensureServerBuilt();
    process.env.CLAUSEWISE_TRAP_LOG = log;
    let client: Client | undefined;
    try {
      client = await new Client().start({ rootUri: pathToFileURL(dir).href, nodeArgs: ['--require', PRELOAD] });
      const uri = pathToFileURL(path.join(dir, 'c0.md')).href;
      await client.open(uri, fs.readFileSync(path.join(dir, 'c0.md'), 'utf8'));
      const diagnostics = client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? [];
      assert.ok(diagnostics.length > 0);
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 10 } });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }, context: { diagnostics } });
      for (const format of ['markdown', 'html']) assert.ok(await client.request('clausewise/exportReport', { uri, format }));
      await client.request('clausewise/coverage', { uri });
    } finally {
      await client?.stop();
      delete process.env.CLAUSEWISE_TRAP_LOG;
    }
    assert.deepEqual(attempts(), []);
    assert.ok(loadedIn().includes(0), 'the server ran with the traps');
  });
});
