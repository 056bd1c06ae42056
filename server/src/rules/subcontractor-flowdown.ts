import { requirementGapRule } from './helpers';
import examples from './examples/subcontractor-flowdown';

export default requirementGapRule({
  meta: {
    examples,
    related: ['data-protection-terms', 'audit-rights'],
    id: 'subcontractor-flowdown',
    category: 'subcontracting',
    defaultSeverity: 'warning',
    title: "Subcontractor flow-down",
    description: "Subcontractors should be bound by the same obligations as the supplier.",
    rationale: "Consent to a subcontractor protects little if the subcontractor is not bound by the security, confidentiality, audit and data-protection terms the supplier accepted. Flow-down (a written contract with equivalent terms) keeps the protection intact down the chain; GDPR Art. 28(4) requires it for sub-processors.",
    clauseId: 'subcontracting',
  },
  requirements: ['flowdown'],
  onlyWhenCategoryFound: true,

  message: "Subcontractors are not required to accept the supplier's obligations (security, confidentiality, audit, data protection).",
});
