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
  requirements: ['customer-termination'],
  onlyWhenCategoryFound: true,

  message: "The customer has no termination rights (for breach, insolvency or convenience): it is bound for the whole term whatever happens.",
});
