/** The report the formatters print: the spec's JSON shape plus what only the human format shows. */
import type { ImportFormat } from '../convert/formats';
import type { FindingOrigin } from './converted';
import { CATEGORY_IDS, type CategoryId, type ReviewDiagnostic, type ReviewResult, type ReviewWarning, type Severity, type SuppressedFinding, type Verdict } from '../engine';

export interface FileReport {
  path: string;
  isContract: boolean;
  profiles: string[];
  coverage: Partial<Record<CategoryId, Verdict>>;
  diagnostics: ReviewDiagnostic[];
  /** Why it was or was not reviewed as a contract (stylish only). */
  reason: string;
  /** Findings accepted by suppression comments, with their reasons. */
  suppressed: SuppressedFinding[];
  /** Baseline fingerprints, index-aligned with `diagnostics`. */
  fingerprints: string[];
  /** Findings left out because the baseline knows them. */
  baselined: number;
  /** Rules that ran on this file (junit lists each as a test case); empty in the other formats, which do not read it. */
  activeRules: string[];
  /** Warnings about the document (unknown rules in suppression comments). */
  warnings: ReviewWarning[];
  /** The engine's result (the markdown report reads the model and the assessments). */
  result?: ReviewResult;
  /** Word, HTML or PDF file reviewed through its Markdown conversion. */
  source?: ImportFormat;
  /** For converted files: where each finding is in the original, index-aligned with `diagnostics`. */
  origins?: FindingOrigin[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface SeverityCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export interface Summary extends SeverityCounts {
  files: number;
  contracts: number;
  /** Findings accepted by suppression comments. */
  suppressed: number;
  /** Findings known to the baseline (only when --baseline is given). */
  baselined?: number;
}

export interface Report {
  tool: { name: string; version: string };
  files: FileReport[];
  summary: Summary;
  /** Files not reviewed (binary, too large); stylish only. */
  skipped: SkippedFile[];
  /** Findings left out by --quiet; stylish only. */
  hidden: SeverityCounts;
  /** The severity at and above which findings fail the run (junit marks them as failures). */
  failOn: 'error' | 'warning' | 'none';
}

const COUNT_KEY: Record<Severity, keyof SeverityCounts> = { error: 'errors', warning: 'warnings', information: 'information', hint: 'hints' };

export function emptyCounts(): SeverityCounts {
  return { errors: 0, warnings: 0, information: 0, hints: 0 };
}

export function countSeverities(diagnostics: readonly ReviewDiagnostic[], into: SeverityCounts = emptyCounts()): SeverityCounts {
  for (const d of diagnostics) into[COUNT_KEY[d.severity]]++;
  return into;
}

/** Adds `counts` into `into`. */
export function addCounts(into: SeverityCounts, counts: SeverityCounts): SeverityCounts {
  into.errors += counts.errors;
  into.warnings += counts.warnings;
  into.information += counts.information;
  into.hints += counts.hints;
  return into;
}

/**
 * A reviewed file's report: the review's verdicts with the findings (and their fingerprints) the run
 * decided to show. Made in the main thread (run.ts makeFile) or, for a JSON report without a baseline,
 * in the thread that reviewed the file (review-task.ts withJsonPart): one shape for both.
 */
export function reviewedFileReport(
  path: string,
  result: Pick<ReviewResult, 'isContract' | 'profiles' | 'coverage' | 'reason' | 'suppressed'>,
  shown: Pick<FileReport, 'diagnostics' | 'fingerprints' | 'baselined' | 'activeRules' | 'warnings'>,
): FileReport {
  return {
    path,
    isContract: result.isContract,
    profiles: result.profiles,
    coverage: result.isContract ? orderedCoverage(result.coverage) : {},
    diagnostics: shown.diagnostics,
    reason: result.reason,
    suppressed: result.isContract ? result.suppressed ?? [] : [],
    fingerprints: shown.fingerprints,
    baselined: shown.baselined,
    activeRules: shown.activeRules,
    warnings: shown.warnings,
  };
}

/** Coverage with keys in the spec's category order, whatever order the engine used. */
export function orderedCoverage(coverage: Partial<Record<CategoryId, Verdict>>): Partial<Record<CategoryId, Verdict>> {
  const out: Partial<Record<CategoryId, Verdict>> = {};
  for (const id of CATEGORY_IDS) if (coverage[id] !== undefined) out[id] = coverage[id];
  return out;
}

export function buildReport(
  name: string, version: string, files: FileReport[], skipped: SkippedFile[], hidden: SeverityCounts,
  extra: { baselineUsed?: boolean; failOn?: Report['failOn']; counts?: SeverityCounts } = {},
): Report {
  // The CLI counts as each file's report is made (extra.counts): over cuad-dev's 35,000 findings this
  // loop was the tail's, after the last review.
  let counts = extra.counts;
  if (!counts) {
    counts = emptyCounts();
    for (const f of files) countSeverities(f.diagnostics, counts);
  }
  const summary: Summary = {
    files: files.length, contracts: files.filter((f) => f.isContract).length,
    errors: counts.errors, warnings: counts.warnings, information: counts.information, hints: counts.hints,
    suppressed: files.reduce((n, f) => n + f.suppressed.length, 0),
  };
  if (extra.baselineUsed) summary.baselined = files.reduce((n, f) => n + f.baselined, 0);
  return { tool: { name, version }, files, summary, skipped, hidden, failOn: extra.failOn ?? 'error' };
}

/** One finding's severity at or above the fail level? */
export function fails(severity: Severity, failOn: Report['failOn']): boolean {
  const rank: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };
  return failOn === 'none' ? false : rank[severity] >= (failOn === 'warning' ? 2 : 3);
}
