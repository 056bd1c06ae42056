/** The CLI, run(argv, io) in this process: options, exit codes, formats. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATEGORY_IDS, PROFILES, VERSION } from '../../server/src/engine';
import { FIXTURES, makeTempDir, runCli, runJson } from './helpers';

const ANSI = /\x1b\[[0-9;]*m/;

describe('cli: usage and exit code 2', () => {

  it('exits 2 with a usage message when no paths are given', async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no files given/);
    assert.match(r.stderr, /Usage: clausewise/);
    assert.equal(r.stdout, '');
  });

  it('exits 2 naming a missing file', async () => {
    const r = await runCli(['does-not-exist.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /does-not-exist\.md: no such file or directory/);
  });

  it('still reviews the other files when one is missing, and exits 2', async () => {
    const r = await runJson(['readme.md', 'missing.md']);
    assert.equal(r.code, 2);
    assert.deepEqual(r.json.files.map((f) => f.path), ['readme.md']);
    assert.match(r.stderr, /missing\.md/);
  });

  it('exits 2 on an unknown option, suggesting the right one', async () => {
    const r = await runCli(['--formt', 'json', 'readme.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option "--formt"/);
    assert.match(r.stderr, /did you mean --format\?/);
  });

  for (const args of [['--format', 'xml'], ['--fail-on', 'sometimes'], ['--output'], ['--profile'], ['--force=yes'], ['-', 'readme.md'], ['--shard', '0/2'], ['--max-warnings', 'many'], ['--concurrency', '0']]) {
    it(`exits 2 on bad usage: ${args.join(' ')}`, async () => {
      const r = await runCli([...args, ...(args.length > 1 || args[0] === '--force=yes' ? ['readme.md'] : [])]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /clausewise: error: /);
      assert.equal(r.stdout, '');
    });
  }

  it('exits 2 on an unknown --profile, naming it and listing the known profiles', async () => {
    const r = await runCli(['--profile', 'it-outsourcing,no-such-profile', 'readme.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"no-such-profile"/);
    for (const id of Object.keys(PROFILES)) assert.ok(r.stderr.includes(id), `lists ${id}`);
    assert.equal(r.stdout, '');
  });

  it('exits 2 and names the file when the front matter is invalid YAML, but still reports', async () => {
    const r = await runJson(['bad-front-matter.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad-front-matter\.md: .*front matter/i);
    assert.equal(r.json.files.length, 1);
  });

  it('exits 2 and names the file and profile when front matter asks for an unknown profile', async () => {
    const r = await runCli(['unknown-profile.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown-profile\.md: .*no-such-profile/);
  });
});

describe('cli: --help and --version', () => {

  it('--help prints usage with options and examples, exit 0', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: clausewise \[options\] <file\|dir\|glob>\.\.\./);
    for (const flag of ['--format', '--output', '--force', '--profile', '--fail-on', '--quiet', '--no-color', '--version', '--help']) assert.ok(r.stdout.includes(flag), flag);
    assert.match(r.stdout, /Examples:/);
    assert.match(r.stdout, /Exit codes:/);
  });

  it('--version prints the version, exit 0', async () => {
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `clausewise ${VERSION}\n`);
  });
});

describe('cli: contracts and non-contracts', () => {

  it('a README-like file is not a contract: exit 0, isContract false, empty coverage, no diagnostics', async () => {
    const r = await runJson(['readme.md']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const [f] = r.json.files;
    assert.equal(f.path, 'readme.md');
    assert.equal(f.isContract, false);
    assert.deepEqual(f.coverage, {});
    assert.deepEqual(f.diagnostics, []);
    assert.deepEqual(r.json.summary, { files: 1, contracts: 0, errors: 0, warnings: 0, information: 0, hints: 0 });
  });

  it('--force reviews it as a contract with a verdict for every category of the default profile', async () => {
    const r = await runJson(['--force', 'readme.md']);
    assert.notEqual(r.code, 2, r.stderr);
    const [f] = r.json.files;
    assert.equal(f.isContract, true);
    assert.deepEqual(f.profiles, ['it-outsourcing']);
    assert.deepEqual(Object.keys(f.coverage), [...CATEGORY_IDS]);
    assert.equal(r.json.summary.contracts, 1);
  });

  it('a contract gets coverage in spec category order', async () => {
    const r = await runJson(['contract.md']);
    assert.notEqual(r.code, 2, r.stderr);
    const [f] = r.json.files;
    assert.equal(f.isContract, true);
    assert.deepEqual(Object.keys(f.coverage), CATEGORY_IDS.filter((c) => c in f.coverage));
    for (const v of Object.values(f.coverage)) assert.ok(['present', 'weak', 'missing'].includes(v));
  });

  it('--profile (repeatable and comma-separated) sets the profiles; coverage has exactly their categories', async () => {
    const ids = Object.keys(PROFILES);
    const args = ids.length > 1 ? ['--profile', ids.slice(1).join(','), '--profile', ids[0]] : ['--profile', ids[0], '--profile', ids[0]];
    const r = await runJson([...args, '--force', 'readme.md']);
    assert.notEqual(r.code, 2, r.stderr);
    const [f] = r.json.files;
    assert.deepEqual([...f.profiles].sort(), [...ids].sort());
    const expected = new Set(ids.flatMap((id) => PROFILES[id].categories));
    assert.deepEqual(Object.keys(f.coverage), CATEGORY_IDS.filter((c) => expected.has(c)));
  });
});

describe('cli: exit codes follow --fail-on', () => {

  for (const file of ['contract.md', 'readme.md']) {
    it(`${file}: 1 exactly when a finding is at or above the level`, async () => {
      const base = await runJson(['--force', '--fail-on', 'none', file]);
      assert.equal(base.code, 0, base.stderr);
      const { errors, warnings } = base.json.summary;
      assert.equal((await runCli(['--force', file])).code, errors > 0 ? 1 : 0);
      assert.equal((await runCli(['--force', '--fail-on', 'error', file])).code, errors > 0 ? 1 : 0);
      assert.equal((await runCli(['--force', '--fail-on', 'warning', file])).code, errors + warnings > 0 ? 1 : 0);
    });
  }

  it('exit 2 beats exit 1: problems with the input win over findings', async () => {
    assert.equal((await runCli(['--fail-on', 'none', 'bad-front-matter.md'])).code, 2);
  });

  it('--quiet reports errors only, in both formats', async () => {
    const all = await runJson(['--force', 'contract.md']);
    const quiet = await runJson(['--force', '--quiet', 'contract.md']);
    assert.equal(quiet.code, all.code);
    const errors = all.json.files[0].diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(quiet.json.files[0].diagnostics, errors);
    assert.deepEqual(quiet.json.summary, { ...all.json.summary, warnings: 0, information: 0, hints: 0 });
    const stylish = await runCli(['--force', '--quiet', 'contract.md']);
    assert.doesNotMatch(stylish.stdout, /^\s+\d+:\d+\s+(warning|information|hint)\s/m);
    assert.doesNotMatch(stylish.stdout, /coverage:/);
  });
});

describe('cli: stylish output', () => {

  it('groups by file, shows coverage for contracts and a summary line, without colour when piped', async () => {
    const r = await runCli(['contract.md', 'readme.md']);
    assert.notEqual(r.code, 2, r.stderr);
    assert.doesNotMatch(r.stdout, ANSI);
    assert.match(r.stdout, /^contract\.md$/m);
    assert.match(r.stdout, /^readme\.md$/m);
    assert.match(r.stdout, /^ {2}coverage: \d+ present, \d+ weak, \d+ missing$/m);
    assert.match(r.stdout, /not reviewed as a contract/);
    assert.match(r.stdout, /^\d+ findings? \(\d+ errors?, \d+ warnings?, \d+ information, \d+ hints?\) in 1 contract; 2 files reviewed\n$/m);
  });

  it('rows read `line:col  severity  message  ruleId` with one-based positions', async () => {
    const json = (await runJson(['--force', 'contract.md'])).json;
    const r = await runCli(['--force', 'contract.md']);
    for (const d of json.files[0].diagnostics) {
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const row = r.stdout.split('\n').find((l) => l.trimStart().startsWith(`${pos} `) && l.trimEnd().endsWith(`  ${d.ruleId}`));
      assert.ok(row, `a row for ${d.ruleId} at ${pos}`);
      assert.ok(row.includes(d.severity));
    }
  });

  it('--color forces colour; --no-color and NO_COLOR turn it off', async () => {
    assert.match((await runCli(['--color', 'contract.md'])).stdout, ANSI);
    assert.doesNotMatch((await runCli(['--no-color', 'contract.md'])).stdout, ANSI);
    assert.doesNotMatch((await runCli(['contract.md'], { env: { NO_COLOR: '1' } })).stdout, ANSI);
  });
});

describe('cli: --output', () => {

  it('writes the report to the file, identical to what stdout would get, and prints nothing', async () => {
    const dir = makeTempDir();
    try {
      for (const format of ['json', 'stylish']) {
        const out = path.join(dir, 'reports', `report.${format}`);
        const r = await runCli(['--format', format, '--output', out, 'contract.md', 'readme.md']);
        assert.notEqual(r.code, 2, r.stderr);
        assert.equal(r.stdout, '');
        const expected = (await runCli(['--format', format, 'contract.md', 'readme.md'])).stdout;
        assert.equal(fs.readFileSync(out, 'utf8'), expected);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never writes colour into a file', async () => {
    const dir = makeTempDir();
    try {
      const out = path.join(dir, 'r.txt');
      await runCli(['--output', out, 'contract.md']);
      assert.doesNotMatch(fs.readFileSync(out, 'utf8'), ANSI);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 when the report cannot be written', async () => {
    const r = await runCli(['--output', path.join(FIXTURES, 'readme.md', 'x.json'), 'readme.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write the report/);
  });
});
