import type { RuleExamples } from '../types';

// Examples of data-protection-terms: shown on docs/rules/data-protection-terms.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 9. Data Protection

9.1 The Supplier shall process personal data in accordance with the data processing agreement signed by the parties.`,
      why: 'Only a reference to a separate agreement: a warning on the Data Protection heading.',
    },
  ],
  fine: [
    {
      markdown: `## 9. Data Protection

9.1 The Supplier shall process Customer Personal Data only on the Customer's documented instructions and in compliance with Data Protection Laws.

9.2 The Supplier shall not engage a sub-processor without the Customer's prior written consent.

9.3 On expiry or termination, the Supplier shall return or delete all Customer Personal Data, as the Customer chooses.`,
      why: 'Instructions, compliance with the law, sub-processors and deletion.',
    },
  ],
};
export default examples;
