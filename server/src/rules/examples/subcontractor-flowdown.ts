import type { RuleExamples } from '../types';

// Examples of subcontractor-flowdown: shown on docs/rules/subcontractor-flowdown.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 21. Subcontracting

21.1 The Supplier shall not subcontract any part of the Services without the Customer's prior written consent.`,
      why: 'Consent is required, but subcontractors are not bound by the Supplier\'s obligations.',
    },
  ],
  fine: [
    {
      markdown: `## 21. Subcontracting

21.1 The Supplier shall not subcontract any part of the Services without the Customer's prior written consent.

21.2 The Supplier shall impose on each subcontractor, in a written contract, obligations no less protective of the Customer than those in this Agreement.`,
      why: 'Obligations flowed down in a written contract.',
    },
  ],
};
export default examples;
