/**
 * An open document's text in the language server, as vscode-languageserver-textdocument keeps it
 * (the same positions, offsets, line count and text after the same changes), except that a change
 * does not build the new string at once (issue 13, hover).
 *
 * Why: the library applies a change as `before.substring(0, start) + text + before.substring(end)`
 * and then reads a character of the result, which makes V8 copy the whole string: about 6 ms for a
 * 1 MB contract, on every keystroke, in the server's thread, before the hover sent with the
 * keystroke is read. Here a change is kept as an edit of the text before it (`pending`), the line
 * offsets are updated as the library updates them, and characters are read through the edits; the
 * new string is built when someone asks for the text (the review's job, after the hover). A request
 * answered from the last review maps its positions through `editSince` (./drift.ts TextDrift.ofEdit)
 * without the new string at all.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { charCodeThroughEdits, TextSnapshot, type PendingEdit } from './text-snapshot';

export type { PendingEdit } from './text-snapshot';

/** More edits than this between two reads of the text: the text is built (reading a character walks them all). */
const MAX_PENDING = 32;

const LF = 10;
const CR = 13;

export class EditedDocument implements TextDocument {
  /** The text before the pending edits. */
  private base: string;
  /** Edits not yet applied to `base`, in order, each in the offsets of the text the ones before it made. */
  private pending: PendingEdit[] = [];
  private size: number;
  private lineOffsets: number[] | undefined;
  /** Whether `base` holds no NUL character, once known (engine/document.ts skipReason). */
  private baseNulFree: boolean | undefined;
  /** The snapshot of the text now, once asked for (dropped by the next change). */
  private snap: TextSnapshot | undefined;

  constructor(readonly uri: string, readonly languageId: string, private currentVersion: number, content: string) {
    this.base = content;
    this.size = content.length;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  getText(range?: Range): string {
    if (range) {
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      return this.text().substring(start, end);
    }
    return this.text();
  }

  /**
   * The single edit that turns `before` into the text now, when `before` is the text the pending
   * edits apply to and there is one of them; undefined otherwise (more than one, or none).
   */
  editSince(before: string): PendingEdit | undefined {
    return this.pending.length === 1 && this.base === before ? this.pending[0] : undefined;
  }

  /** The text's length, without building it. */
  get length(): number {
    return this.size;
  }

  /**
   * The text now as the text before the pending edits plus those edits, without building it
   * (./text-snapshot.ts): the review worker's job is made from it (issue 13, model). The same object
   * until the next change; once either builds the text, the other reads the same string.
   */
  snapshot(): TextSnapshot {
    return (this.snap ??= new TextSnapshot(this.base, this.pending.slice(), this.size, this.baseNulFree));
  }

  /** The single edit that turns `before`'s text into the text now; undefined when it takes more or another base. */
  editSinceSnapshot(before: TextSnapshot): PendingEdit | undefined {
    const edits = this.snapshot().editsSince(before);
    return edits && edits.length === 1 ? edits[0] : undefined;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.size), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEol(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.size;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.size;
    return this.beforeEol(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.size - lineOffsets[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line];
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.size;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length || line < 0) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.size;
    let eol = '';
    for (let i = this.beforeEol(next, lineOffsets[line]); i < next; i++) eol += String.fromCharCode(this.charCodeAt(i));
    return eol;
  }

  /** Applies changes as TextDocument.update does (the configuration of TextDocuments, see create()). */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      this.snap = undefined;
      if (!('range' in change) || !change.range) {
        this.baseNulFree = undefined;
        this.base = change.text;
        this.pending = [];
        this.size = change.text.length;
        this.lineOffsets = undefined;
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      const lineOffsets = this.getLineOffsets();
      if (this.pending.length >= MAX_PENDING) this.text();
      this.pending.push({ start, end, text: change.text });
      this.size += change.text.length - (end - start);
      const insertedEnd = start + change.text.length;
      // A CR LF pair across the edit's boundary is not counted by the inserted text's line offsets: counted again from the text.
      if ((this.charCodeAt(start - 1) === CR && this.charCodeAt(start) === LF) || (this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF)) {
        this.lineOffsets = undefined;
        continue;
      }
      const startLine = Math.max(range.start.line, 0);
      const endLine = Math.max(range.end.line, 0);
      const added = lineOffsetsOf(change.text, false, start);
      if (endLine - startLine === added.length) {
        for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
      } else {
        this.lineOffsets = [...lineOffsets.slice(0, startLine + 1), ...added, ...lineOffsets.slice(endLine + 1)];
      }
      const diff = change.text.length - (end - start);
      if (diff !== 0) {
        const offsets = this.lineOffsets!;
        for (let i = startLine + 1 + added.length; i < offsets.length; i++) offsets[i] += diff;
      }
    }
    this.currentVersion = version;
  }

