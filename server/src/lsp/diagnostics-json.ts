/**
 * A document's published diagnostics as JSON, made again after each review only where the findings
 * changed (issue 13). A keystroke changes a few findings, and moves the positions of those after it
 * on its line (on every later line when it adds or removes a line break), but the publish carries
 * the whole list: 430 diagnostics (173 KB of JSON) for a 100 KB contract, 3,880 (1.58 MB) for 1 MB.
 *
 * Each finding's JSON (./convert.ts toLspDiagnostic, as JSON.stringify writes it) is kept as UTF-8
 * bytes without its range, keyed by what the rest of it is made of: rule, severity, message,
 * category, the clauses its fixes insert and the provisions cited. A review's findings are matched
 * to the previous review's in order (both are sorted by position), so the key is compared, never
 * built or hashed: unchanged findings cost a few comparisons of strings that are equal or differ at
 * once. Only a finding with no match is serialised. The range is written from its four numbers when
 * the JSON is written out, so moved findings cost nothing to make either.
 *
 * The result (DiagnosticsJsonText) is written straight into the stdio writer's output buffer (the
 * server's thread, ./output-buffer.ts), or into the buffer the worker transfers (./review-worker.ts),
 * with no string of the whole list in between. Its bytes are those of JSON.stringify(diagnosticsOf(result, shape)).
 *
 * For a client that takes diagnostic changes (issue 13, delta; ./protocol.ts), a cache made with
 * `changes` also says how each render's list differs from the one before (DiagnosticsJsonChange):
 * the findings both lists start and end with are those whose entry is the same object at the same
 * four positions, so the common prefix and suffix cost a comparison of pointers and numbers per
 * finding, not a pass over the bytes. Each render has a number (`render`) the server's thread keeps
 * for what it sent, so that it sends a change only on top of exactly those diagnostics. For a client
 * of version 2 (issue 13, linebreak), a finding whose entry is the same and whose range moved by whole
 * lines (both lines by the same number, characters the same) is a shift, not a splice: a line break
 * half way through a 1 MB contract otherwise resent the 1,836 findings below it (440 KB).
 */
import type { ReviewDiagnostic, ReviewResult } from '../engine';
import { problemDiagnostics, toLspDiagnostic, warningDiagnostics } from './convert';
import type { DiagnosticShape } from './diagnostic-shape';
import type { JsonWriter } from './raw-json';

/**
 * What a render holds per finding: the bytes after its range. A render holds the findings' entries
 * themselves (and one of these for a finding written whole) rather than a list of their tails made
 * per render (issue 13, editengine: 31 KB per 1 MB keystroke). An entry's tail is only ever replaced
 * by the same bytes in another block (compact()), so an older render still writes what it wrote.
 */
interface Tailed {
  readonly tail: Uint8Array;
}

/** A finding's JSON after its range, and what it is made of (the key it is found by). */
interface Entry extends Tailed {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly category: string;
  /** The finding's fixes' clause ids, in order, as in toLspDiagnostic's data (empty: none). */
  readonly clauseIds: readonly string[];
  readonly citations: readonly string[] | undefined;
  /** UTF-8 of `}},"severity":...}`: the diagnostic's JSON from the end of its range's last position. */
  tail: Uint8Array;
  /**
   * The diagnostic the entry was last matched to: the engine hands over the same object for a
   * finding of a block an edit moved (engine/block-diagnostics.ts), which then matches at once.
   */
  last: ReviewDiagnostic;
  /** Its index in the last render that used it (-1: none yet): the previous list's finding it stands for, in a change. */
  at: number;
}

/**
 * Numbers of renders, unique within a thread and, from a random start, across the two threads and
 * across a restarted worker: a change names the render it applies to (the server compares it with
 * the one it last sent).
 */
let nextRender = 1 + Math.floor(Math.random() * 2 ** 40);

/** A number for a render made later (the worker's first publish of a document, made without a cache; ./worker-json.ts fill). */
export function reserveRender(): number {
  return nextRender++;
}

/**
 * How a render's list differs from the previous render's, as splices of the published list (the
 * server's own diagnostics before the findings counted), applied in order: each replaces
 * `deleteCount` diagnostics at `start` of the list the splices before it made with `items`.
 */
