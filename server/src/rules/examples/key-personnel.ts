import type { RuleExamples } from '../types';

// Examples of key-personnel: shown on docs/rules/key-personnel.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 12. Staff

12.1 The Supplier shall perform the Services using suitably qualified and experienced staff.`,
      why: 'Qualified staff, but the Supplier can change them at will.',
    },
  ],
  fine: [
    {
      markdown: `## 12. Staff

12.1 The individuals listed in Schedule 9 are Key Personnel. The Supplier shall not remove or replace any of them during the first 12 months of the Term without the Customer's prior written consent, except in case of illness, resignation or dismissal.`,
      why: 'Named key personnel who cannot be replaced without consent.',
    },
  ],
};
export default examples;
