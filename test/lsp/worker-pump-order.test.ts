/**
 * After a review's outcome, the next job waits a turn (server/src/lsp/review-thread.ts pumpSoon): a
 * request that waited for that outcome (a hover sent once the diagnostics were out, server.ts
 * settled) posts its query to the worker before the job, so it is answered from the review just kept
 * rather than after the next whole review (issue 13, round sixteen).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReviewJob } from '../../server/src/lsp/review-job';
import { ReviewThread } from '../../server/src/lsp/review-thread';
import { TEST_REVIEW_WORKER } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
const uri = pathToFileURL(path.join(ROOT, 'scratch', 'pump-order.md')).href;
const jobOf = (version: number, text: string): ReviewJob => ({ uri, version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });

describe('lsp: the next worker job after a review\'s outcome', function () {
  this.timeout(120_000);

  it('goes after a query asked as the outcome arrives', async () => {
    const thread = new ReviewThread({ script: TEST_REVIEW_WORKER.script, stopGraceMs: 600_000 }, { readBundle: () => undefined, log: () => {} });
    try {
      assert.ok(await thread.review(jobOf(1, WEAK)));
      const worker = (thread as unknown as { worker: { postMessage: (m: { kind: string }, t?: unknown) => void } }).worker;
      const posted: string[] = [];
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (m, t) => { if (m.kind === 'review' || m.kind === 'query') posted.push(`${m.kind}`); post(m, t as never); };
      const second = thread.review(jobOf(2, `${WEAK}\n\nx`));
      // Queued while the second runs: the third goes once the second's outcome is in.
      await new Promise((r) => setImmediate(r));
      const third = thread.review(jobOf(3, `${WEAK}\n\nxy`));
      const asked = second.then(() => thread.ask(uri, 2, { kind: 'hover', at: { line: 0, character: 0 }, withMessage: false }));
      await Promise.all([second, third, asked]);
      assert.deepEqual(posted, ['review', 'query', 'review'], 'the query before the queued job');
      assert.ok(!('stale' in (await asked)), 'answered from the review it waited for');
    } finally {
      await thread.dispose();
    }
  });
});
