/**
 * Requests on a document reviewed in the worker, answered where its last completed review lives
 * (issue 13): the worker keeps each of its documents' last review (./kept-reviews.ts) and answers
 * these queries from it, so the server's thread receives small answers instead of whole results.
 *
 * A query's positions are those of the reviewed text: the server's thread maps the request's
 * positions from the current text to the reviewed one before asking, and the answer's ranges back
 * afterwards, with the same mapping (./drift.ts) as for a review held in its own thread. So every
 * answer here is what the server's thread would compute from the same result.
 */
import { ErrorCodes, ResponseError, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node';
import { acceptCommentEdit, computeFix, renderHtmlReport, renderMarkdownReport, VERSION, type ReviewResult } from '../engine';
import { DEFAULT_CLAUSE_POSITION, isClausePosition } from '../library';
import { frontMatterClausePosition } from '../engine/review';
import { buildCodeActions, coverageResultOf, diagnosticsOf, type EditCapabilities } from './convert';
import type { DiagnosticShape } from './diagnostic-shape';
import { documentSymbols, foldingRanges, hoverAt } from './outline';
import { definitionAt, documentLinks, prepareRename, referencesAt, renameEdits, semanticTokens, termCompletions, termHover } from './terms';
import { frontMatterResult } from './front-matter';
import type { SeverityCounts, Verdict } from './protocol';
import type { KeptReviews } from './kept-reviews';
import { DiagnosticSeverity } from 'vscode-languageserver/node';

export type WorkerQuery =
  | { kind: 'hover'; at: Position; withMessage: boolean }
  | { kind: 'codeActions'; version: number; range: Range; context: Diagnostic[]; caps: EditCapabilities }
  | { kind: 'definition'; at: Position }
  | { kind: 'references'; at: Position; includeDeclaration: boolean }
  | { kind: 'prepareRename'; at: Position }
  | { kind: 'rename'; at: Position; newName: string }
  | { kind: 'completion'; prefix: string; range: Range }
  | { kind: 'documentLinks' }
  | { kind: 'semanticTokens' }
  | { kind: 'symbols' }
  | { kind: 'folding' }
  | { kind: 'summary' }
  | { kind: 'coverage' }
  | { kind: 'exportReport'; format: 'markdown' | 'html'; path: string }
  | { kind: 'renderClause'; clauseId: string; snippet: boolean; clausePosition?: unknown }
  | { kind: 'frontMatter' }
  | { kind: 'acceptFindingEdit'; line: number; ruleId: string; reason: string }
  | { kind: 'diagnostics'; shape?: DiagnosticShape };

/** A query with the document it is about and the version of the review it was mapped to. */
export interface QueryMessage {
  id: number;
  uri: string;
  /** The review the query's positions belong to: answered only from that one. */
  version: number;
  query: WorkerQuery;
  /** Set to 1 by the server's thread when the request is cancelled: the query is then skipped. */
  cancelled: Int32Array;
}

/**
 * The worker's reply. `stale`: the worker's last review of the document is another version than
 * the query's (a newer review completed meanwhile: the server's thread maps again and asks again);
 * `missing`: the worker holds no review of the document (forgotten, restarted, or the review failed).
 */
export type QueryAnswer =
  | { id: number; value: unknown }
  | { id: number; error: { code: number; message: string } }
  | { id: number; stale: true }
  | { id: number; missing: true }
  | { id: number; cancelled: true };

function countsOf(result: ReviewResult): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnosticsOf(result)) {
    if (d.severity === DiagnosticSeverity.Error) counts.error++;
    else if (d.severity === DiagnosticSeverity.Warning) counts.warning++;
    else if (d.severity === DiagnosticSeverity.Information) counts.information++;
    else if (d.severity === DiagnosticSeverity.Hint) counts.hint++;
  }
  return counts;
}

