import assert from 'node:assert/strict';
import { assertDraftingMeta, assertLinesKept, checkReplace, contract, findings, flagged, quiet } from './support';

const RULE = 'inconsistent-figure';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires where one measured thing is given another figure: fee, time to pay, availability, breach notice, notice to terminate, liability cap', () => {
    const text = contract(`## 1. Charges

1.1 The Customer shall pay an annual fee of GBP 120,000 for the Services.

1.2 The Customer shall pay each invoice within thirty (30) days of receipt of the invoice.

1.3 The Supplier shall ensure that the Platform is available at least 99.9% of the time in each month.

1.4 The Supplier shall notify the Customer of any personal data breach within 24 hours of becoming aware of it.

1.5 The Customer may terminate this Agreement for convenience by giving 90 days' written notice.

1.6 The Supplier's total liability under this Agreement shall not exceed GBP 500,000.

## 2. Summary of key terms

2.1 The annual fee of GBP 125,000 is payable in advance.

2.2 Invoices are payable within 45 days of the invoice date.

2.3 The Supplier will keep the Platform available at least 99.5% of the time.

2.4 The Supplier shall notify the Customer of a security incident within 48 hours.

2.5 The Customer may terminate for convenience on 60 days' notice.

2.6 The Supplier's aggregate liability shall not exceed GBP 750,000.`);
    assert.deepEqual(flagged(text, RULE), ['GBP 125,000', '45 days', '99.5%', '48 hours', '60 days', 'GBP 750,000']);
    const [fee] = findings(text, RULE);
    assert.equal(fee.diag.severity, 'warning');
    assert.match(fee.diag.message, /^The annual fee is GBP 125,000 here but GBP 120,000 on line 7\. Give one figure/);
  });

  it('stays quiet on near misses: different things, different parties, equal periods in other units, changes, tiers and bracketed options', () => {
    const text = contract(`## 1. Charges

1.1 The Customer shall pay an annual fee of GBP 120,000 and a monthly fee of GBP 10,000.

1.2 The Customer shall pay each invoice within 30 days of receipt of the invoice, and shall raise any dispute about an invoice within 10 days of receipt of the invoice.

1.3 The initial term of this Agreement is three (3) years. The Initial Term is 36 months.

1.4 The Customer may terminate this Agreement for convenience on 90 days' notice. The Supplier may terminate this Agreement for convenience on 180 days' notice.

1.5 The Supplier shall notify the Customer of a personal data breach within 24 hours; the Customer shall notify the supervisory authority within 72 hours.

1.6 From the second year the annual fee is increased to GBP 130,000.

1.7 Availability of the Premium tier shall be at least 99.95%, and of the Standard tier at least 99.5%.

1.8 The Supplier's total liability shall not exceed GBP 500,000, and its total liability for data protection losses shall not exceed GBP 2,000,000.

1.9 The Customer may terminate for convenience on [60] days' notice.

1.10 The Customer may terminate for convenience on three months' notice.`);
    quiet(text, RULE);
  });

  it('keeps to the figure most of the document gives, and offers to write it in place of the odd one', () => {
    const text = contract(`## 1. Payment

1.1 The Customer shall pay each invoice within 30 days of receipt of the invoice.

1.2 Invoices for additional work are payable within 30 days of the invoice date.

1.3 Invoices for expenses are payable within 60 days of the invoice date.`);
    const [f] = findings(text, RULE);
    assert.equal(findings(text, RULE).length, 1);
    assert.equal(f.fixes[0].title, 'Replace "60 days" with "30 days" (as on line 7)');
    const fixed = checkReplace(text, f, f.fixes[0]);
    assertLinesKept(text, fixed, '60 days');
    quiet(fixed, RULE);
  });
});
