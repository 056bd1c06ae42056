import { categoryGapRule } from './helpers';
import examples from './examples/audit-rights';

export default categoryGapRule({
  meta: {
    examples,
    related: ['security-testing', 'subcontracting-approval'],
    id: 'audit-rights',
    category: 'audit-rights',
    defaultSeverity: 'error',
    title: "Audit rights",
    description: "The customer and its regulators should be able to audit the supplier.",
    rationale: "Outsourcing moves work, not accountability: the customer must still show its auditors and regulators that the outsourced service is controlled. A right to audit books, records, systems and premises (and unrestricted access for regulators, required by DORA Art. 30(3)(e) and EBA guidelines) makes that possible.",
    clauseId: 'audit-rights',
  },
  missing: "No audit rights: the customer cannot inspect the supplier's records, systems or premises.",
  weak: "Audit rights are limited",
});
