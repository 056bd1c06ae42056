/**
 * Notification parameters whose JSON is already made: a large document's diagnostics are turned
 * into JSON in the review worker (./review-worker.ts), so the server's thread writes that text out
 * instead of copying thousands of objects across threads and serialising them again (issue 13:
 * about 1.6 MB of JSON for a 1 MB contract). The worker sends it as UTF-8 bytes in a transferred
 * buffer (no copy between threads, no string to decode here), and the stdio writer (./gate.ts,
 * ./output-buffer.ts) copies those bytes into its output buffer between the message's own head and
 * tail (messageParts), never joining them into one string. Any other writer serialises the object,
 * whose `diagnostics` reads the same JSON back.
 */
import type { ContentTypeEncoder, Diagnostic, NotificationMessage, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { DiagnosticChange, DiagnosticChangesParams } from './protocol';

/**
 * JSON that writes its UTF-8 bytes into a buffer itself, its size known in advance: a document's
 * diagnostics made from the JSON kept for each finding (./diagnostics-json.ts).
 */
export interface JsonWriter {
  readonly byteLength: number;
  /** Writes the bytes at `at` (the buffer has room for byteLength more); returns where they end. */
  writeTo(out: Uint8Array, at: number): number;
  /** Whether the JSON is an empty array. */
  readonly isEmptyArray: boolean;
  /** The same JSON array without its opening bracket. */
  withoutBracket(): JsonWriter;
  toString(): string;
}

/** JSON as text, as its UTF-8 bytes, or written by a maker of its own. */
export type JsonText = string | Uint8Array | JsonWriter;

export const isJsonWriter = (j: JsonText): j is JsonWriter => typeof j === 'object' && !(j instanceof Uint8Array);

/** A message's JSON in pieces, in order: written one after the other, they are the message. */
export type JsonParts = readonly JsonText[];

/** The parameters' JSON in three pieces: the bytes made in the worker stay one piece of their own. */
interface Made {
  head: string;
  body: JsonText;
  tail: string;
}

const made = new WeakMap<object, Made>();

export const asText = (j: JsonText): string => (typeof j === 'string' ? j : isJsonWriter(j) ? j.toString() : Buffer.from(j.buffer, j.byteOffset, j.byteLength).toString('utf8'));

/** Whether a JSON array is empty (`[]`, possibly with white space). */
function isEmptyArray(j: JsonText): boolean {
  if (typeof j === 'string') return /^\[\s*\]$/.test(j);
  if (isJsonWriter(j)) return j.isEmptyArray;
  return j.byteLength < 16 && /^\[\s*\]$/.test(asText(j));
}

/** A JSON array without its opening bracket. */
const withoutBracket = (j: JsonText): JsonText => (typeof j === 'string' ? j.slice(1) : isJsonWriter(j) ? j.withoutBracket() : j.subarray(1));

/** UTF-8 bytes of a JSON text in a buffer of their own, to transfer to another thread. */
export function jsonBytes(json: JsonText): Uint8Array {
  if (typeof json !== 'string') {
    const bytes = Buffer.allocUnsafeSlow(json.byteLength);
    if (isJsonWriter(json)) json.writeTo(bytes, 0);
    else bytes.set(json);
    return bytes;
  }
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json, 'utf8'));
  bytes.write(json, 0, 'utf8');
  return bytes;
}

/** publishDiagnostics parameters from diagnostics already in JSON (an array), after any made here (`first`). */
export function publishParamsFromJson(uri: string, version: number, diagnosticsJson: JsonText, first: Diagnostic[] = []): PublishDiagnosticsParams {
  // The array is `start` then `body`: the server's thread's diagnostics, then the worker's.
  let start = '';
  let body = diagnosticsJson;
  if (first.length) {
    const before = JSON.stringify(first);
    if (isEmptyArray(body)) {
      start = before;
      body = '';
    } else {
      start = `${before.slice(0, -1)},`;
      body = withoutBracket(body);
    }
  }
  let parsed: Diagnostic[] | undefined;
  const params = { uri, version, get diagnostics(): Diagnostic[] { return (parsed ??= JSON.parse(start + asText(body)) as Diagnostic[]); } };
  made.set(params, { head: `{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":${start}`, body, tail: '}' });
  return params;
}

/**
 * clausewise/diagnosticChanges parameters (./protocol.ts) whose splices are JSON already made
 * (`[{ start, deleteCount, diagnostics }, …]`, with `{ start, count, lineDelta }` shifts for a client
 * of version 2; ./diagnostics-json.ts), written out as
 * publishParamsFromJson's are: one list of splices stays one piece between the message's head and
 * tail, never parsed here. Several lists (a change on top of changes never sent), or starts to move
 * past diagnostics made in the server's thread (`offset`), are rare: parsed and joined then.
 */
export function changeParamsFromJson(uri: string, version: number, previousVersion: number, splices: readonly JsonText[], offset = 0): DiagnosticChangesParams {
  const head = `{"uri":${JSON.stringify(uri)},"version":${version},"previousVersion":${previousVersion},"changes":`;
  if (splices.length === 1 && offset === 0) {
    const body = splices[0];
    let parsed: DiagnosticChange[] | undefined;
    const params = { uri, version, previousVersion, get changes(): DiagnosticChange[] { return (parsed ??= JSON.parse(asText(body)) as DiagnosticChange[]); } };
    made.set(params, { head, body, tail: '}' });
    return params;
  }
  // Line shifts (version 2) move by `offset` as splices do.
  const changes = splices.flatMap((j) => (JSON.parse(asText(j)) as DiagnosticChange[]).map((x) => ({ ...x, start: x.start + offset })));
  const params = { uri, version, previousVersion, changes };
  made.set(params, { head, body: JSON.stringify(changes), tail: '}' });
  return params;
}

/** The JSON of a message in pieces, using the parameters' own JSON when it was made in advance. */
export function messageParts(msg: unknown): JsonParts {
  const params = (msg as NotificationMessage).params;
  const m = params && typeof params === 'object' ? made.get(params) : undefined;
  if (m === undefined) return [JSON.stringify(msg, undefined, 0)];
  const { params: _ignored, ...rest } = msg as NotificationMessage;
  return [`${JSON.stringify(rest).slice(0, -1)},"params":${m.head}`, m.body, `${m.tail}}`];
}

/** The JSON of a message as one string. */
export function messageJson(msg: unknown): string {
  return messageParts(msg).map(asText).join('');
}

/** The stdio writer's encoder (JSON, as vscode-jsonrpc's own, with the parameters' JSON reused). */
export const JSON_ENCODER: ContentTypeEncoder = {
  name: 'application/json',
  encode: (msg, options) => {
    try {
      return Promise.resolve(Buffer.from(messageJson(msg), options.charset));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};
