import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { obligationsIn, partyMatchers, supplierDutyIn, type PartyMatchers } from '../../server/src/model/language';
import { buildContractModel } from '../../server/src/model/parse';
import { generateContract } from '../../scripts/bench-contract';

/** supplierDutyIn as obligationsIn defines it: 0 no obligation, 1 one not negated and not the customer's, 2 otherwise. */
function reference(text: string, m: PartyMatchers): 0 | 1 | 2 {
  const all = obligationsIn(text, m);
  if (all.length === 0) return 0;
  return all.some((o) => !o.negated && o.owner !== 'customer') ? 1 : 2;
}

const seed = Number(process.env.CLAUSEWISE_FC_SEED ?? 42);
const plain: PartyMatchers = {
  supplier: /\b(?:Supplier|Vendor|we|us)\b(?!['\u2019]s\s+(?:own|sole))/,
  customer: /\b(?:Customer|Client|you)\b/i,
};

function sentencesOfText(text: string): { sentences: string[]; parties: PartyMatchers } {
  const model = buildContractModel(text);
  const sentences: string[] = [];
  for (const b of model.blocks) for (const s of b.sentences) sentences.push(s.text);
  return { sentences, parties: partyMatchers(model) };
}

describe('model: supplierDutyIn reads obligations as obligationsIn does, only as far as needed', () => {
  it('answers no obligation, a supplier-side duty, or none of those', () => {
    assert.equal(supplierDutyIn('Fees are listed in Schedule 2.', plain), 0);
    assert.equal(supplierDutyIn('The Customer shall pay each invoice; the Supplier shall deliver the reports.', plain), 1);
    assert.equal(supplierDutyIn('The Customer shall pay and the Client must approve.', plain), 2);
    assert.equal(supplierDutyIn('The Supplier shall not be required to pay.', plain), 2);
    assert.equal(supplierDutyIn('Each party shall keep records.', plain), 1);
  });

  it('agrees with obligationsIn on random sentences (fast-check)', () => {
    const piece = fc.constantFrom('The Supplier', 'the Customer', 'Client', 'Vendor', 'we', 'you', 'Each party', 'neither party', 'nothing in this clause',
      'shall', 'must', 'will', 'agrees to', 'is responsible for', 'warrants', 'not', 'never', 'deliver', 'pay', 'the reports', ';', ':', ',', '"', '\u201c', 'and', 'x'.repeat(40));
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const text = pieces.join(' ');
      assert.equal(supplierDutyIn(text, plain), reference(text, plain), text);
    }), { seed, numRuns: 2000 });
  });

  it('agrees with obligationsIn on every sentence of the corpus and of a generated contract, with their own party names', () => {
    const dir = resolve(__dirname, '../../../shared/corpus/contracts');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(resolve(dir, f), 'utf8'));
    texts.push(generateContract(200_000));
    let checked = 0;
    for (const text of texts) {
      const { sentences, parties } = sentencesOfText(text);
      for (const s of sentences) {
        assert.equal(supplierDutyIn(s, parties), reference(s, parties), s);
        assert.equal(supplierDutyIn(s, plain), reference(s, plain), s);
        checked++;
      }
    }
    assert.ok(checked > 1000);
  });
});
