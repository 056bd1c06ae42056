import type { Rule } from './types';
import { formatHours, p1Times } from './playbook';

const rule: Rule = {
  meta: {
    id: 'playbook-p1-response',
    category: 'sla',
    defaultSeverity: 'warning',
    title: 'P1 response time above the playbook',
    description: 'The response time for the highest-priority incidents is longer than your playbook allows (thresholds.maxP1ResponseHours).',
    rationale: 'For a critical outage, every hour before the supplier engages is an hour of business lost. This check compares the P1 (priority 1, severity 1, critical) response time in the text, whether in a table or a sentence, with your playbook maximum.',
  },
  check(ctx) {
    const max = ctx.thresholds.maxP1ResponseHours;
    if (max === undefined) return [];
    return p1Times(ctx, /\brespon/i)
      .filter((t) => t.value.hours > max)
      .map((t) => ({ span: t.span, message: `P1 response time of ${formatHours(t.value.hours)} exceeds your playbook maximum of ${formatHours(max)}.` }));
  },
};
export default rule;
