import type { Rule, RuleFinding } from './types';

const NOTIFY = /\b(?:notif|notice|inform|report|alert)\w*/i;
import { durations, formatHours } from './playbook';
import { INCIDENT_EVENT } from '../categories/breach-notification';

const rule: Rule = {
  meta: {
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
    for (const d of durations(ctx, NOTIFY)) {
      if (!INCIDENT_EVENT.test(d.sentence.flat)) continue;
      const before = d.sentence.text.slice(0, d.span.start - d.sentence.sentence.start);
      // Only a deadline for the notice itself: "notify ... within 48 hours", the first one after the verb.
      const verb = before.search(NOTIFY);
      if (verb < 0 || !/\b(?:within|no later than|not later than|not more than|in any event within)\s+$/i.test(before)) continue;
      if (out.some((o) => o.span.start >= d.sentence.sentence.start && o.span.end <= d.sentence.sentence.end)) continue;
      if (d.value.hours <= max) continue;
      out.push({ span: d.span, message: `Incident notice within ${formatHours(d.value.hours)} exceeds your playbook maximum of ${formatHours(max)}.` });
    }
    return out;
  },
};
export default rule;
