import type { RuleExamples } from '../types';

// Examples of governing-law: shown on docs/rules/governing-law.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 25. Jurisdiction

25.1 The courts of Ireland have exclusive jurisdiction to settle any dispute arising out of this Agreement.`,
      why: 'The courts are chosen, but not the law. The finding is on the document title.',
    },
  ],
  fine: [
    {
      markdown: `## 25. Law and Jurisdiction

25.1 This Agreement is governed by the laws of Ireland.

25.2 The courts of Ireland have exclusive jurisdiction to settle any dispute arising out of this Agreement.`,
      why: 'An express choice of law.',
    },
  ],
};
export default examples;
