import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

const WARRANT = /\b(?:warrants?|represents?|warranty|warranties|guarantees?|covenants?)\b/i;

export const dueDiligence: CategoryDefinition = {
  id: 'due-diligence',
  title: 'Supplier due diligence and warranties',
  expectation: 'Specific supplier warranties (conformance to specifications, qualified personnel, compliance with laws), certifications, key personnel.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'conformance', pattern: /\bin accordance with (?:the )?(?:specifications?|documentation|requirements)\b|\bdue diligence and care\b|\b(?:operating condition|good working order|free (?:from|of) (?:material )?defects|perform substantially)\b/i, context: WARRANT, supplierDuty: true },
      { requirement: 'conformance', pattern: /\b(?:conform|comply|complies|perform)\w*\b[^.]{0,60}\b(?:documentation|specifications?|descriptions?|requirements of (?:this|the) agreement|statement of work|SOW)\b/i, context: WARRANT, supplierDuty: true },
      { requirement: 'workmanship', pattern: /\b(?:workmanlike|professional (?:and workmanlike )?manner|reasonable (?:skill|care)|skill,? care and diligence|industry (?:standards|best practices?|practices)|good industry practice|qualified|skilled|competent|experienced|trained|expertise)\b/i, context: /\b(?:warrant|represent|shall|will|must|perform|personnel|staff)/i, supplierDuty: true },
      // Compliance with data-protection law alone is a data-protection duty (counted there), not a warranty of compliance with laws.
      { requirement: 'compliance', pattern: /\bcompl(?:y|ies|iance)\b[^.]{0,40}\b(?:(?:all )?applicable )?(?<!(?:data protection|privacy|data privacy|data security) )(?:laws?|regulations?|statutes|legal requirements)\b/i, supplierDuty: true },
      { requirement: 'certifications', pattern: /\bISO(?:\/IEC)?\s*\d{4,5}\b|\bSOC\s*(?:1|2|II)\b|\bcertifi(?:ed|cations?)\b|\baccredit/i, supplierDuty: true, unless: /\bcertificate of insurance\b/i },
      { requirement: 'key-personnel', pattern: /\bkey (?:personnel|staff|employees|individuals|positions)\b|\bnamed (?:personnel|individuals)\b|\bbackground (?:checks?|screening|investigations?)\b|\bvetting\b/i },
      // A CV counts only as the CV of the people who will do the work ("CVs of the proposed consultants"), not "send us your portfolio and CV".
      { requirement: 'key-personnel', pattern: /\bresumes?\b|\bCVs?\b/, context: /\b(?:personnel|staff|team members?|employees|consultants?|engineers?|individuals|specialists?|project managers?|proposed|assigned|replacements?)\b/i, unless: /\bportfolio\b/i },
      { requirement: 'capability', pattern: /\b(?:has|have|possesses?)\b[^.]{0,40}\b(?:experience|ability|capabilit|resources|expertise|skills?)\b/i, context: WARRANT },
      { requirement: 'capability', pattern: /\b(?:we|supplier|contractor|provider|vendor|consultant|developer) (?:has|have|possess(?:es)?)\b[^.]{0,40}\b(?:experience|ability|capabilit\w*|expertise|skills?)\b/i },
      { requirement: 'authority', pattern: /\b(?:full |the )?(?:power|authority|right) to (?:enter into|execute|perform)\b|\bduly (?:organi[sz]ed|authori[sz]ed)\b(?! (?:representatives?|officers?|signator|agents?))/i, supplierDuty: true },
    ], /\b(?:warrant(?:y|ies)|representations?|personnel|key personnel|staffing|qualifications?|due diligence|compliance with laws)\b/i);
    if (has(found, 'conformance', 'workmanship', 'compliance', 'certifications', 'key-personnel')) return verdictOf('due-diligence', found, 'present', 'specific supplier warranties, certifications or key personnel');
    if (has(found, 'capability', 'authority', 'heading')) return verdictOf('due-diligence', found, 'weak', 'only general statements of capability or authority');
    return verdictOf('due-diligence', found, 'missing', 'no supplier warranties, certifications or key-personnel terms');
  },
};
