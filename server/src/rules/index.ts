import type { Rule } from './types';
import { CATEGORY_IDS } from '../categories/types';
import acceptanceCriteria from './acceptance-criteria';
import accessControl from './access-control';
import auditRights from './audit-rights';
import benchmarking from './benchmarking';
import breachNotification from './breach-notification';
import businessContinuity from './business-continuity';
import certificationsAssurance from './certifications-assurance';
import changeControl from './change-control';
import confidentiality from './confidentiality';
import correctiveAction from './corrective-action';
import dataAccessPortability from './data-access-portability';
import dataLocation from './data-location';
import dataProtectionTerms from './data-protection-terms';
import dataReturnDeletion from './data-return-deletion';
import deliverableDates from './deliverable-dates';
import disputeResolution from './dispute-resolution';
import doraProfileHint from './dora-profile-hint';
import encryption from './encryption';
import escalation from './escalation';
import exitAssistance from './exit-assistance';
import forceMajeure from './force-majeure';
import gdprProfileHint from './gdpr-profile-hint';
import governanceMeetings from './governance-meetings';
import governingLaw from './governing-law';
import incidentNotification from './incident-notification';
import indemnities from './indemnities';
import insurance from './insurance';
import internationalTransfers from './international-transfers';
import ipOwnership from './ip-ownership';
import keyPersonnel from './key-personnel';
import liabilityCap from './liability-cap';
import notices from './notices';
import paymentTerms from './payment-terms';
import performanceReviews from './performance-reviews';
import playbookAvailability from './playbook-availability';
import playbookBreachNotice from './playbook-breach-notice';
import playbookCreditCap from './playbook-credit-cap';
import playbookExitPeriod from './playbook-exit-period';
import playbookLiabilityCap from './playbook-liability-cap';
import playbookP1Resolution from './playbook-p1-resolution';
import playbookP1Response from './playbook-p1-response';
import pointsOfContact from './points-of-contact';
import progressReports from './progress-reports';
import regulatorAccess from './regulator-access';
import scopeOfServices from './scope-of-services';
import securityObligations from './security-obligations';
import securityTesting from './security-testing';
import serviceCredits from './service-credits';
import slaMeasurementReporting from './sla-measurement-reporting';
import slaMetrics from './sla-metrics';
import slaVagueTarget from './sla-vague-target';
import subcontractingApproval from './subcontracting-approval';
import subcontractorFlowdown from './subcontractor-flowdown';
import supplierWarranties from './supplier-warranties';
import termTermination from './term-termination';
import terminationRights from './termination-rights';
import vagueWording from './vague-wording';

// Drafting hygiene (issue 6): rules of the 'drafting' category.
import brokenCrossReference from './broken-cross-reference';
import duplicateClauseTitle from './duplicate-clause-title';
import duplicateDefinition from './duplicate-definition';
import impossibleDate from './impossible-date';
import numberMismatch from './number-mismatch';
import numberWithoutUnit from './number-without-unit';
import inconsistentFigure from './inconsistent-figure';
import signatureBlock from './signature-block';
import numbering from './numbering';
import partyNameVariant from './party-name-variant';
import placeholder from './placeholder';
import termUsedBeforeDefinition from './term-used-before-definition';
import undefinedTerm from './undefined-term';
import unusedTerm from './unused-term';

// Every rule, one per file. Helpers (helpers, playbook, profile-hints, vague-terms) are not rules.
const ALL: Rule[] = [
  acceptanceCriteria,
  accessControl,
  auditRights,
  benchmarking,
  breachNotification,
  businessContinuity,
  certificationsAssurance,
  changeControl,
  confidentiality,
  correctiveAction,
  dataAccessPortability,
  dataLocation,
  dataProtectionTerms,
  dataReturnDeletion,
  deliverableDates,
  disputeResolution,
  doraProfileHint,
  encryption,
  escalation,
  exitAssistance,
  forceMajeure,
  gdprProfileHint,
  governanceMeetings,
  governingLaw,
  incidentNotification,
  indemnities,
  insurance,
  internationalTransfers,
  ipOwnership,
  keyPersonnel,
  liabilityCap,
  notices,
  paymentTerms,
  performanceReviews,
  playbookAvailability,
  playbookBreachNotice,
  playbookCreditCap,
  playbookExitPeriod,
  playbookLiabilityCap,
  playbookP1Resolution,
  playbookP1Response,
  pointsOfContact,
  progressReports,
  regulatorAccess,
  scopeOfServices,
  securityObligations,
  securityTesting,
  serviceCredits,
  slaMeasurementReporting,
  slaMetrics,
  slaVagueTarget,
  subcontractingApproval,
  subcontractorFlowdown,
  supplierWarranties,
  termTermination,
  terminationRights,
  vagueWording,
  // Drafting hygiene
  brokenCrossReference,
  duplicateClauseTitle,
  duplicateDefinition,
  impossibleDate,
  numberMismatch,
  numberWithoutUnit, inconsistentFigure, signatureBlock,
  numbering,
  partyNameVariant,
  placeholder,
  termUsedBeforeDefinition,
  undefinedTerm,
  unusedTerm,
];

// Drafting rules sort after every coverage category.
const rank = (r: Rule) => (r.meta.category === 'drafting' ? CATEGORY_IDS.length : CATEGORY_IDS.indexOf(r.meta.category));

/** Rules in a stable order (category in spec order, then id), so output is deterministic. */
export const RULES: readonly Rule[] = [...ALL].sort(
  (a, b) => rank(a) - rank(b) || a.meta.id.localeCompare(b.meta.id),
);

const byId = new Map(RULES.map((r) => [r.meta.id, r]));
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
