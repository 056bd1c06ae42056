import { requirementGapRule } from './helpers';
import examples from './examples/access-control';

export default requirementGapRule({
  meta: {
    examples,
    id: 'access-control',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Access control',
    description: "Access to customer data and systems must be limited and controlled.",
    rationale: "Most breaches involve misused or stolen credentials. Least-privilege access, multi-factor authentication for privileged and remote access, regular access reviews and prompt removal of leavers' accounts are the baseline a customer should be able to audit.",
    clauseId: 'access-control',
  },
  requirements: ['access-control'],
  message: "No access-control obligations (least privilege, multi-factor authentication, access reviews).",
});
