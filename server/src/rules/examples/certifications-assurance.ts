import type { RuleExamples } from '../types';

// Examples of certifications-assurance: shown on docs/rules/certifications-assurance.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall encrypt Customer Data in transit and at rest, and shall commission an independent penetration test of the Platform every year.`,
      why: 'Encryption and testing, but no certification or independent report.',
    },
  ],
  fine: [
    {
      markdown: `## 7. Security

7.1 The Supplier shall encrypt Customer Data in transit and at rest, and shall commission an independent penetration test of the Platform every year.

7.2 Throughout the Term the Supplier shall maintain ISO/IEC 27001 certification for the systems used to provide the Services, and shall give the Customer its SOC 2 Type II report every year.`,
      why: 'ISO/IEC 27001 certification and a yearly SOC 2 Type II report.',
    },
  ],
};
export default examples;
