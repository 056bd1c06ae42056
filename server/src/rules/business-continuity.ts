import { categoryGapRule } from './helpers';

export default categoryGapRule({
  meta: {
    id: 'business-continuity',
    category: 'business-continuity',
    defaultSeverity: 'warning',
    title: "Business continuity",
    description: "The supplier should keep a tested continuity and recovery plan with RTO and RPO.",
    rationale: "An outage at the supplier is an outage at the customer. A business continuity and disaster recovery plan with recovery time and recovery point objectives, tested at least yearly, is standard for outsourced IT and required for critical services by DORA Art. 30(3)(c).",
    clauseId: 'business-continuity',
  },
  missing: "No business continuity or disaster recovery terms.",
  weak: "Business continuity terms are weak",
});
