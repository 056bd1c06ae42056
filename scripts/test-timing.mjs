// `npm run test:timing`: where the test time goes. Runs the mocha suite one file after another (so
// each file's wall time, hooks included, is its own) with test/support/timing-reporter.cjs, and prints
// the slowest files and tests; the full tables go to test-timing.json.
//   --integration  also time the integration suite (test-timing-integration.json)
//   --wall         also time `npx mocha` as configured (parallel), start to end
// Compare files by their share of the total: on a busy machine every figure grows.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MOCHA = resolve(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const REPORTER = './test/support/timing-reporter.cjs';
const args = new Set(process.argv.slice(2));

function mocha(label, mochaArgs, env = {}) {
  console.log(`\n== ${label}: mocha ${mochaArgs.join(' ')} ==`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MOCHA, ...mochaArgs], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`== ${label}: ${seconds.toFixed(1)} s, exit ${r.status} ==`);
  return r.status ?? 1;
}

let failed = 0;
failed |= mocha('unit suite, file by file', ['--no-parallel', '--reporter', REPORTER], { CLAUSEWISE_TIMING_OUT: 'test-timing.json' });
if (args.has('--integration')) {
  failed |= mocha('integration suite', ['--config', '.mocharc.integration.cjs', '--reporter', REPORTER], { CLAUSEWISE_TIMING_OUT: 'test-timing-integration.json' });
}
if (args.has('--wall')) failed |= mocha('unit suite as `npx mocha` runs it', ['--reporter', 'dot']);
process.exit(failed ? 1 : 0);
