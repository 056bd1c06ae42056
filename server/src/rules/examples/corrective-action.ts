import type { RuleExamples } from '../types';

// Examples of corrective-action: shown on docs/rules/corrective-action.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 6. Service Levels

6.1 The Platform shall be available at least 99.8% of the time in each calendar month.

6.2 If availability falls below 99.8% in a month, the Supplier shall credit the Customer 5% of that month's Charges.`,
      why: 'Figures and credits, but no duty to find and fix the cause.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

6.1 The Platform shall be available at least 99.8% of the time in each calendar month.

6.2 If availability falls below 99.8% in a month, the Supplier shall credit the Customer 5% of that month's Charges.

6.3 For every service-level failure, the Supplier shall investigate the root cause, report it to the Customer within 10 Business Days and carry out the corrective action plan the parties agree.`,
      why: 'Root-cause analysis and an agreed corrective plan.',
    },
  ],
};
export default examples;
