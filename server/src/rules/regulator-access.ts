import { requirementGapRule } from './helpers';
import examples from './examples/regulator-access';

export default requirementGapRule({
  meta: {
    examples,
    related: ['subcontracting-approval'],
    id: 'regulator-access',
    category: 'audit-rights',
    defaultSeverity: 'information',
    title: "Regulator access",
    description: "Regulators should have the same access to the supplier as the customer.",
    rationale: "Regulated customers must be able to give their supervisors unrestricted access to outsourced activities. DORA Art. 30(3)(e) and the EBA outsourcing guidelines require the contract to grant regulators rights of access, inspection and audit.",
    clauseId: 'audit-rights',
  },
  requirements: ['regulator'],
  onlyWhenCategoryFound: true,

  message: "Audit rights do not extend to the customer's regulators: supervisors may be unable to inspect the supplier.",
});
