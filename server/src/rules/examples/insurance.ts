import type { RuleExamples } from '../types';

// Examples of insurance: shown on docs/rules/insurance.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 19. Insurance

19.1 The Supplier shall maintain adequate insurance with reputable insurers throughout the Term.`,
      why: '"adequate insurance", with no type of cover or amount.',
    },
  ],
  fine: [
    {
      markdown: `## 19. Insurance

19.1 Throughout the Term and for 3 years after it, the Supplier shall maintain professional indemnity insurance of at least EUR 5,000,000 per claim and cyber liability insurance of at least EUR 10,000,000 per claim.`,
      why: 'Named covers with minimum amounts.',
    },
  ],
};
export default examples;
