import type { Rule } from './types';
import { percentages } from './playbook';
import { infoStart } from '../categories';
import examples from './examples/playbook-credit-cap';

const rule: Rule = {
  meta: {
    examples,
    thresholds: [{ name: 'minServiceCreditCapPercent', type: 'number', unit: 'percent of the monthly charges', minimum: 0, maximum: 100, description: 'Lowest acceptable cap on service credits, as a percentage of the monthly charges. A cap below it leaves the service levels with little bite.' }],
    id: 'playbook-credit-cap',
    category: 'sla',
    defaultSeverity: 'warning',
    title: 'Service-credit cap below the playbook',
    description: 'Service credits are capped below the minimum your playbook sets (thresholds.minServiceCreditCapPercent).',
    rationale: 'A low cap on service credits means that after a few bad days the supplier has nothing more to lose that month. Playbooks set a minimum cap, as a percentage of the monthly charges, so that credits keep an incentive to restore service.',
  },
  check(ctx) {
    const min = ctx.thresholds.minServiceCreditCapPercent;
    if (min === undefined) return [];
    // Sentences about credits that set a cap ("up to", "maximum"...); decimals such as 0.5% are fine.
    return percentages(ctx, /\bcredit/i, /\bliab(?:le|ility)\b/i)
      .filter((p) => /\b(?:cap|capped|maximum|not (?:to )?exceed|limited to|in (?:the )?aggregate|up to|no more than)\b/i.test(p.sentence.flat))
      // Only the cap itself: a percentage that follows "capped at", "up to", "maximum of"...
      .filter((p) => p.value < min && /\b(?:cap(?:ped)?(?: at)?|up to|maximum(?: of)?|not (?:to )?exceed|limited to|in (?:the )?aggregate(?: of)?|no more than|greater than)\s+(?:\w+\s+){0,3}$/i.test(p.sentence.text.slice(0, p.span.start - infoStart(ctx.model, p.sentence))))
      .map((p) => ({ span: p.span, message: `Service credits capped at ${p.value}% is below your playbook minimum of ${min}%.` }));
  },
};
export default rule;
