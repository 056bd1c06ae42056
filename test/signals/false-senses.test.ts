// Requirement-level example tables for false senses met on contracts the signals were not written
// against: a word in another sense must not satisfy the requirement, the real duty must. All
// examples were written for these tests.
import assert from 'node:assert/strict';
import type { CategoryId } from '../../server/src/categories/types';
import { assessClause, type Example } from './support';

function requirementTable(category: CategoryId, requirement: string, positives: Array<Example | string>, negatives: Array<Example | string>): void {
  describe(`${category} / ${requirement}`, () => {
    const found = (ex: Example | string) => assessClause(category, ex).evidence.filter((e) => e.requirement === requirement);
    for (const p of positives) it(`counts: ${typeof p === 'string' ? p : p.text}`, () => assert.ok(found(p).length > 0, `no ${requirement} evidence`));
    for (const n of negatives) it(`does not count: ${typeof n === 'string' ? n : n.text}`, () => assert.deepEqual(found(n).map((e) => e.text), []));
  });
}

requirementTable('communication', 'meetings', [
  'The parties shall meet every month to review the Services.',
  'The steering committee will meet every two weeks during the transition.',
], [
  'We promise to meet every deadline in the project plan.',
  'The Supplier shall meet every requirement of the Specification.',
]);

requirementTable('due-diligence', 'key-personnel', [
  'The Supplier shall provide the CVs of the proposed consultants for the Customer\'s approval.',
  'Replacement staff must have CVs of equal standing to the people they replace.',
], [
  'Please send us your portfolio and CV before we start.',
  'The designer will share her portfolio and CV with you on request.',
]);

requirementTable('due-diligence', 'compliance', [
  'The Supplier shall comply with all applicable laws in performing the Services.',
  'The Supplier shall comply with all applicable laws, including data protection laws.',
], [
  'The Supplier shall comply with data protection laws.',
  'The Supplier shall comply with applicable privacy laws when it handles personal data.',
]);

requirementTable('data-protection', 'law', [
  'The Supplier shall comply with data protection laws when processing personal data.',
  'Each party shall comply with the GDPR in relation to the personal data processed under this Agreement.',
], [
  'Each party shall comply with all applicable laws, including data protection laws.',
  'The Supplier shall observe any relevant legislation, such as privacy laws, in its own operations.',
]);

requirementTable('data-protection', 'location', [
  'The Supplier shall host all Customer Data at its data centres in Frankfurt and Dublin and shall not transfer it to any other country.',
  'Customer Data will reside only in the data centres listed in Schedule 4.',
  'Personal data shall be processed only at the following data centres: Amsterdam and Paris.',
], [
  // A transfer restriction alone controls transfers (international-transfers) without saying where the data sits.
  'The Supplier shall not move personal data outside the European Economic Area without the Customer\'s written consent.',
  'No party may transfer this Agreement to any other person.',
  'The Supplier shall keep personal data confidential and shall not disclose it.',
]);

requirementTable('change-control', 'unilateral', [
  'We will notify you of changes to these terms by email.',
  'The Supplier shall notify the Customer of changes to the Services at least 30 days in advance.',
], [
  'You must notify us of changes to your contact details.',
  'The Customer shall notify the Supplier of any changes in its billing address.',
]);

describe('change-control: informal change wording is weak, neither absent nor a procedure', () => {
  for (const text of [
    'Any changes to the scope must be agreed in writing by both parties.',
    'Changes to the Services shall be agreed by both parties in writing.',
    'Changes are only binding if both of us agree to them in writing.',
  ]) it(text, () => assert.equal(assessClause('change-control', text).verdict, 'weak'));
});

requirementTable('communication', 'reports', [
  'The Supplier will provide the Customer with a weekly written report summarising the Services delivered.',
  'The Contractor will provide the Company with reports on a weekly basis on the status of each work order.',
  'The Supplier shall submit monthly progress reports to the Customer.',
], [
  'The Customer shall keep copies of all reports it receives from regulators.',
  'The Supplier may publish an annual report on its website.',
]);
