import { categoryGapRule } from './helpers';
import examples from './examples/exit-assistance';

export default categoryGapRule({
  meta: {
    examples,
    related: ['term-termination', 'ip-ownership', 'business-continuity'],
    id: 'exit-assistance',
    category: 'exit',
    defaultSeverity: 'error',
    title: "Exit and transition",
    description: "The contract should secure exit assistance, transition support and data return.",
    rationale: "Every outsourcing ends. Without an exit plan and a duty to provide termination assistance and hand back data in a usable format, the customer is locked in or faces a disorderly transfer. DORA Art. 30(3)(f) requires exit strategies for critical ICT services.",
    clauseId: 'exit-assistance',
  },
  missing: "No exit or transition assistance: at the end of the contract the customer has no right to help moving the service or its data.",
  weak: "Exit terms are thin",
});
