import { p1TimeRule } from './playbook';
import examples from './examples/playbook-p1-response';

export default p1TimeRule(
  {
    examples,
    thresholds: [{ name: 'maxP1ResponseHours', type: 'number', unit: 'hours', minimum: 0, description: 'Longest acceptable time, in hours, for the supplier to respond to a priority-1 (critical) incident.' }],
    id: 'playbook-p1-response',
    category: 'sla',
    defaultSeverity: 'warning',
    title: 'P1 response time above the playbook',
    description: 'The response time for the highest-priority incidents is longer than your playbook allows (thresholds.maxP1ResponseHours).',
    rationale: 'For a critical outage, every hour before the supplier engages is an hour of business lost. This check compares the P1 (priority 1, severity 1, critical) response time in the text, whether in a table or a sentence, with your playbook maximum.',
  },
  { threshold: 'maxP1ResponseHours', column: /\brespon/i, what: 'response' },
);
