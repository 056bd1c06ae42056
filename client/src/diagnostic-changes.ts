// Diagnostic changes applied to the lists a client holds (issue 13, delta). A client that asks for them
// (initializationOptions.diagnosticChanges) gets a document's diagnostics once in full, then only what
// changed: `clausewise/diagnosticChanges` with splices of the ordered list and the version they apply
// to (server/src/lsp/protocol.ts). A 1 MB contract's full publish is 3,880 diagnostics (930 KB of
// JSON) on every keystroke, most of them unchanged; a change is the few findings the edit touched.
// This keeps each document's list as the client last showed it, in whatever form the client keeps
// diagnostics (VS Code's, converted once; LSP's in the bench and lsp-trace), and gives the new list
// after a full publish or a change. Lists are never changed in place: one handed to an editor stays as it was.
//
// Version 2 of the changes (issue 13, linebreak) adds line shifts: `{ start, count, lineDelta }` says
// that `count` diagnostics from `start` only moved by whole lines (a line break above them), which a
// client applies by making a copy of each with its range moved (`move`), instead of being sent them
// again: a line break half way through a 1 MB contract resent 1,836 findings (440 KB) before.
import { DIAGNOSTIC_CHANGES_KEY, DIAGNOSTIC_CHANGES_VERSION } from '../../server/src/lsp/protocol';

/** Whether the initialize result says the server sends diagnostic changes (of any version). */
export function sendsDiagnosticChanges(initializeResult: unknown): boolean {
  return diagnosticChangesSent(initializeResult) > 0;
}

/** The version of diagnostic changes the initialize result says the server sends: 0 none, 1 (`true`) splices, 2 with line shifts. */
export function diagnosticChangesSent(initializeResult: unknown): number {
  const experimental = (initializeResult as { capabilities?: { experimental?: Record<string, unknown> } } | undefined)?.capabilities?.experimental;
  const v = experimental?.[DIAGNOSTIC_CHANGES_KEY];
  return v === true ? 1 : typeof v === 'number' && Number.isInteger(v) && v >= 2 ? v : 0;
}

/** The `diagnosticChanges` initialization option of a client that applies line shifts (a server that knows only version 1 answers `true`, and sends none). */
export const DIAGNOSTIC_CHANGES_OPTION = DIAGNOSTIC_CHANGES_VERSION;

/** One splice with its new items in the client's form. */
export interface Splice<D> {
  start: number;
  deleteCount: number;
  items: readonly D[];
}

/** `count` items from `start` moved by `lineDelta` lines (version 2). */
export interface Shift {
  start: number;
  count: number;
  lineDelta: number;
}

export type Change<D> = Splice<D> | Shift;

const isShift = (c: Change<unknown>): c is Shift => (c as Partial<Shift>).lineDelta !== undefined;

/** A copy of a diagnostic with both lines of its range moved by `lineDelta`; undefined when that cannot be (a line before the first). */
export type Move<D> = (d: D, lineDelta: number) => D | undefined;

const fits = (c: Change<unknown>): boolean => Number.isInteger(c.start) && c.start >= 0 && (isShift(c)
  ? Number.isInteger(c.count) && c.count >= 0 && Number.isInteger(c.lineDelta)
  : Number.isInteger(c.deleteCount) && c.deleteCount >= 0 && Array.isArray(c.items));

/** The number of items of the list a change steps over: deleted, or moved. */
const span = (c: Change<unknown>): number => (isShift(c) ? c.count : c.deleteCount);

/**
 * `list` with the changes applied in order, as a new array; undefined when one does not fit the list
 * (the client then asks for the whole list again), or is a shift and there is no `move` (a client of
 * version 1) or it refuses. In one pass when each change starts at or after the end of the one
 * before, as the server sends them (an edit can change findings all through a contract: a figure's
 * other mention, on a thousand lines); otherwise one change at a time.
 */
