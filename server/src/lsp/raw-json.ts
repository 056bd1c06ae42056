/**
 * Notification parameters whose JSON is already made: a large document's diagnostics are turned
 * into JSON in the review worker (./review-worker.ts), so the server's thread writes that text out
 * instead of copying thousands of objects across threads and serialising them again (issue 13:
 * about 2 MB of JSON for a 1 MB contract). The stdio writer (./gate.ts) uses the text as it is;
 * any other writer serialises the object, whose fields read the same JSON back.
 */
import type { ContentTypeEncoder, Diagnostic, NotificationMessage, PublishDiagnosticsParams } from 'vscode-languageserver/node';

const made = new WeakMap<object, string>();

/** publishDiagnostics parameters from diagnostics already in JSON (an array), after any made here (`first`). */
export function publishParamsFromJson(uri: string, version: number, diagnosticsJson: string, first: Diagnostic[] = []): PublishDiagnosticsParams {
  let json = diagnosticsJson;
  if (first.length) {
    const head = JSON.stringify(first);
    json = /^\[\s*\]$/.test(diagnosticsJson) ? head : `${head.slice(0, -1)},${diagnosticsJson.slice(1)}`;
  }
  let parsed: Diagnostic[] | undefined;
  const params = { uri, version, get diagnostics(): Diagnostic[] { return (parsed ??= JSON.parse(json) as Diagnostic[]); } };
  made.set(params, `{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":${json}}`);
  return params;
}

/** The JSON of a message, using the parameters' own JSON when it was made in advance. */
export function messageJson(msg: unknown): string {
  const params = (msg as NotificationMessage).params;
  const json = params && typeof params === 'object' ? made.get(params) : undefined;
  if (json === undefined) return JSON.stringify(msg, undefined, 0);
  const { params: _ignored, ...rest } = msg as NotificationMessage;
  return `${JSON.stringify(rest).slice(0, -1)},"params":${json}}`;
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
