import assert from 'node:assert/strict';
import { assertDraftingMeta, contract, findings, flagged, quiet } from './support';

const RULE = 'unused-term';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'information'));

  it('fires on a defined term that is never used, at its definition', () => {
    const text = contract(`## 1. Definitions

"Services" means the hosting services described in Schedule 1.

"Service Credits" means the credits calculated under Schedule 2.

"Exit Period" means the six months after termination.

## 2. Services

2.1 The Supplier shall provide the Services to the Customer.`, 'Hosting Agreement');
    assert.deepEqual(flagged(text, RULE), ['Service Credits', 'Exit Period']);
    assert.equal(findings(text, RULE)[0].diag.severity, 'information');
    assert.match(findings(text, RULE)[0].diag.message, /"Service Credits" is defined here but never used/);
  });

  it('counts plurals, singulars, possessives, capitals, uses split over lines, tables and synonyms', () => {
    const text = contract(`## 1. Definitions

"Service Level" means a target in Schedule 2.

"Deliverables" means the items in Schedule 3.

"Key Performance Indicators" or "KPIs" means the measures in Schedule 4.

"Normal Business Hours" means 8:00 to 18:00 on working days.

## 2. Services

2.1 The Supplier shall meet each of the Service Levels and deliver each Deliverable, and the Customer's staff may test it during Normal Business
Hours.

2.2 IN NO EVENT SHALL THE SUPPLIER BE LIABLE FOR A DELAY IN THE DELIVERABLES CAUSED BY THE CUSTOMER.

| KPI | Target |
| --- | --- |
| Availability | 99.9% |`);
    quiet(text, RULE);
  });

  it('does not count lower-case words as uses', () => {
    const text = contract(`## 1. Definitions

"Services" means the hosting services described in Schedule 1.

## 2. Scope

2.1 The Supplier shall provide hosting services to the Customer.`, 'Hosting Agreement');
    assert.deepEqual(flagged(text, RULE), ['Services']);
  });

  it('has no quick fix (deleting a definition is the drafter\'s decision)', () => {
    const text = contract('"Exit Period" means the six months after termination.\n\nThe Supplier shall help with exit.');
    assert.deepEqual(findings(text, RULE)[0].fixes, []);
  });
});
