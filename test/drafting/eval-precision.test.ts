/**
 * The precision gate of `npm run eval:drafting` (issue 16, point 5): a drafting rule on by default
 * must keep 0.9 on real contracts once enough of its findings have been judged.
 */
import assert from 'node:assert/strict';
import { MIN_JUDGED, PRECISION_TARGET, realPrecision } from '../../scripts/eval-drafting';

const row = (rule: string, tp: number, fp: number, onByDefault = true) => ({ rule, onByDefault, tp, fp, unjudged: 0, contracts: 270 });

describe('drafting eval: precision on real contracts', () => {
  it('holds a rule on by default to 0.9 over at least five judged findings', () => {
    assert.equal(PRECISION_TARGET, 0.9);
    assert.equal(MIN_JUDGED, 5);
    const [fails, meets, edge] = realPrecision([row('a', 8, 2), row('b', 18, 2), row('c', 9, 1)]);
    assert.equal(fails.status, 'fails');
    assert.equal(fails.judged, 10);
    assert.equal(fails.precision, 0.8);
    assert.equal(meets.status, 'meets');
    assert.equal(edge.status, 'meets', 'exactly 0.9 meets the target');
  });

  it('does not fail a rule that is off by default, nor one with too few judged findings or none', () => {
    const [off, few, none] = realPrecision([row('a', 1, 9, false), row('b', 2, 2), row('c', 0, 0)]);
    assert.equal(off.status, 'below, off by default');
    assert.equal(few.status, 'too few judged', '4 judged findings are fewer than 5');
    assert.equal(none.status, 'no finding');
    assert.ok(Number.isNaN(none.precision));
  });

  it('fails with exactly five judged findings below the target', () => {
    assert.equal(realPrecision([row('a', 4, 1)])[0].status, 'fails');
  });
});
