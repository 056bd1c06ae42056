import type { RuleExamples } from '../types';

// Examples of governance-meetings: shown on docs/rules/governance-meetings.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 10. Governance

10.1 Each party shall appoint a Contract Manager, named in Schedule 6.

10.2 The Supplier shall send the Customer a monthly progress report.`,
      why: 'Contacts and reports, but nothing requires the parties to meet.',
    },
  ],
  fine: [
    {
      markdown: `## 10. Governance

10.1 Each party shall appoint a Contract Manager, named in Schedule 6.

10.2 The Contract Managers shall hold a monthly service review meeting, and a steering committee of senior staff of both parties shall meet every quarter.`,
      why: 'A monthly review and a quarterly steering committee.',
    },
  ],
};
export default examples;
