import type { Rule } from './types';
import acceptanceCriteria from './acceptance-criteria';
import accessControl from './access-control';
import auditRights from './audit-rights';
import breachNotification from './breach-notification';
import businessContinuity from './business-continuity';
import changeControl from './change-control';
import confidentiality from './confidentiality';
import dataProtectionTerms from './data-protection-terms';
import deliverableDates from './deliverable-dates';
import disputeResolution from './dispute-resolution';
import encryption from './encryption';
import escalation from './escalation';
import exitAssistance from './exit-assistance';
import governanceMeetings from './governance-meetings';
import governingLaw from './governing-law';
import incidentNotification from './incident-notification';
import indemnities from './indemnities';
import insurance from './insurance';
import ipOwnership from './ip-ownership';
import keyPersonnel from './key-personnel';
import liabilityCap from './liability-cap';
import notices from './notices';
import paymentTerms from './payment-terms';
import performanceReviews from './performance-reviews';
import pointsOfContact from './points-of-contact';
import progressReports from './progress-reports';
import scopeOfServices from './scope-of-services';
import securityObligations from './security-obligations';
import securityTesting from './security-testing';
import serviceCredits from './service-credits';
import slaMeasurementReporting from './sla-measurement-reporting';
import slaMetrics from './sla-metrics';
import slaVagueTarget from './sla-vague-target';
import subcontractingApproval from './subcontracting-approval';
import supplierWarranties from './supplier-warranties';
import termTermination from './term-termination';
import vagueWording from './vague-wording';

/** Every rule, in a stable order (by category in spec order, then id), so output is deterministic. */
const ALL: Rule[] = [
  acceptanceCriteria,
  accessControl,
  auditRights,
  breachNotification,
  businessContinuity,
  changeControl,
  confidentiality,
  dataProtectionTerms,
  deliverableDates,
  disputeResolution,
  encryption,
  escalation,
  exitAssistance,
  governanceMeetings,
  governingLaw,
  incidentNotification,
  indemnities,
  insurance,
  ipOwnership,
  keyPersonnel,
  liabilityCap,
  notices,
  paymentTerms,
  performanceReviews,
  pointsOfContact,
  progressReports,
  scopeOfServices,
  securityObligations,
  securityTesting,
  serviceCredits,
  slaMeasurementReporting,
  slaMetrics,
  slaVagueTarget,
  subcontractingApproval,
  supplierWarranties,
  termTermination,
  vagueWording,
];

import { CATEGORY_IDS } from '../categories/types';

export const RULES: readonly Rule[] = [...ALL].sort(
  (a, b) => CATEGORY_IDS.indexOf(a.meta.category) - CATEGORY_IDS.indexOf(b.meta.category) || a.meta.id.localeCompare(b.meta.id),
);

const byId = new Map(RULES.map((r) => [r.meta.id, r]));
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
