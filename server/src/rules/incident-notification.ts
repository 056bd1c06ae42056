import { categoryGapRule } from './helpers';
import examples from './examples/incident-notification';

export default categoryGapRule({
  meta: {
    examples,
    related: ['data-protection-terms'],
    id: 'incident-notification',
    category: 'breach-notification',
    defaultSeverity: 'error',
    title: 'Incident and breach notification',
    description: 'The supplier must notify the customer of security incidents and personal-data breaches.',
    rationale: 'The customer can only contain an incident, warn its own customers and meet its regulatory deadlines (72 hours under GDPR Art. 33, DORA incident reporting) if the supplier tells it quickly. Without an express duty the supplier may stay silent.',
    clauseId: 'breach-notification',
  },
  missing: 'No duty on the supplier to notify security incidents or data breaches: the customer may learn of a breach too late to meet its own deadlines.',
});
