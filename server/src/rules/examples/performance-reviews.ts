import type { RuleExamples } from '../types';

// Examples of performance-reviews: shown on docs/rules/performance-reviews.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 11. Service Management

11.1 The Supplier shall monitor the performance of the Services continuously using its own tools.`,
      why: 'The Supplier monitors itself, but reports nothing to the Customer.',
    },
  ],
  fine: [
    {
      markdown: `## 11. Service Management

11.1 The Supplier shall measure its performance against the key performance indicators in Schedule 7 and send the Customer a monthly performance report.

11.2 The parties shall hold a quarterly service review to discuss trends, root causes and improvement plans.`,
      why: 'KPIs, a monthly performance report and quarterly reviews.',
    },
  ],
};
export default examples;
