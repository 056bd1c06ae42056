import type { RuleExamples } from '../types';

// Examples of party-name-variant: shown on docs/rules/party-name-variant.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Tailspin Systems Limited (the "Supplier").

Tailspin Systems Ltd shall provide the Services from its data centres in Reading.`,
      why: '"Tailspin Systems Ltd" is a variant of "Tailspin Systems Limited".',
    },
  ],
  fine: [
    {
      markdown: `This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Tailspin Systems Limited (the "Supplier").

The Supplier shall provide the Services from its data centres in Reading.`,
      why: 'The defined name is used after the definition.',
    },
  ],
};
export default examples;
