import type { RuleExamples } from '../types';

// Examples of benchmarking: shown on docs/rules/benchmarking.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 11. Service Management

11.1 The Supplier shall measure its performance against the key performance indicators in Schedule 7 and send the Customer a monthly performance report.

11.2 The parties shall hold a quarterly service review.`,
      why: 'KPIs, reports and reviews, but no benchmarking right.',
    },
  ],
  fine: [
    {
      markdown: `## 11. Service Management

11.1 The Supplier shall measure its performance against the key performance indicators in Schedule 7 and send the Customer a monthly performance report.

11.2 Once a year the Customer may appoint an independent benchmarker to compare the Charges and Service Levels with those of similar services in the market.`,
      why: 'A yearly independent benchmark.',
    },
  ],
};
export default examples;
