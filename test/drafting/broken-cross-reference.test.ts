import assert from 'node:assert/strict';
import { assertDraftingMeta, checkReplace, contract, findings, flagged, quiet } from './support';

const RULE = 'broken-cross-reference';

const BODY = `## 1. Services

1.1 The Supplier shall provide the Services described in Schedule 1.

1.2 The Supplier shall meet the service levels in clause 3.

## 2. Charges

2.1 The Customer shall pay the charges in Schedule 2, less the credits under clause 3.2.

2.2 Late payment is dealt with in clause 2.3(b).

2.3 Interest:

(a) accrues daily; and

(b) is payable with the next invoice.

## 3. Service Levels

3.1 The Supplier shall meet the availability target.

3.2 The Supplier shall give service credits when it misses it.`;

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on clauses, sub-paragraphs and schedules the contract does not contain', () => {
    const text = contract(`${BODY}

## 4. Exit

4.1 On exit the Supplier shall follow the exit plan in Schedule 4 and clause 9.4, as well as clauses 3.1 and 3.7, and paragraph (c) of clause 2.3(c).

## Schedule 1 – Services

Hosting and support.

## Schedule 2 – Charges

A monthly fee.`);
    assert.deepEqual(flagged(text, RULE), ['Schedule 4', 'clause 9.4', '3.7', 'clause 2.3(c)']);
    const msgs = findings(text, RULE).map((f) => f.diag.message);
    assert.match(msgs[0], /Schedule 4 refers to a schedule this document does not contain \(it has Schedule 1, 2\)/);
    assert.match(msgs[1], /clause 9\.4 refers to a clause the contract does not have \(its clauses are numbered 1 to 4\)/);
    assert.match(msgs[3], /refers to a paragraph \(c\) that clause 2\.3 does not have/);
  });

  it('stays quiet on references that resolve, on other documents, and on schedules kept in other files', () => {
    const text = contract(`${BODY}

## 4. General

4.1 Clause 4 of the Master Agreement, Article 28 of the UK GDPR, Article 32(1) GDPR and section 3 of the Data Protection Act 2018 all apply.

4.2 Schedule 7 sets out the exit plan.`);
    // The document holds no schedules at all, so Schedules 1, 2 and 7 are not checked.
    quiet(text, RULE);
  });

  it('stays quiet in a document without numbered clauses', () => {
    const text = contract(`## Services

The Supplier provides hosting as clause 12 of our standard terms describes.

## Charges

The Customer pays monthly.`);
    quiet(text, RULE);
  });

  it('offers to correct the number when the reference names the clause by its title', () => {
    const text = contract(`${BODY}

## 4. Remedies

4.1 The credits under clause 9.4 (Service Levels) are the Customer's only financial remedy.`);
    const [f] = findings(text, RULE);
    assert.equal(f.fixes[0].title, 'Replace "9.4" with "3" (Service Levels)');
    const fixed = checkReplace(text, f, f.fixes[0]);
    assert.ok(fixed.includes('credits under clause 3 (Service Levels)'));
    quiet(fixed, RULE);
  });
});
