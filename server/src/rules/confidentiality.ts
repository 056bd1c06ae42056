import { categoryGapRule } from './helpers';
import examples from './examples/confidentiality';

export default categoryGapRule({
  meta: {
    examples,
    related: ['data-protection-terms'],
    id: 'confidentiality',
    category: 'confidentiality',
    defaultSeverity: 'warning',
    title: "Confidentiality",
    description: "Both parties' confidential information should be protected.",
    rationale: "The supplier will see the customer's data, systems and plans. A confidentiality clause limits use to the contract, restricts disclosure to people who need to know and survives termination.",
    clauseId: 'confidentiality',
  },
  missing: "No confidentiality obligations.",
  weak: "Confidentiality is not clearly imposed",
});
