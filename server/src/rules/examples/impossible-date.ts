import type { RuleExamples } from '../types';

// Examples of impossible-date: shown on docs/rules/impossible-date.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 3. Term

3.1 This Agreement starts on 1 May 2025 and the first milestone falls on 31 April 2026.

3.2 The initial term runs from 1 March 2026 to 28 February 2026.`,
      why: 'April has 30 days, and the initial term ends before it starts.',
    },
  ],
  fine: [
    {
      markdown: `## 3. Term

3.1 This Agreement starts on 1 May 2025 and the first milestone falls on 30 April 2026.

3.2 The initial term runs from 1 March 2026 to 28 February 2029.`,
      why: 'Both dates exist and the term ends after it starts.',
    },
  ],
};
export default examples;
