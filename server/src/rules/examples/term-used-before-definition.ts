import type { RuleExamples } from '../types';

// Examples of term-used-before-definition: shown on docs/rules/term-used-before-definition.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 2. Services

2.1 The Supplier shall meet the Service Levels from the first day of the second month after signature.

2.2 The Supplier shall provide the hosting, backup and monitoring services described in Schedule 1.

2.3 The Supplier shall keep the hosting platform patched and supported by its vendors.

## 3. Service Levels

3.1 The Supplier shall meet the availability and response targets in Schedule 2 (the "Service Levels").`,
      why: '"Service Levels" is used in clause 2.1, before clause 3.1 defines it.',
    },
  ],
  fine: [
    {
      markdown: `## 2. Services

2.1 The Supplier shall meet the Service Levels (as defined in clause 3.1) from the first day of the second month after signature.

2.2 The Supplier shall provide the hosting, backup and monitoring services described in Schedule 1.

2.3 The Supplier shall keep the hosting platform patched and supported by its vendors.

## 3. Service Levels

3.1 The Supplier shall meet the availability and response targets in Schedule 2 (the "Service Levels").`,
      why: 'The early use says where the term is defined.',
    },
  ],
};
export default examples;
