import type { RuleExamples } from '../types';

// Examples of data-access-portability: shown on docs/rules/data-access-portability.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 15. Exit

15.1 For up to 6 months after termination, the Supplier shall provide the termination assistance described in the Exit Plan and help the Customer move the Services to a replacement supplier.`,
      why: 'Transition help, but no duty to hand back the data.',
    },
  ],
  fine: [
    {
      markdown: `## 15. Exit

15.1 For up to 6 months after termination, the Supplier shall provide the termination assistance described in the Exit Plan and help the Customer move the Services to a replacement supplier.

15.2 Within 30 days after termination, the Supplier shall return all Customer Data to the Customer in an agreed, non-proprietary format, and only then delete it.`,
      why: 'Return of the data in a usable format before deletion.',
    },
  ],
};
export default examples;
