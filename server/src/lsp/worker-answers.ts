/**
 * The server's thread's side of requests on a document reviewed in the worker (issue 13): the last
 * completed review lives in the worker (./kept-reviews.ts), so a request is mapped here to the
 * reviewed text (./drift.ts: this thread holds both texts), answered there (./worker-queries.ts),
 * and the answer's ranges mapped back here, exactly as for a review held in this thread.
 *
 * Stale versions: when a newer review completes, or the document changes, while a query is on its
 * way, the query is mapped and asked again (at most MAX_ATTEMPTS times), so an answer never mixes
 * two versions. Cancellation: a cancelled request answers its empty answer at once and the worker
 * skips the query if it has not started it.
 */
import {
  ErrorCodes, ResponseError, type CancellationToken, type CodeAction, type CodeActionParams, type CompletionList,
  type DocumentLink, type DocumentSymbol, type FoldingRange, type Hover, type Location, type Position, type Range,
} from 'vscode-languageserver/node';
import type { EditCapabilities } from './convert';
import { driftCodeAction, driftFoldingRanges, driftSemanticTokens, driftSymbols, type TextDrift } from './drift';
import type { ReviewThread } from './review-thread';
import { driftDocumentLinks, typedPrefix, type WorkerTermFeatures } from './terms';
import type { QueryAnswer, WorkerQuery } from './worker-queries';

/** A worker review as this thread sees it: its version, and the mapping from its text to the current one. */
export interface RemoteView {
  /** The review (compared by identity: a newer review is another object). */
  review: object;
  /** The version reviewed: the worker answers only from that review. */
  version: number;
  /** The document's version now. */
  docVersion: number;
  drift: TextDrift;
}

export interface WorkerAnswersHost {
  thread: ReviewThread;
  /** The document's last completed review when it was made in the worker (null: none, or not there). */
  view(uri: string, token: CancellationToken): RemoteView | null;
  /** Waits until the review whose diagnostics were published has fully arrived (server.ts settled()). */
  settled(uri: string): Promise<void>;
  /** Semantic tokens were answered from an older review: refresh them after the next. */
  staleTokens(uri: string): void;
  log(text: string): void;
}

/** A query mapped and asked again when a newer review or version turned up meanwhile; more is unlikely (each retry waits for the review that replaced it). */
const MAX_ATTEMPTS = 3;

const NONE = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) } as unknown as CancellationToken;

export class WorkerAnswers implements WorkerTermFeatures {
  constructor(private readonly host: WorkerAnswersHost) {}

  /** Whether the document's last review is the worker's (so requests on it are answered there). */
  has(uri: string): boolean {
    return !!this.host.view(uri, NONE);
  }

