import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { FactCache, inFactRound } from '../../server/src/model/facts';
import { recordSplice } from '../../server/src/model/trace';
import { BlockResults } from '../../server/src/drafting/perBlock';

// Issue 13: per-block results are kept as the blocks that have one. An edit takes over the previous
// model's entries (kept before the edit, moved after it) and reads the re-parsed blocks, so it costs
// the few listed entries, not one per block of the document; the results equal a fresh read's.

const NONE: number[] = [];
/** Offsets (in the source) of the word "Widget" in a block: most blocks have none. */
const widgets = () => new BlockResults<number[]>(
  (_model, block) => (block.text.includes('Widget') ? [block.start + block.text.indexOf('Widget')] : NONE),
  { none: NONE, isNone: (found) => found.length === 0, shift: (found, by) => found.map((at) => at + by) },
);

const clauses = (edit: string) => Array.from({ length: 80 }, (_, i) => `${i + 1}. ${i === 10 || i === 60 ? 'The Widget is supplied.' : i === 30 ? edit : 'The Supplier reports monthly.'}`).join('\n\n');

describe('per-block results kept as the blocks that have one', () => {
  const before = buildContractModel(clauses('The Supplier reports monthly.'));
  const after = buildContractModel(clauses('The Supplier reports each month, and the Widget too.'));
  // Block 30 was re-parsed (its text changed); the blocks after it moved.
  const edited = before.blocks.findIndex((b, i) => b.text !== after.blocks[i].text);
  recordSplice(after, { previous: before, prefix: edited, fresh: 1, oldAfter: edited + 1 });

  it('takes over only the listed entries and reads only the re-parsed block', () => {
    const results = widgets();
    const got = inFactRound(new FactCache(), () => { results.listed(before); return results.listed(after); });
    assert.ok(after.blocks.length >= 80);
    assert.equal(results.blocksRead(after), 1);
    assert.equal(results.entriesTaken(after), 2, 'the two blocks holding a Widget, not every block');
    assert.deepEqual(got, widgets().listed(after), 'the same as a fresh read');
    assert.deepEqual(got.blocks.length, 3);
    // The moved entry was shifted with its block.
    assert.equal(got.values[2][0], after.text.lastIndexOf('Widget'));
  });

  it('answers per block and as one list per block', () => {
    const results = widgets();
    inFactRound(new FactCache(), () => { results.listed(before); results.listed(after); });
    const dense = results.of(after);
    assert.equal(dense.length, after.blocks.length);
    for (let b = 0; b < after.blocks.length; b++) {
      assert.deepEqual(results.at(after, b), dense[b]);
      assert.equal(dense[b].length > 0, after.blocks[b].text.includes('Widget'));
    }
  });
});
