import { categoryGapRule } from './helpers';
import examples from './examples/ip-ownership';

export default categoryGapRule({
  meta: {
    examples,
    related: ['exit-assistance'],
    id: 'ip-ownership',
    category: 'ip-ownership',
    defaultSeverity: 'warning',
    title: "Intellectual property",
    description: "Ownership of deliverables, data and tools should be allocated.",
    rationale: "If the contract is silent, the supplier may own what the customer paid to have built. The contract should say who owns the deliverables and the customer's data, and what licence each side gets to the other's background IP.",
    clauseId: 'ip-ownership',
  },
  missing: "No intellectual-property terms: ownership of deliverables and data is not allocated.",
  weak: "Ownership of deliverables is unclear",
});
