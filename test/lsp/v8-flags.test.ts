/**
 * The V8 flags the language server sets on itself (server/src/lsp/v8-flags.ts): its entry point sets
 * them before it makes the review worker, and they take effect at run time, in that worker too.
 * Checked in a fresh server process with synchronous TurboFan compilation: how many calls of a small
 * hot function a worker made after the server started needs before V8 optimises it. No timing asserted.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_V8_FLAGS, serverV8Flags } from '../../server/src/lsp/v8-flags';
import { ROOT } from './client';

const MAIN = path.join(ROOT, 'server/src/lsp/main.ts');

/**
 * What a worker made after the server's entry point ran counts: calls until V8 optimised `work`, and
 * whether a function called once ran its long loop in optimised code (on-stack replacement): V8's
 * status bit 1 << 12, "topmost frame is TurboFan code", asked from inside the loop.
 */
const WORKER_PROBE = `
const { setFlagsFromString } = require('node:v8');
setFlagsFromString('--allow-natives-syntax');
const status = new Function('f', 'return %GetOptimizationStatus(f)');
function work(n) { let s = 0; for (let i = 0; i < n; i++) s += (i * 7) % 13; return s; }
let calls = 0;
for (; calls < 100000; calls++) { work(10); if (status(work) & 16) break; }
const once = new Function('n', 'let s = 0; let seen = 0; for (let i = 0; i < n; i++) { s += (i * 7) % 13; if ((i & 0xffff) === 0) seen |= %GetOptimizationStatus(arguments.callee); } return seen;');
const osr = (once(3e7) & (1 << 12)) !== 0;
require('node:worker_threads').parentPort.postMessage({ calls, osr });
`;

/** Starts the server's entry point over stdio in a fresh process, then a worker in it; resolves to the worker's answers. */
function probeInServer(env: NodeJS.ProcessEnv): Promise<{ calls: number; osr: boolean }> {
  const child = `
    process.argv.push('--stdio');
    import(${JSON.stringify(MAIN)}).then(() => {
      const { Worker } = require('node:worker_threads');
      const w = new Worker(${JSON.stringify(WORKER_PROBE)}, { eval: true });
      w.on('message', (m) => { process.stderr.write('CALLS ' + m.calls + ' OSR ' + m.osr + '\\n'); process.exit(0); });
    });`;
  return new Promise((resolve, reject) => {
    // Synchronous compilation, so that a function is optimised the moment its budget runs out.
    const proc = spawn(process.execPath, ['--no-concurrent-recompilation', '--import', 'tsx', '-e', child], {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    proc.on('error', reject);
    proc.on('exit', () => {
      const m = /CALLS (\d+) OSR (true|false)/.exec(err);
      if (m) resolve({ calls: Number(m[1]), osr: m[2] === 'true' });
      else reject(new Error(`no count from the server process: ${err}`));
    });
  });
}

describe('lsp: V8 flags set by the server on itself', function () {
  this.timeout(120000);

  it('keeps the defaults unless CLAUSEWISE_V8_FLAGS says otherwise', () => {
    assert.deepEqual(serverV8Flags({}), [...SERVER_V8_FLAGS]);
    assert.deepEqual(serverV8Flags({ CLAUSEWISE_V8_FLAGS: '' }), [...SERVER_V8_FLAGS]);
    assert.deepEqual(serverV8Flags({ CLAUSEWISE_V8_FLAGS: 'off' }), []);
    assert.deepEqual(serverV8Flags({ CLAUSEWISE_V8_FLAGS: ' --no-opt  --max-lazy ' }), ['--no-opt', '--max-lazy']);
  });

  it('raises the tier-up budget in a worker made after the server started, and only when set', async () => {
    assert.ok(SERVER_V8_FLAGS.some((f) => f.startsWith('--interrupt-budget=')));
    const defaults = (await probeInServer({ CLAUSEWISE_V8_FLAGS: 'off' })).calls;
    const server = (await probeInServer({ CLAUSEWISE_V8_FLAGS: '' })).calls;
    // V8's default budget (67,584) optimises the probe after some 200 calls; the server's, about
    // fifteen times larger, after some 3,000.
    assert.ok(defaults < 1000, `with V8's defaults: ${defaults} calls`);
    assert.ok(server > 2 * defaults && server > 1000, `with the server's flags: ${server} calls (defaults: ${defaults})`);
  });

  it('turns off on-stack replacement in a worker made after the server started, and only when set', async () => {
    assert.ok(SERVER_V8_FLAGS.includes('--no-use-osr'));
    // With V8's defaults a long loop in a function called once is replaced by optimised code while it runs.
    assert.equal((await probeInServer({ CLAUSEWISE_V8_FLAGS: 'off' })).osr, true);
    assert.equal((await probeInServer({ CLAUSEWISE_V8_FLAGS: '' })).osr, false);
  });
});
