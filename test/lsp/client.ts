/**
 * The language server as a process: `node dist/server.js --stdio` driven over plain JSON-RPC
 * (Content-Length framing), as any editor would drive it. Only for what needs the process itself (the
 * stdio smoke test, a process started with a preload); behaviour tests run in memory (./memory.ts).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
// How long to wait for a reply or diagnostics before failing: a process start on a busy machine can take seconds.
const TIMEOUT = 30000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureServerBuilt(): void {
  const sources = newestMtime(path.join(ROOT, 'server', 'src'));
  if (fs.existsSync(SERVER) && fs.statSync(SERVER).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (!fs.existsSync(SERVER) || fs.statSync(SERVER).mtimeMs < sources) throw new Error(`node esbuild.mjs did not build dist/server.js:\n${r.stdout}\n${r.stderr}`);
}

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
interface Message { jsonrpc: '2.0'; id?: number | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } }

/** A minimal LSP client over a server process: requests with ids, notifications, and the diagnostics the server pushes. */
export class Client {
  private proc!: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  published: Array<{ uri: string; version?: number; diagnostics?: Array<{ code?: string; message: string }> }> = [];
  private waiters: Array<() => void> = [];
  capabilities: Record<string, any> = {};
  stderr = '';

  /** Starts the server process without initializing it (start() does both). */
  spawn(nodeArgs: readonly string[] = []): this {
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    this.proc.stderr.on('data', (d: Buffer) => { this.stderr += d.toString('utf8'); });
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    return this;
  }

  /** The exit code once the process has ended. */
  exited(): Promise<number | null> {
    if (this.proc.exitCode !== null) return Promise.resolve(this.proc.exitCode);
    return new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }

  async start(options: { rootUri?: string | null; initializationOptions?: Record<string, unknown>; nodeArgs?: readonly string[] } = {}): Promise<this> {
    this.spawn(options.nodeArgs);
    const init = await this.request<{ capabilities: Record<string, any> }>('initialize', {
      processId: process.pid, rootUri: options.rootUri ?? null,
      ...(options.rootUri ? { workspaceFolders: [{ uri: options.rootUri, name: 'workspace' }] } : {}),
      capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true } } },
      initializationOptions: { debounceMs: 0, ...options.initializationOptions },
    });
    this.capabilities = init.capabilities;
    this.notify('initialized', {});
    return this;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))![1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (msg.method && msg.id !== undefined && msg.id !== null) { this.send({ jsonrpc: '2.0', id: msg.id, result: null }); continue; }
      if (msg.method === 'textDocument/publishDiagnostics') {
        this.published.push(msg.params as { uri: string; version?: number });
        for (const w of this.waiters.splice(0)) w();
        continue;
      }
      if (msg.method) continue;
      const p = this.pending.get(msg.id as number);
      if (!p) continue;
      this.pending.delete(msg.id as number);
      if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
      else p.resolve(msg.result);
    }
  }

  private send(msg: Message): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request<T = unknown>(method: string, params?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`timed out: ${method}\n${this.stderr}`)); }, TIMEOUT);
      this.pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v as T); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async open(uri: string, text: string): Promise<void> {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const deadline = Date.now() + TIMEOUT;
    while (!this.published.some((p) => p.uri === uri)) {
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}\n${this.stderr}`);
      await new Promise<void>((r) => { this.waiters.push(r); setTimeout(r, 200); });
    }
  }

  async stop(): Promise<void> {
    if (!this.proc || this.proc.exitCode !== null) return;
    try { await this.request('shutdown', null); this.notify('exit', null); } catch { /* killed below */ }
    const timer = setTimeout(() => this.proc.kill(), 3000);
    await new Promise((r) => this.proc.on('exit', r));
    clearTimeout(timer);
  }
}
