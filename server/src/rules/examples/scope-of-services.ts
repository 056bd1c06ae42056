import type { RuleExamples } from '../types';

// Examples of scope-of-services: shown on docs/rules/scope-of-services.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 2. Engagement

2.1 The Customer appoints the Supplier, and the Supplier accepts the appointment, on the terms of this Agreement.

2.2 The Charges are set out in Schedule 4.`,
      why: 'The Supplier is appointed, but nothing says what it must do.',
    },
  ],
  fine: [
    {
      markdown: `## 2. Engagement

2.1 The Supplier shall provide the managed desktop, service desk and network support services described in Schedule 1 (Services Description).

2.2 The Charges are set out in Schedule 4.`,
      why: 'The services are described, by reference to a schedule.',
    },
  ],
};
export default examples;
