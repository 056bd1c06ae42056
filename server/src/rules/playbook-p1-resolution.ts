import { p1TimeRule } from './playbook';
import examples from './examples/playbook-p1-resolution';

export default p1TimeRule(
  {
    examples,
    thresholds: [{ name: 'maxP1ResolutionHours', type: 'number', unit: 'hours', minimum: 0, description: 'Longest acceptable time, in hours, for the supplier to resolve or work around a priority-1 (critical) incident.' }],
    id: 'playbook-p1-resolution',
    category: 'sla',
    defaultSeverity: 'warning',
    title: 'P1 resolution time above the playbook',
    description: 'The resolution time for the highest-priority incidents is longer than your playbook allows (thresholds.maxP1ResolutionHours).',
    rationale: 'For a critical outage, every hour before the supplier restores service is an hour of business lost. This check compares the P1 (priority 1, severity 1, critical) resolution time in the text, whether in a table or a sentence, with your playbook maximum.',
  },
  { threshold: 'maxP1ResolutionHours', column: /\b(?:resol|restor|fix)/i, what: 'resolution' },
);
