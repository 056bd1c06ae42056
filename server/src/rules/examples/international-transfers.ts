import type { RuleExamples } from '../types';

// Examples of international-transfers: shown on docs/rules/international-transfers.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 9. Data Protection

9.1 The Supplier shall process Customer Personal Data only on the Customer's documented instructions and in compliance with Data Protection Laws.`,
      why: 'Processor terms, but nothing on transfers abroad.',
    },
  ],
  fine: [
    {
      markdown: `## 9. Data Protection

9.1 The Supplier shall process Customer Personal Data only on the Customer's documented instructions and in compliance with Data Protection Laws.

9.2 The Supplier shall not transfer Customer Personal Data outside the European Economic Area without the Customer's prior written consent and the standard contractual clauses approved by the European Commission.`,
      why: 'Transfers only with consent and standard contractual clauses.',
    },
  ],
};
export default examples;
