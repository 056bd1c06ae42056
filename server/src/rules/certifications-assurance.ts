import { requirementGapRule } from './helpers';
import examples from './examples/certifications-assurance';

export default requirementGapRule({
  meta: {
    examples,
    related: ['supplier-warranties', 'audit-rights'],
    id: 'certifications-assurance',
    category: 'security',
    defaultSeverity: 'information',
    title: "Certifications and assurance",
    description: "The supplier should hold and maintain independent security certifications or reports.",
    rationale: "An ISO/IEC 27001 certificate or a SOC 2 Type II report is independent evidence that the supplier's controls exist and work, reviewed every year by an outside auditor; it is also what the customer's own auditors will ask for.",
    clauseId: 'security-testing-audit',
  },
  requirements: ['certification'],
  onlyWhenCategoryFound: true,

  message: "No independent security assurance: the supplier need not hold ISO/IEC 27001 certification or provide SOC 2 Type II (or equivalent) reports.",
});
