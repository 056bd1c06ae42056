import type { RuleExamples } from '../types';

// Examples of duplicate-clause-title: shown on docs/rules/duplicate-clause-title.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 2. Confidentiality

Each party shall keep the other's information secret.

## 3. Charges

The Customer shall pay the Charges.

## 4. Confidentiality

Neither party shall disclose the terms of this Agreement.`,
      why: 'Clause 4 repeats the title of clause 2.',
    },
  ],
  fine: [
    {
      markdown: `## 2. Confidentiality

Each party shall keep the other's information secret, including the terms of this Agreement.

## 3. Charges

The Customer shall pay the Charges.`,
      why: 'The two duties are merged into one clause.',
    },
  ],
};
export default examples;
