// `.ci/run` and the e2e setup must not rely on the machine's ~/.npmrc: with an empty HOME, the part
// that configures native builds must still point node-gyp at headers that exist (node-gyp would
// otherwise download them from nodejs.org, which CI cannot reach).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** The nodedir block of a script (from `if [ -z "${npm_config_nodedir` to its `fi`), run alone with an empty HOME. */
function nodedirAfter(script: string): string {
  const text = fs.readFileSync(path.join(ROOT, script), 'utf8');
  const start = text.indexOf('if [ -z "${npm_config_nodedir');
  assert.ok(start >= 0, `${script} sets npm_config_nodedir itself`);
  const block = text.slice(start, text.indexOf('\nfi\n', start) + 4);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-empty-home-'));
  try {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home };
    const r = spawnSync('bash', ['-c', `set -euo pipefail\n${block}\necho "\${npm_config_nodedir:-}"`], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

describe('CI on a bare machine (empty HOME, no ~/.npmrc)', () => {
  for (const script of ['.ci/run', 'test/e2e/setup-code-server.sh']) {
    it(`${script} points node-gyp at this Node's headers`, function () {
      const dir = nodedirAfter(script);
      if (!dir && !fs.existsSync(path.join(path.dirname(path.dirname(process.execPath)), 'include', 'node', 'node_api.h'))) {
        this.skip(); // this Node was installed without headers: nothing to point at
      }
      assert.ok(fs.existsSync(path.join(dir, 'include', 'node', 'node_api.h')), `${dir}/include/node/node_api.h exists`);
    });
  }
});
