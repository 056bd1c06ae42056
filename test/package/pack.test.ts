// The npm package as a user gets it: `npm pack` (which builds dist/ in prepack), an offline install of
// the tarball into an empty project, then `npx clausewise` there. Slow (a build and an install), so
// one pack is shared by every test of the file.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Every file the package may hold: the bundles the bins load, the bins, the schema, the docs the CLI and README link to. */
const ALLOWED = [
  /^package\.json$/, /^README\.md$/, /^LICENSE$/,
  /^bin\/clausewise(-server)?\.js$/,
  /^dist\/(cli|server)\.js$/,
  /^schema\/clausewise\.schema\.json$/,
  /^docs\/[a-z-]+\.md$/, /^docs\/rules\/([a-z0-9-]+|README)\.md$/,
];
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'bin/clausewise.js', 'bin/clausewise-server.js', 'dist/cli.js', 'dist/server.js', 'schema/clausewise.schema.json', 'docs/cli.md', 'docs/ci.md', 'docs/rules/README.md', 'docs/rules/sla-metrics.md'];

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };
  // The scripts of this repository run under npm; a parent npm's lifecycle variables must not leak in.
  for (const k of Object.keys(env)) if (k.startsWith('npm_lifecycle') || k === 'npm_package_json') delete env[k];
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

describe('npm package', function () {
  this.timeout(300_000);
  let tmp: string;
  let tarball: string;
  let files: string[];
  let project: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-pack-'));
    // With its scripts: prepack builds dist/, as it does for `npm publish` and for installs from git.
    const out = ok(run(NPM, ['pack', '--json', '--pack-destination', tmp], ROOT), 'npm pack');
    const info = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(tmp, path.basename(info[0].filename));
    files = info[0].files.map((f) => f.path).sort();
    project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'contracts', version: '1.0.0', private: true }));
    fs.copyFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), path.join(project, 'msa.md'));
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundles, bins, schema, docs and licence, and nothing else', () => {
    for (const f of REQUIRED) assert.ok(files.includes(f), `${f} is in the package`);
    const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(stray, [], 'files that should not ship');
  });

  it('ships every docs/ page that the CLI names', () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8');
    const named = new Set([...bundle.matchAll(/\bdocs\/((?:rules\/)?[A-Za-z0-9-]+\.md)/g)].map((m) => `docs/${m[1]}`));
    assert.ok(named.size > 0, 'the CLI names some docs pages');
    for (const f of named) assert.ok(files.includes(f), `${f} (named by the CLI) is in the package`);
  });

  describe('installed offline into an empty project', () => {
    before(() => {
      ok(run(NPM, ['install', '--offline', '--no-package-lock', tarball], project), 'npm install --offline <tarball>');
    });

    it('runs `npx clausewise --format json` on a contract', () => {
      const r = run(NPX, ['--offline', '--no-install', 'clausewise', 'msa.md', '--format', 'json', '--fail-on', 'none'], project);
      const report = JSON.parse(ok(r, 'npx clausewise --format json'));
      assert.equal(report.files.length, 1);
      assert.equal(report.files[0].path, 'msa.md');
      assert.equal(report.files[0].isContract, true);
      assert.ok(report.files[0].diagnostics.length > 0, 'the weak example has findings');
    });

    it('runs `npx clausewise --format sarif` and exits 1 on errors', () => {
      const r = run(NPX, ['--offline', '--no-install', 'clausewise', 'msa.md', '--format', 'sarif'], project);
      assert.equal(r.status, 1, r.stderr);
      const sarif = JSON.parse(r.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.ok(sarif.runs[0].results.length > 0);
      assert.ok(sarif.runs[0].results.every((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0].physicalLocation.artifactLocation.uri === 'msa.md'));
    });

    it('starts the language server bin', () => {
      const r = spawnSync(path.join(project, 'node_modules', '.bin', 'clausewise-server'), ['--stdio'], { input: '', encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.error, undefined);
      assert.doesNotMatch(r.stderr, /MODULE_NOT_FOUND|Cannot find module/);
    });
  });
});
