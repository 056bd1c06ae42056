import { requirementGapRule } from './helpers';
import examples from './examples/sla-measurement-reporting';

export default requirementGapRule({
  meta: {
    examples,
    id: 'sla-measurement-reporting',
    category: 'sla',
    defaultSeverity: 'warning',
    title: 'Service-level measurement and reporting',
    description: 'Service levels need a measurement period and regular reports of performance against them.',
    rationale: 'Performance that is not measured the same way every period, and reported to the customer, cannot be checked or enforced: disputes then turn on whose logs to believe. A monthly report with the raw data behind it is the norm.',
    clauseId: 'sla-measurement-reporting',
  },
  requirements: ['measurement', 'reporting'],
  when: (a) => a.requirements.availability || a.requirements.times,
  message: 'No measurement period or performance reporting for the service levels: the customer cannot verify them.',
});