export interface DiagnosticsJsonChange {
  /** The render this applies to. */
  readonly base: number;
  readonly splices: readonly ChangeStep[];
  /** The splices as clausewise/diagnosticChanges carries them: `[{"start":…,"deleteCount":…,"diagnostics":[…]},…]`. */
  readonly json: JsonWriter;
}

/** A splice, or (version 2 of changes, ./protocol.ts DiagnosticShift) `count` findings from `start` moved by `lineDelta` lines. */
export type ChangeStep =
  | { readonly start: number; readonly deleteCount: number; readonly items: DiagnosticsJsonText }
  | { readonly start: number; readonly count: number; readonly lineDelta: number };

/** How far ahead in the previous list a finding's match is looked for (findings removed by the edit). */
const LOOKAHEAD = 16;
/** Marks a diagnostic written whole from its bytes (a range not of the usual shape): never a line number. */
const WHOLE = 0xffffffff;

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** `{"range":{"start":{"line":`, then the start's character, the end's line and character. */
const OPEN = ascii('{"range":{"start":{"line":');
const CHARACTER = ascii(',"character":');
const END_LINE = ascii('},"end":{"line":');
/** Bytes of the constant parts of a diagnostic's range (the tail starts with the range's closing `}}`). */
const RANGE_CONSTANTS = OPEN.length + CHARACTER.length + END_LINE.length + CHARACTER.length;

/** The range's JSON as this module writes it: what JSON.stringify writes for a range of the usual shape. */
const rangeText = (l1: number, c1: number, l2: number, c2: number): string => `{"start":{"line":${l1},"character":${c1}},"end":{"line":${l2},"character":${c2}}}`;

const isPosition = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 0x7fffffff;

function digits(n: number): number {
  let k = 1;
  while (n >= 10) { n = Math.floor(n / 10); k++; }
  return k;
}

function putNumber(out: Uint8Array, at: number, n: number): number {
  const end = at + digits(n);
  let p = end;
  do { out[--p] = 48 + (n % 10); n = Math.floor(n / 10); } while (n > 0);
  return end;
}

const SPLICE_START = ascii('{"start":');
const SPLICE_DELETE = ascii(',"deleteCount":');
const SPLICE_ITEMS = ascii(',"diagnostics":');
const SHIFT_COUNT = ascii(',"count":');
const SHIFT_DELTA = ascii(',"lineDelta":');

/** Bytes of a possibly negative integer. */
const signedDigits = (n: number): number => (n < 0 ? 1 + digits(-n) : digits(n));

/** A writer's JSON as a string (tests and the rare whole-text reader; publishes write bytes). */
function textOf(w: JsonWriter): string {
  const out = Buffer.allocUnsafe(w.byteLength);
  w.writeTo(out, 0);
  return out.toString('utf8');
}

/** Splices' JSON written from their items' writers (./raw-json.ts JsonWriter). */
class SplicesJson implements JsonWriter {
  readonly byteLength: number;
  constructor(private readonly splices: DiagnosticsJsonChange['splices'], private readonly bracketed = true) {
    let size = (bracketed ? 1 : 0) + 1 + Math.max(0, splices.length - 1);
    for (const x of splices) {
      size += SPLICE_START.length + digits(x.start) + 1;
      if ('items' in x) size += SPLICE_DELETE.length + digits(x.deleteCount) + SPLICE_ITEMS.length + x.items.byteLength;
      else size += SHIFT_COUNT.length + digits(x.count) + SHIFT_DELTA.length + signedDigits(x.lineDelta);
    }
    this.byteLength = size;
  }

  get isEmptyArray(): boolean {
    return this.splices.length === 0;
  }

  withoutBracket(): SplicesJson {
    return new SplicesJson(this.splices, false);
  }

