import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareIds } from '../../server/src/model/compare-ids';
import { RULES } from '../../server/src/rules';

const sign = (x: number) => Math.sign(x);

describe('model: identifiers ordered as localeCompare orders them', () => {
  it('agrees with localeCompare on ids of lower-case letters, digits and hyphens', () => {
    const id = fc.stringMatching(/^[a-z0-9-]{0,8}$/);
    fc.assert(fc.property(id, id, (a, b) => assert.equal(sign(compareIds(a, b)), sign(a.localeCompare(b)), `${a} / ${b}`)), { numRuns: 5000, seed: 7 });
    for (const [a, b] of [['a-b', 'ab'], ['a1', 'a-'], ['sla', 'sla-2'], ['x9', 'xa'], ['', 'a']]) assert.equal(sign(compareIds(a, b)), sign(a.localeCompare(b)), `${a} / ${b}`);
  });

  it('agrees with localeCompare on other strings (it hands them over)', () => {
    for (const [a, b] of [['B', 'a'], ['a b', 'a-b'], ['Zeta', 'alpha'], ['\u00e9t\u00e9', 'ete']]) assert.equal(sign(compareIds(a, b)), sign(a.localeCompare(b)), `${a} / ${b}`);
  });

  it('keeps the rules in the order localeCompare gave', () => {
    const ids = RULES.map((r) => r.meta.id);
    const byCategory = new Map<string, string[]>();
    for (const r of RULES) byCategory.set(r.meta.category, [...(byCategory.get(r.meta.category) ?? []), r.meta.id]);
    for (const list of byCategory.values()) assert.deepEqual(list, [...list].sort((a, b) => a.localeCompare(b)));
    assert.equal(new Set(ids).size, ids.length);
  });
});
