import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lastMatchAt, obligationsIn, type PartyMatchers } from '../../server/src/model/language';

// What lastMatchAt must give: the start of the last match of a fresh global copy (source only), -1 for none.
const reference = (re: RegExp, text: string): number => {
  let pos = -1;
  for (const m of text.matchAll(new RegExp(re.source, 'g'))) pos = m.index!;
  return pos;
};

const parties: PartyMatchers = {
  supplier: /\b(?:Supplier|Vendor|we|us)\b(?!['\u2019]s\s+(?:own|sole))/,
  customer: /\b(?:Customer|Client|you)\b/i,
};

describe('model: lastMatchAt (the subject of an obligation)', () => {
  it('equals the last match of a global copy of the pattern, flags other than g dropped, empty matches included', () => {
    const patterns = [parties.supplier, parties.customer, /\b(?:each party|the parties)\b/i, /x*/, /(?=a)/, /\bs/];
    const word = fc.constantFrom('the', 'Supplier', 'supplier', 'Customer', 'customer', "Supplier's own", 'each party', 'we', 'a', 'x', 'xx', 's', ';', ' ', '  ');
    fc.assert(fc.property(fc.array(word, { maxLength: 10 }).map((ws) => ws.join(' ')), fc.constantFrom(...patterns), (text, re) => lastMatchAt(re, text) === reference(re, text)), { numRuns: 5000 });
  });

  it('makes one global copy per pattern, not one per modal verb and party list', () => {
    const sentence = 'The Supplier shall deliver, the Customer shall pay and the Supplier will report, as the parties must.';
    obligationsIn(sentence, parties);
    const Original = globalThis.RegExp;
    let made = 0;
    globalThis.RegExp = new Proxy(Original, { construct: (target, args) => { made++; return Reflect.construct(target, args); } });
    try {
      for (let i = 0; i < 20; i++) obligationsIn(sentence, parties);
    } finally {
      globalThis.RegExp = Original;
    }
    assert.equal(made, 0);
    assert.deepEqual(obligationsIn(sentence, parties).map((o) => o.owner), ['supplier', 'customer', 'supplier', 'both']);
  });
});
