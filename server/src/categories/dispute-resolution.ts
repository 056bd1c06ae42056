import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const disputeResolution: CategoryDefinition = {
  id: 'dispute-resolution',
  title: 'Dispute resolution',
  expectation: 'A dispute procedure: escalation or negotiation, then mediation, arbitration or expert determination, and a forum.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'procedure', pattern: /\barbitrat(?:e|ion|or|ors)\b|\bmediat(?:e|ion|or)\b|\bexpert determination\b|\balternative dispute resolution\b|\bADR\b|\bconciliation\b|\b(?:negotiate|resolve|discuss)\b[^.]{0,60}\b(?:in good faith|amicabl)|\bdisputes?\b[^.]{0,100}\bescalat|\bescalat\w*\b[^.]{0,100}\bdisputes?\b|\bsenior (?:executives|management|officers)\b[^.]{0,80}\b(?:resolve|meet|negotiat)/i },
      { requirement: 'forum', pattern: /\b(?:exclusive|non-exclusive) jurisdiction\b|\bsubmits? to the (?:\w+ )?jurisdiction\b|\bvenue\b[^.]{0,60}\b(?:shall|will|is|lies|be)\b|\b(?:resolved|settled|brought|heard|litigated|adjudicated|filed|commenced)\b[^.]{0,40}\bin (?:a|the|any)\b[^.]{0,40}\bcourts?\b|\bcourts? (?:located in|sitting in)\b|\bcourts? of (?!law\b|equity\b|competent\b|appropriate\b)[A-Z]|\bjury trial\b/i },
    ], /\bdisputes?\b|\barbitration\b|\bmediation\b/i);
    if (has(found, 'procedure')) return verdictOf('dispute-resolution', found, 'present', 'a dispute procedure (escalation, mediation or arbitration)');
    if (has(found, 'forum', 'heading')) return verdictOf('dispute-resolution', found, 'weak', 'only a choice of courts; no escalation, mediation or arbitration');
    return verdictOf('dispute-resolution', found, 'missing', 'no dispute-resolution terms');
  },
};
