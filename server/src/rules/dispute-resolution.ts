import { categoryGapRule } from './helpers';
import examples from './examples/dispute-resolution';

export default categoryGapRule({
  meta: {
    examples,
    related: ['escalation', 'governing-law'],
    id: 'dispute-resolution',
    category: 'dispute-resolution',
    defaultSeverity: 'information',
    title: "Dispute resolution",
    description: "Disputes should follow a staged procedure before litigation.",
    rationale: "Going straight to court is slow and destroys the relationship. Escalation, then mediation, then arbitration or the courts, with performance continuing meanwhile, resolves most disputes faster and cheaper.",
    clauseId: 'dispute-resolution',
  },
  missing: "No dispute-resolution procedure.",
  weak: "Dispute resolution is weak",
});
