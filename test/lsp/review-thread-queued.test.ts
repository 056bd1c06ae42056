/**
 * The server's thread tells the review worker how many jobs wait in its queue (WorkerSetup.posted[1],
 * server/src/lsp/review-thread.ts), so that the worker's warm-up before a large open's diagnostics
 * gives way to an edit typed during that open's review (./review-worker.ts, ./warmup.ts runNow).
 * Through a stand-in worker (./queued-jobs-worker.cjs) that reports what it reads. Behaviour only.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ReviewThread, type QueuedJob } from '../../server/src/lsp/review-thread';

const job = (uri: string, version: number): QueuedJob => ({ uri, version, text: 'Some text.\n', format: 'markdown', settings: {}, force: false, workspaceFolders: [] });

describe('lsp: the review thread counts the jobs waiting for the worker', function () {
  this.timeout(30_000);

  it('a job queued while another is under review is seen by the worker; none once it has been posted', async () => {
    const thread = new ReviewThread({ script: path.join(__dirname, 'queued-jobs-worker.cjs') }, { readBundle: () => undefined, log: () => undefined });
    try {
      // The second is queued behind the first, which is posted at the next turn.
      const first = thread.review(job('file:///a.md', 1));
      const second = thread.review(job('file:///b.md', 1));
      const [a, b] = await Promise.all([first, second]);
      assert.equal(a?.costMs, 1, 'the worker saw one job waiting during the first review');
      assert.equal(b?.costMs, 0, 'and none during the second');
    } finally {
      await thread.dispose();
    }
  });
});
