import type { RuleExamples } from '../types';

// Examples of liability-cap: shown on docs/rules/liability-cap.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `## 17. Liability

17.1 Service credits are the Customer's sole and exclusive remedy for any failure to meet the Service Levels.`,
      why: 'Only an exclusive-remedy clause: no cap and no exclusion.',
    },
  ],
  fine: [
    {
      markdown: `## 17. Liability

17.1 Each party's total liability under this Agreement in any contract year shall not exceed 150% of the Charges paid in the preceding 12 months.

17.2 Neither party is liable for indirect or consequential loss.

17.3 Clauses 17.1 and 17.2 do not limit liability for breach of clause 16 (Confidentiality), for breach of the data-protection terms or under the indemnities in clause 18.`,
      why: 'A cap tied to the charges, an exclusion of indirect loss and carve-outs.',
    },
  ],
};
export default examples;
