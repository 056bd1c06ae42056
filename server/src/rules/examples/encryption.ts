import type { RuleExamples } from '../types';

// Examples of encryption: shown on docs/rules/encryption.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall limit access to Customer Data to staff who need it and shall require multi-factor authentication for administrator accounts.`,
      why: 'Access is controlled, but nothing requires the data to be encrypted.',
    },
  ],
  fine: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall limit access to Customer Data to staff who need it and shall require multi-factor authentication for administrator accounts.

7.2 The Supplier shall encrypt Customer Data in transit using TLS 1.2 or later and at rest using AES-256, and shall keep the keys separate from the data they protect.`,
      why: 'Encryption in transit and at rest, with named standards.',
    },
  ],
};
export default examples;
