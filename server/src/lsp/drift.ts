/**
 * Positions between the text a review was made of and the document as it is now. Requests answer
 * from the last completed review (./schedule.ts), which may be a few edits old; the edits since then
 * are taken as one changed region (common prefix and suffix of the two texts), so a position outside
 * that region maps exactly and one inside it does not map at all. A range that a client will edit or
 * draw (a fix, a rename, a token) maps only when it lies wholly outside the region; a range that only
 * locates something (a section in the outline, a fold) may stretch over it.
 */
import type { CodeAction, DocumentSymbol, FoldingRange, Position, Range, TextEdit } from 'vscode-languageserver/node';
import { offsetAt, positionAt } from '../model';
import { changedRange } from '../model/incremental';
import type { TextSnapshot } from './text-snapshot';

/** One side of the mapping: a text with its line starts (the review's model, or the open document). */
export interface TextSide {
  text: string;
  /**
   * The text's characters and length when reading them need not build the text (a version the
   * server's thread holds as edits, ./text-snapshot.ts); a mapping through one edit reads only these.
   */
  chars?: TextChars;
  offsetAt(pos: Position): number;
  positionAt(offset: number): Position;
}

/** Characters of a text, read one at a time. */
export interface TextChars {
  readonly length: number;
  charCodeAt(offset: number): number;
}

/** A side backed by a list of line starts (what the model keeps). */
export function sideOf(text: string, lineStarts: number[]): TextSide {
  return { text, offsetAt: (p) => offsetAt(lineStarts, text.length, p), positionAt: (o) => positionAt(lineStarts, o) };
}

/** sideOf for a text held as a snapshot (./text-snapshot.ts): built only when a caller reads `text`. */
export function sideOfSnapshot(snapshot: TextSnapshot, lineStarts: number[]): TextSide & { snapshot: TextSnapshot } {
  return { get text() { return snapshot.text; }, chars: snapshot, snapshot, offsetAt: (p) => offsetAt(lineStarts, snapshot.length, p), positionAt: (o) => positionAt(lineStarts, o) };
}

export class TextDrift {
  /** The changed region: old [start, oldEnd) is new [start, newEnd). */
  private readonly start: number;
  private readonly oldEnd: number;
  private readonly newEnd: number;
  readonly identical: boolean;

  /** `region`: the changed region when the caller knows it (see ofEdit); else it is worked out from the two texts. */
  constructor(readonly before: TextSide, readonly after: TextSide, region?: { start: number; oldEnd: number; newEnd: number }) {
    if (region) {
      this.identical = region.start === region.oldEnd && region.oldEnd === region.newEnd && region.start === (before.chars ?? before.text).length;
    } else {
      this.identical = before.text === after.text;
      region = this.identical ? { start: after.text.length, oldEnd: after.text.length, newEnd: after.text.length } : changedRange(before.text, after.text);
    }
    this.start = region.start;
    this.oldEnd = region.oldEnd;
    this.newEnd = region.newEnd;
  }

  /**
   * The mapping when the current text is `before.text` with one edit (`after` is that text's side,
   * whose text is not read): the same mapping as from the two texts, without building or reading
   * the current one (issue 13, hover: ./edited-document.ts).
   */
  static ofEdit(before: TextSide, after: TextSide, edit: { start: number; end: number; text: string }): TextDrift {
    return new TextDrift(before, after, changedRangeOfEdit(before.chars ?? before.text, edit.start, edit.end, edit.text));
  }

  private get delta(): number {
    return this.newEnd - this.oldEnd;
  }

  /** A position of the current text in the reviewed one; null inside the changed region. */
  toBefore(pos: Position): Position | null {
    if (this.identical) return pos;
    const n = this.after.offsetAt(pos);
    if (n <= this.start) return this.before.positionAt(n);
    if (n >= this.newEnd) return this.before.positionAt(n - this.delta);
    return null;
  }

  /** A range of the current text in the reviewed one, stretched over the changed region where it touches it. */
  rangeToBefore(range: Range): Range {
    if (this.identical) return range;
    const a = this.after.offsetAt(range.start);
    const b = this.after.offsetAt(range.end);
    const map = (n: number, end: boolean) => (n <= this.start ? n : n >= this.newEnd ? n - this.delta : end ? this.oldEnd : this.start);
    return { start: this.before.positionAt(map(a, false)), end: this.before.positionAt(map(b, true)) };
  }

  /** A range of the reviewed text that an edit or a token covers, now; null when it touches the changed region. */
  exact(range: Range): Range | null {
    if (this.identical) return range;
    const a = this.before.offsetAt(range.start);
    const b = this.before.offsetAt(range.end);
    // Entirely before the region, or entirely after it (an empty range at the region's start counts as before).
    if (b <= this.start) return { start: this.after.positionAt(a), end: this.after.positionAt(b) };
    if (a >= this.oldEnd) return { start: this.after.positionAt(a + this.delta), end: this.after.positionAt(b + this.delta) };
    return null;
  }

