import type { RuleExamples } from '../types';

// Examples of exit-assistance: shown on docs/rules/exit-assistance.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 15. Consequences of Termination

15.1 On termination, each party shall return or destroy the other party's Confidential Information.`,
      why: 'Only the return of confidential information: a warning on the heading.',
    },
  ],
  fine: [
    {
      markdown: `## 15. Consequences of Termination

15.1 On termination, each party shall return or destroy the other party's Confidential Information.

15.2 For up to 6 months after termination, the Supplier shall provide the termination assistance described in the Exit Plan, including the transfer of all Customer Data to the Customer or a replacement supplier in an agreed, machine-readable format.`,
      why: 'Termination assistance and transfer of the data to a new supplier.',
    },
  ],
};
export default examples;
