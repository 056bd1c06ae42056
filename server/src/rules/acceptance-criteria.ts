import { requirementGapRule } from './helpers';
import { isProjectWork } from './project-work';
import examples from './examples/acceptance-criteria';

export default requirementGapRule({
  meta: {
    examples,
    id: 'acceptance-criteria',
    category: 'deliverables',
    defaultSeverity: 'warning',
    title: 'Acceptance criteria',
    description: 'Deliverables need acceptance criteria and a testing procedure.',
    rationale: 'Without agreed criteria and a test period, the customer cannot reject a deliverable that does not work, and payment milestones fall due on delivery rather than on acceptance. An acceptance procedure also stops "deemed acceptance" by use.',
    clauseId: 'acceptance-testing',
  },
  requirements: ['acceptance'],
  // Only for project work: a running service is measured by its service levels (project-work.ts).
  when: (_a, ctx) => isProjectWork(ctx),
  message: 'Deliverables have no acceptance criteria or testing procedure: the customer has no clear right to reject work that falls short.',
});
