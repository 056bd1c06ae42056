import type { RuleExamples } from '../types';

// Examples of incident-notification: shown on docs/rules/incident-notification.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 7. Security

7.4 The Supplier shall maintain an incident response plan and keep logs of security events for at least 12 months.`,
      why: 'The Supplier handles incidents internally, but nothing requires it to tell the Customer.',
    },
  ],
  fine: [
    {
      markdown: `## 7. Security

7.4 The Supplier shall maintain an incident response plan and keep logs of security events for at least 12 months.

7.5 The Supplier shall notify the Customer in writing of any Security Incident or Personal Data Breach within 24 hours of becoming aware of it.`,
      why: 'A duty to notify, in writing, within 24 hours.',
    },
  ],
};
export default examples;
