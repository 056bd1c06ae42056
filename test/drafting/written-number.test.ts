import assert from 'node:assert/strict';
import fc from 'fast-check';
import { numberWrittenBetween } from '../../server/src/drafting/written-number';
import { propertyRuns } from '../support/property-runs';

/** What numberWrittenBetween stands for: the numbering check's expression over the slice. */
function expression(text: string, from: number, to: number, n: string): boolean {
  return new RegExp(`(?:^|\\n|\\s{2,}|\\t)[ \\t>*#]*(?:(?:clause|section|article)\\s+)?${n.replace(/\./g, '\\.')}(?:\\.0)?(?![\\d]|\\.\\d)`, 'i').test(text.slice(from, to));
}

describe('clause number written between two offsets', () => {
  it('finds a number opening a line or after a run of spaces, with or without a clause word', () => {
    assert.equal(numberWrittenBetween('intro\n4. Fees', 0, 13, '4'), true);
    assert.equal(numberWrittenBetween('see the table  Section 4.2 below', 0, 32, '4.2'), true);
    assert.equal(numberWrittenBetween('intro\n> ** CLAUSE\t4.0 Fees', 0, 26, '4'), true);
    // Inside a sentence, inside a longer number, or followed by a sub-number: not written as a clause.
    assert.equal(numberWrittenBetween('as set out in section 4 above', 0, 29, '4'), false);
    assert.equal(numberWrittenBetween('intro\n14. Fees', 0, 14, '4'), false);
    assert.equal(numberWrittenBetween('intro\n4.1 Fees', 0, 14, '4'), false);
  });

  it('reads the span on its own: its start opens a line and its end ends the text', () => {
    assert.equal(numberWrittenBetween('as in 4 above', 6, 13, '4'), true);
    assert.equal(numberWrittenBetween('intro\n4.1 Fees', 0, 8, '4'), true);
    assert.equal(numberWrittenBetween('intro\n4. Fees', 0, 6, '4'), false);
    // White space before the span does not open a run of it inside the span.
    assert.equal(numberWrittenBetween('as in \u00a04 above', 6, 14, '4'), false);
    assert.equal(numberWrittenBetween('as in \u00a04 above', 5, 14, '4'), true);
  });

  it('answers as the expression does, on random texts, spans and numbers', () => {
    const piece = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '>', '*', '#', 'x', 'Section', 'clause ', 'ARTICLE', 'sectio', '1', '2', '4', '.', '0', '.0', '1.2', '12');
    const number = fc.constantFrom('1', '2', '4', '1.2', '12', '1.0', '2.1.1');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), number, fc.nat(), fc.nat(), (pieces, n, a, b) => {
      const text = pieces.join('');
      const from = a % (text.length + 1);
      const to = from + (b % (text.length - from + 1));
      assert.equal(numberWrittenBetween(text, from, to, n), expression(text, from, to, n), JSON.stringify({ text, from, to, n }));
    }), { numRuns: propertyRuns(3000) });
  });
});
