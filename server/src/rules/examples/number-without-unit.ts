import type { RuleExamples } from '../types';

// Examples of number-without-unit: shown on docs/rules/number-without-unit.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `1.1 The Customer shall pay each invoice within fourteen (14) of receipt of the invoice.`,
      why: '"fourteen (14)" has no unit.',
    },
  ],
  fine: [
    {
      markdown: `1.1 The Customer shall pay each invoice within fourteen (14) days of receipt of the invoice.`,
      why: 'The period counts days.',
    },
  ],
};
export default examples;
