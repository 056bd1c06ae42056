import type { RuleExamples } from '../types';

// Examples of playbook-p1-response: shown on docs/rules/playbook-p1-response.md and run by test/rules/examples.test.ts.
const examples: RuleExamples = {
  settings: { 'clausewise.thresholds': { 'maxP1ResponseHours': 1 } },
  flagged: [
    {
      markdown: `## 6. Service Levels

| Priority | Response time | Resolution time |
| --- | --- | --- |
| P1 | 2 hours | 8 hours |
| P2 | 4 hours | 2 Business Days |`,
      why: 'A 2-hour P1 response, against a 1-hour maximum.',
    },
  ],
  fine: [
    {
      markdown: `## 6. Service Levels

| Priority | Response time | Resolution time |
| --- | --- | --- |
| P1 | 30 minutes | 4 hours |
| P2 | 4 hours | 2 Business Days |`,
      why: 'A 30-minute P1 response. The P2 row is not compared.',
    },
  ],
};
export default examples;
