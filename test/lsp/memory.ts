/**
 * The language server in the test's own process: createServer over a pair of in-memory streams,
 * behind the same lifecycle gate as stdio (server/src/lsp/gate.ts), driven by vscode-jsonrpc's
 * createMessageConnection. Records every notification and server request, in order, so a test can
 * wait for what follows an action; answers workspace/configuration from the test's options.
 */
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, CancellationTokenSource } from 'vscode-jsonrpc/node';
import { gatedStdio } from '../../server/src/lsp/gate';
import { createServer, type ServerOptions } from '../../server/src/lsp/server';
import type { ReviewWorkerOptions } from '../../server/src/lsp/review-thread';

/**
 * The review worker run from its TypeScript source (./review-worker.cjs), for every document whatever
 * its size. CLAUSEWISE_TEST_REVIEW_WORKER=1 makes it every MemoryClient's default, to run the whole
 * LSP suite through the worker.
 */
export const TEST_REVIEW_WORKER: ReviewWorkerOptions = {
  script: path.join(__dirname, 'review-worker.cjs'),
  minChars: 0,
};
const workerByDefault = process.env.CLAUSEWISE_TEST_REVIEW_WORKER === '1';

const DEFAULT_TIMEOUT = 8000;

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface PublishParams { uri: string; version?: number; diagnostics: Array<{ range: Range; code?: string | number; message: string; severity?: number; source?: string; data?: any; codeDescription?: { href: string } }> }
export interface Received { method: string; params: unknown; seq: number }

export interface MemoryClientOptions {
  capabilities?: Record<string, unknown>;
  initializationOptions?: unknown;
  workspaceFolders?: Array<{ uri: string; name: string }> | null;
  rootUri?: string | null;
  /** Answers workspace/configuration (the client then declares workspace.configuration). */
  configuration?: (items: Array<{ scopeUri?: string; section?: string }>) => unknown[] | Promise<unknown[]>;
  /** How long waits and requests may take (ms); default 8 s. */
  timeout?: number;
  /** Passed to createServer (a file system, a review hook). */
  server?: Omit<ServerOptions, 'log'>;
}

/** A client and a server joined by in-memory streams. */
export class MemoryClient {
  private readonly connection: MessageConnection;
  private readonly serverConnection: Connection;
  private waiters: Array<{ test: (m: Received) => boolean; resolve: (m: Received) => void }> = [];
  private seq = 0;
  private closed = false;
  readonly received: Received[] = [];
  /** Requests the server sent to the client, in order. */
  readonly serverRequests: Array<{ method: string; params: unknown }> = [];
  /** What the server logged (its standard error, over stdio). */
  stderr = '';
  initializeResult: { capabilities: Record<string, any>; serverInfo?: { name: string; version?: string } } | undefined;
  /** Versions the server reviewed, per uri, in order (createServer's onReviewed). */
  readonly reviews: Array<{ uri: string; version: number }> = [];
  private readonly timeout: number;

