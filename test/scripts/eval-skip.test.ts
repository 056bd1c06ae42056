// Without the labelled corpus, `npm run eval` (part of npm test) says plainly that accuracy was not checked.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

describe('npm run eval without the corpus', () => {
  it('prints "accuracy not checked: corpus not found at <path>" and does not fail', function () {
    this.timeout(60_000);
    const missing = path.join(os.tmpdir(), 'clausewise-no-corpus-here');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'eval.ts'), '--check'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CLAUSEWISE_CORPUS: missing } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^accuracy not checked: corpus not found at ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'));
  });
});
