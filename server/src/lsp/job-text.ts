/**
 * How a review job's text travels to the review worker (issue 13): the worker keeps the text of the
 * last job of each document it reviews, so a job after an edit carries only the changed range and
 * its new text instead of the whole document (a 1 MB contract was copied to the worker on every
 * keystroke). The server's thread remembers what it sent (SentTexts); the worker rebuilds the text
 * from what it kept (KeptTexts) and asks for the whole text when it no longer holds the version the
 * edit was made against. It also says which texts it let go (KeptTexts.retain, SentTexts.letGo), so
 * that a document's next job goes whole at once rather than as an edit refused first.
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

/**
 * A job's text as it is sent: whole, or as an edit of the previous job's. Whole with `then`: `text`
 * with those edits applied in order is the job's text, of `length` characters (SentTexts.whole).
 */
export type JobText = { text: string; then?: readonly PendingEdit[]; length?: number } | { edit: JobTextEdit };

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

/** A text the worker let go of: the document and the version of its last job (KeptTexts.retain). */
export interface DroppedText {
  uri: string;
  version: number;
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
    if (!last) return SentTexts.whole(snap);
    const edits = snap.editsSince(last.text);
    if (edits && edits.length <= MAX_WIRE_EDITS) return { edit: editsWire(last.version, last.text.length, edits, snap.length) };
    return { edit: textEdit(last.version, last.text.text, snap.text) };
  }

  /**
   * A job's text sent whole: when the snapshot's text is not built, its base and the editor's edits
   * since (issue 13, rssmain), which the worker applies, rather than the text built here. Building it
   * made a 2 MB string in this thread for every such job of a 1 MB contract (every job of a document
   * without a state in the worker), left for V8 to collect: with twenty documents edited in turns the
   * server thread's large-object space grew from 43 MB to 137-153 MB, nearly all of it dead texts.
   * `flat`: the built text all the same (the worker could not apply the edits: never expected).
   */
  static whole(snap: TextSnapshot, flat = false): { text: string; then?: readonly PendingEdit[]; length?: number } {
    if (flat || snap.builtText !== undefined || !snap.edits.length || snap.edits.length > MAX_WIRE_EDITS) return { text: snap.text };
    return { text: snap.base, then: snap.edits, length: snap.length };
  }

  /**
   * The wire a job of `version` would travel as, when that is the editor's edits since the text sent
   * (cheap to find: nothing built or compared); undefined otherwise. Sent ahead of the job so that
   * the worker builds and flattens the new text while this thread still holds the job (KeptTexts.prepare).
   */
  aheadWire(uri: string, snap: TextSnapshot): { edit: JobTextEdit } | undefined {
    const last = this.sent.get(uri);
    const edits = last ? snap.editsSince(last.text) : undefined;
    if (!last || !edits || !edits.length || edits.length > MAX_WIRE_EDITS) return undefined;
    return { edit: editsWire(last.version, last.text.length, edits, snap.length) };
  }

  /** The job went out: the worker now holds its text. */
  sentTo(uri: string, version: number, text: string | TextSnapshot): void {
    this.sent.set(uri, { version, text: typeof text === 'string' ? TextSnapshot.of(text) : text });
  }

  /**
   * The worker let go of the document's text of `version` (KeptTexts.retain, told by a `dropped`
   * message): forgotten here when that is still the text last sent, so that the next job goes whole
   * at once instead of as an edit the worker would refuse (issue 13, serverrefuse). A later job
   * already sent (the message crossed it) is left alone: the worker either keeps that job's text
   * or refuses its edit, as before. Returns whether it forgot.
   */
  letGo(uri: string, version: number): boolean {
    if (this.sent.get(uri)?.version !== version) return false;
    this.sent.delete(uri);
    return true;
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
  /**
   * Per document, a text built ahead of its job (prepare) from the edit the job will carry, already
   * flattened, with that edit: taken by the job whose wire is the same edit of the same kept text.
   */
  private readonly prepared = new Map<string, { version: number; wire: JobTextEdit; text: string; edit: KnownEdit }>();
  /** Texts prepared ahead, and how many of them a job took (for tests and traces). */
  readonly ahead = { prepared: 0, taken: 0 };

  /**
   * Builds the text of a job not yet sent (`version`, made by `wire` from the kept text) and reads it
   * once, so that V8 copies the concatenation into one flat string now, while the server's thread
   * still holds the job, rather than at the job's first read (issue 13, editmodel: about 1.3 ms of
   * CPU for a 1 MB contract, a fresh 2 MB string). Returns whether it was prepared; the job
   * recomputes the text as before when nothing matches.
   */
  prepare(uri: string, version: number, wire: { edit: JobTextEdit }): boolean {
    const last = this.kept.get(uri);
    const text = last && last.version === wire.edit.baseVersion ? applyTextEdit(last.text, wire.edit) : undefined;
    if (text === undefined) {
      this.prepared.delete(uri);
      return false;
    }
    // Any read flattens the whole concatenation (a character is the cheapest read).
    text.charCodeAt(0);
    this.prepared.set(uri, { version, wire: wire.edit, text, edit: knownEditOf(last!.text, text, wire.edit) });
    this.ahead.prepared++;
    return true;
  }

  /** The prepared text of this job, when the job is the edit it was prepared from (and the kept text is still the one it applies to). */
  private takePrepared(uri: string, version: number, wire: JobTextEdit): { text: string; edit: KnownEdit } | undefined {
    const p = this.prepared.get(uri);
    if (!p) return undefined;
    const last = this.kept.get(uri);
    if (p.version !== version || !last || last.version !== wire.baseVersion || p.edit.before !== last.text || !sameWire(p.wire, wire)) return undefined;
    return { text: p.text, edit: p.edit };
  }

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
    const ready = 'edit' in wire ? this.takePrepared(uri, version, wire.edit) : undefined;
    // A prepared text serves one job at most: the next job's edit is made against this one's text.
    this.prepared.delete(uri);
    if (ready) {
      ({ text, edit } = ready);
      this.ahead.taken++;
    }
    else if ('text' in wire) text = wire.then ? applyEdits(wire.text, wire.then, wire.length) : wire.text;
    else {
      const last = this.kept.get(uri);
      text = last && last.version === wire.edit.baseVersion ? applyTextEdit(last.text, wire.edit) : undefined;
      if (text !== undefined) edit = knownEditOf(last!.text, text, wire.edit);
    }
    if (text === undefined) this.kept.delete(uri);
    else this.kept.set(uri, { version, text });
    return text === undefined ? undefined : edit ? { text, edit } : { text };
  }

  /**
   * Lets go of the texts of the documents `keep` says no; the next job of one comes whole. Returns
   * the texts let go (document and version), which the worker tells the server's thread
   * (SentTexts.letGo); empty when none.
   */
  retain(keep: (uri: string) => boolean): DroppedText[] {
    const dropped: DroppedText[] = [];
    for (const [uri, k] of this.kept) if (!keep(uri)) dropped.push({ uri, version: k.version });
    for (const d of dropped) this.kept.delete(d.uri);
    for (const uri of [...this.prepared.keys()]) if (!this.kept.has(uri)) this.prepared.delete(uri);
    return dropped;
  }

  forget(uri: string): void {
    this.kept.delete(uri);
    this.prepared.delete(uri);
  }

  clear(): void {
    this.kept.clear();
    this.prepared.clear();
  }

  has(uri: string): boolean {
    return this.kept.has(uri);
  }
}

/** `base` with `edits` applied in order, read once (flattened here, not at the review's first read); undefined when they do not fit or the length is not `length`. */
function applyEdits(base: string, edits: readonly PendingEdit[], length: number | undefined): string | undefined {
  let text: string | undefined = base;
  for (const e of edits) if (text !== undefined) text = applyOne(text, e.start, e.end, e.text);
  if (text === undefined || text.length !== length) return undefined;
  text.charCodeAt(0);
  return text;
}

/** Do two wire edits say the same thing (the same base, range, insert and later edits)? */
function sameWire(a: JobTextEdit, b: JobTextEdit): boolean {
  if (a.baseVersion !== b.baseVersion || a.baseLength !== b.baseLength || a.start !== b.start || a.end !== b.end || a.insert !== b.insert || a.length !== b.length) return false;
  const am = a.more ?? [];
  const bm = b.more ?? [];
  if (am.length !== bm.length) return false;
  for (let i = 0; i < am.length; i++) if (am[i].start !== bm[i].start || am[i].end !== bm[i].end || am[i].text !== bm[i].text) return false;
  return true;
}
