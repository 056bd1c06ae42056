import type { RuleExamples } from '../types';

// Examples of escalation: shown on docs/rules/escalation.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 10. Governance

10.1 Each party shall appoint a Contract Manager, named in Schedule 6.

10.2 The Contract Managers shall hold a monthly service review meeting.`,
      why: 'Contacts and meetings, but no route for problems they cannot settle.',
    },
  ],
  fine: [
    {
      markdown: `## 10. Governance

10.1 Each party shall appoint a Contract Manager, named in Schedule 6.

10.2 A matter the Contract Managers cannot settle within 5 Business Days shall be escalated to the Customer's Head of IT and the Supplier's Account Director, and, if still unsettled after a further 10 Business Days, to the parties' chief executives.`,
      why: 'Two escalation levels, each with a time limit.',
    },
  ],
};
export default examples;
