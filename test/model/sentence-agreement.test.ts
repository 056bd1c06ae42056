import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sentenceBounds } from '../../server/src/model/sentences';
import { blockTexts, compareSplitters } from '../support/sentence-agreement';

const split = (t: string) => sentenceBounds(t).map(([s, e]) => t.slice(s, e));

// The model splits sentences with the platform's segmenter plus a merge pass; the splits must stay
// those of the `sentence-splitter` package it replaced (kept as the reference in test/support).
// scripts/sentence-agreement.ts measures the same over ../shared/corpus and ../shared/cuad-dev.
describe('model: sentence splitting agrees with the splitter it replaced', () => {
  it('finds the same sentences on every example contract and CLI fixture', () => {
    const root = resolve(__dirname, '../..');
    const texts: string[] = [];
    for (const d of ['examples', 'test/fixtures/cli']) {
      for (const f of readdirSync(join(root, d)).filter((f) => /\.(md|txt)$/.test(f))) texts.push(...blockTexts(readFileSync(join(root, d, f), 'utf8'), f));
    }
    const r = compareSplitters(texts);
    assert.ok(r.total > 300, `only ${r.total} sentences in the fixtures`);
    assert.deepEqual(r.differingBlocks, [], `${r.same} of ${r.total} sentences identical`);
  });

  it('keeps abbreviations, clause numbers and initials inside the sentence', () => {
    assert.deepEqual(split('Fees are set out in Schedule No. 4 of this Agreement. The Customer shall pay them.'),
      ['Fees are set out in Schedule No. 4 of this Agreement.', 'The Customer shall pay them.']);
    assert.deepEqual(split('Some services (e.g. hosting) and some tasks, i.e. backups, are included. Others are not.'),
      ['Some services (e.g. hosting) and some tasks, i.e. backups, are included.', 'Others are not.']);
    assert.deepEqual(split('The supplier is Northwind Ltd. and it is based in London.'), ['The supplier is Northwind Ltd. and it is based in London.']);
    assert.deepEqual(split('Signed by Alex J. Smith for Fabrikam Inc. on behalf of the Supplier.'), ['Signed by Alex J. Smith for Fabrikam Inc. on behalf of the Supplier.']);
    assert.deepEqual(split('Under U.S. Government rules in cl. 7 of Sch. 2 the data stays local.'), ['Under U.S. Government rules in cl. 7 of Sch. 2 the data stays local.']);
    // A number with a full stop reads as a list number ("4. The Supplier ..."), as it did before.
    assert.deepEqual(split('Services 4. The Supplier shall comply.'), ['Services 4. The Supplier shall comply.']);
    assert.deepEqual(split('1.2. The Supplier shall comply.'), ['1.2.', 'The Supplier shall comply.']);
  });

  it('ends a sentence after an abbreviation when a capitalised word follows, as before', () => {
    assert.deepEqual(split('The Supplier is Contoso Ltd. The Customer is Fabrikam Inc. Both sign.'),
      ['The Supplier is Contoso Ltd.', 'The Customer is Fabrikam Inc.', 'Both sign.']);
  });

  it('splits before a lowercase word after a full stop, but not at a soft line break alone', () => {
    assert.deepEqual(split('The Customer may terminate at once.\nin that case it shall pay.'), ['The Customer may terminate at once.', 'in that case it shall pay.']);
    assert.deepEqual(split('The Supplier shall host\nthe platform. It shall back up.'), ['The Supplier shall host\nthe platform.', 'It shall back up.']);
  });

  it('does not split inside quotes or brackets, nor inside a word such as a file name', () => {
    assert.deepEqual(split('The notice reads "Stop. Go." and is final. Next.'), ['The notice reads "Stop. Go." and is final.', 'Next.']);
    assert.deepEqual(split('Files (see Annex 2. Formats) include report.PDF and data.CSV files. Next.'), ['Files (see Annex 2. Formats) include report.PDF and data.CSV files.', 'Next.']);
  });

  it('splits on question and exclamation marks and drops stray stops', () => {
    assert.deepEqual(split('Is it due? It is! Pay now. . Then stop.'), ['Is it due?', 'It is!', 'Pay now.', 'Then stop.']);
  });
});
