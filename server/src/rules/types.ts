import type { ContractModel, Span } from '../model';
import type { PartyMatchers } from '../model/language';
import type { CategoryAssessment, CategoryId, RuleCategory, Severity } from '../categories/types';

export type { Severity };

/** Playbook numbers a legal team sets in config; rules compare the text against them. */
export interface Thresholds {
  /** Lowest acceptable liability cap, as a percentage of the annual charges (150 = 1.5 x). */
  minLiabilityCapPercent?: number;
  minAvailability?: number;
  maxP1ResponseHours?: number;
  maxP1ResolutionHours?: number;
  maxBreachNotificationHours?: number;
  minServiceCreditCapPercent?: number;
  minExitAssistanceMonths?: number;
}

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Short name for lists and pickers: "Service credits". */
  title: string;
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters, in plain words, for hover and docs. */
  rationale: string;
  /** Clause from the library that fixes a finding of this rule, if any. */
  clauseId?: string;
  /** false: an opt-in rule, run only when the settings give it a severity by its own id. */
  enabledByDefault?: boolean;
}

/** How a finding can be fixed. */
export type FixSpec =
  | { kind: 'insertClause'; title: string; clauseId: string; /** insert as a sub-clause at the end of this section */ underSection?: number }
  | { kind: 'replace'; title: string; span: Span; replacement: string }
  /**
   * Several edits at once, each replacing a span (empty: an insertion). Only for fixes whose title
   * says what they rewrite ("Renumber clauses 4.4-4.6 and 2 cross-references"), or that only insert.
   */
  | { kind: 'edits'; title: string; edits: Array<{ span: Span; replacement: string }> };

export interface RuleFinding {
  span: Span;
  message: string;
  severity?: Severity;
  fixes?: FixSpec[];
  /** A note rather than a gap (e.g. terms incorporated from another document): its severity hint holds under every profile. */
  note?: boolean;
}

export interface RuleContext {
  model: ContractModel;
  parties: PartyMatchers;
  assessment(category: CategoryId): CategoryAssessment;
  thresholds: Thresholds;
  /** Ids of the active profiles. */
  profiles: readonly string[];
  /** The categories the active profiles review (rules learn what a profile asks through this, never by importing the profiles). */
  categories: ReadonlySet<CategoryId>;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleFinding[];
}

export const DOCS_BASE = 'https://github.com/clausewise/clausewise/blob/main/docs/rules/';

/**
 * Findings the engine itself reports about a document it could not review in full. They are not
 * rules (nothing to switch off; see docs/input-problems.md) and sit outside coverage, under the
 * `drafting` pseudo-category.
 */
export const NOT_ANALYSED = 'not-analysed';
export const INTERNAL_ERROR = 'internal-error';
const ENGINE_FINDINGS = new Set([NOT_ANALYSED, INTERNAL_ERROR]);

export function docsUrl(ruleId: string): string {
  if (ENGINE_FINDINGS.has(ruleId)) return `${DOCS_BASE.replace(/rules\/$/, '')}input-problems.md#${ruleId}`;
  return `${DOCS_BASE}${ruleId}.md`;
}
