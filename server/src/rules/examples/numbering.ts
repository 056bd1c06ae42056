import type { RuleExamples } from '../types';

// Examples of numbering: shown on docs/rules/numbering.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 4. Charges

4.1 The Customer shall pay the Charges monthly in arrears.

4.2 The Supplier shall invoice on the first Business Day of each month.

4.4 Interest on late payment is payable at 4% above base rate, as clause 4.5 explains.

4.5 Interest accrues daily until payment.`,
      why: '4.3 is missing.',
    },
  ],
  fine: [
    {
      markdown: `## 4. Charges

4.1 The Customer shall pay the Charges monthly in arrears.

4.2 The Supplier shall invoice on the first Business Day of each month.

4.3 Interest on late payment is payable at 4% above base rate, as clause 4.4 explains.

4.4 Interest accrues daily until payment.`,
      why: 'Consecutive numbers.',
    },
  ],
};
export default examples;
