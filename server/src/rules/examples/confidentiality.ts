import type { RuleExamples } from '../types';

// Examples of confidentiality: shown on docs/rules/confidentiality.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 16. Confidentiality

16.1 The terms of this Agreement are confidential.`,
      why: 'Confidentiality is stated, but no duty is imposed.',
    },
  ],
  fine: [
    {
      markdown: `## 16. Confidentiality

16.1 Each party shall keep the other party's Confidential Information secret, use it only to perform this Agreement, and disclose it only to those of its employees and advisers who need to know it and are bound by equivalent duties.`,
      why: 'A duty of secrecy, a limit on use and need-to-know disclosure.',
    },
  ],
};
export default examples;
