import type { RuleExamples } from '../types';

// Examples of sla-measurement-reporting: shown on docs/rules/sla-measurement-reporting.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 6. Service Levels

6.1 The Supplier shall keep the Platform available 99.5% of the time.

6.2 Priority 1 incidents shall be resolved within 4 hours.`,
      why: 'Figures are given, but not the period they are measured over, and nobody reports on them.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

6.1 The Supplier shall keep the Platform available 99.5% of the time, measured over each calendar month.

6.2 Priority 1 incidents shall be resolved within 4 hours.

6.3 By the fifth Business Day of each month, the Supplier shall send the Customer a service-level report for the previous month, with the data behind it.`,
      why: 'A monthly measurement period and a monthly report.',
    },
  ],
};
export default examples;
