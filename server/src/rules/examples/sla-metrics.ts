import type { RuleExamples } from '../types';

// Examples of sla-metrics: shown on docs/rules/sla-metrics.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 6. Service Levels

6.1 The Supplier shall meet the service levels described in its standard support policy, as updated from time to time.`,
      why: 'Service levels are mentioned, but there is no figure to measure them against.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

6.1 The Hosting Services shall be available at least 99.8% of the time in each calendar month.

6.2 The Supplier shall respond to a Priority 1 incident within 30 minutes and restore the service within 4 hours.`,
      why: 'An availability percentage and response and restore times.',
    },
  ],
};
export default examples;
