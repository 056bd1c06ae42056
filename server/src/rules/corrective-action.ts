import { requirementGapRule } from './helpers';
import examples from './examples/corrective-action';

export default requirementGapRule({
  meta: {
    examples,
    related: ['performance-reviews'],
    id: 'corrective-action',
    category: 'sla',
    defaultSeverity: 'information',
    title: "Corrective action",
    description: "Missed service levels should trigger root-cause analysis and a corrective action plan.",
    rationale: "Credits compensate for one bad month; they do not fix the cause. A duty to investigate every service-level failure, report the root cause and carry out an agreed corrective plan stops the same failure from recurring.",
    clauseId: 'corrective-action',
  },
  requirements: ['corrective'],
  onlyWhenCategoryFound: true,
  when: (a) => a.requirements.availability || a.requirements.times,
  message: "No corrective action for missed service levels: nothing requires the supplier to find and fix the cause of a failure.",
});
