import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildContractModel } from '../../server/src/model';
import { partyMatchers, partyNameSearch } from '../../server/src/model/language';
import { AWKWARD_NAMES } from '../support/awkward-names';
import { matchesUpTo } from '../../server/src/rules/helpers';

/** A model whose front matter names the parties as given, and its matchers with their searches. */
function matchersFor(supplier: { name: string; alias: string }, customer: string) {
  const m = buildContractModel(`---\nparties:\n  supplier: { name: ${JSON.stringify(supplier.name)}, alias: ${JSON.stringify(supplier.alias)} }\n  customer: ${JSON.stringify(customer)}\n---\n# Agreement\n\nText.\n`);
  const { supplier: sup, customer: cus } = partyMatchers(m);
  return [sup, cus].map((re) => ({ re, search: partyNameSearch(re)! }));
}

const SIDES = [
  matchersFor({ name: 'Copperleaf Analytics GmbH', alias: 'Copperleaf' }, 'Sandpiper'),
  matchersFor({ name: 'C++ Tools (UK) Ltd.', alias: 'C++' }, 'A.B.'),
  matchersFor({ name: 'Dot.Com, Inc.', alias: '$1' }, '[Y]'),
  matchersFor({ name: 'Société Générale S.A.', alias: 'Société' }, 'İnc'),
  matchersFor({ name: 'a|b Holdings LLC', alias: '-X-' }, 'VIP'),
  matchersFor({ name: 'Q? Systems Limited', alias: 'X_1' }, 'back\\slash'),
].flat();

// Pieces around the names: possessives in every spelling, the nouns that make a name a thing or keep
// it the party, white space of every kind, letters that fold to ASCII only with u (ſ, the Kelvin sign).
const PIECES = [...AWKWARD_NAMES, 'Copperleaf', 'COPPERLEAF', 'copperleaf', 'Sandpiper', 'Supplier', 'supplier', 'SUPPLIER', 'Customer', 'customer', 'Company', 'Vendor',
  "'s", '\u2019s', "'S", "'", 's', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '.', ';', ',', '_', '9', 'é',
  ' Data', ' data', ' DATA', ' Personnel', ' personnel', ' Representatives', ' Representative', ' RepresentativesX', ' Affiliate', ' Group', ' Shall', ' shall', ' MAY', ' Mayor', ' X', ' Xy', ' xY',
  '\u017f', '\u212a', '\u0131', '\u0130', ' may audit', ' can inspect', ' shall have the right to examine'];
// A side and a text of the pieces and that side's names (often, so that they are found).
const sideAndText = fc.nat(SIDES.length - 1).chain((k) => fc.tuple(fc.constant(k),
  fc.array(fc.oneof({ arbitrary: fc.constantFrom(...SIDES[k].search.names), weight: 2 }, { arbitrary: fc.constantFrom(...PIECES), weight: 5 }), { maxLength: 20 }).map((ps) => ps.join(''))));

/** What the callers read from the expression before: the last of matchAll with the flags given, and test. */
const lastBy = (re: RegExp, flags: string, text: string) => {
  let at = -1;
  for (const x of text.matchAll(new RegExp(re.source, flags))) at = x.index!;
  return at;
};
const MAY_AUDIT = /[^.;]{0,40}\b(?:may|can|shall have the right to)\b[^.;]{0,30}\b(?:audit|inspect|examine)/iy;

describe('model/name-search: a party matcher\'s search done on its names (PartyNameSearch)', () => {
  it('is exact for both cases except where the i flag would fold characters above U+007F', () => {
    for (const { search } of SIDES) assert.equal(search.exact(false), true);
    assert.deepEqual(SIDES.map(({ search }) => search.exact(true)), [true, true, true, true, true, true, false, false, true, true, true, true]);
    assert.equal(partyNameSearch(/Supplier/g), undefined);
  });

  it('finds what the expression finds, with and without the i flag, and with a tail after the name', () => {
    let found = 0;
    fc.assert(fc.property(sideAndText, ([k, text]) => {
      const { re, search } = SIDES[k];
      const label = `${re.source.slice(0, 60)}... in ${JSON.stringify(text)}`;
      const want = lastBy(re, 'g', text);
      assert.equal(search.last(text, false), want, label);
      assert.equal(search.next(text, 0, false) >= 0, new RegExp(re.source).test(text), label);
      for (const limit of [1, 3, 50]) assert.equal(search.count(text, false, limit), matchesUpTo(text, re, limit), `count ${limit}: ${label}`);
      if (want >= 0) found++;
      if (!search.exact(true)) return;
      assert.equal(search.last(text, true), lastBy(re, 'gi', text), `i: ${label}`);
      assert.equal(search.next(text, 0, true, MAY_AUDIT) >= 0, new RegExp(`(?:${re.source})${MAY_AUDIT.source}`, 'i').test(text), `tail: ${label}`);
    }), { numRuns: 6000 });
    assert.ok(found > 1000, `only ${found} texts with a name`);
  });

  it('counts as the expression does where the matches run across the stretch read character by character (16,384)', () => {
    // Filler without names up to about the stretch's end, so that the first loop's last matches and
    // the search by each name's next place meet at every distance from it.
    fc.assert(fc.property(sideAndText, fc.integer({ min: 16_330, max: 16_400 }), ([k, text], at) => {
      const { re, search } = SIDES[k];
      const whole = `${'ab. '.repeat(Math.ceil(at / 4)).slice(0, at)}${text}${text}`;
      for (const limit of [1, 3, 50]) assert.equal(search.count(whole, false, limit), matchesUpTo(whole, re, limit), `count ${limit} after ${at}: ${JSON.stringify(text)}`);
    }), { numRuns: 600 });
  });

  it('reads no further than it needs where the names are written early (no search to the text\'s end per name)', () => {
    const { search } = SIDES[0];
    const text = `Copperleaf shall. Copperleaf may. Copperleaf will. ${'The rest of a long contract. '.repeat(40_000)}`;
    const indexOf = String.prototype.indexOf;
    let searched = 0;
    String.prototype.indexOf = function (this: string, ...a: [string, number?]) {
      if (this.length === text.length) searched++;
      return indexOf.apply(this, a);
    };
    try {
      assert.equal(search.count(text, false, 3), 3);
    } finally {
      String.prototype.indexOf = indexOf;
    }
    assert.equal(searched, 0);
  });

  it('reads the possessive, the capitalised noun after a name and the nouns that keep it the party', () => {
    const { re, search } = SIDES[0];
    for (const text of ["Copperleaf's Data and Copperleaf Personnel", 'the Copperleaf Data', 'Sandpiper  Xy or Copperleaf\u2019S', 'Copperleaf Representatives, Copperleaf RepresentativesX', 'COPPERLEAF data COPPERLEAF Mayor']) {
      assert.equal(search.last(text, false), lastBy(re, 'g', text), text);
      assert.equal(search.last(text, true), lastBy(re, 'gi', text), text);
    }
  });
});
