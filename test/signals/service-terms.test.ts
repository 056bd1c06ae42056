// Example tables for communication, performance monitoring and audit direction: false senses found on
// contracts the signals were not written against (all examples written for these tests).
import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { categoryAssessor } from '../../server/src/engine';
import { signalTable } from './support';

signalTable('communication', [
  'Support requests may be sent by email to the Supplier\'s help desk.',
  'The Supplier\'s engineer on duty shall be available by telephone at all times.',
  { heading: 'Project Management', text: 'The Supplier shall appoint a project manager who will attend a monthly review with the Customer.' },
], [
  'The Services include round-the-clock phone support and next-day email replies for routine questions.',
  { heading: 'Project Management', text: 'Additional development work is charged at 60 euros per hour.' },
]);

signalTable('performance-monitoring', [
  'The Customer may view information on its use of the Services through the Supplier\'s web portal.',
  'The Supplier shall make usage reports available to the Customer each month.',
], [
  'The Customer shall use the Services only for its internal business purposes.',
  'The Supplier may collect information on the Customer\'s use of the Services to improve its products.',
]);

describe('audit-rights: direction with a short-name supplier', () => {
  const contract = (sentence: string) => `# Hosting Agreement

This Agreement is made between iRoute Networks Inc. ("iRoute") and Marlowe Freight Limited (the "Customer").

## 1. Services

1.1 iRoute shall provide the hosting services and shall maintain the platform. Customer shall pay the charges monthly.

1.2 ${sentence}
`;
  it('does not count the customer giving the supplier access to its own premises', () => {
    const a = categoryAssessor(buildContractModel(contract('Customer agrees, when iRoute reasonably asks, to provide iRoute with access to Customer\'s premises and equipment.')), null)('audit-rights');
    assert.equal(a.verdict, 'missing', a.evidence.map((e) => e.text).join(' | '));
  });
  it('counts the supplier giving the customer access to its facilities and records', () => {
    const a = categoryAssessor(buildContractModel(contract('iRoute shall provide Customer with access to its facilities and records on reasonable notice.')), null)('audit-rights');
    assert.notEqual(a.verdict, 'missing', a.reason);
  });
});
