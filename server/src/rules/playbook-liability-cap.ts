import type { Rule, RuleFinding } from './types';
import { sentencesOf } from '../categories';
import { NUMBER_PATTERN, parseNumberWord } from '../model/language';
import examples from './examples/playbook-liability-cap';
import { sourceSpanOf } from '../drafting/offsets';

const rule: Rule = {
  meta: {
    examples,
    thresholds: [{ name: 'minLiabilityCapPercent', type: 'number', unit: 'percent of the annual charges', minimum: 0, description: 'Lowest acceptable cap on the supplier\'s liability, as a percentage of one year\'s charges (`150` means one and a half times the annual charges). A cap tied to a few months of charges falls below it.' }],
    id: 'playbook-liability-cap',
    category: 'limitation-of-liability',
    defaultSeverity: 'warning',
    title: 'Liability cap below the playbook',
    description: 'The supplier\'s liability cap is lower than your playbook floor (thresholds.minLiabilityCapPercent of annual charges).',
    rationale: 'A cap tied to a few months of charges may not cover even the cost of recovering from one serious failure. Playbooks set a floor, usually 100% to 200% of the annual charges, below which the cap needs approval.',
  },
  check(ctx) {
    const min = ctx.thresholds.minLiabilityCapPercent;
    if (min === undefined) return [];
    const out: RuleFinding[] = [];
    for (const info of sentencesOf(ctx.model)) {
      if (!/\bliab/i.test(info.flat) || !/\b(?:not exceed|limited to|capped at|shall not be more than|will not be more than|maximum)\b/i.test(info.flat)) continue;
      const block = ctx.model.blocks[info.block];
      // "150% of the charges paid in the previous 12 months" or "the charges paid in the three months before".
      const pct = new RegExp(String.raw`\b(\d{1,4}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s+of\s+(?:the\s+)?(?:total\s+|annual\s+)?(?:charges|fees|amounts?)\b(?:[^.]{0,60}?\b(${NUMBER_PATTERN})\s*(?:\(\d+\)\s*)?months?)?`, 'i').exec(info.text);
      const months = new RegExp(String.raw`\b(?:charges|fees|amounts)\s+(?:paid|payable)\b[^.]{0,40}?\b(${NUMBER_PATTERN})\s*(?:\(\d+\)\s*)?months?\b`, 'i').exec(info.text);
      const n = (s: string | undefined) => (s === undefined ? undefined : parseNumberWord(s));
      let percentOfAnnual: number | undefined;
      let m: RegExpExecArray | null = null;
      if (pct) { m = pct; percentOfAnnual = Number(pct[1]) * ((n(pct[2]) ?? 12) / 12); }
      else if (months) { m = months; percentOfAnnual = 100 * ((n(months[1]) ?? 12) / 12); }
      if (!m || percentOfAnnual === undefined || percentOfAnnual >= min) continue;
      const i = info.sentence.textStart + m.index;
      out.push({
        span: sourceSpanOf(block, i, i + m[0].length),
        message: `The liability cap is about ${Math.round(percentOfAnnual)}% of a year's charges, below your playbook floor of ${min}%.`,
      });
    }
    return out;
  },
};
export default rule;