  writeTo(out: Uint8Array, at: number): number {
    if (this.bracketed) out[at++] = 0x5b; // [
    this.splices.forEach((x, k) => {
      if (k) out[at++] = 0x2c; // ,
      out.set(SPLICE_START, at);
      at = putNumber(out, at + SPLICE_START.length, x.start);
      if (!('items' in x)) {
        out.set(SHIFT_COUNT, at);
        at = putNumber(out, at + SHIFT_COUNT.length, x.count);
        out.set(SHIFT_DELTA, at);
        at += SHIFT_DELTA.length;
        if (x.lineDelta < 0) out[at++] = 0x2d; // -
        at = putNumber(out, at, Math.abs(x.lineDelta));
        out[at++] = 0x7d; // }
        return;
      }
      out.set(SPLICE_DELETE, at);
      at = putNumber(out, at + SPLICE_DELETE.length, x.deleteCount);
      out.set(SPLICE_ITEMS, at);
      at = x.items.writeTo(out, at + SPLICE_ITEMS.length);
      out[at++] = 0x7d; // }
    });
    out[at++] = 0x5d; // ]
    return at;
  }

  toString(): string {
    return textOf(this);
  }
}

/** Whether a finding's fixes' clause ids, in order and each once (clauseIdsOf in ./convert.ts), are `ids`. */
function sameClauseIds(d: ReviewDiagnostic, ids: readonly string[]): boolean {
  let k = 0;
  for (const f of d.fixes) {
    const id = f.clauseId;
    if (!id) continue;
    let repeated = false;
    for (let m = 0; m < k; m++) if (ids[m] === id) { repeated = true; break; }
    if (repeated) continue;
    if (ids[k] !== id) return false;
    k++;
  }
  return k === ids.length;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  const an = a?.length ?? 0;
  if (an !== (b?.length ?? 0)) return false;
  for (let i = 0; i < an; i++) if (a![i] !== b![i]) return false;
  return true;
}

/** Whether the entry's JSON is the finding's, apart from the range. */
function matches(d: ReviewDiagnostic, e: Entry): boolean {
  const same = d.ruleId === e.ruleId && d.message === e.message && d.severity === e.severity && d.category === e.category
    && sameList(d.citations?.length ? d.citations : undefined, e.citations) && sameClauseIds(d, e.clauseIds);
  if (same) e.last = d;
  return same;
}

/**
 * One review's diagnostics as a JSON array, written into a buffer on demand. Immutable: the
 * entries' bytes are never overwritten, so it may be written out after a later review has been made.
 */
export class DiagnosticsJsonText implements JsonWriter {
  constructor(
    /** JSON of the server's diagnostics before the findings (input problems), without brackets; '' when none. */
    private readonly before: string,
    private readonly tails: readonly Tailed[],
    /** Four per finding: start line and character, end line and character (WHOLE: `tails` holds all of it). */
    private readonly positions: Uint32Array,
    /** JSON of the server's diagnostics after the findings (suppression warnings), without brackets; '' when none. */
    private readonly after: string,
    readonly byteLength: number,
    private readonly bracketed = true,
    /** Which render of its cache this is (./protocol.ts diagnostic changes); 0 for a part of one. */
    readonly render = 0,
    /** How it differs from the cache's previous render, when the cache was asked for changes and can say. */
    readonly change?: DiagnosticsJsonChange,
  ) {}

  /** The same JSON without its opening bracket (to follow other diagnostics, ./raw-json.ts). */
  withoutBracket(): DiagnosticsJsonText {
    return new DiagnosticsJsonText(this.before, this.tails, this.positions, this.after, this.byteLength - (this.bracketed ? 1 : 0), false);
  }

  /** The findings from `from` to `to` (indices among the findings, not counting `before`), as a JSON array of their own. */
  findings(from: number, to: number): DiagnosticsJsonText {
    return findingsJson(this.tails, this.positions, from, to);
  }

  get isEmptyArray(): boolean {
    return !this.before && !this.after && this.tails.length === 0;
  }

