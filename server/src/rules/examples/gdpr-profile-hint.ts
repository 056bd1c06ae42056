import type { RuleExamples } from '../types';

// Examples of gdpr-profile-hint: shown on docs/rules/gdpr-profile-hint.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  flagged: [
    {
      markdown: `# Hosting Services Agreement

## 9. Data Protection

9.1 The Supplier processes Customer Personal Data as processor on behalf of the Customer, which is the controller.`,
      why: 'A controller-processor arrangement reviewed without the GDPR profile.',
    },
  ],
  fine: [
    {
      markdown: `---
clausewise: { profiles: [it-outsourcing, gdpr-processor] }
---

# Hosting Services Agreement

## 9. Data Protection

9.1 The Supplier processes Customer Personal Data as processor on behalf of the Customer, which is the controller.`,
      why: 'The front matter chooses the gdpr-processor profile.',
    },
  ],
};
export default examples;
