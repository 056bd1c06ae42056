import { requirementGapRule } from './helpers';
import examples from './examples/progress-reports';

export default requirementGapRule({
  meta: {
    examples,
    related: ['sla-measurement-reporting', 'performance-reviews'],
    id: 'progress-reports',
    category: 'communication',
    defaultSeverity: 'warning',
    title: "Progress reports",
    description: "The supplier should report progress in writing at a set interval.",
    rationale: "Written progress reports at a set interval (status against plan, risks, issues, next milestones) give the customer early warning of delay and a record for later disputes.",
    clauseId: 'progress-reports',
  },
  requirements: ['reports'],
  onlyWhenCategoryFound: false,
  message: "No progress or status reports: the customer has no regular written view of progress, risks and issues.",
});
