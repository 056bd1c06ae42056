import type { RuleExamples } from '../types';

// Examples of dora-profile-hint: shown on docs/rules/dora-profile-hint.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `# ICT Services Agreement

## 1. Background

1.1 The Customer is a financial entity, and the Supplier is an ICT third-party service provider within the meaning of Regulation (EU) 2022/2554 (DORA).`,
      why: 'Reviewed with the default profile only: Clausewise suggests a DORA profile.',
    },
  ],
  fine: [
    {
      markdown: `---
clausewise: { profiles: [it-outsourcing, dora-ict] }
---

# ICT Services Agreement

## 1. Background

1.1 The Customer is a financial entity, and the Supplier is an ICT third-party service provider within the meaning of Regulation (EU) 2022/2554 (DORA).`,
      why: 'The front matter chooses the dora-ict profile, so there is nothing to suggest.',
    },
  ],
};
export default examples;