  /** The text now, built from the pending edits if there are any. */
  private text(): string {
    if (this.pending.length) {
      // An edit adds no NUL character it does not insert.
      if (this.baseNulFree === true && this.pending.some((e) => e.text.includes('\0'))) this.baseNulFree = undefined;
      // The snapshot of this version built already (a job sent whole): the same string, so identity checks find it.
      let t = this.snap?.builtText;
      if (t === undefined) {
        t = this.base;
        for (const e of this.pending) t = t.substring(0, e.start) + e.text + t.substring(e.end, t.length);
        this.snap?.adopt(t);
      }
      this.base = t;
      this.pending = [];
    }
    return this.base;
  }

  /**
   * Idle (issue 13, memory): when the snapshot of the text now was built (a job sent whole, a request
   * that read the text), that string becomes the base and the snapshot lets go of the text before the
   * edits (./text-snapshot.ts settle). Otherwise the server's thread kept two whole texts of every
   * edited document: about 2 MB more per 1 MB contract after edits than after opening. Builds nothing.
   */
  settleText(): void {
    if (this.snap?.builtText === undefined) return;
    this.text();
    this.snap.settle();
  }

  /** Notes what skipReason found of the text now: whether it holds a NUL character. */
  noteNulFree(nulFree: boolean): void {
    if (!this.pending.length) this.baseNulFree = nulFree;
  }

  /** A character of the text now (NaN outside it), read through the pending edits. */
  private charCodeAt(offset: number): number {
    return charCodeThroughEdits(this.base, this.pending, offset);
  }

  /**
   * Makes the line offsets now when the text has none yet and no edit is pending (a document just
   * opened), so that the first change does not (issue 13, firstedit). Builds no text.
   */
  prepareLineOffsets(): void {
    if (!this.lineOffsets && !this.pending.length) this.lineOffsets = lineOffsetsOf(this.base, true, 0);
  }

  private getLineOffsets(): number[] {
    return (this.lineOffsets ??= lineOffsetsOf(this.text(), true, 0));
  }

  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** The TextDocuments configuration that makes these documents. */
  static create(uri: string, languageId: string, version: number, content: string): EditedDocument {
    return new EditedDocument(uri, languageId, version, content);
  }

  static update(document: EditedDocument, changes: TextDocumentContentChangeEvent[], version: number): EditedDocument {
    document.update(changes, version);
    return document;
  }
}

function isEol(c: number): boolean {
  return c === CR || c === LF;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/**
 * Where each line of `text` starts (after `textOffset`); with the first line's start when `atLineStart`.
 * Found with indexOf rather than a loop over every character: the first edit after the open counts a
 * whole document's lines, and the server runs without on-stack replacement (./v8-flags.ts), so such a
 * loop ran in the interpreter there (about 4 ms of the first 100 KB keystroke, issue 13 smalldoc).
 */
function lineOffsetsOf(text: string, atLineStart: boolean, textOffset: number): number[] {
  const out = atLineStart ? [textOffset] : [];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    // The next line break: a LF, a CR, or a CR LF pair (one break).
    let end: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      end = cr;
      if (lf === cr + 1) {
        end = lf;
        lf = text.indexOf('\n', lf + 1);
      }
      cr = text.indexOf('\r', cr + 1);
    } else {
      end = lf;
      lf = text.indexOf('\n', lf + 1);
    }
    out.push(textOffset + end + 1);
  }
  return out;
}
