// The custom messages the Clausewise language server (server/src/lsp/main.ts) and this client exchange,
// on top of standard LSP (diagnostics, code actions, hover, document symbols).
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageclient/node';

export type Verdict = 'present' | 'weak' | 'missing';

/** `clausewise/reviewDocument`: review a document even if it does not read as a contract. */
export interface ReviewDocumentParams {
  uri: string;
}

export interface ReviewDocumentResult {
  isContract: boolean;
  /** Why it was (or was not) treated as a contract. */
  reason: string;
  profiles: string[];
  /** Verdict per category id of the active profiles. */
  coverage: Record<string, Verdict>;
  /** Findings per severity (e.g. `{ error: 2, warning: 1 }`); read defensively. */
  counts?: Record<string, number>;
}

export const ReviewDocumentRequest = new RequestType<ReviewDocumentParams, ReviewDocumentResult | null, void>('clausewise/reviewDocument');

/** `clausewise/listClauses`: the clause library, for the "Insert Clause from Library…" picker. */
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

export const ListClausesRequest = new RequestType0<ClauseInfo[] | null, void>('clausewise/listClauses');

/** `clausewise/renderClause`: a clause rendered for one document (numbering, party names, tab stops when `snippet`). */
export interface RenderClauseParams {
  uri: string;
  clauseId: string;
  /** Snippet syntax (tab stops) to insert; false or absent for plain text, e.g. a preview. */
  snippet?: boolean;
  /** The position to render; default: the document's front matter, else the setting, else balanced. */
  clausePosition?: 'customer' | 'balanced' | 'supplier';
}

export interface RenderClauseResult {
  /** Snippet text (VS Code / LSP snippet syntax) to insert. */
  text: string;
  /** Where the clause belongs in the document (zero-based line, UTF-16 character). */
  position?: { line: number; character: number } | null;
  /** The position rendered (the document's default when the request named none). */
  clausePosition?: 'customer' | 'balanced' | 'supplier';
}

export const RenderClauseRequest = new RequestType<RenderClauseParams, RenderClauseResult | null, void>('clausewise/renderClause');

/** `clausewise/status`: sent by the server after each review of a document. */
export interface StatusParams {
  uri: string;
  isContract: boolean;
  reason: string;
  profiles: string[];
  /** Categories with an adequate clause. */
  covered: number;
  weak: number;
  missing: number;
  /** Categories of the active profiles. */
  total: number;
}

export const StatusNotification = new NotificationType<StatusParams>('clausewise/status');

/** `clausewise/coverage`: the verdict of every category of the active profiles, with evidence. */
export interface CoverageEvidence {
  /** What the evidence satisfies ("availability", "duty"). */
  requirement: string;
  text: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CategoryCoverage {
  category: string;
  /** Human title ("Service levels"). */
  title: string;
  verdict: Verdict;
  reason: string;
  evidence: CoverageEvidence[];
}

export interface CoverageResult {
  isContract: boolean;
  reason: string;
  profiles: string[];
  coverage: Record<string, Verdict>;
  assessments: CategoryCoverage[];
}

export const CoverageRequest = new RequestType<{ uri: string }, CoverageResult | null, void>('clausewise/coverage');

/** `clausewise/exportReport`: the review report of an open document, as Markdown or a standalone HTML page. */
export type ReportFormat = 'markdown' | 'html';

export interface ExportReportResult {
  format: ReportFormat;
  text: string;
}

export const ExportReportRequest = new RequestType<{ uri: string; format: ReportFormat }, ExportReportResult | null, void>('clausewise/exportReport');

/** What Clausewise puts in a diagnostic's `data` (vscode-languageclient keeps it on the diagnostic). */
export interface DiagnosticData {
  category: string | null;
  ruleId: string;
  fixes: Array<{ kind: string; title: string; clauseId?: string }>;
  citations?: string[];
}
