import type { RuleExamples } from '../types';

// Examples of progress-reports: shown on docs/rules/progress-reports.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 10. Governance

10.1 Each party shall appoint a Contract Manager, named in Schedule 6.

10.2 The Contract Managers shall meet monthly.`,
      why: 'The managers meet, but the Supplier never reports in writing.',
    },
  ],
  fine: [
    {
      markdown: `## 10. Governance

10.1 Each party shall appoint a Contract Manager, named in Schedule 6.

10.2 The Supplier shall give the Customer a written status report each month covering progress against the project plan, open risks and issues, and the milestones due next month.`,
      why: 'A monthly written status report with set content.',
    },
  ],
};
export default examples;