  /** Writes the JSON at `at` (the caller has room for byteLength bytes); returns where it ends. */
  writeTo(out: Uint8Array, at: number): number {
    if (this.bracketed) out[at++] = 0x5b; // [
    let first = true;
    if (this.before) {
      at += Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(this.before, at, 'utf8');
      first = false;
    }
    const tails = this.tails;
    const pos = this.positions;
    for (let i = 0, n = tails.length; i < n; i++) {
      if (first) first = false;
      else out[at++] = 0x2c; // ,
      const tail = tails[i].tail;
      const p = i * 4;
      if (pos[p] !== WHOLE) {
        out.set(OPEN, at);
        at = putNumber(out, at + OPEN.length, pos[p]);
        out.set(CHARACTER, at);
        at = putNumber(out, at + CHARACTER.length, pos[p + 1]);
        out.set(END_LINE, at);
        at = putNumber(out, at + END_LINE.length, pos[p + 2]);
        out.set(CHARACTER, at);
        at = putNumber(out, at + CHARACTER.length, pos[p + 3]);
      }
      out.set(tail, at);
      at += tail.length;
    }
    if (this.after) {
      if (!first) out[at++] = 0x2c;
      at += Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(this.after, at, 'utf8');
    }
    out[at++] = 0x5d; // ]
    return at;
  }

  toString(): string {
    return textOf(this);
  }
}

/**
 * A document's findings' JSON, kept from one review to the next (one per document: in the server's
 * thread for documents reviewed there, in the review worker for the others).
 */
export class DiagnosticsJsonCache {
  /**
   * `shape`: the findings whole, or compact for a client that asked (./diagnostic-shape.ts).
   * `changes`: each render also says how it differs from the previous one (a client that takes
   * changes): the version of changes the client asked for (./protocol.ts; `true` is 1, splices only;
   * 2 adds line shifts), 0 or false for none.
   */
  constructor(readonly shape: DiagnosticShape = 'full', changes: boolean | number = false) {
    this.changes = changesVersion(changes);
  }

  /** The version of changes each render says (0: none). */
  readonly changes: number;

  /** The previous render, as a change is made from it (only with `changes`): its number, entries by index (undefined: written whole), positions and the server's own diagnostics' JSON. */
  private previous: { render: number; entries: readonly (Entry | Tailed)[]; positions: Uint32Array; before: string; after: string; beforeCount: number } | undefined;

  /** The working list of render() for changes (see there). */
  private from = new Int32Array(0);
  /** The last review's findings' entries, in order. */
  private entries: Entry[] = [];
  /** Bytes of the entries' tails. */
  private liveBytes = 0;
  /** Bytes of the blocks made for tails since they were last copied together (old blocks may still be held by a live tail). */
  private blockBytes = 0;
  /** Findings whose JSON the last render made (the others' was kept): what an edit cost. */
  made = 0;
  /** Findings of the last render that were the previous render's diagnostic objects (matched without comparing). */
  sameObjects = 0;