/** The answer to one query from the review `result` of document `uri` (made of version `version`). */
export function answerQuery(result: ReviewResult, uri: string, version: number, q: WorkerQuery): unknown {
  const model = result.model;
  switch (q.kind) {
    case 'hover': {
      // No finding or heading here: the definition of a defined term under the cursor.
      return hoverAt(result, q.at, { withMessage: q.withMessage }) ?? termHover(model, q.at);
    }
    case 'codeActions': {
      const warnings: string[] = [];
      const actions = result.isContract ? buildCodeActions(uri, q.version, result, q.range, q.context, q.caps, { warn: (m) => warnings.push(m) }) : [];
      return { actions, warnings };
    }
    case 'definition': return definitionAt(model, uri, q.at);
    case 'references': return referencesAt(model, uri, q.at, q.includeDeclaration);
    case 'prepareRename': return prepareRename(model, q.at);
    case 'rename': return renameEdits(model, uri, q.at, q.newName);
    case 'completion': return termCompletions(model, q.prefix, q.range);
    case 'documentLinks': return documentLinks(model, uri);
    case 'semanticTokens': return semanticTokens(model, result).data;
    case 'symbols': return documentSymbols(model);
    case 'folding': return foldingRanges(model);
    case 'summary':
      return { isContract: result.isContract, reason: result.reason, profiles: result.profiles, coverage: result.coverage as Record<string, Verdict>, counts: countsOf(result) };
    case 'coverage': return coverageResultOf(result);
    case 'exportReport': {
      const files = [{ path: q.path, result }];
      const opts = { generatedBy: `Reviewed by Clausewise ${VERSION} against ${result.profiles.join(', ') || 'no profile'}` };
      return { format: q.format, text: q.format === 'html' ? renderHtmlReport(files, opts) : renderMarkdownReport(files, opts) };
    }
    case 'renderClause': {
      // The document's own choice (front matter, then the setting) unless the picker names a position.
      const clausePosition = isClausePosition(q.clausePosition) ? q.clausePosition : result.clausePosition ?? frontMatterClausePosition(model) ?? DEFAULT_CLAUSE_POSITION;
      const fix = computeFix(model, { kind: 'insertClause', title: 'Insert clause', clauseId: q.clauseId }, { snippet: q.snippet, insertOnly: true, thresholds: result.thresholds, position: clausePosition });
      const edit = fix?.edits[0];
      return edit ? { text: edit.newText, position: edit.range.start, clausePosition } : null;
    }
    case 'frontMatter': return frontMatterResult(model);
    case 'acceptFindingEdit': {
      const comment = acceptCommentEdit(model, q.line, q.ruleId, q.reason);
      const at = { line: comment.line, character: 0 };
      return { version: model.version, edit: { range: { start: at, end: at }, newText: comment.text } };
    }
    case 'diagnostics': return JSON.stringify(diagnosticsOf(result, q.shape));
  }
}

/**
 * The review worker's reply to a query (./review-worker.ts), from the document's kept review if it
 * is still the version the query was mapped to. A hover on a spot where the review has nothing to
 * show is answered null without expanding a compressed review (./kept-reviews.ts HoverSpots).
 */
export function answerFromKept(reviews: KeptReviews, m: QueryMessage): QueryAnswer {
  const id = m.id;
  if (Atomics.load(m.cancelled, 0) !== 0) return { id, cancelled: true };
  const version = reviews.versionOf(m.uri);
  if (version === undefined) return { id, missing: true };
  if (version !== m.version) return { id, stale: true };
  if (m.query.kind === 'hover' && reviews.hoverFindsNothing(m.uri, m.query.at)) return { id, value: null };
  try {
    const kept = reviews.get(m.uri)!;
    return { id, value: answerQuery(kept.result, m.uri, kept.version, m.query) };
  } catch (e) {
    return { id, error: errorOf(e) };
  }
}

/** A thrown error as the reply carries it: a ResponseError keeps its code (the client shows its message). */
export function errorOf(e: unknown): { code: number; message: string } {
  if (e instanceof ResponseError) return { code: e.code, message: e.message };
  return { code: ErrorCodes.InternalError, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
