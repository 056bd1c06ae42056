import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstIndexAtOrAfter, lastIndexAtOrBefore } from '../../server/src/model/lineIndex';
import { propertyRuns, propertySeed } from '../support/property-runs';

// Ascending lists with repeats, and values on, between and beyond their entries.
const sortedList = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }).map((xs) => xs.sort((a, b) => a - b));

describe('model: searches by halving in ascending lists', () => {
  it('firstIndexAtOrAfter is how many entries are below the value (the first at or after it)', () => {
    fc.assert(fc.property(sortedList, fc.integer({ min: -60, max: 60 }), (xs, v) => {
      const linear = xs.filter((x) => x < v).length;
      assert.equal(firstIndexAtOrAfter(xs, v), linear, `${JSON.stringify(xs)} / ${v}`);
      assert.equal(firstIndexAtOrAfter(Int32Array.from(xs), v), linear);
    }), { numRuns: propertyRuns(2000), seed: propertySeed(13) });
  });

  it('firstIndexAtOrAfter lands on the first of equal entries, and past the end when all are below', () => {
    assert.equal(firstIndexAtOrAfter([1, 3, 3, 3, 7], 3), 1);
    assert.equal(firstIndexAtOrAfter([1, 3, 3, 3, 7], 4), 4);
    assert.equal(firstIndexAtOrAfter([1, 3, 7], 8), 3);
    assert.equal(firstIndexAtOrAfter([], 0), 0);
  });

  it('lastIndexAtOrBefore is the last entry at or before the value (0 when none is)', () => {
    fc.assert(fc.property(sortedList.filter((xs) => xs.length > 0), fc.integer({ min: -60, max: 60 }), (xs, v) => {
      let linear = 0;
      for (let i = 0; i < xs.length; i++) if (xs[i] <= v) linear = i;
      assert.equal(lastIndexAtOrBefore(xs, v), linear, `${JSON.stringify(xs)} / ${v}`);
    }), { numRuns: propertyRuns(2000), seed: propertySeed(13) });
  });
});
