import assert from 'node:assert/strict';
import { CACHE_CHARS, keptChunkChars, keptChunks, parseMarkdown, readFromEvents, scanChunkStarts } from '../../server/src/model/markdown';
import { setTextCaches } from '../../server/src/model/text-caches';
import { generateContract } from '../../scripts/bench-contract';

// Issue 13, memory: the parse cache was bounded by its number of chunks only (4,000), which let it
// hold 3.3 million characters of the generated contract's sections (about 36 MB), more of longer
// ones. It is bounded by characters too now; what it lets go of is parsed again, to the same blocks.

describe('model: the parse cache is bounded in characters', () => {
  let was = true;
  before(() => {
    was = setTextCaches(true);
    readFromEvents(true); // (empties the cache)
  });
  after(() => {
    readFromEvents(true);
    setTextCaches(was);
  });

  it('keeps at most CACHE_CHARS characters of chunks, fewer chunks than its count bound', () => {
    const text = generateContract(Math.ceil(CACHE_CHARS * 1.3)).replace('# Master Services Agreement', '# Master Services Agreement (cache chars)');
    const chunks = scanChunkStarts(text).starts.length;
    assert.ok(chunks < 4000, `${chunks} chunks: under the count bound, so only the characters bound applies`);
    const cached = parseMarkdown(text);
    assert.ok(keptChunkChars() <= CACHE_CHARS, `kept ${keptChunkChars()} characters in ${keptChunks()} chunks`);
    assert.ok(keptChunks() < chunks);
    // Parsed again with part of its chunks evicted, and with no cache: the same blocks.
    const shape = (m: ReturnType<typeof parseMarkdown>) => JSON.stringify(m.blocks.map((b) => ({ ...b, sourceOffsets: [...b.sourceOffsets] })));
    const again = shape(parseMarkdown(text));
    setTextCaches(false);
    const fresh = shape(parseMarkdown(text));
    setTextCaches(true);
    assert.equal(shape(cached), fresh);
    assert.equal(again, fresh);
  });
});
