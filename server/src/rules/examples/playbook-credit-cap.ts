import type { RuleExamples } from '../types';

// Examples of playbook-credit-cap: shown on docs/rules/playbook-credit-cap.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.thresholds': { minServiceCreditCapPercent: 20 } },
  flagged: [
    {
      markdown: `## 6. Service Levels

6.2 For each full 0.5% by which availability falls short, the Supplier shall credit the Customer 5% of the monthly Charges.

6.3 Service credits in any month are capped at 10% of the monthly Charges.`,
      why: 'A 10% cap, below the 20% minimum. The credit rate is in its own sentence, so only the cap is compared.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

6.2 For each full 0.5% by which availability falls short, the Supplier shall credit the Customer 5% of the monthly Charges.

6.3 Service credits in any month are capped at 25% of the monthly Charges.`,
      why: 'A 25% cap.',
    },
  ],
};
export default examples;
