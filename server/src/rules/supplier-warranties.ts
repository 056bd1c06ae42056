import { categoryGapRule } from './helpers';
import examples from './examples/supplier-warranties';

export default categoryGapRule({
  meta: {
    examples,
    id: 'supplier-warranties',
    category: 'due-diligence',
    defaultSeverity: 'warning',
    title: "Supplier warranties",
    description: "The supplier should give specific warranties about its capability and compliance.",
    rationale: "Due diligence on a supplier is only as good as the warranties that back it: performance with reasonable skill and care by qualified staff, conformance to the specification, compliance with laws and maintained certifications give the customer a remedy if the supplier is not what it said.",
    clauseId: 'supplier-warranties',
  },
  missing: "No supplier warranties: the customer has no contractual remedy if the supplier lacks the capability or compliance it claimed.",
  weak: "Supplier warranties are generic",
});
