import { categoryGapRule } from './helpers';
import examples from './examples/security-obligations';

export default categoryGapRule({
  meta: {
    examples,
    id: 'security-obligations',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Security obligations',
    description: 'The supplier must take on concrete security obligations, not only "appropriate measures".',
    rationale: 'An outsourcing supplier holds the customer\'s data and systems. "Appropriate technical and organisational measures" leaves the supplier to decide what is appropriate; concrete controls (a security programme, encryption, access control, testing, certification) can be checked and enforced. Regulators (GDPR Art. 32, DORA Art. 30(2)(c)) expect them in the contract.',
    clauseId: 'security-controls',
  },
  missing: 'No security obligations on the supplier: nothing requires it to protect the customer\'s data and systems.',
  weak: 'Security obligations are generic',
});
