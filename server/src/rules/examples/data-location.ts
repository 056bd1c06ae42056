import type { RuleExamples } from '../types';

// Examples of data-location: shown on docs/rules/data-location.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 9. Data Protection

9.1 The Supplier shall process Customer Personal Data only on the Customer's documented instructions and in compliance with Data Protection Laws.`,
      why: 'Processor terms, but nothing on where the data is kept.',
    },
  ],
  fine: [
    {
      markdown: `## 9. Data Protection

9.1 The Supplier shall process Customer Personal Data only on the Customer's documented instructions and in compliance with Data Protection Laws.

9.2 Customer Data shall be stored and processed only in the data centres in the European Economic Area listed in Schedule 11. The Supplier shall give the Customer 90 days' written notice before adding or changing a location.`,
      why: 'Named locations, and notice before they change.',
    },
  ],
};
export default examples;
