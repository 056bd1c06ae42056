import { requirementGapRule } from './helpers';
import examples from './examples/notices';

export default requirementGapRule({
  meta: {
    examples,
    related: ['term-termination'],
    id: 'notices',
    category: 'communication',
    defaultSeverity: 'information',
    title: "Notices",
    description: "Formal notices need addresses, methods and deemed-receipt rules.",
    rationale: "Termination, breach and claims notices only work if they are validly served. A notices clause fixes the addresses, the accepted methods (including e-mail) and when a notice counts as received.",
    clauseId: 'notices',
  },
  requirements: ['notices'],
  onlyWhenCategoryFound: false,
  message: "No notices clause: it is unclear how formal notices (breach, termination, claims) must be given and when they take effect.",
});
