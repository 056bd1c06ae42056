import type { RuleExamples } from '../types';

// Examples of playbook-p1-resolution: shown on docs/rules/playbook-p1-resolution.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.thresholds': { 'maxP1ResolutionHours': 4 } },
  flagged: [
    {
      markdown: `## 6. Service Levels

6.2 The Supplier shall respond to Priority 1 incidents within 30 minutes and resolve Priority 1 incidents within 12 hours.`,
      why: 'A 12-hour P1 resolution, against a 4-hour maximum.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

6.2 The Supplier shall respond to Priority 1 incidents within 30 minutes and resolve Priority 1 incidents within 4 hours.`,
      why: 'Within the maximum.',
    },
  ],
};
export default examples;
