import type { RuleExamples } from '../types';

// Examples of term-termination: shown on docs/rules/term-termination.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 14. Termination

14.1 The Customer may terminate this Agreement for convenience on 90 days' written notice.`,
      why: 'A right to terminate, but no defined term.',
    },
  ],
  fine: [
    {
      markdown: `## 14. Term and Termination

14.1 This Agreement begins on the Effective Date and runs for an initial term of three years.

14.2 Either party may terminate this Agreement by written notice if the other commits a material breach and fails to remedy it within 30 days.

14.3 The Customer may terminate this Agreement for convenience on 90 days' written notice.`,
      why: 'A term, termination for breach and for convenience.',
    },
  ],
};
export default examples;
