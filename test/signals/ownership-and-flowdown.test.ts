import assert from 'node:assert/strict';
import { assessClause, signalTable } from './support';

signalTable('ip-ownership', [
  'Copyright in every report will be assigned to the Customer on payment.',
  'The Customer is the sole owner of all deliverables produced under this Agreement.',
], [
  'The Supplier shall provide the reports in PDF format.',
]);

signalTable('subcontracting', [
  'The Supplier shall not appoint sub contractors without the Customer\'s written consent.',
], [
  'The Supplier shall perform the Services with its own employees.',
]);

describe('requirements read in other words', () => {
  it('a duty to return or destroy PHI at the end counts as data return (exit) and as return-deletion (data protection)', () => {
    const text = 'On termination of this Agreement the Supplier shall return or destroy all PHI received from the Customer.';
    assert.equal(assessClause('exit', text).requirements['data-return'], true);
    assert.equal(assessClause('data-protection', text).requirements['return-deletion'], true);
  });

  it('books made available to the Secretary count as regulator access', () => {
    const a = assessClause('audit-rights', 'The Supplier shall make its internal practices, books and records available to the Secretary for the purpose of determining compliance.');
    assert.equal(a.requirements.regulator, true);
  });

  it('"the same data protection obligations are imposed on the Subprocessor" is a flow-down', () => {
    const a = assessClause('subcontracting', 'Where the Supplier engages a Subprocessor, the same data protection obligations as set out in this Agreement are imposed on the Subprocessor by contract.');
    assert.equal(a.requirements.flowdown, true);
    const b = assessClause('subcontracting', 'Where the Supplier engages a Subprocessor, it shall notify the Customer.');
    assert.equal(b.requirements.flowdown, false);
  });
});
