/**
 * Garbage collection as the language server's trace names it (issue 13, gc): scripts/lsp-trace.ts
 * and the reading of a trace depend on the collections' kinds being told apart.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

describe('garbage collections in the trace (issue 13, gc)', () => {
  it('names a full collection major, not incremental', () => {
    const code = "require('./server/src/lsp/trace.ts'); gc(); setTimeout(() => {}, 50);";
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', code], { cwd: ROOT, env: { ...process.env, CLAUSEWISE_LSP_TRACE: '1' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const kinds = [...r.stderr.matchAll(/ main gc (\S+) [\d.]+$/gm)].map((m) => m[1]);
    assert.ok(kinds.includes('major'), `collections traced: ${kinds.join(', ')}`);
    assert.ok(!kinds.includes('incremental'), `a full collection traced as incremental marking: ${kinds.join(', ')}`);
  });
});
