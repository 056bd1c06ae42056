import type { RuleExamples } from '../types';

// Examples of dispute-resolution: shown on docs/rules/dispute-resolution.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 24. Disputes

24.1 The courts of England have exclusive jurisdiction over any dispute arising out of this Agreement.`,
      why: 'Only a choice of courts, with no step before litigation.',
    },
  ],
  fine: [
    {
      markdown: `## 24. Disputes

24.1 The parties shall first try to settle any dispute through the escalation procedure in clause 10.

24.2 A dispute that is not settled within 30 days shall be referred to mediation and, if mediation fails, finally resolved by arbitration.`,
      why: 'Escalation, then mediation, then arbitration.',
    },
  ],
};
export default examples;
