import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import fc from 'fast-check';
import { lastMatchAt, obligationsIn, partyMatchers, pronounRoles } from '../../server/src/model/language';

// Written for this test: a freelance agreement in the first and second person.
const FREELANCE = `# Website Design Agreement

This agreement is between Pell Studio (the designer) and Marrow Bakery (the client).

## What we will do

We will design and build a five-page website for you.

## What you will do

You will pay each invoice within 14 days. You must keep your own backups of the content you send us.
`;

describe('plain-language parties', () => {
  it('reads "we" as the supplier and "you" as the customer when we do the work and you pay', () => {
    const m = buildContractModel(FREELANCE);
    assert.deepEqual(pronounRoles(m).supplier.includes('we'), true);
    assert.deepEqual(pronounRoles(m).customer.includes('you'), true);
  });

  it('credits "you must keep your own backups" to the customer, not the supplier', () => {
    const m = buildContractModel(FREELANCE);
    const p = partyMatchers(m);
    assert.deepEqual(obligationsIn('You must keep your own backups of the content you send us.', p).map((o) => o.owner), ['customer']);
    assert.deepEqual(obligationsIn('We will back up the site every night.', p).map((o) => o.owner), ['supplier']);
  });

  it('follows a quoted definition of the voices', () => {
    const m = buildContractModel('# Hosting Terms\n\nLowfield Hosting Ltd (the "Supplier", "we", "us") provides hosting to the customer named in the order (the "Customer", "you").\n\nYou shall pay the fees.\n');
    assert.ok(pronounRoles(m).supplier.includes('we'));
    assert.ok(pronounRoles(m).customer.includes('you'));
  });

  it('adds nothing to a contract that uses no pronoun voices', () => {
    const m = buildContractModel('# Services Agreement\n\nThe Supplier shall provide the Services. The Customer shall pay the Charges.\n');
    assert.deepEqual(pronounRoles(m), { supplier: [], customer: [] });
  });
});

describe('model/language: where the last party name before a modal starts (lastMatchAt)', () => {
  // What obligationsIn read before: the last of matchAll over a new global copy of the expression.
  const reference = (text: string, re: RegExp) => {
    let pos = -1;
    for (const x of text.matchAll(new RegExp(re.source, 'g'))) pos = x.index!;
    return pos;
  };

  it('finds the last of the successive matches, as matchAll does, with one kept copy of each expression', () => {
    const party = /\b(?:the supplier|supplier|the customer)\b/i;
    assert.equal(lastMatchAt('The Supplier and the Customer agree that the supplier', party), reference('The Supplier and the Customer agree that the supplier', party));
    assert.equal(lastMatchAt('nobody here', party), -1);
    // Its flags other than g are dropped, as before: "SUPPLIER" does not match without i.
    assert.equal(lastMatchAt('the SUPPLIER', /supplier/i), -1);
    // Empty matches move on one character, as matchAll does, instead of looping.
    assert.equal(lastMatchAt('abc', /x*/), 3);
  });

  it('equals matchAll on arbitrary texts, whatever was searched before', () => {
    const patterns = [/\b(?:ab|b)\b/, /a+/, /b*/, /(?<=a)b|^c/, /\bab?c\b/i];
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'A', ' ', '.'), { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(patterns.length - 1), text), { minLength: 1, maxLength: 8 }), (cases) => {
      for (const [i, t] of cases) assert.equal(lastMatchAt(t, patterns[i]), reference(t, patterns[i]), `${patterns[i]} in ${JSON.stringify(t)}`);
    }), { numRuns: 2000 });
  });
});
