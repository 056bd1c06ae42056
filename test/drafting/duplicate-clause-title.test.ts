import assert from 'node:assert/strict';
import { assertDraftingMeta, contract, findings, flagged, quiet } from './support';

const RULE = 'duplicate-clause-title';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on two top-level clauses with the same title, naming the first', () => {
    const text = contract(`## 1. Services

The Supplier shall provide the Services.

## 2. Confidentiality

Each party shall keep the other's information secret.

## 3. Charges

The Customer shall pay the Charges.

## 4. Confidentiality

Neither party shall disclose the terms of this Agreement.`);
    assert.deepEqual(flagged(text, RULE), ['Confidentiality']);
    const [f] = findings(text, RULE);
    assert.match(f.diag.message, /also the title of clause 2 \(line \d+\)/);
    assert.equal(f.fixes.length, 0);
  });

  it('compares titles ignoring case, bold and a trailing full stop', () => {
    const text = contract(`## 1. **Term.**

This Agreement lasts three years.

## 2. Charges

The Customer shall pay the Charges.

## 3. TERM

The Supplier may renew for one year.`);
    assert.equal(flagged(text, RULE).length, 1);
  });

  it('leaves plain-text numbered titles alone (tables of contents and running heads repeat them)', () => {
    quiet(contract(`1. Term. This Agreement lasts three years.

2. Charges. The Customer shall pay the Charges.

3. Term. The Supplier may renew for one year.`), RULE);
  });

  it('stays quiet on near misses: schedules repeating titles, sub-clauses of different clauses, form labels, different titles', () => {
    const text = contract(`## 1. Services

### 1.1 Scope

The Supplier shall provide the Services.

## 2. Support

### 2.1 Scope

The Supplier shall answer support calls.

## 3. Service Credits

Credits apply as set out in Schedule 2.

## Schedule 1 - Hosting

### Charges

Hosting is charged monthly.

## Schedule 2 - Support

### Charges

Support is charged yearly.

## Signatures

Name: Ada Lovelace

Name: Alan Turing`);
    quiet(text, RULE);
  });
});
