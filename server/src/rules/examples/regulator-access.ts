import type { RuleExamples } from '../types';

// Examples of regulator-access: shown on docs/rules/regulator-access.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 13. Audit

13.1 The Customer and its external auditors may audit and inspect the Supplier's books, records, systems and premises used for the Services, on 10 Business Days' notice.`,
      why: 'The Customer may audit, but its regulators are not mentioned.',
    },
  ],
  fine: [
    {
      markdown: `## 13. Audit

13.1 The Customer and its external auditors may audit and inspect the Supplier's books, records, systems and premises used for the Services, on 10 Business Days' notice.

13.2 The Supplier shall give any regulator of the Customer the same rights of access, inspection and audit, without notice where the regulator requires it.`,
      why: 'Regulators get the same rights.',
    },
  ],
};
export default examples;
