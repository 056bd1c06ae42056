/**
 * The custom messages the Clausewise language server adds on top of standard LSP: the one definition
 * both ends use (the server here, the VS Code client in client/src imports this module). Typed on
 * vscode-languageserver-protocol only, so it pulls in nothing else of the server. Other editors may call
 * these too (see docs/editors.md).
 */
import { NotificationType, RequestType, RequestType0, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver-protocol';

export type Verdict = 'present' | 'weak' | 'missing';

export interface UriParams {
  uri: string;
}

/** Findings per severity: `{ error, warning, information, hint }`. */
export type SeverityCounts = Record<'error' | 'warning' | 'information' | 'hint', number>;

/** `clausewise/reviewDocument`: review a document even if it does not read as a contract. */
export type ReviewDocumentParams = UriParams;

export interface ReviewSummary {
  isContract: boolean;
  /** Why it was (or was not) treated as a contract. */
  reason: string;
  profiles: string[];
  /** Verdict per category id of the active profiles. */
  coverage: Record<string, Verdict>;
  counts: SeverityCounts;
}
export type ReviewDocumentResult = ReviewSummary;

/** One piece of evidence for a category's verdict. */
export interface CoverageEvidence {
  /** What the evidence satisfies ("availability", "duty"). */
  requirement: string;
  text: string;
  range: Range;
  /** `source: 'classifier'` and `score` mark the sentence on which the trained classifier decided. */
  source?: 'classifier';
  score?: number;
}

export interface CategoryCoverage {
  category: string;
  /** Human title of the category ("Service levels"). */
  title: string;
  verdict: Verdict;
  reason: string;
  evidence: CoverageEvidence[];
}

/** `clausewise/coverage`: the verdict of every category of the active profiles, with evidence. */
export interface CoverageResult {
  isContract: boolean;
  reason: string;
  profiles: string[];
  coverage: Record<string, Verdict>;
  assessments: CategoryCoverage[];
}

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

/** `clausewise/renderClause`: a clause rendered for one document (numbering, party names, tab stops when `snippet`). */
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

/** `clausewise/status`: sent by the server after each publish of a document's diagnostics. */
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

/** `clausewise/exportReport`: the review report of an open document, as Markdown or a standalone HTML page. */
export type ReportFormat = 'markdown' | 'html';

export interface ExportReportParams {
  uri: string;
  format: ReportFormat;
}

export interface ExportReportResult {
  format: ReportFormat;
  /** The whole report: Markdown text, or a standalone HTML page. */
  text: string;
}

/**
 * `clausewise/acceptFindingEdit`: the edit that accepts a finding with a reason, a
 * `<!-- clausewise-disable-next-line RULE -- reason -->` comment above the block holding it. The client
 * asks for the reason (the `clausewise.acceptFinding` command the "Accept this finding…" code action
 * runs) and applies the edit; the server alone decides where the comment goes and how it reads.
 */
export interface AcceptFindingEditParams {
  uri: string;
  /** Zero-based line where the finding starts. */
  line: number;
  ruleId: string;
  reason: string;
}

export interface AcceptFindingEditResult {
  /** The document version the edit is for. */
  version: number;
  edit: TextEdit;
}

/**
 * `clausewise/frontMatter`: what a document's front matter decides, as the server read and checked it
 * (the client never parses front matter itself). Only values that passed the check are in `settings`.
 */
export interface FrontMatterResult {
  /** The YAML between the --- fences (an empty range for empty front matter); null when the document has none. */
  yamlRange: Range | null;
  settings: {
    review?: boolean;
    /** From `profiles`, or a single `profile`. */
    profiles?: string[];
    clausePosition?: 'customer' | 'balanced' | 'supplier';
    bundle?: string[];
  };
  /** Invalid YAML or invalid values, worded as the review reports them. */
  problems: Array<{ line: number | null; message: string }>;
}

/**
 * What compact diagnostics leave out, sent once in the initialize result's
 * `capabilities.experimental[RULE_INDEX_KEY]` to a client whose initialization options say
 * `compactDiagnostics: true` (issue 13: it is 41% of a large contract's publish). A diagnostic
 * without `source` whose `code` the index names gets back `source`, `codeDescription.href` and
 * `data.category` from it; every other diagnostic comes whole. The server makes it in
 * ./diagnostic-shape.ts, the VS Code client reads it in client/src/compact-diagnostics.ts.
 */
export interface RuleIndex {
  /** The `source` of every diagnostic. */
  source: string;
  /** Per rule id: its documentation link (`codeDescription.href`) and category (`data.category`). */
  rules: Record<string, { href: string; category: string }>;
}

/** The key of the rule index in the initialize result's `capabilities.experimental`. */
export const RULE_INDEX_KEY = 'clausewiseDiagnostics';

/**
 * Diagnostic changes (issue 13, delta): a client whose initialization options say
 * `diagnosticChanges: true` is told so in `capabilities.experimental[DIAGNOSTIC_CHANGES_KEY]` (true),
 * then gets each document's diagnostics once in full (textDocument/publishDiagnostics, with its
 * version), and after that, while nothing is unsure, only what changed since the last diagnostics
 * sent for that document: a `clausewise/diagnosticChanges` notification whose splices, applied in
 * order to the list the client holds for `previousVersion`, give the list of `version`. Anything the
 * server is unsure of (a reopen, a settings or configuration change, a review whose diagnostics were
 * never sent) gets a full publish again, which replaces the list. A client that finds it holds another
 * version than `previousVersion` sends `clausewise/resendDiagnostics` { uri } and gets a full publish.
 * See docs/editors.md.
 *
 * Version 2 (issue 13, linebreak): a client whose option says `diagnosticChanges: 2` (or a higher
 * number) is told `2` in the capability, and its changes may also hold line shifts (DiagnosticShift):
 * findings that only moved by whole lines (a line break, a pasted block of lines, a deleted line above
 * them) are sent as "these `count` diagnostics move by `lineDelta` lines" instead of again whole. A
 * client that says `true` (or 1) keeps getting splices only, and `true` in the capability.
 */
export const DIAGNOSTIC_CHANGES_KEY = 'clausewiseDiagnosticChanges';

/** The highest version of diagnostic changes this server sends (see DIAGNOSTIC_CHANGES_KEY). */
export const DIAGNOSTIC_CHANGES_VERSION = 2;

/**
 * The version of diagnostic changes an initialization option asks for, as this server gives it: 0
 * (none: the option absent, false or not understood), 1 (`true` or 1: splices) or 2 (a number of 2
 * or more: splices and line shifts).
 */
export function diagnosticChangesVersion(option: unknown): 0 | 1 | 2 {
  if (option === true) return 1;
  if (typeof option !== 'number' || !Number.isInteger(option) || option < 1) return 0;
  return option >= 2 ? 2 : 1;
}

/** What the capability says for a version (0: nothing): `true` for 1, as before version 2, else the number. */
export const diagnosticChangesCapability = (version: number): true | number | undefined => (version <= 0 ? undefined : version === 1 ? true : version);

/** Removes `deleteCount` diagnostics at `start` of the list and puts `diagnostics` there (as Array.prototype.splice). */
export interface DiagnosticSplice {
  start: number;
  deleteCount: number;
  diagnostics: Diagnostic[];
}

/**
 * Version 2 only: the `count` diagnostics from `start` of the list (as the changes before it left
 * it) keep everything but their range's two line numbers, which both grow by `lineDelta` (negative:
 * they move up). Never zero `lineDelta`.
 */
export interface DiagnosticShift {
  start: number;
  count: number;
  lineDelta: number;
}

/** One of a change's steps: a splice, or (version 2) a shift; a shift is the one with `lineDelta`. */
export type DiagnosticChange = DiagnosticSplice | DiagnosticShift;

export const isDiagnosticShift = (c: DiagnosticChange): c is DiagnosticShift => (c as Partial<DiagnosticShift>).lineDelta !== undefined;

export interface DiagnosticChangesParams {
  uri: string;
  /** The document version these diagnostics are of (after the splices). */
  version: number;
  /** The version of the diagnostics the splices apply to: the last sent for this document. */
  previousVersion: number;
  /** Applied in order; shifts only for a client that asked for version 2. */
  changes: DiagnosticChange[];
}

/**
 * What a diagnostic carries in `data`: what a client cannot read from the diagnostic itself (the rule
 * id is its `code`) or ask the server for (its quick fixes are code actions). Kept small: a large
 * contract's publish holds thousands of diagnostics (issue 13).
 */
export interface DiagnosticData {
  /** The coverage category (`drafting` for drafting checks); null for the server's own diagnostics (input problems, a skipped file). */
  category: string | null;
  /** The library clauses the finding's quick fixes insert, in order; absent when none. */
  clauseIds?: string[];
  /** Provisions the active profiles cite for the rule ("DORA Art. 30(3)(a): ..."); absent when none. */
  citations?: string[];
}

/** The arguments of the `clausewise.acceptFinding` command in an "Accept this finding…" code action. */
export interface AcceptFindingArgs {
  uri: string;
  line: number;
  ruleId: string;
  message: string;
}

export const ReviewDocumentRequest = new RequestType<ReviewDocumentParams, ReviewSummary | null, void>('clausewise/reviewDocument');
export const CoverageRequest = new RequestType<UriParams, CoverageResult | null, void>('clausewise/coverage');
export const ListClausesRequest = new RequestType0<ClauseInfo[], void>('clausewise/listClauses');
export const RenderClauseRequest = new RequestType<RenderClauseParams, RenderClauseResult | null, void>('clausewise/renderClause');
export const StatusNotification = new NotificationType<StatusParams>('clausewise/status');
export const DiagnosticChangesNotification = new NotificationType<DiagnosticChangesParams>('clausewise/diagnosticChanges');
export const ResendDiagnosticsNotification = new NotificationType<UriParams>('clausewise/resendDiagnostics');
export const ExportReportRequest = new RequestType<ExportReportParams, ExportReportResult | null, void>('clausewise/exportReport');
export const FrontMatterRequest = new RequestType<UriParams, FrontMatterResult | null, void>('clausewise/frontMatter');
export const AcceptFindingEditRequest = new RequestType<AcceptFindingEditParams, AcceptFindingEditResult | null, void>('clausewise/acceptFindingEdit');
