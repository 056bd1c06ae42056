import { categoryGapRule } from './helpers';
import examples from './examples/change-control';

export default categoryGapRule({
  meta: {
    examples,
    related: ['governance-meetings', 'payment-terms'],
    id: 'change-control',
    category: 'change-control',
    defaultSeverity: 'warning',
    title: "Change control",
    description: "Changes to services and scope should follow a written procedure.",
    rationale: "Scope changes are constant in outsourcing. A change procedure (request, impact assessment of cost, timing and service levels, signed change note) stops informal scope creep and surprise charges.",
    clauseId: 'change-control',
  },
  missing: "No change-control procedure: changes to the services or charges can happen informally.",
  weak: "Change control is weak",
});
