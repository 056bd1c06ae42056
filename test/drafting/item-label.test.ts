import assert from 'node:assert/strict';
import fc from 'fast-check';
import { writesItem } from '../../server/src/drafting/item-label';
import { propertyRuns } from '../support/property-runs';
import { regExpsBuiltDuring } from '../support/regexps-built';

/** What drafting/xrefs.ts hasItem asked before: an expression built around the item's label. */
const reference = (text: string, label: string) => new RegExp(`(?:^|\\s)(?:\\(${label}\\)|${label}[.)])\\s`, 'i').test(text);

const LABELS = ['a', 'b', 'B', 'iv', 'IV', '2', '12', 'a1', 'k', 's', 'i', ''];
// Labels in either case, the letters that fold to ASCII only with u (ſ, the Kelvin sign, dotless and dotted i), every bracket and stop.
const PIECES = ['a', 'A', 'b', 'B', 'iv', 'IV', 'Iv', '2', '12', 'a1', 'k', 'K', '\u212a', 's', 'S', '\u017f', 'i', 'I', '\u0131', '\u0130',
  '(', ')', '.', ',', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', 'x', '_', '-', '()', '(a)', '(b) ', 'a. ', 'iv) '];

describe('drafting/item-label: an item\'s label found without an expression per label', () => {
  it('finds labels where the expression found them', () => {
    const text = '(a) first\n(B) second b. third iv) fourth x(c) no\t(d)\u00a0yes 5.x';
    for (const label of [...LABELS, 'c', 'd', '5']) assert.equal(writesItem(text, label), reference(text, label), label);
    assert.equal(writesItem('(a) x', 'a'), true);
    assert.equal(writesItem('x(a) y', 'a'), false);
    assert.equal(writesItem('see (K) here', '\u212a'.normalize('NFKC').toLowerCase()), true);
    assert.equal(writesItem('see (\u212a) here', 'k'), false);
  });

  it('equals the expression on random texts', () => {
    let some = 0;
    const labelAndText = fc.tuple(fc.constantFrom(...LABELS), fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((ps) => ps.join('')));
    const runs = propertyRuns(8000);
    fc.assert(fc.property(labelAndText, ([label, text]) => {
      const want = reference(text, label);
      assert.equal(writesItem(text, label), want, `${JSON.stringify(label)} in ${JSON.stringify(text)}`);
      if (want) some++;
    }), { numRuns: runs });
    assert.ok(some > runs / 80, `only ${some} texts with the item`);
  });

  it('compiles no expression for the label', () => {
    assert.equal(regExpsBuiltDuring(() => writesItem('(a) one (b) two', 'b')), 0);
  });
});
