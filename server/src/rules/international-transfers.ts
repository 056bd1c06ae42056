import { requirementGapRule } from './helpers';
import examples from './examples/international-transfers';

export default requirementGapRule({
  meta: {
    examples,
    related: ['subcontractor-flowdown'],
    id: 'international-transfers',
    category: 'data-protection',
    defaultSeverity: 'information',
    title: "International transfers",
    description: "Transfers of personal data abroad need conditions and safeguards.",
    rationale: "Sending personal data to a country without equivalent protection is restricted (GDPR Chapter V and similar laws): the contract should allow transfers only with the customer's consent and an approved safeguard such as standard contractual clauses.",
    clauseId: 'data-protection',
  },
  requirements: ['transfers'],
  onlyWhenCategoryFound: true,

  message: "Nothing controls international transfers of personal data (consent, approved safeguards such as standard contractual clauses).",
});
