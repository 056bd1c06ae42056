import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildContractModel, contiguousStart, sourceOffsetAt, type Block, type ContractModel } from '../../server/src/model';
import { fullModelState, updateModelState } from '../../server/src/model/incremental';
import { OffsetBlock } from '../../server/src/model/offsetBlock';
import { packModel, unpackModel } from '../../server/src/lsp/result-transfer';
import { garbageCollector } from '../../server/src/lsp/collector';
import { generateContract } from '../../scripts/bench-contract';

// Issue 13: a block moved by an edit keeps its source offsets as a shared base array plus a shift,
// copied only when `sourceOffsets` is read. These tests pin that down and that nothing can tell
// such a block from a freshly parsed one: its offsets, a copy across threads, a plain copy.

const ROOT = path.resolve(__dirname, '../..');
const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');

/** A block as plain data, with its offsets as numbers (a fresh parse's blocks are plain objects). */
const plain = (b: Block) => ({ ...b, sourceOffsets: Array.from(b.sourceOffsets) });

/** The model after typing `typed` at `at`, spliced from the model of `text`. */
function spliced(text: string, at: number, typed: string): { before: ContractModel; after: ContractModel; text: string } {
  const first = fullModelState(text, 1, 'markdown', 'first review');
  const edited = text.slice(0, at) + typed + text.slice(at);
  const next = updateModelState(first, edited, 2, 'markdown');
  assert.equal(next.fullReason, null, 'the edit was spliced');
  return { before: first.model, after: next.model, text: edited };
}

describe('model: blocks moved by an edit (OffsetBlock)', () => {
  const at = WEAK.indexOf('\n', Math.floor(WEAK.length / 3));

  it('read the same offsets as a fresh parse, through sourceOffsets and sourceOffsetAt', () => {
    const { after, text } = spliced(WEAK, at, 'xyz');
    const fresh = buildContractModel(text, 2, 'markdown');
    assert.equal(after.blocks.length, fresh.blocks.length);
    after.blocks.forEach((b, i) => {
      const want = fresh.blocks[i].sourceOffsets;
      for (let k = 0; k < want.length; k++) assert.equal(sourceOffsetAt(b, k), want[k], `block ${i}, offset ${k}`);
      assert.deepEqual(plain(b), plain(fresh.blocks[i]), `block ${i}`);
    });
  });

  it('do not copy their offsets until they are read, and share them with the block they were moved from', () => {
    const { before, after } = spliced(WEAK, at, 'xyz');
    const last = after.blocks.length - 1;
    const moved = after.blocks[last];
    assert.ok(moved instanceof OffsetBlock);
    assert.equal(sourceOffsetAt(moved, 0), before.blocks[last].sourceOffsets[0] + 3);
    // A block before the edit did not move: it hands out the very array of the block it was taken from.
    assert.equal(after.blocks[0].sourceOffsets, before.blocks[0].sourceOffsets);
    // A moved block copies on the first read only, and then keeps the copy.
    const copy = moved.sourceOffsets;
    assert.notEqual(copy, before.blocks[last].sourceOffsets);
    assert.equal(moved.sourceOffsets, copy);
  });

  it('tell whether they are the source verbatim without copying, as a plain block does', () => {
    const { after, text } = spliced(WEAK, at, 'xyz');
    const fresh = buildContractModel(text, 2, 'markdown');
    const verbatim = after.blocks.filter((b, i) => {
      assert.equal(contiguousStart(b), contiguousStart(fresh.blocks[i]), `block ${i}`);
      return contiguousStart(b) >= 0;
    });
    assert.ok(verbatim.length > 0 && verbatim.length < after.blocks.length, 'some blocks are verbatim, some are not');
  });

  it('cross to another thread with their offsets (packModel, a structured clone, unpackModel)', () => {
    const { after, text } = spliced(WEAK, at, 'xyz');
    const unpacked = unpackModel(structuredClone(packModel(after)), text);
    const fresh = buildContractModel(text, 2, 'markdown');
    assert.deepEqual(unpacked.blocks.map(plain), fresh.blocks.map(plain));
  });

  it('a full parse whose cached chunks have moved shares their offsets rather than copying them (issue 13, memory)', () => {
    const gc = garbageCollector()!;
    const text = generateContract(300_000).replace('# Master Services Agreement', '# Master Services Agreement A');
    const first = fullModelState(text, 1, 'markdown', 'first review');
    // One character more in the first chunk: every later chunk is in the parse cache, one place further on.
    const moved = text.replace('# Master Services Agreement A', '# Master Services Agreement AB');
    gc();
    const before = process.memoryUsage().arrayBuffers;
    const second = fullModelState(moved, 1, 'markdown', 'first review');
    gc();
    const grown = process.memoryUsage().arrayBuffers - before;
    assert.ok(grown < moved.length / 2, `offsets shared: ${(grown / 1e6).toFixed(2)} MB of buffers for ${(moved.length / 1e6).toFixed(2)} M characters (a copy is 4 bytes a character)`);
    const fresh = buildContractModel(moved, 1, 'markdown');
    assert.equal(second.model.blocks.length, fresh.blocks.length);
    second.model.blocks.forEach((b, i) => assert.deepEqual(plain(b), plain(fresh.blocks[i]), `block ${i}`));
    assert.ok(first.model.blocks.length > 100);
  });
});
