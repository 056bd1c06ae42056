import assert from 'node:assert/strict';
import fc from 'fast-check';
import { verdictOf, type Found } from '../../server/src/categories/scan';
import type { Evidence } from '../../server/src/categories/types';

// verdictOf keeps the first twelve pieces of evidence in text order. It merges the requirement
// lists rather than sorting all of them (issue 13); the result must be that of a stable sort of
// their concatenation, ties included, also when an assessor passes a list out of order.
describe('verdictOf: evidence in text order', () => {
  const evidence = (requirement: string) => fc.record({ start: fc.integer({ min: 0, max: 30 }), section: fc.integer({ min: 0, max: 3 }) })
    .map(({ start, section }): Evidence => ({ requirement, span: { start, end: start + 5 }, text: `${requirement} at ${start}`, section }));
  const list = (requirement: string) => fc.tuple(fc.array(evidence(requirement), { maxLength: 9 }), fc.boolean())
    .map(([l, sorted]) => (sorted ? [...l].sort((a, b) => a.span.start - b.span.start) : l));

  it('equals a stable sort of all the evidence, cut to twelve', () => {
    fc.assert(fc.property(list('mention'), list('times'), list('credits'), (a, b, c) => {
      const found: Found = { mention: a, times: b, credits: c };
      const want = [...a, ...b, ...c].sort((x, y) => x.span.start - y.span.start).slice(0, 12);
      const got = verdictOf('sla', found, 'present', 'test');
      assert.deepEqual(got.evidence.map((e) => e.text), want.map((e) => e.text));
      // Same objects, not copies.
      got.evidence.forEach((e, i) => assert.equal(e, want[i]));
    }), { seed: 13, numRuns: 300 });
  });

  it('gives no evidence for a missing category and picks the section with the most evidence', () => {
    const at = (start: number, section: number): Evidence => ({ requirement: 'mention', span: { start, end: start + 1 }, text: 't', section });
    const found: Found = { mention: [at(1, 2), at(5, 3)], times: [at(3, 3)] };
    assert.deepEqual(verdictOf('sla', found, 'missing', 'r').evidence, []);
    assert.equal(verdictOf('sla', found, 'weak', 'r').section, 3);
  });
});
