import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildContractModel } from '../../server/src/model';
import { partyMatchers, partyNameSearch } from '../../server/src/model/language';
import { lastNamedAt } from '../../server/src/rules/sla-vague-target';
import { AWKWARD_NAMES, PIECES } from '../support/awkward-names';
import { propertyRuns } from '../support/property-runs';
import { regExpsBuiltDuring } from '../support/regexps-built';

/** The party matchers of a model whose front matter names the parties as given. */
function matchersOf(supplier: string, customer: string) {
  const m = buildContractModel(`---\nparties:\n  supplier: ${JSON.stringify(supplier)}\n  customer: ${JSON.stringify(customer)}\n---\n# Agreement\n\nText.\n`);
  const { supplier: s, customer: c } = partyMatchers(m);
  return [s, c];
}

/** What customerDuty's `last` found before: the last of matchAll with a global copy of the matcher. */
function reference(text: string, re: RegExp): number {
  let i = -1;
  for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) i = m.index!;
  return i;
}

const MATCHERS = [
  ...matchersOf('Copperleaf', 'Sandpiper'), ...matchersOf('C++', 'A.B.'), ...matchersOf('$1', '[Y]'),
  ...matchersOf('Société', 'İnc'), ...matchersOf('-X-', 'VIP'), ...matchersOf('X_1', 'back\\slash'),
];
const MORE = [...PIECES, ...AWKWARD_NAMES, 'Copperleaf', 'Sandpiper', 'Supplier', 'Customer', 'customer', "'s", '\u2019s', ' Data', ' Personnel', ' Shall', 'We', 'we', 'You'];

describe('rules/sla-vague-target: whose duty it is, read without compiling the parties\' expressions', () => {
  it('finds the last party name where the matcher\'s expression found it', () => {
    let found = 0;
    // The matcher's own names often, so that they are found.
    const matcherAndText = fc.nat(MATCHERS.length - 1).chain((k) => fc.tuple(fc.constant(k),
      fc.array(fc.oneof({ arbitrary: fc.constantFrom(...partyNameSearch(MATCHERS[k])!.names), weight: 2 }, { arbitrary: fc.constantFrom(...MORE), weight: 5 }), { maxLength: 20 }).map((ps) => ps.join(''))));
    const runs = propertyRuns(4000);
    fc.assert(fc.property(matcherAndText, ([k, text]) => {
      const want = reference(text, MATCHERS[k]);
      assert.equal(lastNamedAt(text, MATCHERS[k]), want, `${MATCHERS[k].source.slice(0, 60)} in ${JSON.stringify(text)}`);
      if (want >= 0) found++;
    }), { numRuns: runs });
    assert.ok(found > runs / 8, `only ${found} texts with a name`);
  });

  it('uses any other expression as it is, with its own flags', () => {
    for (const re of [/Vendor(?! Data)/, /vendor/i, /x?/g]) for (const text of ['the Vendor shall', 'VENDOR Data, vendor', '', 'ab']) assert.equal(lastNamedAt(text, re), reference(text, re));
  });

  it('compiles no expression for a document\'s party names', () => {
    const [supplier, customer] = matchersOf('Copperleaf', 'Sandpiper');
    assert.equal(regExpsBuiltDuring(() => lastNamedAt('Sandpiper shall tell Copperleaf', supplier) + lastNamedAt('Copperleaf', customer)), 0);
  });
});
