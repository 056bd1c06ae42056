import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALIAS_USES, countAtEach } from '../../server/src/model/parties';
import { atWordBoundary, isSpaceCode, isWordCode } from '../../server/src/model/name-search';
import { AWKWARD_NAMES, nameAndText } from '../support/awkward-names';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('model/name-search: word and space classes as an expression without u reads them', () => {
  it('agrees with \\w, \\s and \\b on every UTF-16 code', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isWordCode(c), /\w/.test(ch), `\\w ${c}`);
      assert.equal(isSpaceCode(c), /\s/.test(ch), `\\s ${c}`);
    }
    assert.equal(isWordCode(NaN), false);
    for (const t of ['', 'a', ' a', 'a ', 'ab', 'é', 'aé', '_x', '.']) {
      for (let i = 0; i <= t.length; i++) {
        const re = /\b/y;
        re.lastIndex = i;
        assert.equal(atWordBoundary(t, i), re.test(t), `\\b in ${JSON.stringify(t)} at ${i}`);
      }
    }
  });
});

describe('model/parties: an alias\'s uses counted without an expression per alias (countAtEach)', () => {
  // What findParties compiled per alias before: the name escaped, an optional quote, then the use.
  const reference = (text: string, alias: string) => ALIAS_USES.map((tail) => (text.match(new RegExp(`\\b${escape(alias)}"?\\b${tail.source}`, 'g')) ?? []).length);

  it('counts the uses of awkward names as the expressions built around them did', () => {
    const text = 'ACME shall provide ACME" will deliver; "ACME" shall pay. XACME shall pay. (X) shall provide x (X) must pay C++ will host. A.B. shall pay AxB. shall pay';
    for (const alias of AWKWARD_NAMES) assert.deepEqual(countAtEach(text, alias, ALIAS_USES), reference(text, alias), alias);
    assert.deepEqual(countAtEach(text, 'ACME', ALIAS_USES), [1, 1]);
  });

  it('equals the expressions on random texts made of names, boundaries, quotes and uses', () => {
    let found = 0;
    fc.assert(fc.property(nameAndText(AWKWARD_NAMES), ([alias, text]) => {
      const want = reference(text, alias);
      assert.deepEqual(countAtEach(text, alias, ALIAS_USES), want, `${alias} in ${JSON.stringify(text)}`);
      if (want[0] + want[1] > 0) found++;
    }), { numRuns: 4000 });
    // The texts are not all without a use: the comparison says something.
    assert.ok(found > 50, `only ${found} texts with a use`);
  });
});
