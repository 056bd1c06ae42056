import type { RuleExamples } from '../types';

// Examples of force-majeure: shown on docs/rules/force-majeure.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 20. Force Majeure

20.1 Neither party is liable for any failure or delay caused by events beyond its reasonable control, including fire, flood, power failure or cyber-attack.`,
      why: 'A broad force-majeure clause that covers power failures and cyber-attacks.',
    },
  ],
  fine: [
    {
      markdown: `## 20. Force Majeure

20.1 Neither party is liable for any failure or delay caused by events beyond its reasonable control.

20.2 An event is not force majeure to the extent that the Supplier's business continuity and disaster recovery plan should have prevented or reduced its effects.`,
      why: 'Events the continuity plan should have handled are carved out.',
    },
  ],
};
export default examples;
