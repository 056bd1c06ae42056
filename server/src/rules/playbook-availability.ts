import type { Rule } from './types';
import { percentages, tableHeader } from './playbook';
import examples from './examples/playbook-availability';

const rule: Rule = {
  meta: {
    examples,
    thresholds: [{ name: 'minAvailability', type: 'number', unit: 'percent', minimum: 0, maximum: 100, description: 'Lowest acceptable availability commitment, in percent (for example `99.5`). A lower figure in the service levels is flagged.' }],
    id: 'playbook-availability',
    category: 'sla',
    defaultSeverity: 'warning',
    title: 'Availability below the playbook',
    description: 'An availability target is lower than the minimum your playbook sets (thresholds.minAvailability).',
    rationale: 'Legal teams keep a playbook of positions they accept. Each tenth of a percent of availability is real downtime: 99.0% allows over 7 hours a month, 99.9% about 44 minutes. This check compares every availability target in the text with your minimum.',
  },
  check(ctx) {
    const min = ctx.thresholds.minAvailability;
    if (min === undefined) return [];
    // Targets, not the bands of a credit table: a sentence that commits to a level, or a row of a
    // table whose header is about availability targets (and not about credits).
    return percentages(ctx, /./, /\bcredit|\bdiscount|\binterest|\btax|\bbelow\b|\bless than\b/i)
      .filter((p) => {
        const block = p.sentence.block;
        if (ctx.model.blocks[block].kind === 'tableRow') {
          const header = tableHeader(ctx, block);
          return header !== ctx.model.blocks[block].text && /availab|uptime|up-time|service level|target/i.test(header) && !/credit|rebate|reduction|below|less than/i.test(header);
        }
        return /\b(?:availab|uptime|up-time|available)\w*/i.test(p.sentence.flat) && /\b(?:at least|not less than|no less than|minimum|target|guarantee[sd]?|shall|will|must|commits?)\b/i.test(p.sentence.flat);
      })
      .filter((p) => p.value >= 50 && p.value < min)
      .map((p) => ({ span: p.span, message: `Availability ${p.value}% is below your playbook minimum of ${min}%.` }));
  },
};
export default rule;
