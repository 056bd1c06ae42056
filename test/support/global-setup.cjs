// Mocha global fixture (runs once in the main process, before any worker starts): builds dist/ when
// it is missing or older than the sources, so the tests that run the built CLI or server find it
// fresh and two parallel test files never run esbuild at the same time. `npm test` builds first,
// so there this only checks modification times.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLES = ['dist/cli.js', 'dist/server.js', 'dist/convert.js'].map((f) => path.join(ROOT, f));
const GENERATED = path.join(ROOT, 'server', 'src', 'library', 'clauses.generated.json');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Newest modification time of any file under `dir`; also used by test/cli/helpers.ts. */
exports.newestMtime = newestMtime;

exports.mochaGlobalSetup = function buildOnce() {
  const sources = newestMtime(path.join(ROOT, 'server', 'src'));
  const stale = BUNDLES.some((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs < sources);
  if (!stale) return;
  if (!fs.existsSync(GENERATED)) spawnSync(process.execPath, ['scripts/generate-clauses.mjs'], { cwd: ROOT, stdio: 'ignore' });
  // A bundle that fails to build is reported by the tests that need it (test/cli/helpers.ts
  // ensureBuilt builds the CLI alone), not here: the other tests can still run.
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`global set-up: node esbuild.mjs failed:\n${r.stderr}\n`);
};
