import type { RuleExamples } from '../types';

// Examples of subcontracting-approval: shown on docs/rules/subcontracting-approval.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 21. Subcontracting

21.1 The Supplier may use subcontractors to perform any part of the Services.`,
      why: 'Subcontracting is allowed without any control.',
    },
  ],
  fine: [
    {
      markdown: `## 21. Subcontracting

21.1 The Supplier shall not subcontract any part of the Services without the Customer's prior written consent.

21.2 The Supplier shall bind each approved subcontractor to obligations no less protective than those in this Agreement, and remains responsible for the acts and omissions of its subcontractors.`,
      why: 'Prior consent, flow-down and continuing responsibility.',
    },
  ],
};
export default examples;
