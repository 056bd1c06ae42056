import assert from 'node:assert/strict';
import { plainChunkBlocks } from '../../server/src/model/plain-chunk';
import { parseMarkdown } from '../../server/src/model/markdown';

describe('model/plain-chunk: blocks made at their place in the document', () => {
  const source = '## 2. Security\n\n2.1 The Supplier shall encrypt Customer Data.\nIt shall notify the Customer.\n\n2.2 The Customer shall pay.\n(a) within 30 days;\n(b) in pounds.\n';

  it('gives the blocks of a chunk that starts at `at` every position moved by `at`', () => {
    const here = plainChunkBlocks(source)!;
    assert.ok(here.length >= 3);
    for (const at of [1, 17, 100_000]) {
      const there = plainChunkBlocks(source, at)!;
      assert.deepEqual(there.map((b) => ({ ...b, sourceOffsets: Array.from(b.sourceOffsets) })), here.map((b) => ({
        ...b, start: b.start + at, end: b.end + at, sourceOffsets: Array.from(b.sourceOffsets, (o) => o + at),
      })), `at ${at}`);
    }
  });

  it('leaves a whole document\'s blocks where the parser puts them (chunks after the first read in place)', () => {
    const doc = `# Agreement\n\nIntro.\n\n${source}\n${source.replace(/2\./g, '3.')}`;
    const { blocks } = parseMarkdown(doc);
    for (const b of blocks) {
      if (!b.text) continue;
      // Plain chunks are their source verbatim: each character sits at its offset.
      for (let i = 0; i < b.text.length; i++) assert.equal(doc[b.sourceOffsets[i]], b.text[i], `${JSON.stringify(b.text)} [${i}]`);
    }
  });
});
