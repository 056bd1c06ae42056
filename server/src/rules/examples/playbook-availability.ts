import type { RuleExamples } from '../types';

// Examples of playbook-availability: shown on docs/rules/playbook-availability.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.thresholds': { minAvailability: 99.9 } },
  flagged: [
    {
      markdown: `## 6. Service Levels

6.1 The Platform shall be available at least 99.5% of the time in each calendar month.`,
      why: '99.5% is below the 99.9% minimum: the figure is flagged.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

6.1 The Platform shall be available at least 99.95% of the time in each calendar month.`,
      why: 'At or above the minimum.',
    },
  ],
};
export default examples;
