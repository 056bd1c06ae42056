import assert from 'node:assert/strict';
import { sentencesOf } from '../../server/src/categories/scan';
import { buildContractModel } from '../../server/src/model';
import { FactCache, inFactRound } from '../../server/src/model/facts';

// Issue 13 (clicats2): without a fact cache (the CLI) the sentence list reads each sentence in
// place, looking for duty words only in item fragments; with one (the server) it reads memoised
// readings. Both must give the same entries: the lead-in an enumerated fragment inherits, the
// sentence before, the folded and flattened texts, definitions.
const text = [
  '# Services Agreement',
  '## 1. Services',
  'The Supplier shall keep these records. (a) request logs. (b) it must notify the Customer. (c) backups. Then the Customer pays. (d) late fees.',
  '(a) a fragment first. (b) another one. (c) the Supplier shall act. (d) more.',
  '"Service Credits" means the credits set out in Schedule 2.',
  '## 2. Payment',
  'The Customer shall pay \u201cFees\u201d within   30 days.',
].join('\n\n');

const fields = (m: ReturnType<typeof buildContractModel>) => sentencesOf(m).map((i) => ({
  text: i.text, flat: i.flat, leadIn: i.leadIn, previous: i.previous, isDefinition: i.isDefinition, inHeading: i.inHeading, titles: i.titles, block: i.block, from: i.from, to: i.to,
}));

describe('sentence readings with and without a fact cache', () => {
  it('gives the same entries', () => {
    const plain = fields(buildContractModel(text));
    const cached = inFactRound(new FactCache(), () => fields(buildContractModel(text)));
    assert.deepEqual(plain, cached);
    // A fragment inherits the block's latest sentence that is not a fragment or is one stating a
    // duty ("(b) it must notify" for "(c)"); a fragment with none before it inherits nothing.
    const lead = (start: string) => plain.find((i) => i.text.startsWith(start))!.leadIn;
    assert.equal(lead('(a) request logs'), 'The Supplier shall keep these records.');
    assert.equal(lead('(b) it must notify'), 'The Supplier shall keep these records.');
    assert.equal(lead('(c) backups'), '(b) it must notify the Customer.');
    assert.equal(lead('Then the Customer'), null);
    assert.equal(lead('(d) late fees'), 'Then the Customer pays.');
    assert.equal(lead('(b) another one'), null);
    assert.equal(lead('(d) more'), '(c) the Supplier shall act.');
    assert.equal(plain.find((i) => i.text.startsWith('(c) backups'))!.previous, '(b) it must notify the Customer.');
    assert.ok(plain.some((i) => i.isDefinition), 'a definition');
    const fees = plain.find((i) => i.text.includes('"Fees"'))!;
    assert.equal(fees.flat, 'The Customer shall pay "Fees" within 30 days.');
  });

  it('twice in one fact round (the memoised readings) gives the same entries', () => {
    const cache = new FactCache();
    const first = inFactRound(cache, () => fields(buildContractModel(text)));
    const second = inFactRound(cache, () => fields(buildContractModel(text)));
    assert.deepEqual(second, first);
  });
});
