// Diagnostic changes applied to the lists a client holds (issue 13, delta). A client that asks for them
// (initializationOptions.diagnosticChanges) gets a document's diagnostics once in full, then only what
// changed: `clausewise/diagnosticChanges` with splices of the ordered list and the version they apply
// to (server/src/lsp/protocol.ts). A 1 MB contract's full publish is 3,880 diagnostics (930 KB of
// JSON) on every keystroke, most of them unchanged; a change is the few findings the edit touched.
// This keeps each document's list as the client last showed it, in whatever form the client keeps
// diagnostics (VS Code's, converted once; LSP's in the bench and lsp-trace), and gives the new list
// after a full publish or a change. Lists are never changed in place: one handed to an editor stays as it was.
import { DIAGNOSTIC_CHANGES_KEY } from '../../server/src/lsp/protocol';

/** Whether the initialize result says the server sends diagnostic changes. */
export function sendsDiagnosticChanges(initializeResult: unknown): boolean {
  const experimental = (initializeResult as { capabilities?: { experimental?: Record<string, unknown> } } | undefined)?.capabilities?.experimental;
  return experimental?.[DIAGNOSTIC_CHANGES_KEY] === true;
}

/** One splice with its new items in the client's form. */
export interface Splice<D> {
  start: number;
  deleteCount: number;
  items: readonly D[];
}

const fits = (s: Splice<unknown>): boolean =>
  Number.isInteger(s.start) && Number.isInteger(s.deleteCount) && s.start >= 0 && s.deleteCount >= 0 && Array.isArray(s.items);

/**
 * `list` with the splices applied in order, as a new array; undefined when one does not fit the list
 * (the client then asks for the whole list again). In one pass when each splice starts at or after
 * the end of the one before, as the server sends them (an edit can change findings all through a
 * contract: a figure's other mention, on a thousand lines); otherwise one splice at a time.
 */
export function applySplices<D>(list: readonly D[], splices: readonly Splice<D>[]): D[] | undefined {
  const out: D[] = [];
  /** The next item of `list` neither copied nor deleted yet. */
  let from = 0;
  for (const s of splices) {
    if (!fits(s)) return undefined;
    if (s.start < out.length) return applyOneByOne(list, splices);
    const keep = s.start - out.length;
    if (from + keep + s.deleteCount > list.length) return undefined;
    for (let k = 0; k < keep; k++) out.push(list[from++]);
    from += s.deleteCount;
    for (const d of s.items) out.push(d);
  }
  while (from < list.length) out.push(list[from++]);
  return out;
}

function applyOneByOne<D>(list: readonly D[], splices: readonly Splice<D>[]): D[] | undefined {
  let out: D[] = list.slice();
  for (const s of splices) {
    if (!fits(s) || s.start + s.deleteCount > out.length) return undefined;
    out = [...out.slice(0, s.start), ...s.items, ...out.slice(s.start + s.deleteCount)];
  }
  return out;
}

/** Each document's list as last shown, and the version it is of. */
export class DiagnosticLists<D> {
  private readonly held = new Map<string, { version: number | undefined; list: readonly D[] }>();

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
  change(uri: string, previousVersion: number, version: number, splices: readonly Splice<D>[]): readonly D[] | undefined {
    const h = this.held.get(uri);
    const list = h && h.version === previousVersion ? applySplices(h.list, splices) : undefined;
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
export interface ChangedParams<L> { uri: string; version: number; previousVersion: number; changes: Array<{ start: number; deleteCount: number; diagnostics: L[] }> }

/** What a receiver needs of its client: conversion to the client's form, showing a list, asking for the whole list. */
export interface ReceiverHost<L, D> {
  /** A full publish's diagnostics in the client's form (may take turns of the event loop). */
  convertAll(diagnostics: L[]): Promise<D[]>;
  /** A change's few new diagnostics in the client's form, at once. */
  convertSome(diagnostics: L[]): D[];
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
  readonly lists = new DiagnosticLists<D>();
  private readonly queues = new Map<string, Promise<void>>();
  /** Bumped by clear(): steps queued before it do nothing. */
  private epoch = 0;

  constructor(private readonly host: ReceiverHost<L, D>) {}

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
      const splices = params.changes.map((c) => ({ start: c.start, deleteCount: c.deleteCount, items: this.host.convertSome(Array.isArray(c.diagnostics) ? c.diagnostics : []) }));
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
