import type { RuleExamples } from '../types';

// Examples of inconsistent-figure: shown on docs/rules/inconsistent-figure.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `1.1 The Customer shall pay an annual fee of GBP 120,000 for the Services.

4.2 The annual fee of GBP 125,000 is payable in advance.`,
      why: 'The annual fee is GBP 120,000 in clause 1.1 and GBP 125,000 in clause 4.2.',
    },
  ],
  fine: [
    {
      markdown: `1.1 The Customer shall pay an annual fee of GBP 120,000 for the Services.

4.2 The annual fee of GBP 120,000 is payable in advance, and a monthly fee of GBP 2,000 covers support.`,
      why: 'One figure for the annual fee; the monthly fee is another thing.',
    },
  ],
};
export default examples;
