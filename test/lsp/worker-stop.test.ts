/**
 * The review worker stops by itself when the server's side is disposed (server/src/lsp/review-thread.ts
 * dispose, review-worker.ts 'stop'): it is asked to, finishes the task under way (a review and the
 * compression of the reviews it keeps, zlib) and exits, rather than being terminated, which can
 * stop it inside zlib's set-up of a stream and abort the whole process (Node's "close before init").
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
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', name)).href;
const jobOf = (uri: string, version: number, text: string): ReviewJob => ({ uri, version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });

describe('lsp: the review worker stops by itself when disposed', function () {
  this.timeout(120_000);

  it('exits on its own after its reviews (and their compression), never terminated; a second dispose is safe', async () => {
    // A grace period no test reaches: only a worker that exits by itself resolves before it.
    const thread = new ReviewThread({ script: TEST_REVIEW_WORKER.script, keepChars: 1, stopGraceMs: 600_000 }, { readBundle: () => undefined, log: () => {} });
    assert.ok(await thread.review(jobOf(uriOf('stop-a.md'), 1, WEAK)));
    // The second document's review is followed by the compression of the first's kept review.
    assert.ok(await thread.review(jobOf(uriOf('stop-b.md'), 1, WEAK)));
    const first = thread.dispose();
    const second = thread.dispose();
    assert.equal(await first, 'stopped');
    assert.equal(await second, 'stopped');
    assert.equal(thread.alive, false);
    assert.equal(await thread.review(jobOf(uriOf('stop-a.md'), 2, WEAK)), null, 'a disposed thread reviews nothing');
  });

  it('fails the running and queued jobs at once, and the worker still ends its review and exits', async () => {
    const thread = new ReviewThread({ script: TEST_REVIEW_WORKER.script, stopGraceMs: 600_000 }, { readBundle: () => undefined, log: () => {} });
    const big = Array.from({ length: 30 }, () => WEAK).join('\n\n');
    const running = thread.review(jobOf(uriOf('stop-c.md'), 1, big));
    const queued = thread.review(jobOf(uriOf('stop-d.md'), 1, WEAK));
    // The first job is posted on the next turn; disposed while the worker reviews it.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 20));
    const stopped = thread.dispose();
    assert.equal(await running, null);
    assert.equal(await queued, null);
    assert.equal(await stopped, 'stopped');
  });

  it('terminates a worker that has not stopped within the grace period', async () => {
    const thread = new ReviewThread({ script: TEST_REVIEW_WORKER.script, stopGraceMs: 1 }, { readBundle: () => undefined, log: () => {} });
    const running = thread.review(jobOf(uriOf('stop-e.md'), 1, Array.from({ length: 30 }, () => WEAK).join('\n\n')));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(await thread.dispose(), 'terminated');
    assert.equal(await running, null);
  });
});
