/** The review engine's public surface: what the language server and the CLI use. */
export { review, reviewSteps, runSteps, currentStep, copyResult, effectiveSeverity, notAnalysedReview, assessor as categoryAssessor } from './review';
export { IncrementalReview } from './incremental';
export { NOT_ANALYSED, INTERNAL_ERROR } from '../rules/types';
export { computeFix, partyNames, type ComputedFix, type FixEdit } from './fixes';
export { mainBodyEnd, placeClause } from './placement';
export type { ReviewInput, ReviewResult, ReviewDiagnostic, ReviewSettings, FixInfo } from './types';
export { RULES, getRule } from '../rules';
export { CATEGORIES } from '../categories';
export { CATEGORY_IDS, DRAFTING, type CategoryId, type RuleCategory, type Verdict, type CategoryAssessment } from '../categories/types';
export { allClauses, getClause, renderClause } from '../library';
export { PROFILES, DEFAULT_PROFILES, citationsFor, type Profile } from '../profiles';
export { docsUrl, DOCS_BASE, type Severity, type Rule, type RuleMeta } from '../rules/types';
export const VERSION = '0.1.0';
export { renderMarkdownReport, renderHtmlReport, type ReportFile } from './report';
export { loadBundle, type BundleMember } from './bundle';
export { printable, printableKeepingLineBreaks, markdownCode, inertJson, withoutControls } from './inert';
export type { SuppressedFinding, ReviewWarning } from './types';
export { applySuppressions, closeIds, findSuppressionComments, acceptCommentPosition, acceptCommentEdit, sanitizeReason, SUPPRESSION_WARNING_CODE, type SuppressionComment, type SuppressionKind } from './suppression';
export { fingerprints, matchBaseline, baselineEntries, formatBaseline, parseBaseline, type Baseline, type BaselineEntry } from './baseline';
export {
  ConfigLoader, ConfigError, ConfigReadError, parseConfig, matchGlobs, describeConfig, CONFIG_FILE_NAMES,
  type ConfigReader, type ResolvedConfig, type ConfigGlob, type ConfigIssue, type RawConfig,
} from './config';
export { DISK_READER } from './config-disk';
export { configDecision, isBinary, reviewDocument, reviewDocumentSteps, skipReason, type ConfigDecision, type DocumentReview, type DocumentReviewInput } from './document';
export { MAX_CONFIG_BYTES, MAX_DOCUMENT_BYTES, readRegularFile, readBundleText, formatMegabytes, gitRoot, isInside, realPath, type ReadOutcome } from './regular-file';
