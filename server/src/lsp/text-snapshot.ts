/**
 * One version of an open document's text as the server's thread holds it without building it
 * (issue 13, model): an earlier text and the edits made since, in order. The review worker keeps
 * the text of the last job it got and needs only the edits since then (./job-text.ts), and a
 * request answered from the last review maps positions through the edits (./drift.ts), so for a
 * large document on the worker the server's thread need not build (and V8 copy) the whole new text
 * on every keystroke: about 7 ms of CPU and a fresh 2 MB string for a 1 MB contract.
 */

/** A change as kept: the text after it is `before.slice(0, start) + text + before.slice(end)`. */
export interface PendingEdit {
  start: number;
  end: number;
  text: string;
}

export class TextSnapshot {
  /** The whole text, once someone built it (or was given it). */
  private built: string | undefined;

  /**
   * `base` with `edits` applied in order is this version's text, of `length` characters. `baseNulFree`:
   * whether `base` is known to hold no NUL character (undefined when not known). `base` and `edits`
   * change only in settle(), which makes them the built text and no edits: the same text.
   */
  constructor(public base: string, public edits: readonly PendingEdit[], readonly length: number, private readonly baseNulFree?: boolean) {
    if (edits.length === 0) this.built = base;
  }

  /**
   * Once the text is built, lets go of the text before the edits (issue 13, memory): the built text
   * becomes the base, with no edits. Until then a snapshot held both, a second copy of a large
   * document (2 MB for a 1 MB contract) for as long as the server kept the snapshot (the last
   * review's text, the last text sent to the worker). Called when idle (../lsp/edited-document.ts
   * settleText), together with the document's own base, so that editsSince still finds the next
   * snapshot's edits by its base.
   */
  settle(): void {
    if (this.built === undefined || this.edits.length === 0) return;
    this.base = this.built;
    this.edits = [];
  }

  /** A snapshot of a text that is already whole. */
  static of(text: string): TextSnapshot {
    return new TextSnapshot(text, [], text.length);
  }

  /** The whole text, built on first use. */
  get text(): string {
    if (this.built === undefined) {
      let t = this.base;
      for (const e of this.edits) t = t.substring(0, e.start) + e.text + t.substring(e.end, t.length);
      this.built = t;
    }
    return this.built;
  }

  /** The whole text if it was built already, else undefined. */
  get builtText(): string | undefined {
    return this.built;
  }

  /** Takes `text`, built elsewhere from the same base and edits, as this version's text (so that identity checks find it). */
  adopt(text: string): void {
    if (text.length === this.length) this.built = text;
  }

  /** A character of the text (NaN outside it), read through the edits without building the text. */
  charCodeAt(offset: number): number {
    if (this.built !== undefined) return this.built.charCodeAt(offset);
    return charCodeThroughEdits(this.base, this.edits, offset);
  }

  /**
   * Whether the text may hold a NUL character (a binary file, engine/document.ts skipReason): false
   * only when it holds none. When the base is known to hold none, only the inserted texts are read (an
   * edit adds no NUL it does not insert), so a NUL typed and deleted again still answers true.
   */
  mayHoldNul(): boolean {
    if (this.baseNulFree === true && this.built === undefined) return this.edits.some((e) => e.text.includes('\0'));
    return this.text.includes('\0');
  }

  /**
   * The edits that turn `older` into this text, in order, when this snapshot is `older` with more
   * edits (the same base, and `older`'s edits the first of this one's), or when this one's base is
   * `older`'s built text; undefined otherwise (the caller then compares the two texts).
   */
  editsSince(older: TextSnapshot): readonly PendingEdit[] | undefined {
    if (older === this) return [];
    if (older.base === this.base && older.edits.length <= this.edits.length) {
      for (let i = 0; i < older.edits.length; i++) if (older.edits[i] !== this.edits[i]) return undefined;
      return this.edits.slice(older.edits.length);
    }
    if (older.built !== undefined && older.built === this.base) return this.edits;
    return undefined;
  }
}

/**
 * The range `edits` (applied in order to a text) changed, as changedRange (model/incremental.ts) would
 * bound it before trimming: old [start, oldEnd) became new [start, newEnd). Not minimal: characters
 * an edit replaced by the same ones count as changed.
 */
export function editsRange(edits: readonly PendingEdit[], oldLength: number): { start: number; oldEnd: number; newEnd: number } {
  if (!edits.length) return { start: oldLength, oldEnd: oldLength, newEnd: oldLength };
  // In the coordinates of the text so far: [start, end) of it replaced old [start, oldEnd).
  let start = edits[0].start;
  let end = edits[0].start + edits[0].text.length;
  let oldEnd = edits[0].end;
  for (let i = 1; i < edits.length; i++) {
    const e = edits[i];
    // Past `end` the text so far is the old text moved by (end - oldEnd).
    const coveredEnd = Math.max(end, e.end);
    oldEnd += coveredEnd - end;
    start = Math.min(start, e.start);
    end = coveredEnd + e.text.length - (e.end - e.start);
  }
  return { start, oldEnd, newEnd: end };
}

/**
 * A character of `base` with `edits` applied in order (NaN outside the result), read without building
 * that text: from the last edit back, an offset inside an edit's new text is read there, and one after
 * it is shifted back by what the edit added.
 */
export function charCodeThroughEdits(base: string, edits: readonly PendingEdit[], offset: number): number {
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i];
    if (offset < e.start) continue;
    if (offset < e.start + e.text.length) return e.text.charCodeAt(offset - e.start);
    offset -= e.text.length - (e.end - e.start);
  }
  return base.charCodeAt(offset);
}
