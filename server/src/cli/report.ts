/** The report the formatters print: the spec's JSON shape plus what only the human format shows. */
import { CATEGORY_IDS, type CategoryId, type ReviewDiagnostic, type Severity, type Verdict } from '../engine';

export interface FileReport {
  path: string;
  isContract: boolean;
  profiles: string[];
  coverage: Partial<Record<CategoryId, Verdict>>;
  diagnostics: ReviewDiagnostic[];
  /** Why it was or was not reviewed as a contract (stylish only). */
  reason: string;
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
}

export interface Report {
  tool: { name: string; version: string };
  files: FileReport[];
  summary: Summary;
  /** Files not reviewed (binary, too large); stylish only. */
  skipped: SkippedFile[];
  /** Findings left out by --quiet; stylish only. */
  hidden: SeverityCounts;
}

const COUNT_KEY: Record<Severity, keyof SeverityCounts> = { error: 'errors', warning: 'warnings', information: 'information', hint: 'hints' };

export function emptyCounts(): SeverityCounts {
  return { errors: 0, warnings: 0, information: 0, hints: 0 };
}

export function countSeverities(diagnostics: readonly ReviewDiagnostic[], into: SeverityCounts = emptyCounts()): SeverityCounts {
  for (const d of diagnostics) into[COUNT_KEY[d.severity]]++;
  return into;
}

/** Coverage with keys in the spec's category order, whatever order the engine used. */
export function orderedCoverage(coverage: Partial<Record<CategoryId, Verdict>>): Partial<Record<CategoryId, Verdict>> {
  const out: Partial<Record<CategoryId, Verdict>> = {};
  for (const id of CATEGORY_IDS) if (coverage[id] !== undefined) out[id] = coverage[id];
  return out;
}

export function buildReport(name: string, version: string, files: FileReport[], skipped: SkippedFile[], hidden: SeverityCounts): Report {
  const counts = emptyCounts();
  for (const f of files) countSeverities(f.diagnostics, counts);
  return {
    tool: { name, version },
    files,
    summary: { files: files.length, contracts: files.filter((f) => f.isContract).length, ...counts },
    skipped,
    hidden,
  };
}
