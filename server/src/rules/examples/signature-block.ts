import type { RuleExamples } from '../types';

// Examples of signature-block: shown on docs/rules/signature-block.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.severity': { 'signature-block': 'warning' } },
  flagged: [
    {
      markdown: `This Agreement is made on 3 February 2026 between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## Signatures

Signed for and on behalf of Quillfeather Systems Limited

Signature: ____________

Name: ____________

Title: ____________`,
      why: 'The Customer has no place to sign.',
    },
  ],
  fine: [
    {
      markdown: `This Agreement is made on 3 February 2026 between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## Signatures

Signed for and on behalf of Harbourline Housing Association Limited

Signature: ____________

Name: ____________

Title: ____________

Signed for and on behalf of Quillfeather Systems Limited

Signature: ____________

Name: ____________

Title: ____________`,
      why: 'Both parties have a block with a signature, name and title line; the contract is dated in its opening.',
    },
  ],
};
export default examples;
