import type { CategoryDefinition } from './types';
import { countOf, definedTermsOf, has, scan, verdictOf } from './scan';

const PERSONAL = /\bpersonal (?:data|information)\b|\bPII\b|\bPHI\b|\bprotected health information\b|\bnonpublic personal information\b|\bdata subjects?\b|\bcustomer data\b|\bclient data\b/i;

const DP_LAW = /\bdata protection (?:laws?|legislation|act|regulations?)\b|\bGDPR\b|\bGeneral Data Protection Regulation\b|\bprivacy (?:laws?|legislation|regulations?)\b|\bHIPAA\b|\bGramm-Leach|\bGLBA\b|\bCCPA\b|\bCalifornia Consumer Privacy\b|\bData Protection Act\b/i;
const GENERIC_COMPLIANCE = /\b(?:all|any)\s+(?:applicable\s+|relevant\s+)?(?:laws|laws and regulations|legislation|legal requirements)\b[^.;]{0,40}\b(?:including|such as|for example|e\.g\.)/i;

export const dataProtection: CategoryDefinition = {
  id: 'data-protection',
  title: 'Data protection',
  expectation: 'Personal-data terms: processing only on instructions, compliance with data-protection law, sub-processors, transfers, return or deletion.',
  assess(ctx) {
    const found = scan(ctx, [
      // Data-protection law named only as an example in a generic duty to obey all laws ("all applicable laws, including data protection laws") is a mention, not a data-protection term.
      { requirement: 'law', pattern: DP_LAW, unless: GENERIC_COMPLIANCE },
      { requirement: 'mention-duty', pattern: DP_LAW },
      { requirement: 'instructions', pattern: /\b(?:documented|written|lawful) instructions\b|\bonly (?:on|in accordance with|as instructed|upon)\b[^.]{0,60}\binstructions\b|\bas a (?:data )?processor\b|\bcontroller\b[^.]{0,60}\bprocessor\b|\bbusiness associate\b/i },
      { requirement: 'subprocessors', pattern: /\bsub-?processors?\b/i },
      { requirement: 'subjects', pattern: /\bdata subjects?\b[^.]{0,80}\b(?:requests?|rights)\b|\brights? of (?:the )?data subjects?\b/i },
      { requirement: 'transfers', pattern: /\b(?:international|cross-border|onward) transfers?\b|\bstandard contractual clauses\b|\btransfers?\b[^.]{0,60}\b(?:outside|third countr|EEA|European Economic Area)\b/i },
      { requirement: 'location', pattern: /\b(?:located|stored|hosted|processed|kept|held)\b[^.]{0,60}\b(?:in|within|inside)\b[^.]{0,30}\b(?:EEA|European Economic Area|European Union|EU|UK|United Kingdom|United States|USA|the country|countries|regions?|jurisdictions?|data cent(?:er|re)s?)\b|\bdata (?:location|residency|locali[sz]ation|sovereignty)\b|\blocations?\b[^.]{0,40}\b(?:where|from which|at which)\b[^.]{0,60}\b(?:data|processing|services|processed|stored)\b|\bprocessing locations?\b/i },
      // A named place: case matters here, so this one is not /i.
      { requirement: 'location', pattern: /\b(?:located|stored|hosted|processed|kept|held)\b[^.]{0,60}\b(?:in|within|inside)\s+(?:the\s+)?(?!Schedule|Annex|Appendix|Exhibit|Clause|Section|Accordance|Writing|Confidence|Order|Agreement|Customer|Supplier)[A-Z][a-z]+/ },
      // Named or listed data centres ("host all Customer Data at its data centres in Frankfurt", "reside only in the data centres listed in Schedule 4").
      { requirement: 'location', pattern: /\b(?:host|store|keep|hold|process|reside|remain|locate)\w*\b[^.]{0,60}\b(?:at|in|within|from)\s+(?:its|their|the|our|the following|\w+'s)?\s*(?:(?:named|listed|approved|designated|following)\s+)?data cent(?:er|re)s?\b|\bdata cent(?:er|re)s?\b[^.]{0,30}\b(?:located in|listed in|named in|set out in|specified in|in [A-Z][a-z]+)/i },
      { requirement: 'return-deletion', pattern: /\b(?:return|delete|deletion|destroy|erase)\b[^.]{0,80}\b(?:personal data|customer (?:data|content)|client data|personal information|PHI|protected health information)\b|\b(?:personal data|customer (?:data|content)|personal information|PHI|protected health information)\b[^.]{0,80}\b(?:returned|deleted|destroyed|erased)\b/i, context: /\b(?:terminat\w*|expir\w*|end(?:s)? of|when the services end|cessation|completion|no longer (?:needed|required|necessary)|after (?:the )?(?:services|agreement|contract))\b/i, unless: /\bnot (?:be )?(?:obliged|required|obligated)\b|\bno obligation\b/i, supplierDuty: true },
      { requirement: 'use-limits', pattern: PERSONAL, context: /\b(?:only|solely|not)\b[^.]{0,60}\b(?:use|process|disclose|purpose)/i },
      { requirement: 'use-limits', pattern: /\b(?:access|use|disclose|process|utili[sz]e)\w*\b[^.]{0,80}\b(?:solely|only)\b[^.]{0,30}\b(?:as (?:is )?necessary|to the extent necessary|for the purposes? of|to provide)\b|\bfor any purpose other than\b/i, context: /\bdata\b|\bmessages\b|\bcontent\b|\binformation\b/i },
      { requirement: 'mention-duty', pattern: PERSONAL, context: /\b(?:shall|must|will|ensure|comply|protect)\b/i },
      { requirement: 'reference', pattern: /\bdata processing (?:agreement|addendum)\b|\bDPA\b|\bprivacy (?:policy|statement|notice)\b/i },
      { requirement: 'mention', pattern: PERSONAL },
    ], /\bdata protection\b|\bprivacy\b|\bpersonal data\b|\bprocessing of (?:personal )?data\b|\bGDPR\b|\bHIPAA\b/i);
    // "stored in the Hosted Platform": a defined term is a system, not a place.
    const definedTerms = new Set(definedTermsOf(ctx).map((t) => t.term.toLowerCase()));
    found.location = (found.location ?? []).filter((e) => {
      const m = /\b(?:in|within|inside)\s+(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)/.exec(e.text);
      return !m || !(definedTerms.has(m[1].toLowerCase()) || /\b(?:Platform|System|Environment|Service|Services|Cloud|Application|Database|Solution|Portal|Tool)\b/.test(m[1])) || /\b(?:EEA|European|EU|UK|United|country|countries|region|data cent)/i.test(e.text);
    });
    const terms = countOf(found, 'law', 'instructions', 'subprocessors', 'subjects', 'transfers', 'return-deletion');
    if (terms >= 2 && has(found, 'law', 'instructions')) return verdictOf('data-protection', found, 'present', 'processor-style personal-data terms');
    if (terms >= 1 || has(found, 'reference', 'use-limits', 'mention-duty', 'heading')) return verdictOf('data-protection', found, 'weak', 'personal data is addressed only generally (a reference to a separate agreement or policy, or use limits)');
    return verdictOf('data-protection', found, 'missing', 'no personal-data terms');
  },
};
