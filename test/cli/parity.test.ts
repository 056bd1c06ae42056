/**
 * Parity: for the same text, the CLI's JSON diagnostics equal what the language server publishes
 * (rule id = diagnostic.code, severity, message, range; in order). Skips, saying why, while
 * dist/server.js or examples/*.md do not exist yet.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import { ensureBuilt, exampleFiles, FIXTURES, ROOT, runJson, SERVER, type CliDiagnostic } from './helpers';

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  data?: { category?: string };
}

interface Publish { uri: string; version?: number; diagnostics: LspDiagnostic[] }

const SEVERITY: Record<CliDiagnostic['severity'], number> = { error: 1, warning: 2, information: 3, hint: 4 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cli: parity with the language server', function () {
  this.timeout(60000);

  const examples = exampleFiles();
  // The fixtures keep the check meaningful before examples exist: one contract, one non-contract.
  const files = [...examples, path.join(FIXTURES, 'contract.md'), path.join(FIXTURES, 'readme.md')];
  let server: ChildProcess | undefined;
  let connection: MessageConnection | undefined;
  const publishes = new Map<string, Publish[]>();
  let serverStderr = '';

  before(async function () {
    ensureBuilt();
    if (!fs.existsSync(SERVER)) {
      console.log(`      (skipped: ${path.relative(ROOT, SERVER)} does not exist yet; run \`node esbuild.mjs\` once the language server is written)`);
      return this.skip();
    }
    if (!examples.length) console.log('      (examples/*.md: none yet; checking the test fixtures only)');
    server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', (d) => { serverStderr += d; });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification('textDocument/publishDiagnostics', (p: Publish) => {
      const list = publishes.get(p.uri) ?? [];
      list.push(p);
      publishes.set(p.uri, list);
    });
    // Answer whatever the server asks (configuration, capability registration, progress) with defaults.
    connection.onRequest((method: string, params: unknown) => {
      if (method === 'workspace/configuration') return ((params as { items?: unknown[] })?.items ?? []).map(() => null);
      return null;
    });
    connection.listen();
    const rootUri = pathToFileURL(ROOT).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'clausewise' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
      initializationOptions: { debounceMs: 0 },
    });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    if (connection) {
      try {
        await Promise.race([connection.sendRequest('shutdown'), sleep(2000)]);
        await connection.sendNotification('exit');
      } catch { /* the server may already be gone */ }
      connection.dispose();
    }
    if (server && server.exitCode === null) {
      await sleep(200);
      if (server.exitCode === null) server.kill();
    }
  });

  /** Opens the document and returns the diagnostics once publishing has settled. */
  async function serverDiagnostics(file: string): Promise<LspDiagnostic[]> {
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    await connection!.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const deadline = Date.now() + 15000;
    while (!(publishes.get(uri)?.length) && Date.now() < deadline) await sleep(20);
    const got = publishes.get(uri);
    assert.ok(got?.length, `the server published no diagnostics for ${path.relative(ROOT, file)} within 15 s (spec: diagnostics are pushed after open)\n${serverStderr}`);
    // Let a late, second publish (e.g. after a clearing one) arrive.
    let seen = got.length;
    for (;;) {
      await sleep(300);
      if (publishes.get(uri)!.length === seen) break;
      seen = publishes.get(uri)!.length;
    }
    await connection!.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return got[got.length - 1].diagnostics;
  }

  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    it(`${rel}: same diagnostics from the CLI and the server`, async () => {
      const cli = runJson(['--fail-on', 'none', rel], { cwd: ROOT });
      assert.notEqual(cli.code, 2, cli.stderr);
      const expected = cli.json.files[0].diagnostics.map((d) => ({ code: d.ruleId, severity: SEVERITY[d.severity], message: d.message, range: d.range, category: d.category }));
      const actual = (await serverDiagnostics(file)).map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, category: d.data?.category }));
      assert.deepEqual(actual, expected);
    });
  }
});
