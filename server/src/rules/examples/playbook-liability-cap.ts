import type { RuleExamples } from '../types';

// Examples of playbook-liability-cap: shown on docs/rules/playbook-liability-cap.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.thresholds': { minLiabilityCapPercent: 100 } },
  flagged: [
    {
      markdown: `## 17. Liability

17.1 The Supplier's total liability under this Agreement shall not exceed the Charges paid in the three months before the claim.`,
      why: 'Three months of charges is 25% of a year\'s charges, below a floor of 100%.',
    },
  ],
  fine: [
    {
      markdown: `## 17. Liability

17.1 The Supplier's total liability under this Agreement shall not exceed 150% of the Charges paid in the 12 months before the claim.`,
      why: '150% of a year\'s charges.',
    },
  ],
};
export default examples;
