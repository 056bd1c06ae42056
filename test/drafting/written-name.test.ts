import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countWrittenName } from '../../server/src/drafting/written-name';
import { escapeRegExp } from '../../server/src/drafting/terms';
import { AWKWARD_NAMES, nameAndText, PIECES } from '../support/awkward-names';
import { propertyRuns } from '../support/property-runs';
import { regExpsBuiltDuring } from '../support/regexps-built';

/** What drafting/parties.ts countName counted before: its expression built around the name. */
function reference(text: string, name: string): number {
  return (text.match(new RegExp(`(?<![\\w-])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\w-])`, 'g')) ?? []).length;
}

// Mentions as partyNameVariants reads them (words, commas, a line break), and names that start or
// end with white space, are only white space, or are empty: the expression's backtracking differs there.
const NAMES = [...AWKWARD_NAMES, 'Tailspin Systems Ltd', 'Tailspin  Ltd.', 'Alpha,\nBeta Inc', 'Dot.Com Inc.', ' ', '  ', '\t \n', '', 'x-y', 'Ltd ', '  Ltd'];
const MORE_PIECES = [...PIECES, 'Tailspin', 'Systems', 'Ltd', 'Ltd.', 'Inc', '-', 'x-y', 'Alpha,', 'Beta', '\n\n', '   ', 'Ltdx', '-Ltd'];

describe('drafting/written-name: a mention counted without an expression per name', () => {
  it('counts awkward names where the expression counted them', () => {
    const text = 'Tailspin Systems Ltd, Tailspin\n Systems  Ltd. -Tailspin Systems Ltd Tailspin Systems Ltdx C++ (X) A.B. -X- Ltd  x Ltd \ty  Ltd';
    for (const name of NAMES) assert.equal(countWrittenName(text, name), reference(text, name), JSON.stringify(name));
    assert.equal(countWrittenName(text, 'Tailspin Systems Ltd'), 2);
  });

  it('equals the expression on random texts', () => {
    let some = 0;
    const runs = propertyRuns(6000);
    fc.assert(fc.property(nameAndText(NAMES, MORE_PIECES), ([name, text]) => {
      const want = reference(text, name);
      assert.equal(countWrittenName(text, name), want, `${JSON.stringify(name)} in ${JSON.stringify(text)}`);
      if (want > 0) some++;
    }), { numRuns: runs });
    assert.ok(some > runs / 6, `only ${some} texts with the name`);
  });

  it('compiles no expression for the name', () => {
    assert.equal(regExpsBuiltDuring(() => countWrittenName('Tailspin Systems Ltd said', 'Tailspin Systems Ltd')), 0);
  });
});