export function applySplices<D>(list: readonly D[], changes: readonly Change<D>[], move?: Move<D>): D[] | undefined {
  const out: D[] = [];
  /** The next item of `list` neither copied, deleted nor moved yet. */
  let from = 0;
  for (const c of changes) {
    if (!fits(c)) return undefined;
    if (c.start < out.length) return applyOneByOne(list, changes, move);
    const keep = c.start - out.length;
    if (from + keep + span(c) > list.length) return undefined;
    for (let k = 0; k < keep; k++) out.push(list[from++]);
    if (isShift(c)) {
      if (!move) return undefined;
      for (let k = 0; k < c.count; k++) {
        const d = move(list[from++], c.lineDelta);
        if (d === undefined) return undefined;
        out.push(d);
      }
    } else {
      from += c.deleteCount;
      for (const d of c.items) out.push(d);
    }
  }
  while (from < list.length) out.push(list[from++]);
  return out;
}

function applyOneByOne<D>(list: readonly D[], changes: readonly Change<D>[], move?: Move<D>): D[] | undefined {
  let out: D[] = list.slice();
  for (const c of changes) {
    if (!fits(c) || c.start + span(c) > out.length) return undefined;
    let items: readonly D[];
    if (isShift(c)) {
      if (!move) return undefined;
      const moved: D[] = [];
      for (let k = 0; k < c.count; k++) {
        const d = move(out[c.start + k], c.lineDelta);
        if (d === undefined) return undefined;
        moved.push(d);
      }
      items = moved;
    } else items = c.items;
    out = [...out.slice(0, c.start), ...items, ...out.slice(c.start + span(c))];
  }
  return out;
}

/** An LSP diagnostic (the bench's and lsp-trace's lists) moved by whole lines: a copy with a new range, the rest shared. */
export function movedLspDiagnostic<D extends { range: { start: { line: number; character: number }; end: { line: number; character: number } } }>(d: D, lineDelta: number): D | undefined {
  const r = d?.range;
  if (!r || !Number.isInteger(r.start?.line) || !Number.isInteger(r.end?.line) || r.start.line + lineDelta < 0 || r.end.line + lineDelta < 0) return undefined;
  return { ...d, range: { start: { line: r.start.line + lineDelta, character: r.start.character }, end: { line: r.end.line + lineDelta, character: r.end.character } } };
}

/** A change's step as it arrives (./protocol.ts DiagnosticChange), read loosely: a shift is the one with `lineDelta`. */
export type WireChange<L> = { start: number; deleteCount?: number; diagnostics?: L[]; count?: number; lineDelta?: number };

/** A change's steps as they arrive, with its splices' diagnostics in the client's form. */
export function changesOf<L, D>(changes: ReadonlyArray<WireChange<L>>, convert: (diagnostics: L[]) => D[]): Change<D>[] {
  return changes.map((c) => (c.lineDelta !== undefined
    ? { start: c.start, count: c.count as number, lineDelta: c.lineDelta }
    : { start: c.start, deleteCount: c.deleteCount as number, items: convert(Array.isArray(c.diagnostics) ? c.diagnostics : []) }));
}

/** Each document's list as last shown, and the version it is of. */
export class DiagnosticLists<D> {
  private readonly held = new Map<string, { version: number | undefined; list: readonly D[] }>();

  /** `move`: how a diagnostic is moved by a line shift (a client of version 2); without it a shift is refused. */
  constructor(private readonly move?: Move<D>) {}

  /** A full publish (textDocument/publishDiagnostics): its list replaces what is held. */
  full(uri: string, version: number | undefined, list: readonly D[]): readonly D[] {
    this.held.set(uri, { version, list });
    return list;
  }

