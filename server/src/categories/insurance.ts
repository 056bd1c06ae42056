import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';
import { hasMoneyAmount } from '../model/language';

export const insurance: CategoryDefinition = {
  id: 'insurance',
  title: 'Insurance',
  expectation: 'Insurance the supplier must hold: the types of cover and minimum amounts.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'types', pattern: /\b(?:professional (?:indemnity|liability)|errors and omissions|E&O|(?:commercial )?general liability|public liability|products? liability|cyber(?:[- ]?security)? (?:liability )?insurance|cyber (?:liability|risk)|employers?'? liability|workers'? compensation|fidelity|crime|business interruption) (?:insurance|cover(?:age)?|policy|policies)?\b/i, context: /\binsur|\bcover|\bpolic/i },
      { requirement: 'mention', pattern: /\binsurance\b|\binsured\b|\binsurers?\b/i, unless: /\bnational insurance\b|\binsurance (?:company|companies) (?:client|customer)s?\b/i },
    ], /\binsurance\b/i);
    const amount = (found.types ?? []).concat(found.mention ?? []).some((e) => hasMoneyAmount(e.text));
    const reqs = ['types', 'amounts'];
    const f = { ...found, amounts: amount ? (found.types ?? found.mention ?? []).filter((e) => hasMoneyAmount(e.text)) : [] };
    if (has(found, 'types') && amount) return verdictOf('insurance', f, 'present', 'insurance types and amounts', reqs);
    if (has(found, 'types', 'mention', 'heading')) return verdictOf('insurance', f, 'weak', amount ? 'insurance amounts without the types of cover' : 'insurance is required without minimum amounts', reqs);
    return verdictOf('insurance', f, 'missing', 'no insurance the supplier must hold', reqs);
  },
};
