import type { RuleExamples } from '../types';

// Examples of placeholder: shown on docs/rules/placeholder.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `This Agreement is dated [DATE] and is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

The Customer shall pay the Supplier a monthly fee of £XX within ____ days of invoice.`,
      why: '"[DATE]", "£XX" (the "XX") and "____" are each flagged.',
    },
  ],
  fine: [
    {
      markdown: `This Agreement is dated 1 March 2025 and is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

The Customer shall pay the Supplier a monthly fee of £12,500 within 30 days of invoice.`,
      why: 'Every term is filled in.',
    },
  ],
};
export default examples;
