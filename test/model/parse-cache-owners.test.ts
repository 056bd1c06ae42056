import assert from 'node:assert/strict';
import { IncrementalReview } from '../../server/src/engine';
import { keptChunkOffsets, keptChunks, readFromEvents, releaseChunks } from '../../server/src/model/markdown';
import { offsetBytesOf } from '../../server/src/model/offsetBlock';
import { setTextCaches } from '../../server/src/model/text-caches';
import { generateContract } from '../../scripts/bench-contract';

// Issue 13, memory: every edit puts the edited chunk's new text in the parse cache, which is bounded
// by its number of chunks (4,000) only. Typing in one paragraph of a large contract then added a
// chunk per keystroke, offset arrays included, until the cache was full: memory that grew with the
// number of edits. A document that owns its chunks (the review worker's documents) now drops the
// chunk texts it replaced, so what is kept follows the documents, not the edits.

describe('model: the parse cache follows the documents, not the number of edits', () => {
  let was = true;
  before(() => {
    was = setTextCaches(true);
    readFromEvents(true); // (empties the cache: other files' chunks must not fill it to its bound)
  });
  after(() => {
    releaseChunks('file:///cache-owner.md');
    setTextCaches(was);
  });

  it('keeps the same chunks and offset arrays over 60 keystrokes in one paragraph', () => {
    const owner = 'file:///cache-owner.md';
    let text = generateContract(60_000).replace('# Master Services Agreement', '# Master Services Agreement (cache owners)');
    const review = new IncrementalReview(owner);
    let version = 1;
    review.model(text, version, 'markdown');
    const chunks = keptChunks();
    const cached = keptChunkOffsets().bytes;
    const at = text.indexOf('. ', text.length >> 1);
    let model = review.model(text, version, 'markdown');
    const held = offsetBytesOf(model.blocks).bytes;
    for (let i = 0; i < 60; i++) {
      text = text.slice(0, at) + 'x' + text.slice(at);
      model = review.model(text, ++version, 'markdown');
    }
    // One chunk changed its text: the cache holds as many chunks as before, with one more character's offsets.
    assert.equal(keptChunks(), chunks, 'chunks in the parse cache');
    assert.ok(keptChunkOffsets().bytes <= cached + 4 * 60, `the cache's offsets: ${cached} -> ${keptChunkOffsets().bytes} bytes`);
    assert.ok(offsetBytesOf(model.blocks).bytes <= held + 4 * 60, `the model's offsets: ${held} -> ${offsetBytesOf(model.blocks).bytes} bytes`);
  });

  it('lets go of a closed document\'s own chunks, and keeps those another document holds', () => {
    const text = generateContract(30_000).replace('# Master Services Agreement', '# Master Services Agreement (closed)');
    const before = keptChunks();
    new IncrementalReview('file:///a.md').model(text, 1, 'markdown');
    new IncrementalReview('file:///b.md').model(text + '\n\n# Added\n\nOne more line.\n', 1, 'markdown');
    const both = keptChunks();
    assert.ok(both > before);
    releaseChunks('file:///a.md');
    assert.equal(keptChunks(), both, 'the chunks a held are held by b too');
    releaseChunks('file:///b.md');
    assert.ok(keptChunks() < both, 'closing both drops their chunks');
  });
});
