import type { RuleExamples } from '../types';

// Examples of business-continuity: shown on docs/rules/business-continuity.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 9. Operations

9.3 The Supplier shall maintain a disaster recovery plan for the Platform.`,
      why: 'A plan is required, but with no recovery objectives or testing.',
    },
  ],
  fine: [
    {
      markdown: `## 9. Operations

9.3 The Supplier shall maintain a business continuity and disaster recovery plan that restores the Platform within a recovery time objective of 4 hours and a recovery point objective of 15 minutes.

9.4 The Supplier shall test the plan at least once a year and share the results with the Customer.`,
      why: 'Recovery time and recovery point objectives, and yearly tests.',
    },
  ],
};
export default examples;
