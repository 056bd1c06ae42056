import type { RuleExamples } from '../types';

// Examples of acceptance-criteria: shown on docs/rules/acceptance-criteria.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 3. Services and Deliverables

3.1 The Supplier shall design, build and deliver the claims-handling portal described in Schedule 1 by 30 June 2026.`,
      why: 'The portal has a date, but nothing says how the Customer tests or rejects it.',
    },
  ],
  fine: [
    {
      markdown: `## 3. Services and Deliverables

3.1 The Supplier shall design, build and deliver the claims-handling portal described in Schedule 1 by 30 June 2026.

3.2 The Customer shall test the portal against the acceptance criteria in Schedule 2 within 10 Business Days of delivery and may reject it by written notice giving its reasons.`,
      why: 'Acceptance criteria, a test period and a right to reject.',
    },
  ],
};
export default examples;
