/**
 * The language server's drafting features over stdio (`node dist/server.js --stdio`): citations in
 * diagnostic data, hovers with the source and an example of good wording, and the
 * `clausewise/exportReport` request. The client is vscode-jsonrpc's, the library VS Code's own client uses.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string;
  message: string;
  data?: { category: string | null; ruleId: string; citations?: string[] };
}

function ensureServer(): void {
  if (fs.existsSync(SERVER)) return;
  spawnSync(process.execPath, ['scripts/generate-clauses.mjs'], { cwd: ROOT, stdio: 'ignore' });
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

class Server {
  proc!: ChildProcessWithoutNullStreams;
  conn!: MessageConnection;
  private published = new Map<string, Diagnostic[]>();
  private waiting: Array<() => void> = [];

  async start(): Promise<this> {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      this.published.set(p.uri, p.diagnostics);
      for (const w of this.waiting.splice(0)) w();
    });
    this.conn.onRequest('workspace/configuration', () => [null]);
    this.conn.listen();
    await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } },
      initializationOptions: { debounceMs: 0 },
    });
    await this.conn.sendNotification('initialized', {});
    return this;
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.published.delete(uri);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const end = Date.now() + 10000;
    while (!this.published.get(uri)?.length) {
      if (Date.now() > end) throw new Error(`no diagnostics for ${uri}`);
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.published.get(uri)!;
  }

  hover(uri: string, position: { line: number; character: number }): Promise<{ contents: { value: string } } | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest('shutdown').catch(() => undefined);
    await this.conn.sendNotification('exit').catch(() => undefined);
    this.conn.dispose();
    this.proc.kill();
  }
}

function withProfiles(text: string, profiles: string[]): string {
  return text.replace(/^---\n/, `---\n# profiles for this test\n`).replace(/clausewise:\n/, `clausewise:\n  profiles: [${profiles.join(', ')}]\n`);
}

describe('language server: drafting features', function () {
  this.timeout(30000);
  let server: Server;

  before(async () => {
    ensureServer();
    server = await new Server().start();
  });
  after(async () => {
    await server?.stop();
  });

  it('passes the citations of the active profiles through diagnostic data', async () => {
    const uri = pathToFileURL(path.join(ROOT, 'scratch-dora.md')).toString();
    const diagnostics = await server.open(uri, withProfiles(WEAK, ['dora-critical']));
    const audit = diagnostics.find((d) => d.code === 'audit-rights');
    assert.ok(audit, 'an audit-rights finding');
    assert.ok(audit.data?.citations?.some((c) => c.startsWith('DORA Art. 30(3)(e)')), JSON.stringify(audit.data));
    // Under the default profile nothing is cited, and data has no empty list.
    const plain = await server.open(pathToFileURL(path.join(ROOT, 'scratch-plain.md')).toString(), WEAK);
    assert.equal(plain.find((d) => d.code === 'audit-rights')?.data?.citations, undefined);
  });

  it('hover on a finding gives the rationale, the source and good wording with the parties\' names', async () => {
    const text = withProfiles(WEAK.replace(/the "Supplier"/, 'the "Provider"').replace(/\bSupplier\b/g, 'Provider'), ['dora-critical']);
    const uri = pathToFileURL(path.join(ROOT, 'scratch-hover.md')).toString();
    const diagnostics = await server.open(uri, text);
    const d = diagnostics.find((x) => x.code === 'audit-rights')!;
    const hover = await server.hover(uri, d.range.start);
    const value = hover?.contents.value ?? '';
    assert.match(value, /\*Why it matters:\*/);
    assert.match(value, /\*Source:\* DORA Art\. 30\(3\)\(e\)/);
    assert.match(value, /\*Good wording, from the “Audit Rights” clause:\*/);
    // The example is rendered for this document: its supplier is "the Provider".
    const example = value.split('Good wording')[1].split('\n').filter((l) => l.startsWith('> ')).join(' ');
    assert.match(example, /The Provider must keep complete and accurate books and records/);
    assert.doesNotMatch(example, /^> \d/, 'the clause number is left out of the example');
  });

  it('hover on a vague word shows the replacement as the good wording', async () => {
    const uri = pathToFileURL(path.join(ROOT, 'scratch-vague.md')).toString();
    const diagnostics = await server.open(uri, WEAK);
    const d = diagnostics.find((x) => x.code === 'vague-wording' && /in a timely manner/.test(x.message))!;
    const value = (await server.hover(uri, d.range.start))?.contents.value ?? '';
    assert.match(value, /\*Source:\* good outsourcing practice\. No law requires this under the profile in use \(it-outsourcing\)\./);
    assert.match(value, /> in a timely manner → within/);
  });

  it('clausewise/exportReport returns the Markdown and HTML report of an open document', async () => {
    const uri = pathToFileURL(path.join(ROOT, 'scratch-report.md')).toString();
    await server.open(uri, WEAK);
    const md = await server.conn.sendRequest<{ format: string; text: string } | null>('clausewise/exportReport', { uri, format: 'markdown' });
    assert.equal(md?.format, 'markdown');
    assert.match(md!.text, /^# Contract review report/);
    assert.match(md!.text, /\| Service levels \| Weak \|/);
    assert.match(md!.text, /### Findings/);
    assert.match(md!.text, /Reviewed by Clausewise .* against it-outsourcing/);
    const html = await server.conn.sendRequest<{ format: string; text: string } | null>('clausewise/exportReport', { uri, format: 'html' });
    assert.equal(html?.format, 'html');
    assert.match(html!.text, /^<!doctype html>/);
    assert.match(html!.text, /<table>/);
    assert.doesNotMatch(html!.text, /<script/i);
    // Unknown format or a document the server does not have: null, not an error.
    assert.equal(await server.conn.sendRequest('clausewise/exportReport', { uri, format: 'pdf' }), null);
    assert.equal(await server.conn.sendRequest('clausewise/exportReport', { uri: 'file:///nowhere.md', format: 'markdown' }), null);
  });
});
