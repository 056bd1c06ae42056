import assert from 'node:assert/strict';
import { pushHeading, pushInline, pushParagraph, type RawBlock } from '../../server/src/model/blocks';

// The readers hand a block's source offsets to pushInline / pushParagraph as an array of numbers
// (the event reader, the tree) or as a typed array (the plain reader: no array of numbers per
// paragraph). Both give the same block, and the caller's offsets are left as they were.
const view = (blocks: RawBlock[]) => blocks.map((b) => ({ ...b, sourceOffsets: Array.from(b.sourceOffsets), keys: Object.keys(b).join(',') }));
const offsets = (start: number, n: number) => Array.from({ length: n }, (_, i) => start + i);

describe('model: block source offsets from arrays and typed arrays', () => {
  it('pushInline appends the block end to a copy, never to the caller\'s offsets', () => {
    const given = offsets(10, 5);
    const blocks: RawBlock[] = [];
    pushInline(blocks, 'paragraph', 10, 15, 'abcde', given);
    assert.deepEqual(given, [10, 11, 12, 13, 14]);
    assert.deepEqual(Array.from(blocks[0].sourceOffsets), [10, 11, 12, 13, 14, 15]);
  });

  it('gives the same blocks from a typed array as from an array, split at numbered lines, with carriage returns, and for headings', () => {
    for (const text of ['The Supplier shall.', 'Lead in:\n(a) first item;\n(b) second item.', '1.1 First.\n1.2 Second.', 'a\r\nb', 'x\r\n(a) y']) {
      const fromArray: RawBlock[] = [];
      const fromTyped: RawBlock[] = [];
      pushParagraph(fromArray, 100, 100 + text.length, text, offsets(100, text.length), false, undefined);
      pushParagraph(fromTyped, 100, 100 + text.length, text, Int32Array.from(offsets(100, text.length)), false, undefined);
      assert.deepEqual(view(fromTyped), view(fromArray), JSON.stringify(text));
      assert.ok(fromTyped.every((b) => b.sourceOffsets instanceof Int32Array));
    }
    const a: RawBlock[] = [];
    const t: RawBlock[] = [];
    pushHeading(a, 0, 12, 'Services', offsets(4, 8), 3, false);
    pushHeading(t, 0, 12, 'Services', Int32Array.from(offsets(4, 8)), 3, false);
    assert.deepEqual(view(t), view(a));
  });
});
