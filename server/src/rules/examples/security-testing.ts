import type { RuleExamples } from '../types';

// Examples of security-testing: shown on docs/rules/security-testing.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall encrypt Customer Data in transit and at rest and enforce multi-factor authentication for all administrator accounts.`,
      why: 'Controls are required, but nothing shows that they work.',
    },
  ],
  fine: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall encrypt Customer Data in transit and at rest and enforce multi-factor authentication for all administrator accounts.

7.2 The Supplier shall commission an independent penetration test of the Platform at least once a year, fix critical findings within 10 Business Days and give the Customer a summary of the results.`,
      why: 'An annual independent penetration test, with a deadline for fixes.',
    },
  ],
};
export default examples;
