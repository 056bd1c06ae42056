// The custom messages the Clausewise language server adds on top of standard LSP. The VS Code client
// mirrors these shapes in client/src/protocol.ts; other editors may call them too (see docs/editors.md).
import { NotificationType, RequestType, RequestType0, type Position, type Range } from 'vscode-languageserver/node';

export type Verdict = 'present' | 'weak' | 'missing';

export interface UriParams {
  uri: string;
}

/** Findings per severity: `{ error, warning, information, hint }`. */
export type SeverityCounts = Record<'error' | 'warning' | 'information' | 'hint', number>;

export interface ReviewSummary {
  isContract: boolean;
  reason: string;
  profiles: string[];
  coverage: Record<string, Verdict>;
  counts: SeverityCounts;
}

export interface CoverageResult {
  isContract: boolean;
  reason: string;
  profiles: string[];
  coverage: Record<string, Verdict>;
  assessments: Array<{
    category: string;
    /** Human title of the category ("Service levels"). */
    title: string;
    verdict: Verdict;
    reason: string;
    /** `source: 'classifier'` and `score` mark the sentence on which the trained classifier decided. */
    evidence: Array<{ requirement: string; text: string; range: Range; source?: 'classifier'; score?: number }>;
  }>;
}

export interface ClauseInfo {
  id: string;
  title: string;
  category: string;
  summary: string;
  /** The clause's three positions (customer, balanced, supplier), for the picker. */
  positions?: ClausePositionInfo[];
}

/** One position of a clause: what it trades away and how it differs from the balanced text. */
export interface ClausePositionInfo {
  position: 'customer' | 'balanced' | 'supplier';
  /** "customer-favourable", "balanced", "supplier-favourable". */
  label: string;
  tradeoff: string;
  /** "rewrites paragraphs 3 and 6; business days of notice before an ordinary audit: 5 (balanced 10)". */
  differs: string;
}

export interface RenderClauseParams {
  uri: string;
  clauseId: string;
  /** Emit snippet syntax (tab stops for the clause variables). Default false. */
  snippet?: boolean;
  /** The position to render; default: the document's front matter, else the setting, else balanced. */
  clausePosition?: 'customer' | 'balanced' | 'supplier';
}

export interface RenderClauseResult {
  text: string;
  /** Where the clause belongs (the position a quick fix would insert it at). */
  position: Position;
  /** The position rendered (the document's default when the request named none). */
  clausePosition?: 'customer' | 'balanced' | 'supplier';
}

export interface StatusParams {
  uri: string;
  isContract: boolean;
  reason: string;
  profiles: string[];
  covered: number;
  weak: number;
  missing: number;
  total: number;
}

export interface ExportReportParams {
  uri: string;
  format: 'markdown' | 'html';
}

export interface ExportReportResult {
  format: 'markdown' | 'html';
  /** The whole report: Markdown text, or a standalone HTML page. */
  text: string;
}

export const ReviewDocumentRequest = new RequestType<UriParams, ReviewSummary | null, void>('clausewise/reviewDocument');
export const CoverageRequest = new RequestType<UriParams, CoverageResult | null, void>('clausewise/coverage');
export const ListClausesRequest = new RequestType0<ClauseInfo[], void>('clausewise/listClauses');
export const RenderClauseRequest = new RequestType<RenderClauseParams, RenderClauseResult | null, void>('clausewise/renderClause');
export const StatusNotification = new NotificationType<StatusParams>('clausewise/status');
export const ExportReportRequest = new RequestType<ExportReportParams, ExportReportResult | null, void>('clausewise/exportReport');
