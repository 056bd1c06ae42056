/**
 * Garbage collection in the language server (issue 13, gc): the review worker's young generation as
 * V8 makes it from the worker's resource limits, and the collections' kinds as the trace names them
 * (scripts/lsp-trace.ts, scripts/gc-probe.ts read them).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_WORKER_HEAP_MB, workerResourceLimits } from '../../server/src/lsp/review-thread';

const ROOT = path.resolve(__dirname, '..', '..');

/** The heap limit V8 reports inside a worker made with `limits` (MB). */
function heapLimitMb(limits: ReturnType<typeof workerResourceLimits>): Promise<number> {
  return new Promise((resolve, reject) => {
    const w = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)", { eval: true, resourceLimits: limits });
    w.once('message', (bytes: number) => { resolve(bytes / (1024 * 1024)); void w.terminate(); });
    w.once('error', reject);
  });
}

describe('review worker garbage collection (issue 13, gc)', () => {
  it('makes the review worker with semi-spaces of 8 MB (a 1 MB keystroke allocates about 7.5 MB there)', async () => {
    // V8 reserves three semi-spaces (two and the new large-object space) beside the old generation.
    const limits = workerResourceLimits();
    assert.equal(limits.maxOldGenerationSizeMb, DEFAULT_WORKER_HEAP_MB);
    const semiSpaceMb = (await heapLimitMb(limits) - DEFAULT_WORKER_HEAP_MB) / 3;
    assert.equal(semiSpaceMb, 8);
    // The old generation's limit is passed through.
    assert.equal(workerResourceLimits(300).maxOldGenerationSizeMb, 300);
  });

  it('names a full collection major in the trace', () => {
    const code = "require('./server/src/lsp/trace.ts'); gc(); setTimeout(() => {}, 50);";
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', code], { cwd: ROOT, env: { ...process.env, CLAUSEWISE_LSP_TRACE: '1' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const kinds = [...r.stderr.matchAll(/ main gc (\S+) [\d.]+$/gm)].map((m) => m[1]);
    assert.ok(kinds.includes('major'), `collections traced: ${kinds.join(', ')}`);
    assert.ok(!kinds.includes('incremental'), `a full collection traced as incremental marking: ${kinds.join(', ')}`);
  });
});