  /** The diagnostics of a review (as ./convert.ts diagnosticsOf makes them in this cache's shape) as JSON, reusing the last review's where they match. */
  render(result: ReviewResult, render = nextRender++): DiagnosticsJsonText {
    const ds = result.diagnostics;
    const old = this.entries;
    this.sameObjects = 0;
    const n = ds.length;
    /** Per finding its entry, or (a finding written whole) its bytes. */
    const entries: Array<Entry | Tailed> = new Array<Entry | Tailed>(n);
    const positions = new Uint32Array(n * 4);
    /** Findings without a match: their JSON, made below. */
    const fresh: Array<{ entry: Entry; text: string }> = [];
    /** Findings written whole every time (a range not of the usual shape): their index and JSON. */
    const whole: Array<{ i: number; text: string }> = [];
    let size = 0;
    let j = 0;
    /** For a change: the index in the previous render of the entry each finding reuses (-1: none). */
    // Read only within this render: one list kept between renders (issue 13, editengine).
    const from = this.changes ? (this.from = this.from.length >= n ? this.from : new Int32Array(Math.max(n, this.from.length * 2))).fill(-1, 0, n) : undefined;
    for (let i = 0; i < n; i++) {
      const d = ds[i];
      let e: Entry | undefined;
      if (j < old.length && old[j].last === d) {
        e = old[j++];
        this.sameObjects++;
      } else if (j < old.length && matches(d, old[j])) e = old[j++];
      else {
        for (let k = j + 1, stop = Math.min(old.length, j + 1 + LOOKAHEAD); k < stop; k++) {
          if (matches(d, old[k])) {
            e = old[k];
            j = k + 1;
            break;
          }
        }
      }
      const r = d.range;
      const l1 = r.start.line, c1 = r.start.character, l2 = r.end.line, c2 = r.end.character;
      const p = i * 4;
      if (!e) {
        const text = JSON.stringify(toLspDiagnostic(d, this.shape));
        const prefix = `{"range":${rangeText(l1, c1, l2, c2)}`;
        if (!isPosition(l1) || !isPosition(c1) || !isPosition(l2) || !isPosition(c2) || !text.startsWith(prefix)) {
          // Not a range JSON.stringify writes as rangeText does: this one is made whole, each time.
          positions[p] = WHOLE;
          whole.push({ i, text });
          continue;
        }
        e = {
          ruleId: d.ruleId, severity: d.severity, message: d.message, category: d.category,
          clauseIds: clauseIdsOfFixes(d), citations: d.citations?.length ? d.citations : undefined, tail: EMPTY, last: d, at: -1,
        };
        // From the range's closing braces on.
        fresh.push({ entry: e, text: text.slice(prefix.length - 2) });
      } else if (!isPosition(l1) || !isPosition(c1) || !isPosition(l2) || !isPosition(c2)) {
        positions[p] = WHOLE;
        whole.push({ i, text: JSON.stringify(toLspDiagnostic(d, this.shape)) });
        continue;
      }
      entries[i] = e;
      if (from) {
        from[i] = e.at;
        e.at = i;
      }
      positions[p] = l1;
      positions[p + 1] = c1;
      positions[p + 2] = l2;
      positions[p + 3] = c2;
      size += RANGE_CONSTANTS + digits(l1) + digits(c1) + digits(l2) + digits(c2);
    }
    this.store(fresh);
    this.made = fresh.length + whole.length;
    let live = 0;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      if (e) live += e.tail.length;
    }
    for (const w of whole) {
      const tail = Buffer.from(w.text, 'utf8');
      entries[w.i] = { tail };
      size += tail.length;
    }
    size += live;
    const kept = (whole.length ? entries.filter((_, i) => positions[i * 4] !== WHOLE) : entries) as Entry[];
    this.entries = kept;
    this.liveBytes = live;
    if (this.blockBytes > 2 * live + 64 * 1024) this.compact();
    const problems = problemDiagnostics(result);
    const before = problems.map((d) => JSON.stringify(d)).join(',');
    const after = warningDiagnostics(result).map((d) => JSON.stringify(d)).join(',');
    const items = n + (before ? 1 : 0) + (after ? 1 : 0);
    size += 2 + Math.max(0, items - 1) + Buffer.byteLength(before, 'utf8') + Buffer.byteLength(after, 'utf8');
    if (!this.changes) return new DiagnosticsJsonText(before, entries, positions, after, size);
    const change = this.changeFrom(entries, from!, positions, before, after, problems.length);
    const text = new DiagnosticsJsonText(before, entries, positions, after, size, true, render, change);
    this.previous = { render, entries, positions, before, after, beforeCount: problems.length };
    return text;
  }

  /**
   * The splices from the previous render's list to this one. A finding that reuses an entry of the
   * previous render at the same four positions is the same JSON there and here; between two such
   * findings (in order in both lists, as entries are matched in order), whatever the old list had is
   * replaced by what the new one has. Undefined (the client gets the whole list) without a previous
   * render or when the server's own diagnostics around the findings changed.
   */
  private changeFrom(
    entries: readonly (Entry | Tailed)[], from: Int32Array, positions: Uint32Array, before: string, after: string, beforeCount: number,
  ): DiagnosticsJsonChange | undefined {
    const tails = entries;
    const prev = this.previous;
    if (!prev || prev.before !== before || prev.after !== after) return undefined;
    const op = prev.positions;
    const n = entries.length;
    const m = prev.entries.length;
    const shifts = this.changes >= 2;
    const splices: ChangeStep[] = [];
    /** The shift the last finding kept went into, while the next may join it (no splice between). */
    let shift: { start: number; count: number; lineDelta: number } | undefined;
    // i0, j0: the first finding of each list not yet accounted for.
    let i0 = 0;
    let j0 = 0;
    for (let i = 0; i < n; i++) {
      const j = from[i];
      // A finding written whole (from[i] -1) is never kept: its bytes are new each render.
      if (j < j0 || j >= m || prev.entries[j] !== entries[i]) continue;
      const p = i * 4, q = j * 4;
      if (positions[p + 1] !== op[q + 1] || positions[p + 3] !== op[q + 3]) continue;
      // Moved by whole lines when both lines moved by the same number (0: unchanged).
      const delta = positions[p] - op[q];
      if (positions[p + 2] - op[q + 2] !== delta || (delta !== 0 && !shifts)) continue;
      if (i > i0 || j > j0) {
        splices.push({ start: beforeCount + i0, deleteCount: j - j0, items: findingsJson(tails, positions, i0, i) });
        shift = undefined;
      }
      if (delta === 0) shift = undefined;
      else if (shift && shift.lineDelta === delta) shift.count++;
      else splices.push((shift = { start: beforeCount + i, count: 1, lineDelta: delta }));
      i0 = i + 1;
      j0 = j + 1;
    }
    if (i0 < n || j0 < m) splices.push({ start: beforeCount + i0, deleteCount: m - j0, items: findingsJson(tails, positions, i0, n) });
    return { base: prev.render, splices, json: new SplicesJson(splices) };
  }

  /** The new findings' tails, in one block of their own (never written again). */
  private store(fresh: Array<{ entry: Entry; text: string }>): void {
    if (!fresh.length) return;
    let total = 0;
    const sizes = fresh.map((f) => { const b = Buffer.byteLength(f.text, 'utf8'); total += b; return b; });
    const block = Buffer.allocUnsafeSlow(total);
    this.blockBytes += total;
    let at = 0;
    fresh.forEach((f, k) => {
      block.write(f.text, at, sizes[k], 'utf8');
      f.entry.tail = block.subarray(at, at + sizes[k]);
      at += sizes[k];
    });
  }

  /**
   * The tails copied together into one block, once the blocks made since the last time hold more
   * than twice what is live (edits replace tails, and a block lives as long as any of its tails).
   */
  private compact(): void {
    const block = Buffer.allocUnsafeSlow(this.liveBytes);
    let at = 0;
    for (const e of this.entries) {
      const t = e.tail;
      block.set(t, at);
      e.tail = block.subarray(at, at + t.length);
      at += t.length;
    }
    this.blockBytes = this.liveBytes;
  }

  /** Bytes held for the entries (tests, memory logs). */
  get heldBytes(): number {
    return this.blockBytes;
  }
}

