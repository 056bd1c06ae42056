import type { RuleExamples } from '../types';

// Examples of duplicate-definition: shown on docs/rules/duplicate-definition.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 1. Definitions

"Business Day" means a day other than a Saturday, a Sunday or a public holiday in England.

## 7. Support

7.1 The Supplier shall respond to a support request within one Business Day.

7.2 In this Agreement, "Business Day" means any day from Monday to Friday.`,
      why: '"Business Day" is defined twice, and the second definition ignores public holidays.',
    },
  ],
  fine: [
    {
      markdown: `## 1. Definitions

"Business Day" means a day other than a Saturday, a Sunday or a public holiday in England.

## 7. Support

7.1 The Supplier shall respond to a support request within one Business Day.`,
      why: 'One definition.',
    },
  ],
};
export default examples;
