import type { RuleExamples } from '../types';

// Examples of notices: shown on docs/rules/notices.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 22. General

22.1 This Agreement is the entire agreement between the parties about its subject matter.

22.2 A party that delays in exercising a right does not waive it.`,
      why: 'Nothing says how formal notices are given. The finding is on the document title.',
    },
  ],
  fine: [
    {
      markdown: `## 22. General

22.1 Every notice given under this Agreement must be in writing and delivered by hand, by courier or by e-mail to the addresses in Schedule 8.

22.2 A notice sent by e-mail is received when the recipient acknowledges it, and a notice delivered by hand is received on delivery.`,
      why: 'Method, addresses and time of receipt.',
    },
  ],
};
export default examples;
