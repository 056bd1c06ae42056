import { categoryGapRule } from './helpers';
import examples from './examples/performance-reviews';

export default categoryGapRule({
  meta: {
    examples,
    related: ['sla-measurement-reporting', 'governance-meetings'],
    id: 'performance-reviews',
    category: 'performance-monitoring',
    defaultSeverity: 'warning',
    title: "Performance monitoring",
    description: "Supplier performance should be reported against KPIs and reviewed regularly.",
    rationale: "Service levels cover the service; KPIs, monthly performance reports and quarterly service reviews cover the relationship: trends, root causes, improvement plans and benchmarking against the market.",
    clauseId: 'performance-reviews',
  },
  missing: "No performance monitoring: no KPIs, performance reports or service reviews.",
  weak: "Performance monitoring is weak",
});