  constructor(private readonly options: MemoryClientOptions = {}) {
    this.options = { ...options };
    // Starting the worker compiles the reviewer from source: allow for it.
    this.timeout = options.timeout ?? (workerByDefault ? 60_000 : DEFAULT_TIMEOUT);
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const gate = gatedStdio(toServer, toClient, (text) => { this.stderr += `${text}\n`; });
    this.serverConnection = createConnection(ProposedFeatures.all, gate.reader, gate.writer, gate.options);
    createServer(this.serverConnection, {
      ...(workerByDefault ? { reviewWorker: TEST_REVIEW_WORKER } : {}),
      ...options.server,
      log: (text) => { this.stderr += `${text}\n`; },
      onReviewed: (uri, version) => { this.reviews.push({ uri, version }); options.server?.onReviewed?.(uri, version); },
    });
    this.serverConnection.listen();
    this.connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.connection.onRequest((method: string, params: unknown) => {
      this.serverRequests.push({ method, params });
      if (method === 'workspace/configuration' && this.options.configuration) {
        return this.options.configuration((params as { items: Array<{ scopeUri?: string; section?: string }> }).items);
      }
      return null;
    });
    this.connection.onNotification((method: string, params: unknown) => {
      if (method === 'window/logMessage') {
        this.stderr += `${(params as { message: string }).message}\n`;
      }
      const r: Received = { method, params, seq: this.seq++ };
      this.received.push(r);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(r)) return true;
        w.resolve(r);
        return false;
      });
    });
    this.connection.listen();
  }

  /** initialize and initialized. Edits are reviewed without debounce unless initializationOptions say otherwise. */
  async start(more: Pick<MemoryClientOptions, 'rootUri' | 'initializationOptions'> = {}): Promise<this> {
    Object.assign(this.options, more);
    const capabilities = {
      textDocument: { hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true } },
      ...this.options.capabilities,
      workspace: {
        ...(this.options.capabilities?.workspace as object | undefined),
        ...(this.options.configuration ? { configuration: true } : {}),
      },
    };
    const folders = this.options.workspaceFolders ?? (this.options.rootUri ? [{ uri: this.options.rootUri, name: 'workspace' }] : null);
    this.initializeResult = await this.request('initialize', {
      // No process id: vscode-languageserver would poll it with a timer that outlives the test.
      processId: null,
      rootUri: this.options.rootUri ?? folders?.[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities,
      initializationOptions: { debounceMs: 0, ...(this.options.initializationOptions as object | undefined) },
    });
    this.notify('initialized', {});
    return this;
  }

  get capabilities(): Record<string, any> {
    return this.initializeResult?.capabilities ?? {};
  }

  /** The diagnostics published so far, in order. */
  get published(): PublishParams[] {
    return this.notifications<PublishParams>('textDocument/publishDiagnostics');
  }

  async request<T = any>(method: string, params?: unknown, timeout = this.timeout, token?: CancellationTokenSource): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for the answer to ${method}\n${this.stderr}`)), timeout);
    });
    try {
      const args: unknown[] = params === undefined ? [] : [params];
      const sent = token ? this.connection.sendRequest<T>(method, ...args, token.token) : this.connection.sendRequest<T>(method, ...args);
      return await Promise.race([sent, timedOut]);
    } catch (e) {
      const err = e as { code?: number; message?: string };
      if (typeof err.code === 'number') throw Object.assign(new Error(`${err.code}: ${err.message}`), { code: err.code });
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params?: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Sequence number of the next notification, to wait only for what comes after an action. */
  mark(): number {
    return this.seq;
  }

  async waitFor<T = unknown>(method: string, test: (params: T) => boolean = () => true, since = 0, timeout = this.timeout): Promise<T> {
    return (await this.waitForMessage(method, test, since, timeout)).params as T;
  }

  waitForMessage<T = unknown>(method: string, test: (params: T) => boolean = () => true, since = 0, timeout = this.timeout): Promise<Received> {
    const match = (r: Received) => r.method === method && r.seq >= since && test(r.params as T);
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<Received>((resolve, reject) => {
      const waiter = { test: match, resolve: (r: Received) => { clearTimeout(timer); resolve(r); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeout} ms waiting for ${method}\n${this.stderr}`));
      }, timeout);
      this.waiters.push(waiter);
    });
  }

  notifications<T = unknown>(method: string, test: (params: T) => boolean = () => true, since = 0): T[] {
    return this.received.filter((r) => r.method === method && r.seq >= since && test(r.params as T)).map((r) => r.params as T);
  }

  /** Opens a document and waits for its first diagnostics (and the status that follows them). */
  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<PublishParams> {
    const since = this.mark();
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return this.diagnostics(uri, version, since);
  }

  /** Waits for the diagnostics of one version, and for the clausewise/status that follows them. */
  async diagnostics(uri: string, version: number, since = 0): Promise<PublishParams> {
    const published = await this.waitForMessage<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, since);
    await this.waitForMessage('clausewise/status', (p: { uri: string }) => p.uri === uri, published.seq + 1);
    // A review in the worker publishes its diagnostics before the rest of its result arrives (and
    // onReviewed fires): wait for that too, as a test reading `reviews` next expects it there.
    if (this.options.server?.reviewWorker ?? workerByDefault) {
      const until = Date.now() + this.timeout;
      while (!this.reviews.some((r) => r.uri === uri && r.version === version) && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    }
    return published.params as PublishParams;
  }

  /** Replaces the whole text and waits for that version's diagnostics. */
  async change(uri: string, version: number, text: string): Promise<PublishParams> {
    const since = this.mark();
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.diagnostics(uri, version, since);
  }

  /** Lets every message already sent be handled (a request round trip flushes both directions). */
  async settle(): Promise<void> {
    await this.request('clausewise/listClauses');
  }

  /**
   * shutdown, then closes both ends. Never `exit`: vscode-languageserver answers it with process.exit,
   * which here would end the test run (the stdio smoke test covers exit).
   */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.request('shutdown', null, 3000);
    } catch {
      // Closed below all the same.
    }
    this.connection.dispose();
    this.serverConnection.dispose();
  }
}
