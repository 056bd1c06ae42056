import type { ContractModel, Span } from '../model';
import type { PartyMatchers } from '../model/language';

/** Category ids from the interface spec (shared/spec/README.md, section 2). */
export const CATEGORY_IDS = [
  'sla', 'deliverables', 'security', 'breach-notification', 'data-protection', 'communication',
  'performance-monitoring', 'due-diligence', 'audit-rights', 'exit', 'confidentiality',
  'limitation-of-liability', 'indemnity', 'insurance', 'ip-ownership', 'subcontracting',
  'business-continuity', 'change-control', 'dispute-resolution', 'governing-law', 'term-termination', 'payment',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/**
 * Drafting hygiene (undefined terms, broken cross-references, numbering, placeholders) is not a
 * coverage category: it has no verdict, and its rules apply under every profile.
 */
export const DRAFTING = 'drafting' as const;
export type RuleCategory = CategoryId | typeof DRAFTING;

/**
 * How strongly a finding is reported. Here, below both rules and profiles, because a rule declares
 * its default and a profile raises it: neither imports the other.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type Verdict = 'present' | 'weak' | 'missing';

/** A piece of text that satisfied (or partly satisfied) a requirement of a category. */
export interface Evidence {
  requirement: string;
  span: Span;
  /** The sentence or heading, whitespace-normalised. */
  text: string;
  section: number;
  /** Set when the text is in another file of the contract bundle (a schedule kept apart). */
  path?: string;
  /** 'classifier' when the trained classifier, not a rule, found this text (see server/src/classifier). */
  source?: 'classifier';
  /** The classifier's probability for this sentence, when source is 'classifier'. */
  score?: number;
}

export interface CategoryAssessment {
  category: CategoryId;
  verdict: Verdict;
  /** Plain-words reason for the verdict, e.g. "service levels are stated without numbers". */
  reason: string;
  evidence: Evidence[];
  /** Named requirements of the category and whether the text meets each; rules report unmet ones. */
  requirements: Record<string, boolean>;
  /** The section that holds the category's clause, if any (anchor for weak findings and fixes). */
  section: number | null;
  /** Text that bears on the category's rules without being evidence of it (e.g. a force-majeure clause). */
  related?: Record<string, Evidence[]>;
  /** Set when the verdict comes from another file of the bundle: that file's path. */
  source?: string;
  /**
   * Set on a category whose terms the contract takes from another document that is not in the bundle
   * ("the Service Level Agreement attached as Schedule 3"), when nothing but that reference was found:
   * the document as named, and the sentence that incorporates it. The verdict stays as the text gives
   * it (missing, or weak on the reference alone); the rules report one information note naming the
   * document to check instead of gap findings.
   */
  incorporatedFrom?: { document: string; evidence: Evidence };
}

export interface AssessContext {
  model: ContractModel;
  parties: PartyMatchers;
  /** Another category's assessment (memoised by the engine), for categories that build on one. */
  assessment?: (id: CategoryId) => CategoryAssessment;
}

export interface CategoryDefinition {
  id: CategoryId;
  title: string;
  /** What an adequate clause contains, in plain words (hover, docs, coverage view). */
  expectation: string;
  assess(ctx: AssessContext): CategoryAssessment;
}
