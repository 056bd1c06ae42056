import type { RuleExamples } from '../types';

// Examples of service-credits: shown on docs/rules/service-credits.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 6. Service Levels

6.1 The Hosting Services shall be available at least 99.8% of the time, measured over each calendar month.

6.2 The Supplier shall report its performance against this service level every month.`,
      why: 'The service level has a figure and is measured and reported, but missing it costs the Supplier nothing.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

6.1 The Hosting Services shall be available at least 99.8% of the time, measured over each calendar month.

6.2 For each full 0.5% by which availability in a month falls short of 99.8%, the Supplier shall credit the Customer 5% of that month's Charges, up to 25% in total.`,
      why: 'A service credit applies whenever availability falls short.',
    },
  ],
};
export default examples;
