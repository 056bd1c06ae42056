import { categoryGapRule } from './helpers';
import examples from './examples/governing-law';

export default categoryGapRule({
  meta: {
    examples,
    related: ['dispute-resolution'],
    id: 'governing-law',
    category: 'governing-law',
    defaultSeverity: 'warning',
    title: "Governing law",
    description: "The contract should choose the law that governs it.",
    rationale: "Without an express choice of law, which law applies is itself a dispute. Choose the law, and the courts, in the contract.",
    clauseId: 'governing-law',
  },
  missing: "No governing-law clause: which law applies to the contract is left open.",

});
