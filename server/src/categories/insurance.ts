import type { CategoryDefinition } from './types';
import type { Signal } from './scan';
import { has, scan, verdictOf } from './scan';
import { hasMoneyAmount } from '../model/language';
import { FALSE_SENSES } from './senses';

// "Coverage" and "policies" alone are too loose (support coverage, security policies); the section form widens this.
const COVER = String.raw`(?:insurance|insured|insurers?|(?:liability|insurance)\s+(?:coverage|cover)|coverage\s+(?:in|of)\s+(?:an\s+amount|not\s+less|at\s+least)|polic(?:y|ies)\s+of\s+insurance)`;
const SECTION_COVER = String.raw`(?:insur\w*|coverage|cover|polic(?:y|ies))`;
const TYPES = /\b(?:professional (?:indemnity|liability)|errors and omissions|E&O|(?:commercial )?general liability|public liability|products? liability|cyber(?:[- ]?security)? (?:liability )?insurance|cyber (?:liability|risk)|employers?'? liability|workers'? compensation|fidelity|crime|business interruption|umbrella|excess liability|property damage|automobile liability) (?:insurance|cover(?:age)?|policy|policies)?\b/i;
const HOLD_HARMLESS = { id: 'hold-harmless', note: '"hold harmless" is indemnity wording', pattern: /\bhold\s+(?:\w+\s+){0,4}harmless\b/i };
const SECTION = /\binsurance\b(?!\s+(?:center|centre|company|companies|products?|content|business|information))/i;
const NOT_COVER = [FALSE_SENSES.insuranceAsCost, FALSE_SENSES.insuranceAsBenefit, FALSE_SENSES.insurerAsRecipient, FALSE_SENSES.insuranceBusiness];

/**
 * Insurance counts only as a duty to hold cover: someone shall maintain, carry or procure it, or
 * cover shall be maintained, or certificates and additional-insured status are owed. Exported for
 * the example table in test/signals.
 */
export const INSURANCE_SIGNALS: Signal[] = [
  { requirement: 'duty', pattern: new RegExp(String.raw`\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|covenants?\s+to|is\s+required\s+to|are\s+required\s+to|to)[\s,]+(?:[\w,]+\s+){0,6}?(?:maintain|carry|procure|obtain|keep|purchase|secure|effect|take\s+out|hold|have\s+in\s+(?:place|force|effect)|put\s+in\s+place)\b[^.;]{0,160}\b${COVER}\b`, 'i'), unless: /\b(?:shall|will|must) not\b[^.;]{0,40}\b(?:maintain|carry|procure|obtain|purchase)\b|\bnot (?:be )?(?:required|obliged) to\b/i, mask: [...NOT_COVER, HOLD_HARMLESS] },
  // Passive and object-first: "Insurance shall be maintained", "such policies shall remain in force".
  { requirement: 'duty', pattern: new RegExp(String.raw`\b${COVER}\b[^.;]{0,120}\b(?:shall|will|must)\s+(?:\w+\s+)?(?:be\s+(?:maintained|carried|procured|obtained|kept|purchased|in\s+(?:full\s+)?(?:force|effect))|remain\s+in\s+(?:full\s+)?(?:force|effect)|name\b|include\b|provide\b)`, 'i'), mask: NOT_COVER },
  { requirement: 'duty', pattern: /\b(?:additional|named) insureds?\b|\bcertificates? of insurance\b|\binsurance certificates?\b|\bevidence of (?:such )?(?:insurance|coverage)\b|\bminimum (?:insurance|coverage)\b/i },
  // Under an insurance heading, any sentence about cover with a modal is enough.
  { requirement: 'duty', pattern: new RegExp(String.raw`\b(?:shall|will|must|agrees?)\b[^.;]{0,200}\b${SECTION_COVER}\b|\b${SECTION_COVER}\b[^.;]{0,200}\b(?:shall|will|must)\b`, 'i'), inSection: SECTION, noHeadings: true, mask: NOT_COVER },
  { requirement: 'types', pattern: TYPES, context: /\binsur|\bcover|\bpolic/i },
];

export const insurance: CategoryDefinition = {
  id: 'insurance',
  title: 'Insurance',
  expectation: 'Insurance the supplier must hold: the types of cover and minimum amounts.',
  assess(ctx) {
    const found = scan(ctx, INSURANCE_SIGNALS, /\binsurance\b/i);
    if (!has(found, 'duty')) return verdictOf('insurance', {}, 'missing', 'no insurance the supplier must hold');
    const cover = (found.types ?? []).concat(found.duty ?? []);
    const amounts = cover.filter((e) => hasMoneyAmount(e.text));
    const f = { ...found, amounts };
    if (has(found, 'types') && amounts.length) return verdictOf('insurance', f, 'present', 'insurance types and amounts');
    return verdictOf('insurance', f, 'weak', amounts.length ? 'insurance amounts without the types of cover' : 'insurance is required without minimum amounts');
  },
};
