import { requirementGapRule } from './helpers';

export default requirementGapRule({
  meta: {
    id: 'termination-rights',
    category: 'term-termination',
    defaultSeverity: 'warning',
    title: "Termination rights",
    description: "The customer needs rights to terminate: for breach, insolvency and convenience.",
    rationale: "A fixed term with no way out leaves the customer bound to a failing supplier. Termination for material breach after a cure period, for insolvency and for convenience on notice are standard; DORA Art. 28(7) expects termination rights for regulated ICT services.",
    clauseId: 'term-and-termination',
  },
  requirements: ['termination'],
  onlyWhenCategoryFound: true,

  message: "A term is set, but there are no termination rights (breach, insolvency, convenience).",
});
