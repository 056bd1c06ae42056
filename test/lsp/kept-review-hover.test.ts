import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { KeptReviews } from '../../server/src/lsp/kept-reviews';
import { answerFromKept, answerQuery, type QueryMessage } from '../../server/src/lsp/worker-queries';
import { generateContract } from '../../scripts/bench-contract';

// Issue 13 (hoverkept): a hover on a document whose kept review is compressed expanded the whole
// review first (about 40 to 55 ms of the worker's CPU for 1 MB), and the document's next job waits
// for the hover's answer. Where the review has nothing to show (no finding, heading or defined term
// there) the worker now answers null without expanding it; anywhere else it expands it as before.

const uri = 'file:///hover-kept.md';
const text = generateContract(40_000);
const fresh = review({ text, version: 1, force: true });
const lines = text.split('\n');

const compressed = (): KeptReviews => {
  const kept = new KeptReviews();
  kept.set(uri, 1, review({ text, version: 1, force: true }));
  kept.compressIdle(() => false);
  return kept;
};
const hover = (line: number, character: number): QueryMessage => ({ id: 1, uri, version: 1, query: { kind: 'hover', at: { line, character }, withMessage: true }, cancelled: new Int32Array(1) });
/** Positions over the whole text: a few per line, the line's end and past it included. */
const positions = lines.flatMap((l, line) => [0, 1, 3, 9, 17, 33, 64, 120, l.length - 1, l.length, l.length + 5].filter((c) => c >= 0).map((character) => ({ line, character })));

describe('a hover on a compressed kept review', () => {
  it('is known to find nothing only where the whole review answers null', () => {
    const kept = compressed();
    let nothing = 0;
    let answers = 0;
    for (const at of positions) {
      const expected = answerQuery(fresh, uri, 1, { kind: 'hover', at, withMessage: true });
      if (expected) answers++;
      if (kept.hoverFindsNothing(uri, at)) {
        nothing++;
        assert.equal(expected, null, `a hover at ${at.line}:${at.character} finds something`);
      }
    }
    assert.equal(kept.objectCount, 0, 'the check expands nothing');
    // Both kinds occur on the bench contract: the shortcut is taken, and not everywhere.
    assert.ok(answers > 50, `${answers} positions with an answer`);
    assert.ok(nothing > 50, `${nothing} positions known empty`);
  });

  it('answers null on an empty spot without expanding it, and elsewhere what the whole review answers', () => {
    const kept = compressed();
    const empty = positions.find((at) => !answerQuery(fresh, uri, 1, { kind: 'hover', at, withMessage: true }) && kept.hoverFindsNothing(uri, at))!;
    assert.deepEqual(answerFromKept(kept, hover(empty.line, empty.character)), { id: 1, value: null });
    assert.equal(kept.objectCount, 0, 'the compressed review stays compressed');
    const full = positions.find((at) => answerQuery(fresh, uri, 1, { kind: 'hover', at, withMessage: true }))!;
    const a = answerFromKept(kept, hover(full.line, full.character));
    assert.deepEqual(a, { id: 1, value: answerQuery(fresh, uri, 1, { kind: 'hover', at: full, withMessage: true }) });
    assert.equal(kept.objectCount, 1, 'a hover that finds something expands the review as before');
    // Expanded now: the next hover reads the objects (cheap), the empty spot still null.
    assert.deepEqual(answerFromKept(kept, hover(empty.line, empty.character)), { id: 1, value: null });
  });

  it('answers as before on a review kept as objects, and stale or missing without looking', () => {
    const kept = new KeptReviews();
    kept.set(uri, 1, review({ text, version: 1, force: true }));
    for (const at of positions.slice(0, 200)) assert.equal(kept.hoverFindsNothing(uri, at), false);
    assert.deepEqual(answerFromKept(kept, { ...hover(0, 0), version: 2 }), { id: 1, stale: true });
    assert.deepEqual(answerFromKept(kept, { ...hover(0, 0), uri: 'file:///other.md' }), { id: 1, missing: true });
  });
});
