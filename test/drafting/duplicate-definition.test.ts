import assert from 'node:assert/strict';
import { assertDraftingMeta, contract, findings, flagged, quiet } from './support';

const RULE = 'duplicate-definition';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on a term defined again with another meaning, at the second definition', () => {
    const text = contract(`## 1. Definitions

"Business Day" means a day other than a Saturday, a Sunday or a public holiday in England.

"Charges" means the sums in Schedule 2.

## 5. Support

5.1 The Supplier shall respond within one Business Day.

5.2 The monthly hosting fee (the "Charges") is payable in advance.

5.3 In this Agreement "Business Day" means any day from Monday to Friday.`);
    assert.deepEqual(flagged(text, RULE), ['Charges', 'Business Day']);
    const [first] = findings(text, RULE);
    assert.equal(first.diag.range.start.line, 14);
    assert.match(first.diag.message, /"Charges" is defined again here with a different meaning; it is already defined on line 9/);
  });

  it('stays quiet on the same meaning repeated, and on definitions limited to a schedule', () => {
    const text = contract(`## 1. Definitions

"Services" means the hosting services described in Schedule 1.

## 2. Services

2.1 "Services" means the hosting services described in Schedule 1.

## Schedule 2 – Service Levels

In this Schedule, "Services" means the production services only.`);
    quiet(text, RULE);
  });

  it('has no quick fix', () => {
    const text = contract('"Charges" means the sums in Schedule 2.\n\n"Charges" means the fees in the Order Form.');
    assert.deepEqual(findings(text, RULE)[0].fixes, []);
  });

  it('reads a definitions block written one per line as separate definitions, quoted or not', () => {
    const text = contract(`## 1. Definitions

"Affiliate" means any company that controls a party;
"Business Day" means a weekday other than a public holiday;
"Affiliate" means a subsidiary of a party;
Charges means the fees in Schedule 2;
Charges means the amounts invoiced each month.`);
    assert.deepEqual(flagged(text, RULE), ['Affiliate', 'Charges']);
    const messages = findings(text, RULE).map((f) => f.diag.message);
    assert.match(messages[0], /already defined on line \d+\./);
  });

  it('stays quiet on a definition widened in the same paragraph ("includes") or a second sense on the same line', () => {
    quiet(contract(`## 1. Definitions

"Subscribers" means the users who have registered. "Subscribers" includes trial users.

"Detail" means a visit to a clinic. When used as a verb, "Detail" means to make such a visit.`), RULE);
  });
});
