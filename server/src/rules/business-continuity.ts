import type { Rule } from './types';
import { anchorFor, incorporatedFinding, insertFix } from './helpers';
import examples from './examples/business-continuity';

const rule: Rule = {
  meta: {
    examples,
    related: ['exit-assistance', 'sla-metrics'],
    id: 'business-continuity',
    category: 'business-continuity',
    defaultSeverity: 'warning',
    title: 'Business continuity',
    description: 'The supplier should keep a tested continuity and recovery plan with RTO and RPO.',
    rationale: 'An outage at the supplier is an outage at the customer. A business continuity and disaster recovery plan with recovery time and recovery point objectives, tested at least yearly, is standard for outsourced IT and required for critical services by DORA Art. 30(3)(c).',
    clauseId: 'business-continuity',
  },
  check(ctx) {
    const a = ctx.assessment('business-continuity');
    const fix = insertFix(rule.meta.clauseId, a.section);
    if (a.incorporatedFrom) return [incorporatedFinding(ctx, a, rule.meta)];
    if (a.verdict === 'missing') return [{ span: ctx.model.titleSpan, message: 'No business continuity or disaster recovery terms: nothing requires the supplier to plan for, and recover from, an outage.', fixes: insertFix(rule.meta.clauseId) }];
    if (a.verdict === 'weak') return [{ span: anchorFor(ctx, a), message: `Business continuity terms are weak: ${a.reason}.`, fixes: fix }];
    // Present: a plan still needs recovery objectives and testing to be enforceable.
    if (!a.requirements.plan) return [];
    const gaps = [!a.requirements.objectives && 'recovery objectives (RTO and RPO)', !a.requirements.testing && 'regular testing'].filter(Boolean);
    if (!gaps.length) return [];
    return [{ span: anchorFor(ctx, a), message: `The continuity plan has no ${gaps.join(' and no ')}: there is no measure of whether recovery works.`, fixes: fix }];
  },
};
export default rule;
