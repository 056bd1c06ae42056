import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseNumber } from '../../server/src/drafting/xrefs';

// What normaliseNumber must give: no trailing dot, no leading zeros, "N.0" read as "N".
const reference = (n: string) => n.replace(/\.$/, '').replace(/^0+(?=\d)/, '').replace(/^(\d+)\.0$/, '$1');

describe('drafting: normaliseNumber (clause numbers compared by the cross-reference checks)', () => {
  it('equals the three replacements on arbitrary strings of digits, dots and letters', () => {
    const char = fc.constantFrom('0', '1', '4', '9', '.', 'a', 'I', '(', ')');
    fc.assert(fc.property(fc.array(char, { maxLength: 8 }).map((cs) => cs.join('')), (n) => normaliseNumber(n) === reference(n)), { numRuns: 5000 });
    for (const [n, want] of [['4.', '4'], ['04', '4'], ['4.0', '4'], ['4.0.', '4'], ['12.3', '12.3'], ['10', '10'], ['0', '0'], ['', '']]) assert.equal(normaliseNumber(n), want, n);
  });
});
