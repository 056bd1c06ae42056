import assert from 'node:assert/strict';
import { WorkerDocuments } from '../../server/src/lsp/worker-documents';
import { RecentStates } from '../../server/src/lsp/recent-states';
import type { ReviewJob } from '../../server/src/lsp/review-job';
import { chunkOwners, readFromEvents } from '../../server/src/model/markdown';
import { setTextCaches } from '../../server/src/model/text-caches';
import { generateContract } from '../../scripts/bench-contract';

// Issue 13, memory: each document the worker reviewed held its parsed chunks (model/markdown.ts
// ownChunks) until it was closed, whether it kept a state or not, so a workspace of different
// contracts kept every one's chunks alive (about 11 MB for 1 MB of text) past the parse cache's
// bound. Only the documents keeping a state hold them now.

describe('lsp: the worker\'s documents hold their parsed chunks only while they keep a state', () => {
  let was = true;
  before(() => {
    was = setTextCaches(true);
    readFromEvents(true);
  });
  after(() => setTextCaches(was));

  it('a document whose state goes no longer holds its chunks; a closed one neither', () => {
    const documents = new WorkerDocuments(100_000);
    // (Other files' documents may still hold theirs: this one's are counted from here.)
    const before = chunkOwners();
    const uri = (d: number) => `file:///tmp/chunk-owners-${d}.md`;
    for (let d = 0; d < 3; d++) {
      const text = generateContract(60_000).replace(/Customer/g, `Customer${d}`).replace(/Supplier/g, `Supplier${d}`);
      const job: ReviewJob = { uri: uri(d), version: 1, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
      documents.review(job, () => undefined);
      documents.settle(job.uri);
    }
    assert.equal(documents.states.size, 1);
    assert.equal(chunkOwners(), before + 1, 'documents holding their chunks');
    documents.forget(uri(2));
    assert.equal(chunkOwners(), before);
    documents.clear();
  });

  it('RecentStates tells of every state that goes: made room for, deleted, cleared', () => {
    const gone: string[] = [];
    const states = new RecentStates<number>(10, (uri) => gone.push(uri));
    states.take('a', () => 1, 6);
    states.take('b', () => 2, 6);
    assert.deepEqual(gone, ['a']);
    states.take('c', () => 3, 3);
    states.delete('c');
    states.delete('c');
    assert.deepEqual(gone, ['a', 'c']);
    states.clear();
    assert.deepEqual(gone, ['a', 'c', 'b']);
  });
});
