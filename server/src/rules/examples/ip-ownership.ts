import type { RuleExamples } from '../types';

// Examples of ip-ownership: shown on docs/rules/ip-ownership.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 20. Intellectual Property

20.1 The Supplier grants the Customer a non-exclusive licence to use the Deliverables for its internal business purposes.`,
      why: 'Only a licence: who owns the Deliverables is left open.',
    },
  ],
  fine: [
    {
      markdown: `## 20. Intellectual Property

20.1 The Customer owns all intellectual property rights in the Deliverables from the moment they are created.

20.2 The Supplier keeps its pre-existing tools and grants the Customer a perpetual, royalty-free licence to use them with the Deliverables.`,
      why: 'Ownership of the Deliverables, and a licence to the Supplier\'s own tools.',
    },
  ],
};
export default examples;
