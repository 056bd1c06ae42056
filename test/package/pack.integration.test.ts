// The npm package as a user gets it: `npm pack` (which builds dist/ in prepack), an offline install of
// the tarball into an empty project, then `npx clausewise` there. Slow (a build and an install), so
// one pack is shared by every test of the file.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NPM, NPX, ok, packOnce, ROOT, run, tempDir } from './packed';

/** Every file the package may hold: the bundles the bins load, the bins, the schema, the docs the CLI and README link to. */
const ALLOWED = [
  /^package\.json$/, /^README\.md$/, /^LICENSE$/,
  /^bin\/clausewise(-server)?\.js$/,
  // One line each ({"type": "commonjs"}): Node's loader stops there instead of reading the root package.json at every start.
  /^(bin|dist)\/package\.json$/,
  /^dist\/(cli|cli-main|server|server-main|convert)\.js$/,
  // The classifier's weights, read beside the bundle that imports the classifier (esbuild.mjs).
  /^dist\/classifier-weights\.bin$/,
  /^schema\/clausewise\.schema\.json$/,
  /^docs\/[a-z-]+\.md$/, /^docs\/rules\/([a-z0-9-]+|README)\.md$/,
];
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'bin/clausewise.js', 'bin/clausewise-server.js', 'bin/package.json', 'dist/package.json', 'dist/cli.js', 'dist/cli-main.js', 'dist/classifier-weights.bin', 'dist/server.js', 'dist/server-main.js', 'dist/convert.js', 'schema/clausewise.schema.json', 'docs/cli.md', 'docs/ci.md', 'docs/rules/README.md', 'docs/rules/sla-metrics.md'];

describe('npm package', function () {
  this.timeout(300_000);
  let tarball: string;
  let files: string[];
  let project: string;

  before(() => {
    // With its scripts: prepack builds dist/, as it does for `npm publish` and for installs from git.
    ({ tarball, files } = packOnce());
    project = tempDir('clausewise-project-');
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'contracts', version: '1.0.0', private: true }));
    fs.copyFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), path.join(project, 'msa.md'));
  });

  it('holds the bundles, bins, schema, docs and licence, and nothing else', () => {
    for (const f of REQUIRED) assert.ok(files.includes(f), `${f} is in the package`);
    const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(stray, [], 'files that should not ship');
  });

  it('ships every docs/ page that the CLI names', () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli-main.js'), 'utf8');
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
