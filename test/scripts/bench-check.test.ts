// `npm run bench -- --check` (scripts/bench.ts): every row's set-up run once on tiny input against
// the built bundles, so that a change to the build that breaks what a row relies on (a function
// scripts/first-analysis.mjs takes out of dist/review-worker-main.js, the server's rule index or its
// memory log's idle-step line, the CLI's JSON report) shows here in seconds, not first in a bench run
// of many minutes. No timing is asserted: only that each row gave its values, and that a row that
// throws fails alone (its line says `error` and why, the other rows are measured, the exit status is 1).
// Needs dist/: `npx mocha` and `npm test` build it first (test/support/global-setup.cjs, the build step).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateContract } from '../../scripts/bench-contract';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const NEEDED = ['server.js', 'cli.js', 'review-worker-main.js'];

/** Runs the bench with `args`; its table's rows by name (first column) with their result (last column). */
function bench(args: string[]): { status: number | null; stdout: string; stderr: string; rows: Array<{ line: string; result: string }> } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
  const lines = r.stdout.split('\n');
  const head = lines.findIndex((l) => l.startsWith('measurement '));
  const end = lines.findIndex((l) => l.startsWith('load average at the end'));
  const rows = head >= 0 && end > head ? lines.slice(head + 1, end).map((line) => ({ line, result: line.trim().split(/\s+/).pop()! })) : [];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, rows };
}

describe('the bench\'s check mode (npm run bench -- --check)', function () {
  this.timeout(180_000);

  before(function () {
    const missing = NEEDED.filter((f) => !existsSync(path.join(DIST, f)));
    if (missing.length) {
      console.log(`    skipped: the bench check needs the build (dist/${missing.join(', dist/')} absent): run npm run build, or npx mocha, which builds first`);
      this.skip();
    }
  });

  it('runs every row\'s set-up on tiny input against dist/ and each row gives its values', () => {
    const r = bench(['--check']);
    const why = `${r.stdout}\n${r.stderr.slice(-3000)}`;
    assert.equal(r.status, 0, why);
    const expected = [
      /^CLI cold start, one small contract/, /^First full analysis, check/, /^CLI over check/,
      /^LSP keystroke to diagnostics, 100 KB/, /^LSP keystroke to diagnostics, 1 MB/, /^LSP hover during editing \([1-9]\d* hovers\)/,
      /^Server RSS, 1 x 210 KB contracts open/, /^Server RSS growth over 5 edits/,
    ];
    assert.equal(r.rows.length, expected.length, why);
    expected.forEach((re, i) => {
      assert.match(r.rows[i].line, re, why);
      assert.equal(r.rows[i].result, 'ok', r.rows[i].line);
    });
    assert.doesNotMatch(r.stdout, /NaN|undefined/, why);
  });

  it('fails the first-analysis row alone when the review worker\'s bundle no longer has reviewSteps, and exits 1', () => {
    // A copy of dist/ whose worker bundle has reviewSteps renamed (as esbuild does when another
    // module's top-level function takes the name); everything else linked to the real build.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clausewise-bench-check-'));
    try {
      for (const f of readdirSync(DIST)) if (f !== 'review-worker-main.js') symlinkSync(path.join(DIST, f), path.join(dir, f));
      const worker = readFileSync(path.join(DIST, 'review-worker-main.js'), 'utf8');
      const renamed = worker.replace('function* reviewSteps(', 'function* reviewSteps2(');
      assert.notEqual(renamed, worker, 'dist/review-worker-main.js has no `function* reviewSteps(` to rename: the test\'s premise changed');
      writeFileSync(path.join(dir, 'review-worker-main.js'), renamed);
      const r = bench(['--check', '--only=analysis,cold', `--dist=${dir}`]);
      const why = `${r.stdout}\n${r.stderr.slice(-3000)}`;
      assert.equal(r.status, 1, why);
      assert.equal(r.rows.length, 2, why);
      const [cold, analysis] = r.rows;
      assert.match(cold.line, /^CLI cold start/, why);
      assert.equal(cold.result, 'ok', why);
      assert.match(analysis.line, /^First full analysis, check: 6 KB \(built bundle\)\s+error: scripts\/first-analysis\.mjs failed .*expected one `function\* reviewSteps\(`/, why);
      assert.equal(analysis.result, 'error', why);
      assert.match(r.stdout, /^1 row failed to measure/m, why);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the first analysis apart by engine step and, profiled, by source folder (scripts/first-analysis-parts.mjs)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clausewise-bench-check-'));
    try {
      const file = path.join(dir, 'contract.md');
      writeFileSync(file, generateContract(6_000));
      const r = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'scripts', 'first-analysis-parts.mjs'), '--profile', file], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.ok(out.diagnostics > 0, r.stdout);
      // The engine's step names (engine/review.ts currentStep), grouped: a rename there shows here.
      for (const step of ['contract check', 'sentence list', 'assess', 'rule', 'findings']) assert.ok(out.steps[step]?.steps > 0, `no step "${step}": ${r.stdout}`);
      // Samples mapped through the bundle's source map to the server's folders (which ones a short run samples varies).
      const areas = Object.keys(out.profile.areas);
      assert.ok(areas.some((a) => /^server\/src\/[a-z-]+\/$/.test(a)), `no samples mapped to server/src: ${areas.join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the LSP rows at once with the server\'s last words when the server exits, rather than waiting for diagnostics', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clausewise-bench-check-'));
    try {
      for (const f of readdirSync(DIST)) if (f !== 'server.js') symlinkSync(path.join(DIST, f), path.join(dir, f));
      writeFileSync(path.join(dir, 'server.js'), "process.stderr.write('stand-in server: leaving at once\\n');\nprocess.exit(3);\n");
      const r = bench(['--check', '--only=lsp', `--dist=${dir}`]);
      const why = `${r.stdout}\n${r.stderr.slice(-3000)}`;
      assert.equal(r.status, 1, why);
      assert.equal(r.rows.length, 3, why);
      for (const row of r.rows.slice(0, 2)) {
        assert.match(row.line, /^LSP keystroke to diagnostics, (100 KB|1 MB)\s+error: the server exited \(code 3, signal null\); its last output: stand-in server: leaving at once/, why);
        assert.equal(row.result, 'error', why);
      }
      assert.match(r.rows[2].line, /^LSP hover during editing\s+error: no hover was answered: the editing rows above failed/, why);
      assert.match(r.stdout, /^3 rows failed to measure/m, why);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
