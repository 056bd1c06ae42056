import type { Rule } from './types';
import { insertFix } from './helpers';
import examples from './examples/force-majeure';

const rule: Rule = {
  meta: {
    examples,
    related: ['sla-metrics', 'liability-cap'],
    id: 'force-majeure',
    category: 'business-continuity',
    defaultSeverity: 'warning',
    title: 'Force majeure and continuity',
    description: 'Force majeure should not excuse failures that the supplier\'s continuity plan should have prevented.',
    rationale: 'Outages, cyber attacks and power failures are exactly what an outsourcing supplier is paid to plan for. A broad force-majeure clause that does not carve out the business continuity and disaster recovery obligations lets the supplier call a foreseeable outage an act of God and escape both service levels and liability.',
    clauseId: 'force-majeure',
  },
  check(ctx) {
    const a = ctx.assessment('business-continuity');
    if (!a.requirements['force-majeure'] || a.requirements['fm-carve-out']) return [];
    const fm = a.related?.['force-majeure']?.[0];
    if (!fm || a.source) return [];
    return [{
      span: fm.span,
      message: 'Force majeure does not exclude events the supplier\'s business continuity and disaster recovery plan should cover: a foreseeable outage could excuse the supplier.',
      fixes: insertFix(rule.meta.clauseId, fm.section > 0 ? fm.section : null),
    }];
  },
};
export default rule;
