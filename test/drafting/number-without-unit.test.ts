import assert from 'node:assert/strict';
import { assertDraftingMeta, contract, findings, flagged, quiet } from './support';

const RULE = 'number-without-unit';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on a period whose number has no unit, in words or digits', () => {
    const text = contract(`## 1. Payment

1.1 The Customer shall pay each invoice within fourteen (14) of receipt of the invoice.

1.2 The Supplier shall remedy a breach no later than 30 after notice from the Customer.

1.3 Either party may end a Statement of Work on not less than 60 following the Review Date.`);
    assert.deepEqual(flagged(text, RULE), ['fourteen (14)', '30', '60']);
    const [f] = findings(text, RULE);
    assert.equal(f.diag.severity, 'warning');
    assert.match(f.diag.message, /"fourteen \(14\)" has no unit/);
    assert.equal(f.fixes.length, 0);
  });

  it('stays quiet on near misses: periods with units, and counts of things', () => {
    const text = contract(`## 1. Payment

1.1 The Customer shall pay each invoice within fourteen (14) days of receipt.

1.2 The Supplier shall remedy a breach no later than 30 Business Days after notice.

1.3 The Supplier shall deliver at least 5 of the Products ordered, and up to 3 of the reports listed in Schedule 2.

1.4 The Supplier shall answer within 4 hours from the report and pay credits of up to 10% of the monthly charges.`);
    quiet(text, RULE);
  });
});