  /**
   * Asks the worker a query made from the current mapping (`build`; null: nothing to ask) and maps
   * its answer with that mapping (`map`); `fallback` when there is no review, the request was
   * cancelled or the worker failed. A ResponseError the answer carries (rename refused) is thrown.
   */
  private async answer<T>(uri: string, token: CancellationToken, fallback: T, build: (v: RemoteView) => WorkerQuery | null, map: (value: unknown, v: RemoteView) => T): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const v = this.host.view(uri, token);
      if (!v) return fallback;
      const query = build(v);
      if (!query) return fallback;
      const a = await this.host.thread.ask(uri, v.version, query, token);
      const value = this.valueOf(a, query.kind);
      if (value === MISSING || token.isCancellationRequested) return fallback;
      const now = this.host.view(uri, token);
      if (value === STALE || !now || now.review !== v.review || now.docVersion !== v.docVersion) {
        await this.host.settled(uri);
        continue;
      }
      return map(value, v);
    }
    return fallback;
  }

  /** The value of an answer; MISSING when there is none to give, STALE when the worker has a newer review. */
  private valueOf(a: QueryAnswer, what: string): unknown {
    if ('value' in a) return a.value;
    if ('stale' in a) return STALE;
    if ('error' in a) {
      // A refusal meant for the user (rename of a word that is not a defined term) goes to the client; anything else is logged.
      if (a.error.code !== ErrorCodes.InternalError) throw new ResponseError(a.error.code, a.error.message);
      this.host.log(`Clausewise: ${what} failed in the review worker: ${a.error.message}`);
    }
    return MISSING;
  }

  /**
   * A query about the review of one version (`version`: the one the caller waited for), answered
   * without mapping: rename, custom requests. null when the worker no longer holds that review.
   */
  async ofVersion<T>(uri: string, version: number, query: WorkerQuery, token: CancellationToken = NONE): Promise<T | null> {
    const value = this.valueOf(await this.host.thread.ask(uri, version, query, token), query.kind);
    return value === MISSING || value === STALE ? null : (value as T);
  }

  hover(uri: string, pos: Position, withMessage: boolean, token: CancellationToken): Promise<Hover | null> {
    return this.answer<Hover | null>(uri, token, null, (v) => {
      const at = v.drift.toBefore(pos);
      // Text typed since the last review: nothing known about it yet.
      return at ? { kind: 'hover', at, withMessage } : null;
    }, (value, v) => {
      const hover = value as Hover | null;
      if (hover?.range && !v.drift.identical) {
        const range = v.drift.exact(hover.range);
        if (range) hover.range = range;
        else delete hover.range;
      }
      return hover;
    });
  }

  codeActions(uri: string, params: CodeActionParams, caps: EditCapabilities, token: CancellationToken): Promise<CodeAction[]> {
    return this.answer<CodeAction[]>(uri, token, [], (v) => {
      const { drift } = v;
      if (drift.identical) return { kind: 'codeActions', version: v.docVersion, range: params.range, context: params.context.diagnostics, caps };
      // From an older review: the request's range and diagnostics in its positions (the client may
      // send diagnostics as published, or as it moved them with the edits), then every action's edits
      // in today's positions; an action whose edits touch text changed since is left out.
      const context = [...params.context.diagnostics, ...params.context.diagnostics.map((d) => ({ ...d, range: drift.rangeToBefore(d.range) }))];
      return { kind: 'codeActions', version: v.docVersion, range: drift.rangeToBefore(params.range), context, caps };
    }, (value, v) => {
      const { actions, warnings } = value as { actions: CodeAction[]; warnings: string[] };
      for (const w of warnings) this.host.log(`Clausewise: ${w}`);
      if (v.drift.identical) return actions;
      return actions.map((a) => driftCodeAction(a, uri, v.drift)).filter((a): a is CodeAction => !!a);
    });
  }

  /** Definition or references: positions of the reviewed text located in the current one. */
  locations(uri: string, pos: Position, token: CancellationToken, references?: { includeDeclaration: boolean }): Promise<Location[] | null> {
    return this.answer<Location[] | null>(uri, token, null, (v) => {
      const at = v.drift.toBefore(pos);
      if (!at) return null;
      return references ? { kind: 'references', at, includeDeclaration: references.includeDeclaration } : { kind: 'definition', at };
    }, (value, v) => {
      const locations = value as Location[] | null;
      // They only locate: stretched over the text changed since.
      return locations && !v.drift.identical ? locations.map((l) => ({ ...l, range: v.drift.locate(l.range) })) : locations;
    });
  }

  prepareRename(uri: string, pos: Position, token: CancellationToken): Promise<{ range: Range; placeholder: string } | null> {
    return this.answer<{ range: Range; placeholder: string } | null>(uri, token, null, (v) => {
      const at = v.drift.toBefore(pos);
      return at ? { kind: 'prepareRename', at } : null;
    }, (value, v) => {
      const answer = value as { range: Range; placeholder: string };
      if (v.drift.identical) return answer;
      // The term's own words were edited since the review: what they now say is not known yet.
      const range = v.drift.exact(answer.range);
      return range ? { ...answer, range } : null;
    });
  }

  completion(uri: string, pos: Position, token: CancellationToken): Promise<CompletionList | null> {
    // The terms the last review knows; the words typed so far read from the text as it is now.
    return this.answer<CompletionList | null>(uri, token, null, (v) => ({ kind: 'completion', ...typedPrefix(v.drift.after, pos) }), (value) => value as CompletionList);
  }

  documentLinks(uri: string, token: CancellationToken): Promise<DocumentLink[]> {
    return this.answer<DocumentLink[]>(uri, token, [], () => ({ kind: 'documentLinks' }), (value, v) => driftDocumentLinks(value as DocumentLink[], v.drift));
  }

  semanticTokens(uri: string, token: CancellationToken): Promise<{ data: number[] }> {
    return this.answer<{ data: number[] }>(uri, token, { data: [] }, () => ({ kind: 'semanticTokens' }), (value, v) => {
      const data = value as number[];
      if (v.drift.identical) return { data };
      this.host.staleTokens(uri);
      return { data: driftSemanticTokens(data, v.drift) };
    });
  }

  symbols(uri: string, token: CancellationToken): Promise<DocumentSymbol[]> {
    return this.answer<DocumentSymbol[]>(uri, token, [], () => ({ kind: 'symbols' }), (value, v) => (v.drift.identical ? value as DocumentSymbol[] : driftSymbols(value as DocumentSymbol[], v.drift)));
  }

  folding(uri: string, token: CancellationToken): Promise<FoldingRange[]> {
    return this.answer<FoldingRange[]>(uri, token, [], () => ({ kind: 'folding' }), (value, v) => (v.drift.identical ? value as FoldingRange[] : driftFoldingRanges(value as FoldingRange[], v.drift)));
  }
}

const MISSING = Symbol('missing');
const STALE = Symbol('stale');
