import type { RuleExamples } from '../types';

// Examples of undefined-term: shown on docs/rules/undefined-term.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.severity': { 'undefined-term': 'warning' } },
  flagged: [
    {
      markdown: `This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## 1. Definitions

"Deliverables" means the items listed in Schedule 2.

"Services" means the services described in Schedule 1.

"Charges" means the fees set out in Schedule 3.

## 2. Acceptance

2.1 The Customer shall sign an Acceptance Certificate for each of the Deliverables that passes its tests, and the Charges for it fall due on that date.`,
      why: '"Acceptance Certificate" is capitalised like a defined term, but the contract defines only "Deliverables", "Services" and "Charges".',
    },
  ],
  fine: [
    {
      markdown: `This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## 1. Definitions

"Acceptance Certificate" means the certificate the Customer signs when a Deliverable passes its tests.

"Deliverables" means the items listed in Schedule 2.

"Charges" means the fees set out in Schedule 3.

## 2. Acceptance

2.1 The Customer shall sign an Acceptance Certificate for each of the Deliverables that passes its tests, and the Charges for it fall due on that date.`,
      why: 'The term is defined.',
    },
  ],
};
export default examples;
