import { requirementGapRule } from './helpers';
import { isProjectWork } from './project-work';
import examples from './examples/deliverable-dates';

export default requirementGapRule({
  meta: {
    examples,
    id: 'deliverable-dates',
    category: 'deliverables',
    defaultSeverity: 'warning',
    title: 'Milestones and dates',
    description: 'Deliverables need milestones or due dates.',
    rationale: 'A deliverable with no date cannot be late, so delay remedies never bite. A delivery plan with milestone dates lets the customer plan, withhold milestone payments and claim delay remedies.',
    clauseId: 'milestones',
  },
  requirements: ['dates'],
  // Only for project work: a running service is measured by its service levels (project-work.ts).
  when: (_a, ctx) => isProjectWork(ctx),
  message: 'Deliverables have no milestones or due dates: late delivery cannot be a breach.',
});
