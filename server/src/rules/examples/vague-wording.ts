import type { RuleExamples } from '../types';

// Examples of vague-wording: shown on docs/rules/vague-wording.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 4. Support

4.1 The Supplier shall provide additional engineers as needed and deliver training materials, user guides etc. in a timely manner.`,
      why: '"as needed", "etc." and "in a timely manner" are each flagged.',
    },
  ],
  fine: [
    {
      markdown: `## 4. Support

4.1 The Supplier shall provide up to two additional engineers on 10 Business Days' written request, and shall deliver the training materials and user guides listed in Schedule 5 within 20 Business Days of the Effective Date.`,
      why: 'A number, a closed list and a deadline.',
    },
  ],
};
export default examples;
