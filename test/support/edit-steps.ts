import fc from 'fast-check';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ReviewResult } from '../../server/src/engine/types';

/**
 * Shared pieces of the incremental-equals-full properties (issue 13): where an edit lands, what a
 * review reports, and the walk that reviews the opening text and then the text after each edit.
 */

/** An edit's place as a fraction of the text's length, so that any edit fits any text. */
export const where = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Everything a review reports, without the model (compared separately where a test needs it). */
export function reported(r: ReviewResult): Omit<ReviewResult, 'model'> {
  const { model: _model, ...rest } = r;
  return rest;
}

/**
 * Calls `check` with one incremental review for the opening text (version 0) and then for the text
 * after each edit in turn (version i + 1), with a label that names the step for failure messages.
 */
export function eachEditStep<E>(
  start: string,
  edits: readonly E[],
  apply: (text: string, edit: E) => string,
  check: (inc: IncrementalReview, text: string, version: number, label: string) => void,
): void {
  const inc = new IncrementalReview();
  let text = start;
  check(inc, text, 0, 'opening');
  edits.forEach((e, i) => {
    text = apply(text, e);
    check(inc, text, i + 1, `edit ${i + 1} (${JSON.stringify(e)})`);
  });
}

/** The edits both long-document properties make: text typed, deleted, a paragraph added, and the bench's keystroke. */
export type TextEdit =
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'paragraph'; at: number; what: string }
  | { kind: 'typed' };

const TEXT_EDIT_KINDS = new Set<string>(['insert', 'delete', 'paragraph', 'typed']);

/** Whether a property's edit is one of the shared TextEdits (applyTextEdit applies it). */
export function isTextEdit<E extends { kind: string }>(e: E | TextEdit): e is TextEdit {
  return TEXT_EDIT_KINDS.has(e.kind);
}

/**
 * Applies a TextEdit (`at` a fraction of the text's length). `typed` puts a character before the full
 * stop of the sentence nearest the middle, as the bench types: the edit whose review takes the
 * previous results over.
 */
export function applyTextEdit(text: string, e: TextEdit): string {
  if (e.kind === 'typed') {
    const dot = text.indexOf('. ', Math.floor(text.length / 2));
    const p = dot > 0 ? dot : text.length;
    return `${text.slice(0, p)}x${text.slice(p)}`;
  }
  const at = Math.floor(e.at * (text.length + 1));
  switch (e.kind) {
    case 'insert': return text.slice(0, at) + e.what + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + e.length);
    case 'paragraph': { const s = text.lastIndexOf('\n', at - 1) + 1; return `${text.slice(0, s)}${e.what}\n\n${text.slice(s)}`; }
  }
}
