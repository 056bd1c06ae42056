import assert from 'node:assert/strict';
import { obligationsIn, type PartyMatchers } from '../../server/src/model/language';

const parties: PartyMatchers = {
  supplier: /\b(?:Supplier|Vendor|we|us)\b(?!['\u2019]s\s+(?:own|sole))/,
  customer: /\b(?:Customer|Client|you)\b/i,
};

// lastMatchAt's results are compared with matchAll in test/signals/plain-language.test.ts.
describe('model: obligationsIn finds each subject with kept expressions', () => {
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
