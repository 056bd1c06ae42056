import type { CategoryDefinition, CategoryId } from './types';
import { sla } from './sla';
import { deliverables } from './deliverables';
import { security } from './security';
import { breachNotification } from './breach-notification';
import { dataProtection } from './data-protection';
import { communication } from './communication';
import { performanceMonitoring } from './performance-monitoring';
import { dueDiligence } from './due-diligence';
import { auditRights } from './audit-rights';
import { exit } from './exit';
import { confidentiality } from './confidentiality';
import { limitationOfLiability } from './limitation-of-liability';
import { indemnity } from './indemnity';
import { insurance } from './insurance';
import { ipOwnership } from './ip-ownership';
import { subcontracting } from './subcontracting';
import { businessContinuity } from './business-continuity';
import { changeControl } from './change-control';
import { disputeResolution } from './dispute-resolution';
import { governingLaw } from './governing-law';
import { termTermination } from './term-termination';
import { payment } from './payment';
import { keptAssessor } from './kept-assessments';

/*
 * The public face of the categories for rules (test/architecture/imports.test.ts holds rules to it):
 * the assessments (RuleContext.assessment) with their typed REQUIREMENTS from ./types, and the few
 * named facts below. A rule never imports a category's patterns.
 */
/** The contract's sentences as the categories read them (section titles, lead-ins, definitions). */
export { infoSpan, infoStart, sentencesOf, firstSentenceWhere, quotedRanges, type SentenceInfo } from './scan';
export { describesSecurityIncident } from './breach-notification';

/** One assessor per category of the spec, keyed by id. */
// Each taken over from the previous model while editing where its inputs did not change (./kept-assessments.ts).
export const CATEGORIES: Record<CategoryId, CategoryDefinition> = keptAssessors({
  sla, deliverables, security, 'breach-notification': breachNotification, 'data-protection': dataProtection,
  communication, 'performance-monitoring': performanceMonitoring, 'due-diligence': dueDiligence,
  'audit-rights': auditRights, exit, confidentiality, 'limitation-of-liability': limitationOfLiability, indemnity,
  insurance, 'ip-ownership': ipOwnership, subcontracting, 'business-continuity': businessContinuity,
  'change-control': changeControl, 'dispute-resolution': disputeResolution, 'governing-law': governingLaw,
  'term-termination': termTermination, payment,
});

function keptAssessors(defs: Record<CategoryId, CategoryDefinition>): Record<CategoryId, CategoryDefinition> {
  const out = {} as Record<CategoryId, CategoryDefinition>;
  for (const id of Object.keys(defs) as CategoryId[]) out[id] = keptAssessor(defs[id]);
  return out;
}
