import type { RuleExamples } from '../types';

// Examples of security-obligations: shown on docs/rules/security-obligations.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall take appropriate technical and organisational measures to protect Customer Data.`,
      why: 'Only "appropriate measures": a warning on the Security heading.',
    },
  ],
  fine: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall take appropriate technical and organisational measures to protect Customer Data, including at least the following:

- (a) encryption of Customer Data in transit and at rest;
- (b) multi-factor authentication for all privileged and remote access; and
- (c) an independent penetration test of the Platform every year.`,
      why: 'The same general duty, made concrete by a list of specific controls.',
    },
  ],
};
export default examples;
