import type { RuleExamples } from '../types';

// Examples of change-control: shown on docs/rules/change-control.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 23. Amendments

23.1 No amendment to this Agreement is effective unless it is in writing and signed by both parties.`,
      why: 'Only an amendments-in-writing clause: a warning on its heading.',
    },
  ],
  fine: [
    {
      markdown: `## 23. Changes

23.1 Either party may propose a change to the Services by a written change request.

23.2 Within 10 Business Days the Supplier shall give the Customer an impact assessment of the change's cost, timing and effect on the Service Levels.

23.3 No change is binding until both parties have signed a change note.`,
      why: 'Change requests, an impact assessment and a signed change note.',
    },
  ],
};
export default examples;
