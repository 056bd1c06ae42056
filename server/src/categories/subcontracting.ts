import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

const SUB = /\bsub[- ]?contract(?:s|ed|ing|ors?)?\b|\bsub[- ]?processors?\b|\b(?:use|engage|retain|employ|appoint)\b[^.]{0,40}\b(?:third part(?:y|ies)|independent contractors?|agents?)\b[^.]{0,40}\b(?:to (?:perform|provide|deliver)|for)\b|\b(?:third part(?:y|ies)|independent contractors?)\b[^.]{0,20}\bto (?:perform|provide|deliver)\b|\bdelegat(?:e|ion)\b[^.]{0,60}\b(?:obligations|services|duties|performance)\b/i;

export const subcontracting: CategoryDefinition = {
  id: 'subcontracting',
  title: 'Subcontracting',
  expectation: 'Subcontracting only with the customer\'s consent, obligations flowed down, and the supplier responsible for its subcontractors.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'consent', pattern: /\b(?:prior |advance )?(?:written )?(?:consent|approval|authori[sz]ation)\b|\bnot\b[^.]{0,40}\bwithout\b|\bapproved (?:sub-?contractors?|list)\b/i, context: SUB },
      { requirement: 'responsibility', pattern: /\b(?:remain|be|is|stay)s?\b[^.]{0,40}\b(?:responsible|liable|accountable)\b|\baccepts? (?:full )?responsibility\b/i, context: SUB },
      { requirement: 'flowdown', pattern: /\bflow[- ]?down\b|\bbound by\b[^.]{0,60}\b(?:obligations|terms|provisions)\b|\b(?:same|equivalent|substantially similar) (?:[\w-]+ ){0,3}(?:obligations|terms|restrictions)\b|\b(?:obligations|terms)\b[^.]{0,60}\b(?:are|is|shall be|will be) imposed\b|\bno less (?:protective|onerous|stringent)\b|\bimpose\b[^.]{0,60}\b(?:obligations|terms)\b|\bwritten (?:agreement|contract)\b[^.]{0,80}\b(?:obligations|terms|protect)/i, context: SUB },
      { requirement: 'mention', pattern: SUB },
    ], /\bsub-?contract|\bsub-?processors?\b|\bdelegation\b|\bassignment and subcontracting\b/i);
    if (has(found, 'consent', 'responsibility', 'flowdown')) return verdictOf('subcontracting', found, 'present', 'subcontracting needs consent, or the supplier stays responsible for subcontractors');
    if (has(found, 'mention', 'heading')) return verdictOf('subcontracting', found, 'weak', 'subcontracting is allowed without consent or controls');
    return verdictOf('subcontracting', found, 'missing', 'no subcontracting terms');
  },
};
