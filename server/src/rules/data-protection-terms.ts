import { categoryGapRule } from './helpers';
import examples from './examples/data-protection-terms';

export default categoryGapRule({
  meta: {
    examples,
    related: ['incident-notification', 'subcontracting-approval', 'encryption'],
    id: 'data-protection-terms',
    category: 'data-protection',
    defaultSeverity: 'warning',
    title: 'Data-protection terms',
    description: 'Where the supplier handles personal data, the contract needs processor terms.',
    rationale: 'A supplier that processes personal data for the customer is a processor. The law (GDPR Art. 28(3) and its equivalents) requires the contract to say that it acts only on instructions, keeps the data confidential and secure, uses sub-processors only with consent, helps with data-subject rights, and returns or deletes the data at the end.',
    clauseId: 'data-protection',
  },
  missing: 'No data-protection terms: if the supplier handles personal data, the contract must set processor obligations.',
  weak: 'Data-protection terms are thin',
});
