import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const limitationOfLiability: CategoryDefinition = {
  id: 'limitation-of-liability',
  title: 'Limitation of liability',
  expectation: 'A liability cap with an amount or formula and an exclusion of indirect or consequential loss, with sensible carve-outs.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'cap', pattern: /\b(?:liability|liable)\b[^.]{0,200}\b(?:shall not exceed|will not exceed|not to exceed|does not exceed|limited to|capped at|in excess of|more than|exceed|maximum|aggregate)\b|\b(?:aggregate|total|cumulative|maximum) liability\b|\bliability cap\b|\bcap on liability\b|\bgeneral cap\b/i },
      { requirement: 'exclusion', pattern: /\b(?:indirect|consequential|incidental|special|punitive|exemplary)\b[^.]{0,80}\b(?:damages?|loss(?:es)?)\b|\b(?:loss of|lost) (?:profits?|revenues?|business|goodwill|data)\b/i, context: /\bliab|\bdamages\b|\bexclu/i },
      { requirement: 'disclaimer', pattern: /\blimitations? (?:on|of) liability (?:provisions?|clause|section)\b/i },
      { requirement: 'disclaimer', pattern: /\bas is\b|\bdisclaims?\b|\bsole (?:and exclusive )?remedy\b|\bexclusive remedy\b/i },
    ], /\blimitation of liability\b|\blimitations? on liability\b|\bliability\b|\bexclusion of (?:damages|loss)\b/i);
    const reqs = ['cap', 'exclusion'];
    if (has(found, 'cap', 'exclusion')) return verdictOf('limitation-of-liability', found, 'present', 'a liability cap or an exclusion of indirect loss', reqs);
    if (has(found, 'disclaimer', 'heading')) return verdictOf('limitation-of-liability', found, 'weak', 'only a disclaimer or an exclusive-remedy clause; no cap or exclusion', reqs);
    return verdictOf('limitation-of-liability', found, 'missing', 'no limitation of liability', reqs);
  },
};
