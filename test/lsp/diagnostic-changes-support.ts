/**
 * What the diagnostic-changes tests share (diagnostic-changes.test.ts, diagnostic-line-shifts.test.ts):
 * the contract they edit, the settings, the two notifications' names, scratch URIs and sending an
 * edit of a range as a didChange.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MemoryClient } from './memory';
import { ROOT } from './client';

export const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
export const SETTINGS = { profiles: ['it-outsourcing', 'dora-ict'] };
export const PUBLISH = 'textDocument/publishDiagnostics';
export const CHANGES = 'clausewise/diagnosticChanges';

let n = 0;
/** A new scratch URI per call, so that no two tests' documents meet in the server. */
export const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', `${name}-${n++}.md`)).href;

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, character: offset - start };
}

/** Sends `text`'s range from..to replaced by `insert` as version `version`; returns the new text. */
export function sendRangeEdit(c: MemoryClient, uri: string, version: number, text: string, from: number, to: number, insert: string): string {
  c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: positionAt(text, from), end: positionAt(text, to) }, text: insert }] });
  return text.slice(0, from) + insert + text.slice(to);
}

/** One range edit: `text`'s from..to replaced by `insert`. */
export interface RangeEdit { from: number; to: number; insert: string }

/**
 * Opens a scratch document named `name` in both clients, sends each of `edits` (made into a range of
 * the text as it then is by `rangeOf`) to both, and after each awaited edit (and the last) runs
 * `check` with the version and the marks since the previous check; closes the document at the end.
 */
export async function replayInBoth<E extends { wait: boolean }>(
  full: MemoryClient, delta: MemoryClient, name: string, edits: readonly E[],
  rangeOf: (text: string, e: E) => RangeEdit,
  check: (uri: string, version: number, sinceFull: number, sinceDelta: number, i: number, e: E) => Promise<void>,
): Promise<void> {
  const uri = uriOf(name);
  await full.open(uri, WEAK);
  await delta.open(uri, WEAK);
  let text = WEAK;
  let version = 1;
  let sf = full.mark(), sd = delta.mark();
  for (const [i, e] of edits.entries()) {
    version++;
    const r = rangeOf(text, e);
    sendRangeEdit(full, uri, version, text, r.from, r.to, r.insert);
    text = sendRangeEdit(delta, uri, version, text, r.from, r.to, r.insert);
    if (e.wait || i === edits.length - 1) {
      await check(uri, version, sf, sd, i, e);
      sf = full.mark();
      sd = delta.mark();
    }
  }
  for (const c of [full, delta]) c.notify('textDocument/didClose', { textDocument: { uri } });
}
