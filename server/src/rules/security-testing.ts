import { requirementGapRule } from './helpers';

export default requirementGapRule({
  meta: {
    id: 'security-testing',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Security testing and audit',
    description: "The supplier's security must be tested regularly (penetration tests, vulnerability scans).",
    rationale: "Controls on paper fail in practice. Annual independent penetration tests, regular vulnerability scanning with remediation deadlines, and a current SOC 2 Type II report or ISO/IEC 27001 certificate give the customer evidence that the controls work.",
    clauseId: 'security-testing-audit',
  },
  requirements: ['testing'],
  message: "No security testing: nothing requires penetration tests or vulnerability scanning, or fixing what they find.",
});
