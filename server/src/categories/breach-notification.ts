import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';
import { memo } from '../model/facts';

const INCIDENT_EVENT = /\b(?:security (?:incidents?|breach(?:es)?|events?)|(?:data|personal data|privacy|information security) breach(?:es)?|breach(?:es)? of (?:security|the security|data)|unauthori[sz]ed (?:access|disclosure|use|acquisition|processing)|(?:loss|theft|compromise) of (?:customer |personal |client )?data|compromise[sd]?\b|cyber[- ]?(?:attacks?|incidents?)|incidents? affecting|(?:theft|loss|misuse|compromise)\b[^.]{0,30}\b(?:PII|PHI|personal (?:data|information)|customer data|cardholder data)|suspected (?:breach|incident|compromise))/i;
const NOTIFY = /\b(?:notif(?:y|ies|ied|ication)|notice|inform|report|alert|advise|tell)\b/i;
const DEADLINE = /\bwithin\s+(?:\w+\s+)?\(?\d+\)?\s*(?:hours?|hrs?|days?|business days?|calendar days?)\b|\bwithin\s+(?:twenty-four|forty-eight|seventy-two|twenty four|forty eight|seventy two|one|two|three|five|seven|ten)\b[^.]{0,12}\b(?:hours?|days?)\b|\b\d+\s*(?:hours?|hrs?)\b|\bimmediately\b|\bas soon as (?:reasonably )?(?:possible|practicable|feasible)\b|\bforthwith\b|\bwithout undue delay\b|\bno later than\b[^.]{0,30}\b(?:hours?|days?)\b/i;

/**
 * Does the text speak of a security incident or a data breach ("unauthorised access", "a personal
 * data breach", "suspected compromise")? Public (see categories/index.ts): rules use it to tell an
 * incident-notice duty from other notices, with the same reading this category uses.
 */
export function describesSecurityIncident(text: string): boolean {
  return INCIDENT_EVENT.test(text);
}

const NO_INCIDENT = 0;
const INCIDENT = 1;
const WITH_DEADLINE = 2;

/**
 * What a duty's evidence text says: no incident, an incident, or an incident with a deadline. A pure
 * function of the text, memoised while editing: every review asked both expressions of every duty
 * found in the document, and an edit changes few of them (issue 13, passes).
 */
function dutyReading(text: string): number {
  return memo('breach-duty', text, () => (!INCIDENT_EVENT.test(text) ? NO_INCIDENT : DEADLINE.test(text) ? WITH_DEADLINE : INCIDENT));
}

export const breachNotification: CategoryDefinition = {
  id: 'breach-notification',
  title: 'Breach and incident notification',
  expectation: 'A duty on the supplier to notify security incidents and personal-data breaches, with a deadline (e.g. within 24 hours).',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'duty', pattern: NOTIFY, context: INCIDENT_EVENT, supplierDuty: true, unless: /\bcustomer\b[^.]{0,40}\b(?:shall|must|will)\s+(?:promptly\s+)?(?:notify|inform)\b[^.]{0,40}\b(?:provider|supplier|vendor)\b/i },
      { requirement: 'property', pattern: /\b(?:notify|inform|report)\b[^.]{0,80}\b(?:theft|loss|damage|destruction)\b[^.]{0,60}\b(?:property|equipment|materials|assets)\b/i, supplierDuty: true },
    ], /\b(?:security incidents?|breach notification|incident notification|data breach|notification of (?:security )?(?:incidents?|breach))\b/i);
    const withDeadline = (found.duty ?? []).filter((e) => dutyReading(e.text) === WITH_DEADLINE);
    const timely = { ...found, deadline: withDeadline };
    const hasDuty = (found.duty ?? []).some((e) => dutyReading(e.text) !== NO_INCIDENT);
    if (withDeadline.length) return verdictOf('breach-notification', timely, 'present', 'incidents must be notified within a deadline');
    if (hasDuty) return verdictOf('breach-notification', timely, 'weak', 'a duty to notify incidents exists, but without a deadline');
    if (has(found, 'property')) return verdictOf('breach-notification', { property: found.property ?? [] }, 'weak', 'notice is required only for loss of or damage to property, not for security incidents');
    // A heading with no supplier duty under it is no notification clause.
    return verdictOf('breach-notification', {}, 'missing', has(found, 'heading') ? 'an incident section exists, but no duty on the supplier to notify' : 'no duty on the supplier to notify security incidents or data breaches');
  },
};
