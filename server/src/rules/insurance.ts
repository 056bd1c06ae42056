import { categoryGapRule } from './helpers';
import examples from './examples/insurance';

export default categoryGapRule({
  meta: {
    examples,
    related: ['liability-cap', 'indemnities'],
    id: 'insurance',
    category: 'insurance',
    defaultSeverity: 'information',
    title: "Insurance",
    description: "The supplier should hold stated insurance cover.",
    rationale: "Liability caps and indemnities are worth only what the supplier can pay. Requiring professional indemnity and cyber cover at stated minimum amounts makes sure the money is there.",
    clauseId: 'insurance',
  },
  missing: "No insurance requirements: the supplier's ability to pay claims is not secured.",
  weak: "Insurance terms are thin",
});
