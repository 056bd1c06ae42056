import assert from 'node:assert/strict';
import { assertDraftingMeta, assertLinesKept, checkReplace, findings, flagged, quiet } from './support';

const RULE = 'party-name-variant';
const OPENING = `# Managed Hosting Agreement

This Agreement is made between Larkspur Retail Group plc, a company registered in England and Wales (the "Customer"), and Tailspin Systems Limited, a company registered in England and Wales (the "Supplier").`;

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on abbreviated or changed legal forms and shortened names, and on misspellings', () => {
    const text = `${OPENING}

## 1. Services

1.1 Tailspin Systems Ltd shall host the web shop.

1.2 Tailspin Ltd's liability is capped, and Larkspur Retail Group PLC. shall pay monthly.

1.3 Notices go to Tailspn Systems Limited at its registered office.
`;
    assert.deepEqual(flagged(text, RULE), ['Tailspin Systems Ltd', 'Tailspin Ltd', 'Tailspn Systems Limited']);
    assert.match(findings(text, RULE)[0].diag.message, /its legal name is "Tailspin Systems Limited"\. Use the legal name or the defined name "the Supplier"/);
  });

  it('stays quiet on the legal name, the defined names and the name without a legal form', () => {
    const text = `${OPENING}

## 1. Services

1.1 The Supplier shall host the web shop for the Customer.

1.2 Tailspin Systems Limited guarantees the obligations of the Supplier, and Tailspin Systems is its trading name.

1.3 Larkspur Retail Group plc may audit the Supplier.
`;
    quiet(text, RULE);
  });

  it('offers to replace the variant with the legal name, and only the variant', () => {
    const text = `${OPENING}\n\n## 1. Services\n\n1.1 Tailspin Systems Ltd shall host the web shop.\n`;
    const [f] = findings(text, RULE);
    assert.equal(f.fixes[0].title, 'Replace "Tailspin Systems Ltd" with "Tailspin Systems Limited"');
    const fixed = checkReplace(text, f, f.fixes[0]);
    assertLinesKept(text, fixed, 'Tailspin Systems Ltd');
    quiet(fixed, RULE);
  });
});
