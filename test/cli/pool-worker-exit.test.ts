// A review worker of the CLI's pool (server/src/cli/pool.ts startPoolWorker) is sent one run: once no
// task is left to claim it ends by itself, so that its heap is torn down while the main thread still
// works, and every outcome it posted still arrives before its 'exit' event.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CLI, ensureBuilt, EXAMPLES } from './helpers';
import { POOL_WORKER_ARG, WORKER_MARKER } from '../../server/src/cli/worker-arg';

describe('CLI pool worker: ends by itself once no task is left', function () {
  this.timeout(240_000);
  before(() => ensureBuilt());

  it('posts an outcome for each task it claimed, then exits with code 0 without being terminated', async () => {
    const names = ['strong-msa.md', 'weak-msa.md', 'plain-text-sow.md'];
    const tasks = names.map((name, index) => ({
      index,
      text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8'),
      path: name,
      cwd: EXAMPLES,
      settings: {},
      force: false,
    }));
    const claims = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(CLI, { argv: [POOL_WORKER_ARG], workerData: { marker: WORKER_MARKER } });
    const indexes: number[] = [];
    worker.on('message', (m: { ok: boolean; outcome?: { index: number } }) => {
      assert.ok(m.ok, 'a review failed in the worker');
      indexes.push(m.outcome!.index);
    });
    worker.postMessage({ tasks, order: [0, 1, 2], claims });
    // Long enough for a loaded machine's start and three small reviews; a worker that waits for
    // more work never gets there.
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      new Promise<number>((resolve) => worker.once('exit', resolve)),
      new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 120_000))),
    ]);
    clearTimeout(timer);
    if (code === 'still running') await worker.terminate();
    assert.equal(code, 0);
    assert.deepEqual(indexes.sort(), [0, 1, 2]);
  });
});
