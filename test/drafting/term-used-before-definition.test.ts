import assert from 'node:assert/strict';
import { assertDraftingMeta, contract, findings, flagged, quiet } from './support';

const RULE = 'term-used-before-definition';

const FILLER = `2.2 The Supplier shall keep the hosting platform patched and supported by its vendors at all times.

2.3 The Supplier shall provide monthly reports on capacity, incidents and changes to the Customer's IT team.`;

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'information'));

  it('fires on the first use of an inline-defined term before its definition', () => {
    const text = contract(`## 2. Services

2.1 The Supplier shall meet the Service Levels from the second month, and the Service Levels apply to every site.

${FILLER}

## 3. Service Levels

3.1 The Supplier shall meet the availability and response targets in Schedule 2 (the "Service Levels").`);
    assert.deepEqual(flagged(text, RULE), ['Service Levels']);
    assert.match(findings(text, RULE)[0].diag.message, /"Service Levels" is used here before it is defined \(on line 15\)/);
  });

  it('stays quiet on terms defined in a definitions section, wherever that section is', () => {
    const text = contract(`## 1. Services

1.1 The Supplier shall meet the Service Levels.

1.2 The Supplier shall keep the platform patched.

1.3 The Supplier shall report monthly.

## 2. Definitions

"Service Levels" means the targets in Schedule 2.`);
    quiet(text, RULE);
  });

  it('stays quiet with a pointer to the definition, in headings, in quotes, and just before a "where" definition', () => {
    const text = contract(`## 2. Service Levels

2.1 The Supplier shall meet the Service Levels (as defined in clause 3.1), and the word "Service Levels" is defined below.

${FILLER}

2.4 The credit is C = F x Downtime Minutes.

Where the downtime in minutes in the month is the "Downtime Minutes".

## 3. Targets

3.1 The Supplier shall meet the targets in Schedule 2 (the "Service Levels").`);
    quiet(text, RULE);
  });

  it('has no quick fix', () => {
    const text = contract(`## 2. Services\n\n2.1 The Supplier shall meet the Service Levels from the second month.\n\n${FILLER}\n\n${FILLER.replace(/2\.2/, '2.4').replace(/2\.3/, '2.5')}\n\n## 3. Service Levels\n\n3.1 The targets in Schedule 2 (the "Service Levels") apply.`);
    assert.deepEqual(findings(text, RULE)[0].fixes, []);
  });
});
