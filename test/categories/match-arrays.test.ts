import assert from 'node:assert/strict';
import { addEvidence, MatchesBuilder, type Found } from '../../server/src/categories/scan';
import type { Evidence } from '../../server/src/categories/types';

// Issue 13, alloc: a signal list's matches are collected into typed arrays made at the size the
// previous list had (MatchesBuilder), and each requirement's evidence into an array made at its
// final size (addEvidence), rather than arrays grown by push per edit. Same contents either way.

const ev = (k: number, requirement: string): Evidence => ({ requirement, span: { start: k, end: k + 1 }, text: `s${k}`, section: 0 });

describe('signal matches in arrays made at their size (issue 13, alloc)', () => {
  it('MatchesBuilder keeps every match in order, past its expected size and past the preallocated evidence', () => {
    for (const [expected, total] of [[0, 5], [10, 20_000], [9000, 9000], [20_000, 12_345]]) {
      const b = new MatchesBuilder(expected);
      for (let k = 0; k < total; k++) b.add(k * 2, k % 7, ev(k, 'r'));
      const m = b.done();
      assert.equal(m.count, total);
      assert.equal(m.evidence.length, total);
      for (let k = 0; k < total; k++) {
        assert.equal(m.n[k], k * 2);
        assert.equal(m.sig[k], k % 7);
        assert.equal(m.evidence[k].span.start, k);
      }
    }
  });

  it('addEvidence gives what pushing each match into found[requirement] gives, around what found held', () => {
    const signals = [{ requirement: 'a' }, { requirement: 'b' }, { requirement: 'heading' }, { requirement: 'a' }, { requirement: 'c' }];
    // Requirement 'c' has more matches than are preallocated.
    const picks = [0, 1, 2, 3, 0, 3, 1];
    for (const total of [0, 7, 100, 20_000]) {
      const b = new MatchesBuilder(0);
      for (let k = 0; k < total; k++) {
        const i = k >= 50 && total > 10_000 ? 4 : picks[k % picks.length];
        b.add(k, i, ev(k, signals[i].requirement));
      }
      const m = b.done();
      const heading = ev(-1, 'heading');
      const pushed: Found = { heading: [heading] };
      for (let k = 0; k < m.count; k++) (pushed[signals[m.sig[k]].requirement] ??= []).push(m.evidence[k]);
      const found: Found = { heading: [heading] };
      addEvidence(found, signals, m);
      assert.deepEqual(Object.keys(found), Object.keys(pushed), 'requirements in the same order');
      for (const key of Object.keys(pushed)) {
        assert.equal(found[key].length, pushed[key].length, key);
        found[key].forEach((e, j) => assert.equal(e, pushed[key][j], `${key}[${j}]`));
      }
    }
  });
});
