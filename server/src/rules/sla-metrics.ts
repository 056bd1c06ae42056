import { categoryGapRule } from './helpers';
import examples from './examples/sla-metrics';

export default categoryGapRule({
  meta: {
    examples,
    id: 'sla-metrics',
    category: 'sla',
    defaultSeverity: 'error',
    title: 'Measurable service levels',
    description: 'The contract must set measurable service levels: availability %, response and resolution times.',
    rationale: 'Without numeric targets there is nothing to measure, report or credit against: "high availability" cannot be breached, so the customer has no remedy when the service is poor. Outsourcing practice expects precise, quantitative performance targets; DORA requires service level descriptions in every ICT contract (Art. 30(2)(e)) and precise quantitative targets where critical or important functions are supported (Art. 30(3)(a)).',
    clauseId: 'service-levels',
  },
  missing: 'No measurable service levels: without availability, response and resolution targets, poor service cannot be measured or remedied.',
  weak: 'Service levels are not measurable',
  // With numbers but no remedy or reporting, service-credits and sla-measurement-reporting report it.
  weakWhen: (a) => !a.requirements.availability && !a.requirements.times,
});
