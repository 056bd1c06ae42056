import type { RuleExamples } from '../types';

// Examples of access-control: shown on docs/rules/access-control.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall maintain an information security programme certified to ISO/IEC 27001 and shall encrypt Customer Data in transit and at rest.`,
      why: 'Encryption and a certification, but nothing on who may access the data.',
    },
  ],
  fine: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall maintain an information security programme certified to ISO/IEC 27001 and shall encrypt Customer Data in transit and at rest.

7.2 The Supplier shall give its staff access to Customer Data on a least-privilege basis, require multi-factor authentication for all remote and privileged access, review access rights every quarter and remove a leaver's access within 24 hours.`,
      why: 'Least privilege, multi-factor authentication, access reviews and removal of leavers.',
    },
  ],
};
export default examples;
