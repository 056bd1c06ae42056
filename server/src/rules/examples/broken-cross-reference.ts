import type { RuleExamples } from '../types';

// Examples of broken-cross-reference: shown on docs/rules/broken-cross-reference.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 1. Services

1.1 The Supplier shall provide the Services described in Schedule 1.

## 2. Charges

2.1 The Customer shall pay the Charges, less any service credits due under clause 9.4.

## 3. Term

3.1 This Agreement continues for three years.`,
      why: 'The contract has no clause 9.4.',
    },
  ],
  fine: [
    {
      markdown: `## 1. Services

1.1 The Supplier shall provide the Services described in Schedule 1.

## 2. Charges

2.1 The Customer shall pay the Charges, less any service credits due under clause 3.2.

## 3. Service Credits

3.1 The Supplier shall measure availability every month.

3.2 Where availability falls below 99.9%, the Supplier shall give the credits in Schedule 2.`,
      why: 'Clause 3.2 exists; Schedules 1 and 2 are kept in separate files, so they are not checked.',
    },
  ],
};
export default examples;
