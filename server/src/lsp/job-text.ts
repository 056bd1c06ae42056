/**
 * How a review job's text travels to the review worker (issue 13): the worker keeps the text of the
 * last job of each document it reviews, so a job after an edit carries only the changed range and
 * its new text instead of the whole document (a 1 MB contract was copied to the worker on every
 * keystroke). The server's thread remembers what it sent (SentTexts); the worker rebuilds the text
 * from what it kept (KeptTexts) and asks for the whole text when it no longer holds the version the
 * edit was made against.
 *
 * The range is the common prefix and suffix of the two texts (model/incremental.ts changedRange,
 * about a millisecond for 1 MB), not the editor's content changes: the worker's queue keeps only the
 * newest version of each document, so one job may stand for several changes, which this range
 * covers whatever they were.
 *
 * When the server's thread holds the new text as the sent one plus the editor's edits
 * (./text-snapshot.ts), those edits travel instead, and neither text is built or compared there
 * (issue 13, model): the worker applies them in order and hands the range they cover to the model.
 */
import { changedRange, type KnownEdit } from '../model/incremental';
import { editsRange, TextSnapshot, type PendingEdit } from './text-snapshot';

/** More edits than this since the text sent: the texts are compared instead. */
const MAX_WIRE_EDITS = 64;

/** A job's text as the edit of an earlier one: `before.slice(0, start) + insert + before.slice(end)`. */
export interface JobTextEdit {
  /** The version of the document whose text the edit applies to (the previous job's). */
  baseVersion: number;
  /** That text's length: a check that the worker's copy is the one meant. */
  baseLength: number;
  start: number;
  end: number;
  insert: string;
  /** The new text's length (a second check). */
  length: number;
  /** Edits applied after this one, in order, each in the offsets of the text the ones before it made. */
  more?: PendingEdit[];
}

/** A job's text as it is sent: whole, or as an edit of the previous job's. */
export type JobText = { text: string } | { edit: JobTextEdit };

/** The edit turning `before` (of `baseVersion`) into `after`. */
export function textEdit(baseVersion: number, before: string, after: string): JobTextEdit {
  const r = changedRange(before, after);
  return { baseVersion, baseLength: before.length, start: r.start, end: r.oldEnd, insert: after.slice(r.start, r.newEnd), length: after.length };
}

/** The edit applied to `before`; undefined when `before` is not the text it was made against. */
export function applyTextEdit(before: string, edit: JobTextEdit): string | undefined {
  if (before.length !== edit.baseLength) return undefined;
  let text = applyOne(before, edit.start, edit.end, edit.insert);
  for (const e of edit.more ?? []) if (text !== undefined) text = applyOne(text, e.start, e.end, e.text);
  return text !== undefined && text.length === edit.length ? text : undefined;
}

function applyOne(before: string, start: number, end: number, insert: string): string | undefined {
  if (!(start >= 0 && start <= end && end <= before.length)) return undefined;
  if (start === 0 && end === before.length) return insert;
  return before.slice(0, start) + insert + before.slice(end);
}

/** The wire edit made of the editor's edits since the text sent (none: the same text). */
function editsWire(baseVersion: number, baseLength: number, edits: readonly PendingEdit[], length: number): JobTextEdit {
  if (!edits.length) return { baseVersion, baseLength, start: baseLength, end: baseLength, insert: '', length };
  const [first, ...more] = edits;
  return { baseVersion, baseLength, start: first.start, end: first.end, insert: first.text, length, ...(more.length ? { more } : {}) };
}

/** The KnownEdit (model/incremental.ts) of a wire edit applied to `before`, giving `text`. */
function knownEditOf(before: string, text: string, edit: JobTextEdit): KnownEdit {
  if (!edit.more) return { before, start: edit.start, oldEnd: edit.end, insert: edit.insert };
  const r = editsRange([{ start: edit.start, end: edit.end, text: edit.insert }, ...edit.more], before.length);
  return { before, start: r.start, oldEnd: r.oldEnd, insert: text.slice(r.start, r.newEnd) };
}

/** The server's side: the text last sent to the worker for each document. */
export class SentTexts {
  private readonly sent = new Map<string, { version: number; text: TextSnapshot }>();

  /**
   * The job's text as it should travel: an edit when the worker holds the previous job's text; the
   * editor's edits since then when `text` is a snapshot that holds them (nothing is built or compared).
   */
  wire(uri: string, version: number, text: string | TextSnapshot): JobText {
    const snap = typeof text === 'string' ? TextSnapshot.of(text) : text;
    const last = this.sent.get(uri);
    if (!last) return { text: snap.text };
    const edits = snap.editsSince(last.text);
    if (edits && edits.length <= MAX_WIRE_EDITS) return { edit: editsWire(last.version, last.text.length, edits, snap.length) };
    return { edit: textEdit(last.version, last.text.text, snap.text) };
  }

  /** The job went out: the worker now holds its text. */
  sentTo(uri: string, version: number, text: string | TextSnapshot): void {
    this.sent.set(uri, { version, text: typeof text === 'string' ? TextSnapshot.of(text) : text });
  }

  /** The worker does not hold the document's text (forgotten, asked for it whole, or a new worker). */
  forget(uri: string): void {
    this.sent.delete(uri);
  }

  clear(): void {
    this.sent.clear();
  }

  /** Documents whose text the worker is taken to hold (for tests). */
  get size(): number {
    return this.sent.size;
  }
}

/** The worker's side: the text of the last job of each document. */
export class KeptTexts {
  private readonly kept = new Map<string, { version: number; text: string }>();

  /** The job's whole text; undefined when it came as an edit of a text not kept here (the server's thread then sends it whole). */
  receive(uri: string, version: number, wire: JobText): string | undefined {
    return this.receiveJob(uri, version, wire)?.text;
  }

  /**
   * receive(), with the edit that made the text from the previous job's when it came as one: the
   * job's `edit` (./review-job.ts), which the model takes as the changed range instead of comparing
   * the two texts again.
   */
  receiveJob(uri: string, version: number, wire: JobText): { text: string; edit?: KnownEdit } | undefined {
    let text: string | undefined;
    let edit: KnownEdit | undefined;
    if ('text' in wire) text = wire.text;
    else {
      const last = this.kept.get(uri);
      text = last && last.version === wire.edit.baseVersion ? applyTextEdit(last.text, wire.edit) : undefined;
      if (text !== undefined) edit = knownEditOf(last!.text, text, wire.edit);
    }
    if (text === undefined) this.kept.delete(uri);
    else this.kept.set(uri, { version, text });
    return text === undefined ? undefined : edit ? { text, edit } : { text };
  }

  /** Lets go of the texts of the documents `keep` says no; the next job of one comes whole. */
  retain(keep: (uri: string) => boolean): void {
    for (const uri of [...this.kept.keys()]) if (!keep(uri)) this.kept.delete(uri);
  }

  forget(uri: string): void {
    this.kept.delete(uri);
  }

  clear(): void {
    this.kept.clear();
  }

  has(uri: string): boolean {
    return this.kept.has(uri);
  }
}
