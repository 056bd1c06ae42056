/**
 * The server's stdio transport, kept to the LSP lifecycle (vscode-languageserver does not enforce it):
 * - before `initialize`, requests get error -32002 (ServerNotInitialized) and notifications are
 *   dropped, `exit` excepted;
 * - after `shutdown`, requests get error -32600 (InvalidRequest) and notifications other than `exit`
 *   are dropped;
 * - a textDocument/ request without an object for its parameters gets -32602 (InvalidParams);
 * - an exception in a handler never reaches the client as text: its InternalError reply says which
 *   request failed and nothing more, and the details go to the server's log (standard error).
 * It works on whole JSON-RPC messages between the stream and the connection, so no handler changes.
 */
import { format } from 'node:util';
import { trace } from './trace';
import { COUNTING_STRATEGY, noteReceived } from './schedule';
import { Socket } from 'node:net';
import { JSON_ENCODER, messageParts } from './raw-json';
import { reusingEncoder } from './output-buffer';
import {
  StreamMessageReader, StreamMessageWriter,
  type ConnectionOptions, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter,
  type NotificationMessage, type RequestMessage, type ResponseMessage,
} from 'vscode-languageserver/node';

export const SERVER_NOT_INITIALIZED = -32002;
export const INVALID_REQUEST = -32600;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;

type Phase = 'new' | 'running' | 'shutdown';

const isRequest = (m: Message): m is RequestMessage => typeof (m as RequestMessage).method === 'string' && (m as RequestMessage).id !== undefined && (m as RequestMessage).id !== null;
const isNotification = (m: Message): m is NotificationMessage => typeof (m as NotificationMessage).method === 'string' && !isRequest(m);
const isResponse = (m: Message): m is ResponseMessage => !('method' in (m as object)) && 'id' in (m as object);

export interface Gate {
  reader: MessageReader;
  writer: MessageWriter;
  /** For createConnection: counts the messages handled, so reviews start once those received are (./schedule.ts). */
  options: ConnectionOptions;
  /** Whether `shutdown` was received (the exit code when the client goes away). */
  shutdownReceived(): boolean;
}

export function gatedStdio(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, log: (text: string) => void): Gate {
  const innerReader = new StreamMessageReader(input);
  if (process.env.CLAUSEWISE_LSP_TRACE) {
    const write = output.write.bind(output) as (...a: unknown[]) => boolean;
    (output as { write: unknown }).write = (...a: unknown[]) => { trace(`stdout ${(a[0] as { length: number }).length}`); const r = write(...a); trace('stdout done'); return r; };
  }
  // Diagnostics made into JSON in the review worker are written as they are (./raw-json.ts). On a
  // pipe or socket (an editor's stdio), each message is written into one kept buffer (./output-buffer.ts).
  const encoder = output instanceof Socket ? reusingEncoder(messageParts) : JSON_ENCODER;
  const innerWriter = new StreamMessageWriter(output, { charset: 'utf-8', contentTypeEncoder: encoder });
  let phase: Phase = 'new';
  /** Methods of requests in flight, by id: to name the request in a sanitised error. */
  const pending = new Map<string | number, string>();

  const refuse = (request: RequestMessage, code: number, message: string): void => {
    void innerWriter.write({ jsonrpc: '2.0', id: request.id, error: { code, message } } as ResponseMessage);
  };

  const admit = (m: Message): boolean => {
    if (isNotification(m)) return m.method === 'exit' || phase === 'running';
    if (!isRequest(m)) return true; // responses to our own requests
    if (phase === 'new' && m.method !== 'initialize') {
      refuse(m, SERVER_NOT_INITIALIZED, `the server is not initialized: send "initialize" before "${m.method}"`);
      return false;
    }
    if (phase === 'shutdown') {
      refuse(m, INVALID_REQUEST, `the server is shutting down: "${m.method}" is not accepted after "shutdown"; send "exit"`);
      return false;
    }
    if (phase === 'running' && m.method === 'initialize') {
      refuse(m, INVALID_REQUEST, 'the server is already initialized');
      return false;
    }
    if (m.method.startsWith('textDocument/') && (typeof m.params !== 'object' || m.params === null || Array.isArray(m.params))) {
      refuse(m, INVALID_PARAMS, `"${m.method}" needs its parameters as an object`);
      return false;
    }
    if (m.method === 'initialize') phase = 'running';
    if (m.method === 'shutdown') phase = 'shutdown';
    pending.set(m.id!, m.method);
    return true;
  };

  const reader: MessageReader = {
    onError: innerReader.onError,
    onClose: innerReader.onClose,
    onPartialMessage: innerReader.onPartialMessage,
    listen: (callback: DataCallback): Disposable => innerReader.listen((m) => { trace(`read ${(m as RequestMessage).method ?? 'response'}`); noteReceived(); if (admit(m)) callback(m); }),
    dispose: () => innerReader.dispose(),
  };

  const writer: MessageWriter = {
    onError: innerWriter.onError,
    onClose: innerWriter.onClose,
    write(m: Message): Promise<void> {
      if (isResponse(m) && m.id !== null) {
        const method = pending.get(m.id) ?? 'request';
        pending.delete(m.id);
        if (m.error?.code === INTERNAL_ERROR) {
          log(`Clausewise: ${method} failed: ${m.error.message}`);
          m = { ...m, error: { code: INTERNAL_ERROR, message: `${method} failed inside Clausewise; the server log has the details` } } as ResponseMessage;
        }
      }
      trace(`write ${(m as NotificationMessage).method ?? 'response'}`);
      const w = innerWriter.write(m);
      trace(`written ${(m as NotificationMessage).method ?? 'response'}`);
      return w;
    },
    end: () => innerWriter.end(),
    dispose: () => innerWriter.dispose(),
  };
  return { reader, writer, options: { messageStrategy: COUNTING_STRATEGY }, shutdownReceived: () => phase === 'shutdown' };
}

/**
 * The stdio connection's housekeeping that vscode-languageserver does only for the streams it opens
 * itself: console output goes to standard error (standard output carries the protocol), and the
 * process ends when the client closes standard input.
 */
export function stdioHousekeeping(gate: Gate): void {
  const toStderr = (...args: unknown[]): void => { process.stderr.write(`${format(...args)}\n`); };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  console.error = toStderr;
  console.trace = toStderr;
  const end = (): never => process.exit(gate.shutdownReceived() ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
}
