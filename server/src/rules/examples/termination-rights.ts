import type { RuleExamples } from '../types';

// Examples of termination-rights: shown on docs/rules/termination-rights.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 14. Term

14.1 This Agreement begins on the Effective Date and runs for an initial term of three years.`,
      why: 'A three-year term with no way to end it early.',
    },
  ],
  fine: [
    {
      markdown: `## 14. Term and Termination

14.1 This Agreement begins on the Effective Date and runs for an initial term of three years.

14.2 Either party may terminate this Agreement by written notice if the other commits a material breach and fails to remedy it within 30 days.`,
      why: 'Termination for uncured material breach.',
    },
  ],
};
export default examples;
