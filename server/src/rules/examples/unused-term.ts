import type { RuleExamples } from '../types';

// Examples of unused-term: shown on docs/rules/unused-term.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `"Services" means the hosting services described in Schedule 1.

"Service Credits" means the credits calculated under Schedule 2.

The Supplier shall provide the Services from the Commencement Date.`,
      why: '"Service Credits" is defined but never used.',
    },
  ],
  fine: [
    {
      markdown: `"Services" means the hosting services described in Schedule 1.

"Service Credits" means the credits calculated under Schedule 2.

The Supplier shall provide the Services, and shall pay Service Credits where it misses a service level.`,
      why: 'Both terms are used.',
    },
  ],
};
export default examples;
