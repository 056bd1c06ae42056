/**
 * The buffers that carry the worker's diagnostics to the server's thread, handed back and used again
 * (server/src/lsp/spare-buffers.ts, review-thread.ts giveBack, review-worker.ts, server.ts publish):
 * the next findings are written into a buffer handed back, the bytes are exactly the diagnostics'
 * JSON whatever the buffer held before, and the server hands back each publish's buffer once it is
 * written out, and nothing else.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IncrementalReview } from '../../server/src/engine';
import { diagnosticsOf } from '../../server/src/lsp/convert';
import { DiagnosticsJsonCache } from '../../server/src/lsp/diagnostics-json';
import { runReviewJob, type DiagnosticsJson, type ReviewJob } from '../../server/src/lsp/review-job';
import { ReviewThread } from '../../server/src/lsp/review-thread';
import { SpareBuffers } from '../../server/src/lsp/spare-buffers';
import { generateContract } from '../../scripts/bench-contract';
import { MemoryClient, TEST_REVIEW_WORKER } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
const text = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');

describe('lsp: the worker\'s findings buffers, used again', function () {
  this.timeout(120_000);

  describe('SpareBuffers', () => {
    it('writes the JSON into the smallest spare that fits, else into a new buffer with room to grow', () => {
      const spares = new SpareBuffers();
      const a = spares.bytesOf('["a long enough list of findings"]');
      assert.equal(text(a), '["a long enough list of findings"]');
      assert.ok(a.buffer.byteLength > a.byteLength, 'room to grow');
      const capacity = a.buffer.byteLength;
      spares.give(a.buffer as ArrayBuffer);
      spares.give(new ArrayBuffer(4096));
      // Shorter JSON in the same buffer: the view is exactly the new JSON, nothing of the old after it.
      const b = spares.bytesOf('["short"]');
      assert.equal(b.buffer.byteLength, capacity, 'the smaller spare that fits');
      assert.equal(b.byteLength, '["short"]'.length);
      assert.equal(text(b), '["short"]');
      assert.equal(spares.reused, 1);
      // Bytes and writers too; one larger than every spare gets a new buffer.
      const big = `[${'"x",'.repeat(2000)}"y"]`;
      const c = spares.bytesOf(Buffer.from(big));
      assert.equal(text(c), big);
      assert.equal(spares.reused, 1, 'no spare was large enough');
      assert.equal(spares.heldBytes, 4096, 'the one left');
    });

    it('keeps two spares at most, the largest when idle, and never a detached one', () => {
      const spares = new SpareBuffers();
      for (const n of [1000, 3000, 2000]) spares.give(new ArrayBuffer(n));
      assert.equal(spares.heldBytes, 5000, 'the smallest went');
      spares.trim();
      assert.equal(spares.heldBytes, 3000);
      const detached = new ArrayBuffer(100);
      structuredClone(detached, { transfer: [detached] });
      spares.give(detached);
      assert.equal(spares.heldBytes, 3000);
    });

    it('writes a review\'s kept JSON as JSON.stringify of its diagnostics, into a used buffer', () => {
      const spares = new SpareBuffers();
      const cache = new DiagnosticsJsonCache();
      const state = new IncrementalReview();
      let t = WEAK;
      const job = (version: number): ReviewJob => ({ uri: 'file:///spare.md', version, text: t, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
      for (let v = 1; v <= 4; v++) {
        const { result } = runReviewJob(job(v), state, () => undefined);
        const bytes = spares.bytesOf(cache.render(result));
        assert.equal(text(bytes), JSON.stringify(diagnosticsOf(result)), `v${v}`);
        spares.give(bytes.buffer as ArrayBuffer);
        // Edits that remove a vague phrase (a shorter JSON than the buffer held), then add a character.
        t = t.includes('promptly') ? t.replace('promptly', 'within five days') : t.replace('. ', '.x ');
      }
      assert.equal(spares.reused, 3);
    });
  });

  describe('through the review worker', () => {
    let thread: ReviewThread | undefined;
    afterEach(() => { thread?.dispose(); thread = undefined; });
    const uri = pathToFileURL(path.join(ROOT, 'scratch', 'spare-buffers.md')).href;
    const jobOf = (version: number, t: string): ReviewJob => ({ uri, version, text: t, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
    const bytesOf = async (job: ReviewJob): Promise<Uint8Array> => {
      const outcome = await thread!.review(job);
      assert.ok(outcome);
      const json = (outcome.diagnostics as DiagnosticsJson).json;
      assert.ok(json instanceof Uint8Array);
      assert.equal(text(json), JSON.stringify(runReviewJob(job, new IncrementalReview(), () => undefined).diagnostics), `v${job.version}`);
      return json;
    };

    it('writes the next findings into the buffer handed back, and only a buffer it lent', async () => {
      thread = new ReviewThread({ script: TEST_REVIEW_WORKER.script }, { readBundle: () => undefined, log: () => undefined });
      let t = WEAK;
      const first = await bytesOf(jobOf(1, t));
      const capacity = first.buffer.byteLength;
      thread.giveBack(first);
      assert.equal(first.buffer.byteLength, 0, 'handed back: detached here');
      // A shorter list: a new buffer for it would be smaller than the one handed back.
      t = t.replace('promptly', 'within five days');
      const second = await bytesOf(jobOf(2, t));
      assert.notEqual(second.byteLength, first.byteLength, 'a list of another length (a new buffer would be of another size)');
      assert.equal(second.buffer.byteLength, capacity, 'written into the buffer handed back');
      // Not handed back: the next one is a new buffer.
      t = t.replace('promptly', 'within five days');
      const third = await bytesOf(jobOf(3, t));
      assert.notEqual(third.buffer.byteLength, capacity);
      // A buffer the worker did not lend is never sent (it may be a view of Node's shared pool).
      const pooled = Buffer.from('[]');
      thread.giveBack(pooled);
      assert.equal(pooled.buffer.byteLength > 0, true, 'left alone');
      thread.giveBack(second);
      assert.equal(second.buffer.byteLength, 0);
      thread.giveBack(second); // detached: nothing to hand back
    });
  });

  it('hands each worker publish\'s buffer back once it is written, and publishes the same JSON', async () => {
    const handed: number[] = [];
    const giveBack = ReviewThread.prototype.giveBack;
    ReviewThread.prototype.giveBack = function (this: ReviewThread, bytes: unknown) {
      giveBack.call(this, bytes);
      // Detached once handed back.
      handed.push(bytes instanceof Uint8Array ? bytes.buffer.byteLength : -1);
    };
    const client = await new MemoryClient({ server: { reviewWorker: TEST_REVIEW_WORKER }, timeout: 60_000 }).start();
    try {
      const u = 'file:///tmp/clausewise-spare-buffers.md';
      let t = generateContract(40_000);
      const state = new IncrementalReview();
      const expected = (version: number) => JSON.stringify(diagnosticsOf(runReviewJob({ uri: u, version, text: t, format: 'markdown', settings: {}, force: false, workspaceFolders: [] }, state, () => undefined).result));
      assert.equal(JSON.stringify((await client.open(u, t)).diagnostics), expected(1));
      for (let version = 2; version <= 5; version++) {
        const at = t.indexOf('. ', Math.floor(t.length * version / 7));
        t = version === 4 ? t.replace(/in a timely manner/, 'within five days') : t.slice(0, at) + 'x' + t.slice(at);
        assert.equal(JSON.stringify((await client.change(u, version, t)).diagnostics), expected(version), `version ${version}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(handed, [0, 0, 0, 0, 0], 'every publish\'s buffer handed back, detached');
    } finally {
      ReviewThread.prototype.giveBack = giveBack;
      await client.stop();
    }
  });
});
