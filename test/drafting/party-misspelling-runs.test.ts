import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { misspellingsIn, partyNameShapes } from '../../server/src/drafting/parties';

const opening = `# Hosting Agreement

This Agreement is made between Larkspur Retail Group plc, a company registered in England and Wales (the "Customer"), and Tailspin Systems Limited, a company registered in England and Wales (the "Supplier").
`;

/** How many times String.prototype.split is called while `f` runs. */
function splitsDuring(f: () => void): number {
  const split = String.prototype.split;
  let calls = 0;
  String.prototype.split = function (this: string, ...args: Parameters<typeof split>) {
    calls++;
    return split.apply(this, args);
  } as typeof split;
  try {
    f();
  } finally {
    String.prototype.split = split;
  }
  return calls;
}

describe('drafting/parties: misspellingsIn passes over runs of capitalised words that end in no legal form without splitting them', () => {
  const [tailspin] = partyNameShapes(buildContractModel(opening)).filter((s) => s.legal.startsWith('Tailspin'));

  it('splits no run in a block of 200 runs that end in no legal form', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Service Level Credit Number ${i} Applies here.`).join(' ');
    let found: ReturnType<typeof misspellingsIn> = [];
    assert.equal(splitsDuring(() => (found = misspellingsIn(text, tailspin.name))), 0);
    assert.deepEqual(found, []);
  });

  it('still finds misspellings that end with a stop, after a comma, or in capitals', () => {
    const text = 'Notices go to Tailspn Systems Limited; copies to Tailspin Sytems, Limited and TAILSPIN SYSTEMS LIMITD, not Tailspin Systems Limited, and to Tailspinn Systems Limited.';
    assert.deepEqual(misspellingsIn(text, tailspin.name), [
      { at: 14, cand: 'Tailspn Systems Limited' },
      { at: 49, cand: 'Tailspin Sytems, Limited' },
      { at: 140, cand: 'Tailspinn Systems Limited' },
    ]);
  });
});
