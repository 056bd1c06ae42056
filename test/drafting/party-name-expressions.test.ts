import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { misspellingsIn, partyNameShapes } from '../../server/src/drafting/parties';
import { regExpsBuiltDuring } from '../support/regexps-built';

const opening = (supplier: string, customer: string) => `# Hosting Agreement

This Agreement is made between ${customer}, a company registered in England and Wales (the "Customer"), and ${supplier}, a company registered in England and Wales (the "Supplier").

## 1. Services

1.1 The Supplier shall host the web shop.
`;

describe('drafting/parties: the name searches\' expressions kept per legal form and name length, not built per document', () => {
  it('gives names of one legal form the same form-word expression, built once', () => {
    const first = buildContractModel(opening('Tailspin Systems Limited', 'Larkspur Retail Group plc'));
    const second = buildContractModel(opening('Copperleaf Hosting Limited', 'Sandpiper Foods Group plc'));
    const a = partyNameShapes(first);
    let b: ReturnType<typeof partyNameShapes> = [];
    assert.equal(regExpsBuiltDuring(() => (b = partyNameShapes(second))), 0);
    assert.equal(a.length, 2);
    assert.equal(b.length, 2);
    for (let k = 0; k < 2; k++) {
      assert.notEqual(a[k].legal, b[k].legal);
      assert.equal(a[k].name.formWord, b[k].name.formWord);
    }
    // The expression still tells a block that holds the form from one that does not.
    assert.equal(b[0].name.formWord!.test('Tailspinn Systems L.T.D. shall'), b[0].legal.endsWith('Limited'));
  });

  it('searches misspellings of names of one length with one expression', () => {
    const [tailspin] = partyNameShapes(buildContractModel(opening('Tailspin Systems Limited', 'Larkspur Retail Group plc'))).filter((s) => s.legal.startsWith('Tailspin'));
    const [copperleaf] = partyNameShapes(buildContractModel(opening('Copperleaf Hosting Limited', 'Sandpiper Foods Group plc'))).filter((s) => s.legal.startsWith('Copperleaf'));
    assert.deepEqual(misspellingsIn('Notices go to Tailspn Systems Limited.', tailspin.name), [{ at: 14, cand: 'Tailspn Systems Limited' }]);
    let found: ReturnType<typeof misspellingsIn> = [];
    assert.equal(regExpsBuiltDuring(() => (found = misspellingsIn('Copperleef Hosting Limited and Copperleaf Hostng Limited', copperleaf.name))), 0);
    assert.deepEqual(found.map((f) => f.cand), ['Copperleef Hosting Limited', 'Copperleaf Hostng Limited']);
  });
});
