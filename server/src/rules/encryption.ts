import { requirementGapRule } from './helpers';
import examples from './examples/encryption';

export default requirementGapRule({
  meta: {
    examples,
    id: 'encryption',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Encryption',
    description: "Customer data must be encrypted in transit and at rest.",
    rationale: "Encryption is the control that makes a lost laptop, an intercepted connection or a stolen backup harmless. Naming it (with the standard, e.g. TLS 1.2+ and AES-256, and who holds the keys) turns a general security promise into a checkable one.",
    clauseId: 'encryption',
  },
  requirements: ['encryption'],
  message: "No obligation to encrypt the customer's data in transit and at rest.",
});
