import { anchorFor, insertFix, requirementGapRule } from './helpers';
import type { Rule } from './types';
import examples from './examples/security-testing';

// Ordinary penetration tests and scans meet the general requirement; under the DORA profile for
// critical or important functions, threat-led penetration testing (TLPT, DORA Art. 26 and 30(3)(d))
// is a separate requirement that an ordinary penetration test does not meet.
const general = requirementGapRule({
  meta: {
    examples,
    related: ['audit-rights'],
    id: 'security-testing',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Security testing and audit',
    description: "The supplier's security must be tested regularly (penetration tests, vulnerability scans); under the DORA critical-functions profile, the supplier must also take part in threat-led penetration testing.",
    rationale: "Controls on paper fail in practice. Annual independent penetration tests, regular vulnerability scanning with remediation deadlines, and a current SOC 2 Type II report or ISO/IEC 27001 certificate give the customer evidence that the controls work.",
    clauseId: 'security-testing-audit',
  },
  requirements: ['testing'],
  message: "No security testing: nothing requires penetration tests or vulnerability scanning, or fixing what they find.",
});

const rule: Rule = {
  meta: general.meta,
  check(ctx) {
    const found = general.check(ctx);
    if (found.length || !ctx.profiles.includes('dora-critical')) return found;
    const a = ctx.assessment('security');
    if (a.verdict === 'missing' || a.requirements.tlpt) return [];
    return [{
      span: anchorFor(ctx, a),
      message: 'No threat-led penetration testing: for critical or important functions, DORA requires the supplier to take part in TLPT, which an ordinary penetration test does not satisfy.',
      fixes: insertFix(general.meta.clauseId, a.section),
    }];
  },
};
export default rule;
