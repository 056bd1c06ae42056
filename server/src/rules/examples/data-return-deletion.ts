import type { RuleExamples } from '../types';

// Examples of data-return-deletion: shown on docs/rules/data-return-deletion.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 9. Data Protection

9.1 The Supplier shall process Customer Personal Data only on the Customer's documented instructions and in compliance with Data Protection Laws.`,
      why: 'Processor terms, but nothing on what happens to the data at the end.',
    },
  ],
  fine: [
    {
      markdown: `## 9. Data Protection

9.1 The Supplier shall process Customer Personal Data only on the Customer's documented instructions and in compliance with Data Protection Laws.

9.2 On expiry or termination, the Supplier shall return or delete all Customer Personal Data, as the Customer chooses, delete any remaining copies and confirm the deletion in writing.`,
      why: 'Return or deletion at the Customer\'s choice, with confirmation.',
    },
  ],
};
export default examples;
