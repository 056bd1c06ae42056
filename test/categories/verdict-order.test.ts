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

  // The counts are kept in an array between calls (issue 13): each verdict must start from zero,
  // pick the lowest section on a tie, and give section 0 (the preamble) as no section.
  it('picks the section as a sort of the counts did, call after call', () => {
    const at = (section: number): Evidence => ({ requirement: 'mention', span: { start: section, end: section + 1 }, text: 't', section });
    const sectionOf = (sections: number[][]) => {
      const found: Found = {};
      sections.forEach((l, i) => (found[`r${i}`] = l.map(at)));
      return verdictOf('sla', found, 'weak', 'r').section;
    };
    const want = (sections: number[][]) => {
      const counts = new Map<number, number>();
      for (const s of sections.flat()) counts.set(s, (counts.get(s) ?? 0) + 1);
      if (!counts.size) return null;
      const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
      return best === 0 ? null : best;
    };
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 8 }), { maxLength: 4 }), (sections) => {
      assert.equal(sectionOf(sections), want(sections));
    }), { seed: 13, numRuns: 300 });
    assert.equal(sectionOf([[7, 4], [4, 7]]), 4, 'a tie goes to the lower section');
    assert.equal(sectionOf([[0, 0, 9]]), null, 'the preamble is no section');
    assert.equal(sectionOf([[9]]), 9, 'nothing left over from the call before');
  });
});

// verdictOf gathers the lists into an array kept between calls (issue 13, clicats2): a verdict
// with fewer lists than the one before must see none of the earlier lists.
describe('verdictOf call after call', () => {
  const at = (requirement: string, start: number, section: number): Evidence => ({ requirement, span: { start, end: start + 1 }, text: `${requirement}${start}`, section });
  it('reads only the lists of its own evidence', () => {
    const many: Found = { mention: [at('mention', 1, 4)], times: [at('times', 2, 4)], credits: [at('credits', 3, 4)], reports: [at('reports', 4, 4)] };
    assert.equal(verdictOf('sla', many, 'present', 'r').evidence.length, 4);
    const one = verdictOf('sla', { times: [at('times', 9, 2)] }, 'weak', 'r');
    assert.deepEqual(one.evidence.map((e) => e.text), ['times9']);
    assert.equal(one.section, 2);
    const none = verdictOf('sla', {}, 'weak', 'r');
    assert.deepEqual(none.evidence, []);
    assert.equal(none.section, null);
    assert.deepEqual(Object.entries(one.requirements).filter(([, v]) => v).map(([k]) => k), ['times']);
    // An out-of-order list is merged from a sorted copy; the caller's list is left as it was.
    const unsorted = [at('times', 7, 1), at('times', 3, 1)];
    assert.deepEqual(verdictOf('sla', { times: unsorted, mention: [at('mention', 5, 1)] }, 'present', 'r').evidence.map((e) => e.text), ['times3', 'mention5', 'times7']);
    assert.deepEqual(unsorted.map((e) => e.text), ['times7', 'times3']);
  });
});
