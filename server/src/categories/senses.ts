/**
 * Shared tables of false senses: wording that carries a category's keyword without stating the
 * duty or right the category is about. Each entry names the confusion it prevents so signals and
 * rules can reuse it (and its tests in test/signals/senses.test.ts show both sides).
 */
export interface FalseSense {
  id: string;
  /** Why this wording is not the clause. */
  note: string;
  pattern: RegExp;
}

export const FALSE_SENSES = {
  /** Insurance that is a cost line or a benefit plan, not cover the supplier must hold. */
  insuranceAsCost: {
    id: 'insurance-as-cost',
    note: 'freight, transit or shipping insurance as a charge, or insurance costs passed through',
    pattern: /\b(?:freight|shipping|shipments?|transit|transportation|carriage|postage|packing|handling|delivery)\b[^.;]{0,60}\binsurance\b|\binsurance\b[^.;]{0,30}\b(?:in transit|on shipments?|charges|costs?|premiums? paid)\b|\b(?:costs?|charges?) of insurance\b/i,
  },
  insuranceAsBenefit: {
    id: 'insurance-as-benefit',
    note: 'employee benefits and statutory contributions (health, unemployment, social or national insurance)',
    pattern: /\b(?:unemployment|national|social|health|medical|dental|life|disability|employment|group)\s+insurance\b|\b(?:employee benefits?|benefit plans?|pension|retirement|fringe)\b[^.;]{0,80}\binsurance\b|\binsurance\b[^.;]{0,40}\b(?:contributions?|withholding|benefit (?:plans?|programs?))\b/i,
  },
  insurerAsRecipient: {
    id: 'insurer-as-recipient',
    note: 'insurers named as people who may receive information or take part in a claim',
    pattern: /\b(?:insurers?|insurance carriers?|underwriters?)\b[^.;]{0,20}\b(?:advisers?|advisors?|attorneys|accountants|lenders|auditors|representatives|investors)\b|\b(?:advisers?|advisors?|attorneys|accountants|lenders|auditors|representatives|investors)\b[^.;]{0,40}\b(?:and|or)\s+(?:its |their )?(?:insurers?|underwriters?)\b|\b(?:cooperate|co-operate) with\b[^.;]{0,40}\binsurers?\b/i,
  },
  insuranceBusiness: {
    id: 'insurance-business',
    note: 'insurance as the subject matter of the business (an insurer party, insurance products or content)',
    pattern: /\binsurance (?:company|companies|products?|content|information|professionals?|agents?|brokerage|business|laws?|regulators?|department)\b|\b(?:life|reinsurance|insurance) (?:group|holding)/i,
  },
  /** "as is" in "such time as is necessary": an ordinary comparison, not a warranty disclaimer. */
  asIsComparison: {
    id: 'as-is-comparison',
    note: '"such ... as is necessary", "as is reasonably requested": a comparison, not an "as is" disclaimer',
    pattern: /\bas is (?!basis\b|condition\b|where is\b|with all faults\b)[a-z]/i,
  },
  /** "as the case may be" holds a "may" that grants nothing. */
  caseMayBe: { id: 'case-may-be', note: '"as the case may be" grants no right', pattern: /\bas the case may be\b/i },
  /** Insurance limits are amounts of cover, not a cap on liability. */
  insuranceLimit: {
    id: 'insurance-limit',
    note: 'an insurance limit ("General Liability 2,000,000 aggregate") is an amount of cover, not a liability cap',
    pattern: /\b(?:insurance|insured|insurer|coverage|policy|policies|per occurrence|per claim|umbrella|excess liability)\b/i,
  },
  /** Force majeure excuses delay; it does not cap liability. */
  forceMajeure: {
    id: 'force-majeure',
    note: '"not liable for delay beyond its control" is force majeure, not a liability cap',
    pattern: /\bbeyond (?:the )?(?:\w+(?:'s)? )?(?:reasonable )?control\b|\bforce majeure\b|\bacts? of God\b/i,
  },
  /** Disclosure to regulators is not a regulator's right to audit. */
  regulatorDisclosure: {
    id: 'regulator-disclosure',
    note: 'disclosure compelled by a regulator or law is not a regulator\'s audit right',
    pattern: /\b(?:disclos\w+|required by (?:law|any law|applicable law)|compelled|subpoena|court order)\b/i,
  },
  /** The information-security triad names properties of data, not an availability service level. */
  ciaTriad: {
    id: 'cia-triad',
    note: '"confidentiality, integrity and availability" describes data security, not a service level',
    pattern: /\bconfidentiality,?\s+integrity,?\s+(?:and|&)\s+availability\b|\bintegrity,?\s+(?:and|&)\s+availability of\b/i,
  },
} satisfies Record<string, FalseSense>;

/** Does any of the named false senses occur in the text? */
export function hasFalseSense(text: string, ...senses: FalseSense[]): boolean {
  return senses.some((s) => s.pattern.test(text));
}

/** Blanks the matches of the given senses (same length, so offsets keep mapping). */
export function maskSenses(text: string, ...senses: FalseSense[]): string {
  let out = text;
  for (const s of senses) {
    const re = globalPattern(s);
    // Most sentences hold no false sense: a test is cheaper than a replace that changes nothing.
    re.lastIndex = 0;
    if (!re.test(out)) continue;
    out = out.replace(re, (m) => ' '.repeat(m.length));
  }
  return out;
}

/** The sense's pattern with the g flag, made once per sense (this runs for every sentence and signal). */
const globalPatterns = new WeakMap<FalseSense, RegExp>();
function globalPattern(s: FalseSense): RegExp {
  let re = globalPatterns.get(s);
  if (!re) {
    re = new RegExp(s.pattern.source, s.pattern.flags.includes('g') ? s.pattern.flags : s.pattern.flags + 'g');
    globalPatterns.set(s, re);
  }
  return re;
}
