import { requirementGapRule } from './helpers';
import examples from './examples/escalation';

export default requirementGapRule({
  meta: {
    examples,
    related: ['dispute-resolution'],
    id: 'escalation',
    category: 'communication',
    defaultSeverity: 'warning',
    title: "Escalation path",
    description: "Issues should escalate through defined levels with time limits before formal disputes.",
    rationale: "A staged escalation path (contract managers, then senior managers, then executives, each with a time limit) resolves most problems quickly and cheaply, and keeps the service running while they are resolved.",
    clauseId: 'escalation-path',
  },
  requirements: ['escalation'],
  onlyWhenCategoryFound: false,
  message: "No escalation path: there is no agreed route, with time limits, for problems the day-to-day contacts cannot solve.",
});
