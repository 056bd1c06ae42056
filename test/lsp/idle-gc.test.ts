/**
 * The review worker's heap growing factor while a large document is edited (server/src/lsp/idle-gc.ts,
 * issue 13 round seventeen, editgc): the V8 flag it sets and puts back, only on a change, and the
 * switch that turns it off. What the flag does to V8's collections is measured (docs/performance.md),
 * not asserted: V8's own factor varies with its speeds.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { editHeapGrowing } from '../../server/src/lsp/idle-gc';

const ROOT = path.resolve(__dirname, '..', '..');

describe('lsp: the worker heap growing factor for edits (issue 13, editgc)', () => {
  it('sets the larger factor once when edits begin, and puts back V8\'s own once after', () => {
    const set: string[] = [];
    const record = (flag: string): void => { set.push(flag); };
    editHeapGrowing(false, 100, record);
    set.length = 0;
    assert.equal(editHeapGrowing(true, 100, record), true);
    assert.equal(editHeapGrowing(true, 100, record), true);
    assert.deepEqual(set, ['--heap-growing-percent=100']);
    assert.equal(editHeapGrowing(false, 100, record), false);
    assert.equal(editHeapGrowing(false, 100, record), false);
    assert.deepEqual(set, ['--heap-growing-percent=100', '--heap-growing-percent=0']);
  });

  it('sets nothing with a factor of 0, and CLAUSEWISE_EDIT_HEAP_GROWING=0 turns it off', () => {
    const set: string[] = [];
    assert.equal(editHeapGrowing(true, 0, (f) => { set.push(f); }), false);
    assert.deepEqual(set, []);
    const code = "const g = require('./server/src/lsp/idle-gc.ts'); const set = []; process.stdout.write(JSON.stringify({ percent: g.EDIT_HEAP_GROWING, on: g.editHeapGrowing(true, undefined, (f) => set.push(f)), set }));";
    const off = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, env: { ...process.env, CLAUSEWISE_EDIT_HEAP_GROWING: '0' }, encoding: 'utf8' });
    assert.equal(off.status, 0, off.stderr);
    assert.deepEqual(JSON.parse(off.stdout), { percent: 0, on: false, set: [] });
    const env = { ...process.env };
    delete env.CLAUSEWISE_EDIT_HEAP_GROWING;
    const on = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, env, encoding: 'utf8' });
    assert.equal(on.status, 0, on.stderr);
    assert.deepEqual(JSON.parse(on.stdout), { percent: 100, on: true, set: ['--heap-growing-percent=100'] });
  });
});
