import type { RuleExamples } from '../types';

// Examples of number-mismatch: shown on docs/rules/number-mismatch.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 12. Termination

12.1 Either party may terminate this Agreement by giving thirty (60) days' written notice.`,
      why: 'The words say 30, the figure says 60.',
    },
  ],
  fine: [
    {
      markdown: `## 12. Termination

12.1 Either party may terminate this Agreement by giving sixty (60) days' written notice.`,
      why: 'Words and figure agree.',
    },
  ],
};
export default examples;
