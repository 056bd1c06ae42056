import type { RuleExamples } from '../types';

// Examples of points-of-contact: shown on docs/rules/points-of-contact.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 10. Governance

10.1 The parties shall hold a monthly service review meeting.`,
      why: 'Meetings, but nobody is appointed to run the contract.',
    },
  ],
  fine: [
    {
      markdown: `## 10. Governance

10.1 Each party shall appoint a Contract Manager, named in Schedule 6, with authority to act for it in the day-to-day running of this Agreement, and shall tell the other party in writing of any replacement.`,
      why: 'A contract manager for each party, with authority and a duty to notify a replacement.',
    },
  ],
};
export default examples;
