import { requirementGapRule } from './helpers';
import examples from './examples/service-credits';

export default requirementGapRule({
  meta: {
    examples,
    related: ['liability-cap'],
    id: 'service-credits',
    category: 'sla',
    defaultSeverity: 'warning',
    title: 'Service credits',
    description: 'Service levels need a remedy when they are missed, usually service credits.',
    rationale: 'A target with no consequence is a wish. Service credits give an automatic, pre-agreed price reduction when a service level is missed, without the cost of proving damages; a termination right for repeated failure backs them up.',
    clauseId: 'service-credits',
  },
  requirements: ['credits'],
  when: (a) => a.requirements.availability || a.requirements.times,
  message: 'Service levels have no service credits or other remedy: a missed target costs the supplier nothing.',
});
