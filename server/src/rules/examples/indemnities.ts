import type { RuleExamples } from '../types';

// Examples of indemnities: shown on docs/rules/indemnities.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 18. Indemnities

18.1 The Supplier shall indemnify the Customer against all losses arising from its breach of this Agreement.`,
      why: 'One indemnity, with no procedure for handling claims.',
    },
  ],
  fine: [
    {
      markdown: `## 18. Indemnities

18.1 The Supplier shall indemnify the Customer against all claims by third parties alleging that the Deliverables infringe their intellectual property rights.

18.2 The Customer shall give the Supplier prompt written notice of any such claim and allow it sole control of the defence and settlement.`,
      why: 'An IP indemnity with a claims procedure.',
    },
  ],
};
export default examples;
