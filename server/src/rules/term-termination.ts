import { categoryGapRule } from './helpers';
import examples from './examples/term-termination';

export default categoryGapRule({
  meta: {
    examples,
    related: ['exit-assistance', 'notices'],
    id: 'term-termination',
    category: 'term-termination',
    defaultSeverity: 'warning',
    title: "Term and termination",
    description: "The contract should set its term and termination rights.",
    rationale: "The customer needs to know how long the supplier is bound and how it can get out: for breach after a cure period, on insolvency, and for convenience on notice.",
    clauseId: 'term-and-termination',
  },
  missing: "No term or termination rights.",
  weak: "Term and termination are incomplete",
  // A term without termination rights is reported by termination-rights.
  weakWhen: (a) => !a.requirements.term,
});
