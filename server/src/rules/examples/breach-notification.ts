import type { RuleExamples } from '../types';

// Examples of breach-notification: shown on docs/rules/breach-notification.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 8. Security Incidents

8.1 The Supplier shall promptly notify the Customer of any Security Incident affecting Customer Data.`,
      why: '"promptly" is not a deadline. The quick fix can replace it.',
    },
  ],
  fine: [
    {
      markdown: `## 8. Security Incidents

8.1 The Supplier shall notify the Customer of any Security Incident affecting Customer Data without undue delay and in any event within 24 hours of becoming aware of it.`,
      why: 'A fixed number of hours.',
    },
  ],
};
export default examples;
