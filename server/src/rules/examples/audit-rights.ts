import type { RuleExamples } from '../types';

// Examples of audit-rights: shown on docs/rules/audit-rights.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 13. Audit and Assurance

13.1 On request, and not more than once a year, the Supplier shall give the Customer a copy of its most recent SOC 2 Type II report.`,
      why: 'Only a report chosen by the Supplier: a warning on the heading.',
    },
  ],
  fine: [
    {
      markdown: `## 13. Audit and Assurance

13.1 The Customer, its external auditors and any regulator of the Customer may audit and inspect the Supplier's books, records, systems and premises used for the Services, on 10 Business Days' notice, or without notice where a regulator requires it.`,
      why: 'A right for the Customer, its auditors and regulators to audit and inspect.',
    },
  ],
};
export default examples;
