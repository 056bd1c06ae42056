import type { RuleExamples } from '../types';

// Examples of playbook-breach-notice: shown on docs/rules/playbook-breach-notice.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.thresholds': { maxBreachNotificationHours: 24 } },
  flagged: [
    {
      markdown: `## 8. Security Incidents

8.1 The Supplier shall notify the Customer of any Security Incident within 72 hours of becoming aware of it.`,
      why: '72 hours, against a 24-hour maximum.',
    },
  ],
  fine: [
    {
      markdown: `## 8. Security Incidents

8.1 The Supplier shall notify the Customer of any Security Incident within 24 hours of becoming aware of it.`,
      why: 'Within the maximum.',
    },
  ],
};
export default examples;
