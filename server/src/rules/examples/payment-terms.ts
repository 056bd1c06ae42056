import type { RuleExamples } from '../types';

// Examples of payment-terms: shown on docs/rules/payment-terms.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 5. Charges

5.1 The Customer shall pay the Supplier the fees agreed between the parties.`,
      why: 'No amounts and no due date.',
    },
  ],
  fine: [
    {
      markdown: `## 5. Charges

5.1 The Customer shall pay the Charges set out in Schedule 4.

5.2 The Supplier shall invoice the Charges monthly in arrears, and the Customer shall pay each valid invoice within 30 days of receiving it.`,
      why: 'Charges by reference to a schedule, invoicing and a payment period.',
    },
  ],
};
export default examples;
