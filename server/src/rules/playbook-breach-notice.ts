import type { Rule, RuleFinding } from './types';

const NOTIFY = /\b(?:notif|notice|inform|report|alert)\w*/i;
import { durations, formatHours } from './playbook';
import { describesSecurityIncident, infoStart } from '../categories';
import examples from './examples/playbook-breach-notice';

const rule: Rule = {
  meta: {
    examples,
    thresholds: [{ name: 'maxBreachNotificationHours', type: 'number', unit: 'hours', minimum: 0, description: 'Longest acceptable time, in hours, for the supplier to tell the customer of a security incident or personal-data breach. Under the GDPR the controller must notify the authority within 72 hours, so a processor\'s deadline is usually shorter, for example `24` or `48`.' }],
    id: 'playbook-breach-notice',
    category: 'breach-notification',
    defaultSeverity: 'warning',
    title: 'Breach notice slower than the playbook',
    description: 'The deadline to notify a security incident is longer than your playbook allows (thresholds.maxBreachNotificationHours).',
    rationale: 'Your own regulatory clock (72 hours under GDPR Art. 33, much less for major ICT incidents under DORA) runs from when you become aware. The supplier\'s deadline must leave you time to assess and report, so playbooks usually cap it at 24 to 48 hours.',
  },
  check(ctx) {
    const max = ctx.thresholds.maxBreachNotificationHours;
    if (max === undefined) return [];
    const out: RuleFinding[] = [];
    const decided = new Set<number>();
    for (const d of durations(ctx, NOTIFY)) {
      const sentence = infoStart(ctx.model, d.sentence);
      if (decided.has(sentence) || !describesSecurityIncident(d.sentence.flat)) continue;
      // The notice deadline is the first "within N hours" of the sentence; later times in it are
      // other steps (a full report within 5 days, the customer's own deadline to its regulator).
      const before = d.sentence.text.slice(0, d.span.start - sentence);
      if (!/\b(?:within|no later than|not later than|not more than|in any event within)\s+$/i.test(before)) continue;
      decided.add(sentence);
      if (d.value.hours <= max) continue;
      out.push({ span: d.span, message: `Incident notice within ${formatHours(d.value.hours)} exceeds your playbook maximum of ${formatHours(max)}.` });
    }
    return out;
  },
};
export default rule;
