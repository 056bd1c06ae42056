import { strict as assert } from 'node:assert';
import { capNesting, capNestingByLines, MAX_NESTING } from '../../server/src/model/nesting';

// capNesting answers most texts with one search for a line that opens more than MAX_NESTING
// container markers, and reads the lines one by one only when there is one (issue 13, a first
// review). These check that the quick answer never hides a line the line-by-line reading cuts.

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Pieces that make or break a marker run: markers, blanks, line ends, digits past the nine a
// number marker may have, a rule, and plain text.
const PIECES = ['>', '> ', '- ', '* ', '+ ', '-', '1. ', '12) ', '123456789. ', '1234567890. ', '7.', ' ', '\t', '\n', '\r\n', 'x', '- - -', '***', '\u00a0'];

function textOf(next: () => number, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) {
    // Long runs of one marker reach the cap; mixed runs test the other cases.
    const piece = PIECES[Math.floor(next() * PIECES.length)];
    out += next() < 0.3 ? piece.repeat(1 + Math.floor(next() * (MAX_NESTING + 4))) : piece;
  }
  return out;
}

describe('model: capNesting answered by one search', () => {
  it('gives what reading every line gives, on random texts of markers', () => {
    const next = random(17);
    let cut = 0;
    for (let i = 0; i < 3000; i++) {
      const text = textOf(next, 1 + Math.floor(next() * 40));
      const byLines = capNestingByLines(text);
      if (byLines !== text) cut++;
      assert.equal(capNesting(text), byLines, JSON.stringify(text));
    }
    // The texts must reach the cap often enough for the comparison to mean something.
    assert.ok(cut > 100, `only ${cut} texts were cut`);
  });

  it('cuts a line that opens one marker too many, after other lines and at the text start', () => {
    for (const marker of ['>', '- ', '* ', '+ ', '1. ', '9) ', '123456789. ']) {
      const deep = `${marker} `.repeat(MAX_NESTING + 1) + 'text';
      const capped = capNestingByLines(deep);
      assert.notEqual(capped, deep, marker);
      assert.equal(capNesting(deep), capped, marker);
      assert.equal(capNesting(`intro\r\n  ${deep}`), capNestingByLines(`intro\r\n  ${deep}`), marker);
      const within = `${marker} `.repeat(MAX_NESTING) + 'text';
      assert.equal(capNesting(within), within, marker);
    }
  });
});
