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
