import { requirementGapRule } from './helpers';
import examples from './examples/points-of-contact';

export default requirementGapRule({
  meta: {
    examples,
    id: 'points-of-contact',
    category: 'communication',
    defaultSeverity: 'warning',
    title: "Points of contact",
    description: "Each party should name a contract manager or point of contact.",
    rationale: "Outsourcing relationships fail at the seams between organisations. Named contract managers with authority to act, and a duty to tell the other side when they change, mean issues reach someone who can decide.",
    clauseId: 'contract-managers',
  },
  requirements: ['contacts'],
  onlyWhenCategoryFound: false,
  message: "No named contacts or contract managers: it is unclear who speaks for each party day to day.",
});