  /** A range of the reviewed text that locates something, now: stretched over the changed region where it touches it. */
  locate(range: Range): Range {
    if (this.identical) return range;
    const a = this.before.offsetAt(range.start);
    const b = this.before.offsetAt(range.end);
    // Text inserted exactly where the range starts goes before it; where it ends, after it.
    const map = (o: number, end: boolean) => ((end ? o <= this.start : o < this.start) ? o : o >= this.oldEnd ? o + this.delta : end ? this.newEnd : this.start);
    const start = map(a, false);
    return { start: this.after.positionAt(start), end: this.after.positionAt(Math.max(start, map(b, true))) };
  }
}

/**
 * changedRange(before, after) for `after = before.slice(0, start) + insert + before.slice(end)`,
 * reading `after` through the edit: the common prefix is at least `start` long and the common
 * suffix at least `before.length - end`, and each is extended from there a character at a time
 * (usually none: only a repeated character beside the edit extends them), capped as changedRange
 * caps them.
 */
export function changedRangeOfEdit(before: TextChars, start: number, end: number, insert: string): { start: number; oldEnd: number; newEnd: number } {
  const delta = insert.length - (end - start);
  const afterLength = before.length + delta;
  const afterAt = (i: number): number => (i < start ? before.charCodeAt(i) : i < start + insert.length ? insert.charCodeAt(i - start) : before.charCodeAt(i - delta));
  const max = Math.min(before.length, afterLength);
  let p = Math.min(start, max);
  while (p < max && before.charCodeAt(p) === afterAt(p)) p++;
  let s = Math.min(before.length - end, max - p);
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === afterAt(afterLength - 1 - s)) s++;
  return { start: p, oldEnd: before.length - s, newEnd: afterLength - s };
}

// ---------------------------------------------------------------------------------------------
// Answers made from an older review, moved to the current version

/**
 * A code action of the reviewed text, now: its edits moved (null when one touches the changed
 * region, since it would replace the wrong words), its diagnostics located, and the line a client
 * command names (accepting a finding) moved. Edits name the document's current version.
 */
export function driftCodeAction(action: CodeAction, uri: string, drift: TextDrift): CodeAction | null {
  const moveEdits = <T extends { range: Range }>(edits: T[]): T[] | null => {
    const out: T[] = [];
    for (const e of edits) {
      const range = drift.exact(e.range);
      if (!range) return null;
      out.push({ ...e, range });
    }
    return out;
  };
  const out: CodeAction = { ...action };
  if (action.edit?.documentChanges) {
    const changes = [];
    for (const c of action.edit.documentChanges) {
      if (!('edits' in c)) return null;
      const edits = moveEdits(c.edits);
      if (!edits) return null;
      changes.push({ ...c, edits });
    }
    out.edit = { ...action.edit, documentChanges: changes };
  } else if (action.edit?.changes) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [u, edits] of Object.entries(action.edit.changes)) {
      const moved = moveEdits(edits);
      if (!moved) return null;
      changes[u] = moved;
    }
    out.edit = { ...action.edit, changes };
  }
  if (action.diagnostics) out.diagnostics = action.diagnostics.map((d) => ({ ...d, range: drift.locate(d.range) }));
  const args = action.command?.arguments?.[0] as { uri?: string; line?: number } | undefined;
  if (action.command && args && args.uri === uri && typeof args.line === 'number') {
    const at = drift.exact({ start: { line: args.line, character: 0 }, end: { line: args.line, character: 0 } });
    if (!at) return null;
    out.command = { ...action.command, arguments: [{ ...args, line: at.start.line }, ...action.command.arguments!.slice(1)] };
  }
  return out;
}

/** Outline symbols of the reviewed text, located in the current one. */
export function driftSymbols(symbols: DocumentSymbol[], drift: TextDrift): DocumentSymbol[] {
  return symbols.map((s) => {
    const range = drift.locate(s.range);
    const selection = drift.locate(s.selectionRange);
    // The selection must lie inside the range, which the stretching keeps (both move alike).
    return { ...s, range, selectionRange: selection, ...(s.children ? { children: driftSymbols(s.children, drift) } : {}) };
  });
}

/** Folding ranges of the reviewed text, in the current one (by lines). */
export function driftFoldingRanges(ranges: FoldingRange[], drift: TextDrift): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const f of ranges) {
    const r = drift.locate({ start: { line: f.startLine, character: 0 }, end: { line: f.endLine, character: 0 } });
    if (r.end.line > r.start.line) out.push({ ...f, startLine: r.start.line, endLine: r.end.line, startCharacter: undefined, endCharacter: undefined });
  }
  return out;
}

/**
 * Semantic tokens of the reviewed text (LSP's relative encoding), in the current one: a token moves
 * when its text is unchanged, and is left out when the changed region touches it.
 */
export function driftSemanticTokens(data: number[], drift: TextDrift): number[] {
  if (drift.identical) return data;
  const out: number[] = [];
  let line = 0;
  let char = 0;
  let prevLine = 0;
  let prevChar = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const length = data[i + 2];
    const moved = drift.exact({ start: { line, character: char }, end: { line, character: char + length } });
    if (!moved || moved.start.line !== moved.end.line) continue;
    const deltaLine = moved.start.line - prevLine;
    out.push(deltaLine, deltaLine === 0 ? moved.start.character - prevChar : moved.start.character, length, data[i + 3], data[i + 4]);
    prevLine = moved.start.line;
    prevChar = moved.start.character;
  }
  return out;
}
