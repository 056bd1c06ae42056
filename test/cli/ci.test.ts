/**
 * The CLI in pipelines: config files (nearest wins, extends, include/ignore, --print-config, invalid
 * files -> exit 2 with file and line), gates (--max-warnings), suppression comments, baselines,
 * standard input, .gitignore, --shard and parallel runs.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, FIXTURES, makeTempDir, runBuiltCli, runCli, runJson, writeFiles } from './helpers';
import { inShard } from '../../server/src/cli/shard';

const CONTRACT = fs.readFileSync(path.join(FIXTURES, 'contract.md'), 'utf8');
const README = fs.readFileSync(path.join(FIXTURES, 'readme.md'), 'utf8');

/** A fresh temporary git-rooted workspace (so config lookup stops inside it). */
function workspace(files: Record<string, string>): string {
  const dir = makeTempDir('clausewise-ci-');
  writeFiles(dir, { '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  return dir;
}

describe('cli: configuration files', () => {
  let dir: string;
  before(() => {
    dir = workspace({
      '.clausewise.yaml': 'severity:\n  insurance: off\n  vague-wording: error\nignore:\n  - templates/\n  - "*.draft.md"\n',
      'msa.md': CONTRACT,
      'old.draft.md': CONTRACT,
      'templates/t.md': CONTRACT,
      'contracts/.clausewise.json': '{\n  "extends": "../shared/base.yaml",\n  "severity": { "sla": "warning" },\n  "include": ["schedule-*.md"]\n}\n',
      'contracts/msa.md': CONTRACT,
      'contracts/schedule-1.md': README,
      'shared/base.yaml': 'profiles: [it-outsourcing, gdpr-processor]\nseverity:\n  sla: error\n  audit-rights: hint\n',
      'pkg/package.json': '{\n  "name": "pkg",\n  "clausewise": { "severity": { "audit-rights": "off" } }\n}\n',
      'pkg/msa.md': CONTRACT,
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const findings = async (args: string[]) => {
    const r = await runJson(['--fail-on', 'none', ...args], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    return r.json;
  };

  it('the nearest config applies: severities and off, per folder', async () => {
    const json = await findings(['msa.md', 'contracts/msa.md', 'pkg/msa.md']);
    const [contracts, root, pkg] = json.files;
    assert.deepEqual(json.files.map((f) => f.path), ['contracts/msa.md', 'msa.md', 'pkg/msa.md']);
    // Root: insurance off, vague wording raised to error.
    assert.ok(!root.diagnostics.some((d) => d.ruleId === 'insurance'));
    assert.ok(root.diagnostics.filter((d) => d.ruleId === 'vague-wording').every((d) => d.severity === 'error'));
    // contracts/ (extends shared/base.yaml): no cascade from the root config, so insurance is back.
    assert.ok(contracts.diagnostics.some((d) => d.ruleId === 'insurance'));
    assert.deepEqual(contracts.profiles, ['it-outsourcing', 'gdpr-processor'], 'profiles from the extended file');
    assert.ok(contracts.diagnostics.filter((d) => d.category === 'sla').every((d) => d.severity === 'warning'), 'this file beats the one it extends');
    assert.ok(contracts.diagnostics.filter((d) => d.ruleId === 'audit-rights').every((d) => d.severity === 'hint'), 'entries of the extended file stay');
    // pkg/: the "clausewise" key of package.json.
    assert.ok(!pkg.diagnostics.some((d) => d.ruleId === 'audit-rights'));
    assert.ok(pkg.diagnostics.some((d) => d.ruleId === 'insurance'));
  });

  it('ignore globs leave files out of folder walks; a file named explicitly is skipped with a warning', async () => {
    const json = await findings(['.']);
    assert.deepEqual(json.files.map((f) => f.path), ['contracts/msa.md', 'contracts/schedule-1.md', 'msa.md', 'pkg/msa.md']);
    const r = await runJson(['--fail-on', 'none', 'old.draft.md', 'msa.md'], { cwd: dir });
    assert.deepEqual(r.json.files.map((f) => f.path), ['msa.md']);
    assert.match(r.stderr, /old\.draft\.md: not reviewed: ignored by "\*\.draft\.md" in \.clausewise\.yaml/);
  });

  it('include globs make a file a contract, relative to the config file that names them', async () => {
    const [f] = (await findings(['contracts/schedule-1.md'])).files;
    assert.equal(f.isContract, true);
    const stylish = await runCli(['--fail-on', 'none', 'schedule-1.md'], { cwd: path.join(dir, 'contracts') });
    assert.doesNotMatch(stylish.stdout, /not reviewed as a contract/);
  });

  it('--print-config prints the configuration in effect for a file', async () => {
    const r = await runCli(['--print-config', 'contracts/msa.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout);
    assert.equal(c.file, 'contracts/msa.md');
    assert.equal(c.config, 'contracts/.clausewise.json');
    assert.deepEqual(c.configFiles, ['contracts/.clausewise.json', 'shared/base.yaml']);
    assert.deepEqual(c.profiles, ['it-outsourcing', 'gdpr-processor']);
    assert.deepEqual(c.severity, { sla: 'warning', 'audit-rights': 'hint' });
    assert.deepEqual(c.include, ['contracts/schedule-*.md']);
    assert.equal(c.ignored, false);
    const t = JSON.parse((await runCli(['--print-config', 'templates/t.md'], { cwd: dir })).stdout);
    assert.equal(t.ignored, true);
    assert.deepEqual(t.ignore, ['templates/', '*.draft.md']);
    const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
    const none = JSON.parse((await runCli(['--print-config', 'x.md', '--profile', 'dora-ict'], { cwd: empty })).stdout);
    assert.deepEqual(none.profiles, ['it-outsourcing', 'dora-ict'], '--profile adds to the default, and is part of the configuration in effect');
    const only = JSON.parse((await runCli(['--print-config', 'x.md', '--profile-only', 'dora-ict'], { cwd: empty })).stdout);
    assert.deepEqual(only.profiles, ['dora-ict']);
  });

  it('--profile adds to the config file\'s profiles; --profile-only replaces them', async () => {
    const [f] = (await findings(['--profile', 'dora-ict', 'contracts/msa.md'])).files;
    assert.deepEqual(f.profiles, ['it-outsourcing', 'gdpr-processor', 'dora-ict']);
    const [g] = (await findings(['--profile-only', 'dora-ict', 'contracts/msa.md'])).files;
    assert.deepEqual(g.profiles, ['dora-ict']);
  });
});

describe('cli: an invalid configuration file stops the run with exit 2, naming the file and line', () => {

  const cases: Array<[string, string, string, RegExp]> = [
    ['a bad severity', '.clausewise.yaml', 'profiles: [it-outsourcing]\nseverity:\n  sla-metrics: critical\n', /\.clausewise\.yaml:3:16: severity\.sla-metrics: must be one of error, warning, information, hint, off \(found "critical"\)/],
    ['an unknown rule', '.clausewise.yml', 'severity:\n  sla-metric: off\n', /\.clausewise\.yml:2:3: severity\.sla-metric: unknown rule or category "sla-metric"; did you mean "sla-metrics"/],
    ['broken YAML', '.clausewise.yaml', 'severity:\n  sla: warning\n - x\n', /\.clausewise\.yaml:3:\d+: not valid YAML/],
    ['broken JSON', '.clausewise.json', '{\n  "severity": { "sla": "warning", }\n}\n', /\.clausewise\.json:2:\d+: not valid JSON/],
    ['a package.json key', 'package.json', '{\n  "name": "x",\n  "clausewise": {\n    "thresholds": { "minAvailability": "high" }\n  }\n}\n', /package\.json:4:\d+: clausewise\.thresholds\.minAvailability: must be a number/],
  ];
  for (const [what, name, text, expected] of cases) {
    it(what, async () => {
      const dir = workspace({ [`sub/${name}`]: text, 'sub/msa.md': CONTRACT, 'other.md': CONTRACT });
      try {
        const r = await runCli(['--format', 'json', '.'], { cwd: dir });
        assert.equal(r.code, 2);
        assert.match(r.stderr, new RegExp(`clausewise: error: sub/${expected.source}`));
        assert.match(r.stderr, /nothing was reviewed/);
        assert.equal(r.stdout, '', 'no report');
        const p = await runCli(['--print-config', 'sub/msa.md'], { cwd: dir });
        assert.equal(p.code, 2);
        assert.match(p.stderr, expected);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('cli: gates and suppression comments', () => {
  let dir: string;
  before(() => {
    dir = workspace({ 'msa.md': CONTRACT, 'readme.md': README });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--max-warnings N: exit 1 only when there are more than N warnings', async () => {
    const base = await runJson(['--fail-on', 'none', 'msa.md'], { cwd: dir });
    const n = base.json.summary.warnings;
    assert.ok(n > 2);
    assert.equal((await runCli(['--fail-on', 'none', '--max-warnings', String(n), 'msa.md'], { cwd: dir })).code, 0);
    const over = await runCli(['--fail-on', 'none', '--max-warnings', String(n - 1), 'msa.md'], { cwd: dir });
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`${n} warnings found; --max-warnings allows ${n - 1}`));
    assert.equal((await runCli(['--fail-on', 'none', '--max-warnings', '0', 'readme.md'], { cwd: dir })).code, 0);
    // --quiet hides warnings from the report, not from the gate.
    assert.equal((await runCli(['--fail-on', 'none', '--quiet', '--max-warnings', '0', 'msa.md'], { cwd: dir })).code, 1);
  });

  it('accepted findings do not count toward the exit code; an unknown name in a comment is a warning, not a failure', async () => {
    const accepted = `<!-- clausewise-disable-file -- reviewed by legal, all accepted -->\n${CONTRACT}`;
    writeFiles(dir, { 'accepted.md': accepted, 'typo.md': `<!-- clausewise-disable-file vague-wordng -->\n${CONTRACT}` });
    const r = await runJson(['accepted.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.files[0].diagnostics.length, 0);
    const t = await runCli(['--fail-on', 'none', 'typo.md'], { cwd: dir });
    assert.equal(t.code, 0);
    assert.match(t.stderr, /clausewise: warning: typo\.md:1:1: unknown rule or category "vague-wordng".*did you mean vague-wording/);
  });
});

describe('cli: baseline', () => {
  let dir: string;
  before(() => {
    dir = workspace({ 'contracts/msa.md': CONTRACT, 'contracts/readme.md': README });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--write-baseline records the findings (documented format), and the run passes', async () => {
    const before = (await runJson(['--fail-on', 'none', 'contracts'], { cwd: dir })).json;
    const r = await runCli(['--write-baseline', 'ci/clausewise-baseline.json', 'contracts'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`wrote ${before.files[0].diagnostics.length} findings in 1 file to ci/clausewise-baseline.json`));
    const b = JSON.parse(fs.readFileSync(path.join(dir, 'ci', 'clausewise-baseline.json'), 'utf8'));
    assert.equal(b.tool, 'clausewise');
    assert.equal(b.version, 1);
    assert.deepEqual(Object.keys(b.files), ['../contracts/msa.md'], 'paths relative to the baseline file');
    const entries = b.files['../contracts/msa.md'] as Array<{ ruleId: string; fingerprint: string; line: number; message: string }>;
    assert.deepEqual(entries.map((e) => e.ruleId), before.files[0].diagnostics.map((d) => d.ruleId));
    assert.deepEqual(entries.map((e) => e.line), before.files[0].diagnostics.map((d) => d.range.start.line + 1));
  });

  it('--baseline: known findings pass even after they move lines; a new finding fails and is the only one reported', async () => {
    await runCli(['--write-baseline', 'baseline.json', 'contracts'], { cwd: dir });
    const same = await runJson(['--baseline', 'baseline.json', 'contracts'], { cwd: dir });
    assert.equal(same.code, 0, same.stderr);
    const total = (await runJson(['--fail-on', 'none', 'contracts'], { cwd: dir })).json.files[0].diagnostics.length;
    assert.equal(same.json.summary.baselined, total);
    assert.deepEqual(same.json.files[0].diagnostics, []);

    // An edit above every finding moves them all down; they stay known.
    const moved = CONTRACT.replace('## 1. Services', 'The Parties agree as follows.\n\nThis recital was added later.\n\n## 1. Services');
    writeFiles(dir, { 'contracts/msa.md': moved });
    const after = await runJson(['--baseline', 'baseline.json', '--fail-on', 'warning', 'contracts'], { cwd: dir });
    assert.equal(after.code, 0, `still known after moving: ${JSON.stringify(after.json.files[0].diagnostics)}`);
    assert.equal(after.json.summary.baselined, total);

    // A new gap: an error that was not there.
    const worse = moved.replace('2.1 The Supplier shall take appropriate technical and organisational measures to protect Customer Data.', '2.1 The Parties shall cooperate in good faith on security matters.');
    assert.notEqual(worse, moved);
    writeFiles(dir, { 'contracts/msa.md': worse });
    const failing = await runJson(['--baseline', 'baseline.json', 'contracts'], { cwd: dir });
    assert.equal(failing.code, 1);
    const fresh = failing.json.files[0].diagnostics;
    assert.ok(fresh.length > 0 && fresh.length < total, 'only the new findings are reported');
    assert.ok(fresh.some((d) => d.ruleId === 'security-obligations' && d.severity === 'error'), JSON.stringify(fresh.map((d) => d.ruleId)));
    const stylish = await runCli(['--baseline', 'baseline.json', 'contracts'], { cwd: dir });
    assert.match(stylish.stdout, /known findings? in the baseline not shown/);
    writeFiles(dir, { 'contracts/msa.md': CONTRACT });
  });

  it('a missing or broken baseline is exit 2 with the fix', async () => {
    const r = await runCli(['--baseline', 'nope.json', 'contracts'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.json: cannot read the baseline: no such file; create it with --write-baseline/);
    writeFiles(dir, { 'broken.json': '{ "files": ' });
    assert.match((await runCli(['--baseline', 'broken.json', 'contracts'], { cwd: dir })).stderr, /broken\.json: not valid JSON/);
  });
});

describe('cli: standard input', () => {
  let dir: string;
  before(() => {
    dir = workspace({ '.clausewise.yaml': 'severity: { insurance: off }\n', 'contracts/.keep': '' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--stdin-filename reads the text from standard input, names it, and finds its config', async () => {
    const fromFile = (await runJson(['--fail-on', 'none', 'contract.md'], { cwd: FIXTURES })).json.files[0];
    const r = await runJson(['--fail-on', 'none', '--stdin-filename', 'contracts/msa.md'], { cwd: dir, input: CONTRACT });
    assert.equal(r.code, 0, r.stderr);
    const [f] = r.json.files;
    assert.equal(f.path, 'contracts/msa.md');
    assert.deepEqual(f.diagnostics, fromFile.diagnostics.filter((d) => d.ruleId !== 'insurance'), 'same findings, with the config applied');
  });

  it('"-" reads standard input as <stdin>', async () => {
    const r = await runJson(['--fail-on', 'none', '-'], { cwd: dir, input: CONTRACT });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.files[0].path, '<stdin>');
    assert.equal(r.json.files[0].isContract, true);
    const stylish = await runCli(['-'], { cwd: dir, input: README });
    assert.equal(stylish.code, 0);
    assert.match(stylish.stdout, /^<stdin>$/m);
  });

  it('standard input with file paths is a usage error', async () => {
    const r = await runCli(['-', 'x.md'], { cwd: dir, input: CONTRACT });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot be combined/);
  });
});

describe('cli: .gitignore', () => {
  let dir: string;
  before(() => {
    dir = workspace({
      '.gitignore': 'build/\n*.tmp.md\n/top-only.md\n',
      'build/out.md': README,
      'a.md': README,
      'notes.tmp.md': README,
      'top-only.md': README,
      'sub/top-only.md': README,
      'sub/.gitignore': 'private/\n!keep.tmp.md\n',
      'sub/private/x.md': README,
      'sub/keep.tmp.md': README,
      'sub/y.md': README,
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const paths = async (args: string[], cwd = dir) => (await runJson(['--fail-on', 'none', ...args], { cwd })).json.files.map((f) => f.path);

  it('folder walks skip what .gitignore files ignore, nested ones and negations included', async () => {
    assert.deepEqual(await paths(['.']), ['a.md', 'sub/keep.tmp.md', 'sub/top-only.md', 'sub/y.md']);
  });

  it('from a subfolder, the .gitignore files up to the git root still apply', async () => {
    assert.deepEqual(await paths(['.'], path.join(dir, 'sub')), ['keep.tmp.md', 'top-only.md', 'y.md']);
  });

  it('globs skip ignored files too; a file named explicitly is always reviewed', async () => {
    assert.deepEqual(await paths(['**/*.md']), ['a.md', 'sub/keep.tmp.md', 'sub/top-only.md', 'sub/y.md']);
    assert.deepEqual(await paths(['build/out.md']), ['build/out.md']);
  });
});

describe('cli: --shard and parallel runs', () => {
  let dir: string;
  const names: string[] = [];
  before(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 14; i++) {
      const name = `lib/${String.fromCharCode(97 + (i % 5))}/doc-${i}.md`;
      names.push(name);
      // Contracts that differ a little, and some READMEs.
      files[name] = i % 4 === 3 ? README : CONTRACT.replace('three (3) years', `${i + 1} years`).replace('promptly', i % 2 ? 'promptly' : 'within 4 hours');
    }
    dir = workspace(files);
    names.sort();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shards partition the files: each in exactly one shard, the same on every run', async () => {
    for (const n of [1, 2, 3, 5]) {
      const seen: string[] = [];
      for (let i = 1; i <= n; i++) {
        const r = await runJson(['--fail-on', 'none', '--shard', `${i}/${n}`, 'lib'], { cwd: dir });
        assert.equal(r.code, 0, r.stderr);
        const got = r.json.files.map((f) => f.path);
        assert.deepEqual(got, names.filter((p) => inShard(p, i, n)), 'deterministic by path');
        seen.push(...got);
      }
      assert.deepEqual(seen.sort(), names, `${n} shards cover every file exactly once`);
    }
  });

  // End to end: worker threads need the built bundle (dist/cli.js), so the parallel runs start it as a
  // process; the serial runs they are compared with run in this process (the same run(argv, io)).
  it('a parallel run gives the same bytes as a serial one, in every format', async function () {
    this.timeout(180_000);
    ensureBuilt();
    const serialRun = await runCli(['--format', 'json', '--fail-on', 'none', '--concurrency', '1', 'lib'], { cwd: dir, env: { CLAUSEWISE_DEBUG: 'threads' } });
    assert.match(serialRun.stderr, /debug: 14 files in 1 thread\n/);
    const parallelRun = runBuiltCli(['--format', 'json', '--fail-on', 'none', '--concurrency', '3', 'lib'], { cwd: dir, env: { CLAUSEWISE_DEBUG: 'threads' } });
    assert.match(parallelRun.stderr, /debug: 14 files in 3 threads\n/);
    assert.equal(parallelRun.code, 0, parallelRun.stderr);
    assert.equal(parallelRun.stdout, serialRun.stdout);
    for (const format of ['sarif', 'markdown', 'junit', 'stylish']) {
      const s = await runCli(['--format', format, '--concurrency', '1', 'lib'], { cwd: dir });
      // Two threads already split the files and merge their results; each thread more only adds start-up.
      const p = runBuiltCli(['--format', format, '--concurrency', '2', 'lib'], { cwd: dir });
      assert.equal(p.stdout, s.stdout, format);
      assert.equal(p.code, s.code);
    }
    // The default (auto) uses the pool above 8 files, and the main thread for fewer.
    assert.match(runBuiltCli(['--fail-on', 'none', 'lib'], { cwd: dir, env: { CLAUSEWISE_DEBUG: 'threads' } }).stderr, /14 files in \d+ threads?/);
    assert.match(runBuiltCli(['--fail-on', 'none', 'lib/a'], { cwd: dir, env: { CLAUSEWISE_DEBUG: 'threads' } }).stderr, /files in 1 thread\n/);
  });
});
