import type { RuleExamples } from '../types';

// Examples of supplier-warranties: shown on docs/rules/supplier-warranties.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 12. Warranties

12.1 Each party represents that it has the authority to execute and perform this Agreement.`,
      why: 'Only a statement of authority: a warning on the Warranties heading.',
    },
  ],
  fine: [
    {
      markdown: `## 12. Warranties

12.1 The Supplier warrants that the Services will be performed with reasonable skill and care by suitably qualified staff, that the Deliverables will conform to the Specification, and that it will comply with all applicable laws.`,
      why: 'Skill and care, qualified staff, conformance and compliance with law.',
    },
  ],
};
export default examples;