  /**
   * A change from `previousVersion` to `version`: the new list, or undefined when the list held is
   * not of `previousVersion` or a splice does not fit it (nothing is held for the document then, and
   * the client asks for the whole list: clausewise/resendDiagnostics).
   */
  change(uri: string, previousVersion: number, version: number, splices: readonly Change<D>[]): readonly D[] | undefined {
    const h = this.held.get(uri);
    const list = h && h.version === previousVersion ? applySplices(h.list, splices, this.move) : undefined;
    if (!list) {
      this.held.delete(uri);
      return undefined;
    }
    this.held.set(uri, { version, list });
    return list;
  }

  /** The list held for a document and its version (tests). */
  get(uri: string): { version: number | undefined; list: readonly D[] } | undefined {
    return this.held.get(uri);
  }

  forget(uri: string): void {
    this.held.delete(uri);
  }

  clear(): void {
    this.held.clear();
  }
}

/** A full publish's parameters and a change's, as they arrive (LSP's diagnostics, `L`). */
export interface PublishedParams<L> { uri: string; version?: number; diagnostics: L[] }
export interface ChangedParams<L> { uri: string; version: number; previousVersion: number; changes: Array<{ start: number; deleteCount: number; diagnostics: L[] } | { start: number; count: number; lineDelta: number }> }

/** What a receiver needs of its client: conversion to the client's form, showing a list, asking for the whole list. */
export interface ReceiverHost<L, D> {
  /** A full publish's diagnostics in the client's form (may take turns of the event loop). */
  convertAll(diagnostics: L[]): Promise<D[]>;
  /** A change's few new diagnostics in the client's form, at once. */
  convertSome(diagnostics: L[]): D[];
  /** A copy of a diagnostic moved by whole lines (version 2's shifts); without it a shift is refused and the whole list asked for. */
  move?: Move<D>;
  show(uri: string, list: readonly D[]): void;
  /** Sends clausewise/resendDiagnostics. */
  resend(uri: string): void;
  log(message: string): void;
}

/**
 * Full publishes and changes of each document handled in the order they arrived: a change that
 * arrives while the full publish before it is still being converted waits for it (VS Code's
 * conversion of thousands of diagnostics takes turns of the event loop), then applies to its list.
 */
export class DiagnosticsReceiver<L, D> {
  readonly lists: DiagnosticLists<D>;
  private readonly queues = new Map<string, Promise<void>>();
  /** Bumped by clear(): steps queued before it do nothing. */
  private epoch = 0;

  constructor(private readonly host: ReceiverHost<L, D>) {
    this.lists = new DiagnosticLists<D>(host.move);
  }

  published(params: PublishedParams<L>): Promise<void> {
    return this.enqueue(params.uri, async (live) => {
      const list = await this.host.convertAll(params.diagnostics);
      if (!live()) return;
      this.host.show(params.uri, this.lists.full(params.uri, params.version, list));
    });
  }

  changed(params: ChangedParams<L>): Promise<void> {
    return this.enqueue(params.uri, (live) => {
      if (!live()) return;
      const splices = changesOf(params.changes as Array<WireChange<L>>, (ds) => this.host.convertSome(ds));
      const list = this.lists.change(params.uri, params.previousVersion, params.version, splices);
      if (list) this.host.show(params.uri, list);
      else this.host.resend(params.uri);
    });
  }

  /** The server stopped: nothing is held, and what is queued is dropped. */
  clear(): void {
    this.epoch++;
    this.lists.clear();
    this.queues.clear();
  }

  private enqueue(uri: string, step: (live: () => boolean) => Promise<void> | void): Promise<void> {
    const epoch = this.epoch;
    const live = (): boolean => this.epoch === epoch;
    const run = (this.queues.get(uri) ?? Promise.resolve()).then(() => step(live)).catch((e: unknown) => {
      // A list that could not be made: the next change will not apply, and the client asks for the whole list then.
      this.lists.forget(uri);
      this.host.log(`Clausewise: diagnostics of ${uri} could not be shown: ${e instanceof Error ? e.message : String(e)}`);
    });
    this.queues.set(uri, run);
    void run.then(() => { if (this.queues.get(uri) === run) this.queues.delete(uri); });
    return run;
  }
}
