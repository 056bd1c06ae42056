import type { RuleExamples } from '../types';

// Examples of playbook-exit-period: shown on docs/rules/playbook-exit-period.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.thresholds': { minExitAssistanceMonths: 6 } },
  flagged: [
    {
      markdown: `## 15. Exit

15.2 The Supplier shall provide termination assistance for 3 months after the end of this Agreement.`,
      why: '3 months of assistance, against a 6-month minimum.',
    },
  ],
  fine: [
    {
      markdown: `## 15. Exit

15.2 The Supplier shall provide termination assistance for 12 months after the end of this Agreement.`,
      why: '12 months.',
    },
  ],
};
export default examples;
