import type { Rule } from './types';
import { durations } from './playbook';
import { infoStart } from '../categories';
import examples from './examples/playbook-exit-period';

const rule: Rule = {
  meta: {
    examples,
    thresholds: [{ name: 'minExitAssistanceMonths', type: 'number', unit: 'months', minimum: 0, description: 'Shortest acceptable period, in months, for which the supplier must help move the services to the customer or a new supplier after termination.' }],
    id: 'playbook-exit-period',
    category: 'exit',
    defaultSeverity: 'warning',
    title: 'Exit assistance shorter than the playbook',
    description: 'Termination assistance lasts less than your playbook minimum (thresholds.minExitAssistanceMonths).',
    rationale: 'Moving an outsourced service to a new supplier or back in-house takes months: procurement, knowledge transfer, data migration, parallel running. An assistance period shorter than the realistic transition leaves the customer without support mid-move.',
  },
  check(ctx) {
    const min = ctx.thresholds.minExitAssistanceMonths;
    if (min === undefined) return [];
    return durations(ctx, /\b(?:termination|transition|exit|disengagement|migration) (?:assistance|services|support|period)\b/i)
      .filter((d) => /\b(?:for|up to|period of|of)\s+(?:up to\s+)?$/i.test(d.sentence.text.slice(0, d.span.start - infoStart(ctx.model, d.sentence))) || /\bmonths?\b/i.test(d.value.unit))
      .filter((d) => d.value.hours / 730 < min && d.value.unit !== 'hour' && d.value.unit !== 'minute')
      .map((d) => ({ span: d.span, message: `Exit assistance of ${(d.value.hours / 730).toFixed(d.value.hours % 730 ? 1 : 0)} months is shorter than your playbook minimum of ${min} months.` }));
  },
};
export default rule;
