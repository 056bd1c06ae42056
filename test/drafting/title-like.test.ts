import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { TITLE_LIKE } from '../../server/src/drafting/definitions';
import { buildContractModel } from '../../server/src/model';
import { propertyRuns } from '../support/property-runs';

/** The expression TITLE_LIKE replaced, which may cut a word anywhere before a capital. */
const CUTTING = /^\s*(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:\d+(?:\.\d+)*\.?\s+)?(?:[A-Z][\w'-]*(?:\s+(?:of|and|to|for|the|in|on|by)\s+|\s+)?){1,8}\.?$/;

describe('title-like sentences (an ordinary use of a defined term is not in one)', () => {
  it('accepts titles and labels of up to eight capitalised words, and nothing else', () => {
    assert.equal(TITLE_LIKE.test('8.1. Initial Term.'), true);
    assert.equal(TITLE_LIKE.test('(a) Limitation of Liability'), true);
    assert.equal(TITLE_LIKE.test('ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT'), true);
    assert.equal(TITLE_LIKE.test('ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE'), false);
    assert.equal(TITLE_LIKE.test('The Supplier shall pay'), false);
  });

  it('rejects a long sentence in capitals (where the cutting expression tried every cut of every word)', () => {
    assert.equal(TITLE_LIKE.test(`${'AGREEMENT BETWEEN THE PARTIES REGARDING SERVICES '.repeat(6)}which continues here`), false);
  });

  it('accepts what the cutting expression accepts, on random short texts', () => {
    const piece = fc.constantFrom('A', 'B', 'ab', 'AB', 'Ab', ' ', '  ', 'of', 'the', '1', '1.', '.', '(a)', 'i.', "'", '-', 'x', ',');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(TITLE_LIKE.test(text), CUTTING.test(text), JSON.stringify(text));
    }), { numRuns: propertyRuns(3000) });
  });

  it('accepts what the cutting expression accepts, on the sentences of real contracts', function () {
    const dir = resolve(__dirname, '../../../shared/cuad-dev');
    if (!existsSync(dir)) this.skip(); // ../shared/cuad-dev is absent: nothing to compare on
    this.timeout(120_000);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort().filter((_, i) => i % 25 === 1)) {
      const model = buildContractModel(readFileSync(join(dir, f), 'utf8'), 0, 'plain');
      for (const b of model.blocks) for (const s of b.sentences) {
        const text = s.text.trim();
        if (text.length < 200) assert.equal(TITLE_LIKE.test(text), CUTTING.test(text), JSON.stringify(text));
      }
    }
  });
});
