import type { ContractModel, Range } from '../model';
import type { CategoryAssessment, CategoryId, RuleCategory, Verdict } from '../categories/types';
import type { FixSpec, Severity, Thresholds } from '../rules/types';
import type { CoverageClassifier } from '../classifier';
import type { ClausePosition } from '../library';

/** Settings, from VS Code settings, initialization options or a config file; all optional. */
export interface ReviewSettings {
  /** Turn reviewing off entirely. */
  enable?: boolean;
  /** Active profiles; composed, the highest severity wins. Default ['it-outsourcing']. */
  profiles?: string[];
  /** Globs (matched against the workspace-relative, '/'-separated path) that are always contracts. */
  include?: string[];
  /** Per rule id or category id: a severity or 'off'. A rule id beats its category. */
  severity?: Record<string, Severity | 'off'>;
  thresholds?: Thresholds;
  /** The position quick fixes insert first (customer, balanced or supplier); default balanced. */
  clausePosition?: ClausePosition;
}

export interface ReviewInput {
  text: string;
  /** Path relative to the workspace (or as given on the command line), '/'-separated. */
  path?: string;
  version?: number;
  settings?: ReviewSettings;
  /** Review even when the document does not read as a contract (CLI --force, VS Code command). */
  force?: boolean;
  /** Why the review was forced (e.g. a config file's include pattern); default 'review forced'. */
  forceReason?: string;
  /**
   * Other files of the same contract (schedules, SLA, DPA) that count toward its coverage; the
   * caller reads the files that bundleReferences() names.
   */
  bundle?: Array<{ path: string; text: string }>;
  /**
   * The classifier giving a second opinion on "missing" verdicts: default the shipped one, null for
   * the rules alone (the accuracy evaluation passes models that never saw the document).
   */
  classifier?: CoverageClassifier | null;
}

export interface FixInfo extends Pick<FixSpec, 'kind' | 'title'> {
  clauseId?: string;
}

/** One finding, in the shape both the CLI JSON and the language server use. */
export interface ReviewDiagnostic {
  ruleId: string;
  category: RuleCategory;
  severity: Severity;
  message: string;
  range: Range;
  fixes: FixInfo[];
  /** Provisions the active profiles cite for this rule ("GDPR Art. 28(3)(g)"); absent when none. */
  citations?: string[];
}

export interface ReviewResult {
  isContract: boolean;
  /** Why it was or was not treated as a contract. */
  reason: string;
  profiles: string[];
  /** Verdict per category of the active profiles (and only those), in spec order. */
  coverage: Partial<Record<CategoryId, Verdict>>;
  assessments: CategoryAssessment[];
  diagnostics: ReviewDiagnostic[];
  /** The internal fix specs, index-aligned with diagnostics (used to build code actions). */
  fixSpecs: FixSpec[][];
  /** Problems with the input itself (bad front matter, unknown profile), reported, not thrown. */
  problems: string[];
  /** The document line (1-based) a problem is about, by its text, for those in the front matter (the editor marks that line). */
  problemLines?: Record<string, number>;
  /** Findings accepted by suppression comments (`<!-- clausewise-disable... -->`), with their reasons. */
  suppressed: SuppressedFinding[];
  /** Warnings about the document that do not stop a run (unknown rule names in suppression comments). */
  warnings: ReviewWarning[];
  model: ContractModel;
  /** The playbook thresholds the review used (they also supply inserted clauses' defaults). */
  thresholds: Thresholds;
  /**
   * The position quick fixes offer first: the front matter's `clausewise: { clausePosition }`, else
   * the setting, else balanced. Absent in results built outside review() (read it as balanced).
   */
  clausePosition?: ClausePosition;
}

/** A finding accepted by a suppression comment: an accepted deviation. */
export interface SuppressedFinding {
  diagnostic: ReviewDiagnostic;
  /** The reason given after ` -- ` in the comment, or null. */
  reason: string | null;
  /** The comment that accepted it. */
  comment: { kind: 'disable' | 'disable-next-line' | 'disable-file' | 'enable'; range: Range };
}

export interface ReviewWarning {
  /** Stable code, e.g. 'invalid-suppression'. */
  code: string;
  message: string;
  range: Range;
}