const EMPTY = new Uint8Array(0);

/** The version of changes a cache's `changes` argument stands for: `true` is 1, a number is kept up to 2, anything else 0. */
export const changesVersion = (changes: boolean | number): number =>
  (changes === true ? 1 : typeof changes === 'number' && changes >= 1 ? Math.min(2, Math.floor(changes)) : 0);

/** Findings `from` to `to` of a render's tails and positions, as a JSON array of their own (a change's new items). */
function findingsJson(allTails: readonly Tailed[], allPositions: Uint32Array, from: number, to: number): DiagnosticsJsonText {
  const tails = allTails.slice(from, to);
  const positions = allPositions.subarray(from * 4, to * 4);
  let size = 2 + Math.max(0, tails.length - 1);
  for (let i = 0; i < tails.length; i++) {
    size += tails[i].tail.length;
    const p = i * 4;
    if (positions[p] !== WHOLE) size += RANGE_CONSTANTS + digits(positions[p]) + digits(positions[p + 1]) + digits(positions[p + 2]) + digits(positions[p + 3]);
  }
  return new DiagnosticsJsonText('', tails, positions, '', size);
}

/** The clause ids in a finding's data: its fixes' clause ids in order, each once (./convert.ts). */
function clauseIdsOfFixes(d: ReviewDiagnostic): string[] {
  const ids: string[] = [];
  for (const f of d.fixes) if (f.clauseId && !ids.includes(f.clauseId)) ids.push(f.clauseId);
  return ids;
}
