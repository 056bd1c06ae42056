import type { RuleExamples } from '../types';

// Examples of deliverable-dates: shown on docs/rules/deliverable-dates.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 3. Services and Deliverables

3.1 The Supplier shall migrate the Customer's mailboxes to the new e-mail service.

3.2 The migration is subject to acceptance testing under clause 8.`,
      why: 'The migration can be tested, but it has no date, so it can never be late.',
    },
  ],
  fine: [
    {
      markdown: `## 3. Services and Deliverables

3.1 The Supplier shall migrate the Customer's mailboxes to the new e-mail service no later than 15 March 2026, following the milestones in Schedule 3.

3.2 The migration is subject to acceptance testing under clause 8.`,
      why: 'A fixed completion date and milestones.',
    },
  ],
};
export default examples;
