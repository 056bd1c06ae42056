import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keyEndAt, nextKeyAt } from '../../server/src/drafting/parties';
import { escapeRegExp } from '../../server/src/drafting/terms';
import { AWKWARD_NAMES, nameAndText } from '../support/awkward-names';

/** The mentions' key words as found without an expression per name, in the order a global search finds them. */
function found(text: string, keyWords: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let at = nextKeyAt(text, keyWords, 0), end = 0; at >= 0; at = nextKeyAt(text, keyWords, end)) out.push([at, (end = keyEndAt(text, keyWords, at))]);
  return out;
}
/** What the name's own expression found before (drafting/parties.ts nameShapeOf's keyRe). */
function reference(text: string, keyWords: string[]): Array<[number, number]> {
  const re = new RegExp(`(?<![\\w/-])${keyWords.map(escapeRegExp).join('\\s+')}(?![\\w-])`, 'g');
  return [...text.matchAll(re)].map((m) => [m.index!, m.index! + m[0].length]);
}

describe('drafting/parties: a party name\'s key words found without an expression per name', () => {
  // One key word, or two when the first is common ("Bank of"); none holds white space.
  const keys = [...AWKWARD_NAMES.filter((n) => !/\s/.test(n)).map((n) => [n]), ['Bank', 'of'], ['First', 'A.B.'], ['The', '(X)'], ['ÅB', 'straße'], ['C++', '-X-']];
  const pieces = ['Bank', 'of', 'First', 'The', 'A.B.', '(X)', 'ÅB', 'straße', 'C++', '-X-', 'ACME', 'acme', 'x', '_', '9', '/', '-', ' ', '  ', '\n', '\u00a0', '\u2003', '.', ',', '"', 'é', 'Ltd'];
  const keyAndText = fc.constantFrom(...keys).chain((kw) => fc.tuple(fc.constant(kw), nameAndText([kw.join(' ')], [...pieces, ...kw]).map(([, t]) => t)));

  it('finds the keys of awkward names where the expression found them', () => {
    const text = 'Bank of ACME, Bank  of\nACME, BankOf, xBank of, /Bank of, Bank of-x, Bank\u00a0of, C++ -X- (X)(X) A.B.-A.B. ÅB straße';
    for (const kw of keys) assert.deepEqual(found(text, kw), reference(text, kw), kw.join(' '));
    assert.deepEqual(found(text, ['Bank', 'of']).length, 3);
  });

  it('equals the expression on random texts', () => {
    let some = 0;
    fc.assert(fc.property(keyAndText, ([kw, text]) => {
      const want = reference(text, kw);
      assert.deepEqual(found(text, kw), want, `${kw.join(' ')} in ${JSON.stringify(text)}`);
      if (want.length) some++;
    }), { numRuns: 4000 });
    assert.ok(some > 500, `only ${some} texts with a key`);
  });
});
