import { categoryGapRule } from './helpers';
import examples from './examples/subcontracting-approval';

export default categoryGapRule({
  meta: {
    examples,
    related: ['data-protection-terms', 'audit-rights'],
    id: 'subcontracting-approval',
    category: 'subcontracting',
    defaultSeverity: 'warning',
    title: "Subcontracting",
    description: "Subcontracting should need consent, with obligations flowed down.",
    rationale: "The customer chose the supplier, not its subcontractors. Prior consent, flow-down of security, confidentiality and audit obligations, and the supplier remaining responsible keep control of who handles the service. DORA Art. 30(2)(a) asks whether critical functions may be subcontracted and on what conditions.",
    clauseId: 'subcontracting',
  },
  missing: "No subcontracting terms: the supplier may hand the work to anyone.",
  weak: "Subcontracting is uncontrolled",
});
