import type { RuleExamples } from '../types';

// Examples of sla-vague-target: shown on docs/rules/sla-vague-target.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 6. Service Levels

6.1 The Supplier shall host the Platform with high availability and shall respond promptly to incidents.`,
      why: '"high availability" and "respond promptly" are both flagged.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

6.1 The Platform shall be available at least 99.9% of the time in each calendar month.

6.2 The Supplier shall respond to a Priority 1 incident within 1 hour of the Customer reporting it.`,
      why: 'Figures instead of adjectives.',
    },
  ],
};
export default examples;
