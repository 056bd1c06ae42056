/**
 * The CLI says what it did: citations in JSON, additive --profile and replacing --profile-only,
 * .gitignore'd files named as such (--no-gitignore), exit 2 when nothing was reviewed (--allow-empty),
 * and "did you mean" for mistyped profile, rule and category ids wherever they are accepted.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { CATEGORY_IDS, PROFILES, review } from '../../server/src/engine';
import { makeTempDir, ROOT, runCli, runJson, writeFiles } from './helpers';

const CONTRACT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cli', 'contract.md'), 'utf8');
const categoriesOf = (...ids: string[]) => CATEGORY_IDS.filter((c) => ids.some((id) => PROFILES[id].categories.includes(c)));

describe('cli: truthful outputs', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir();
    writeFiles(dir, {
      'msa.md': CONTRACT,
      'repo/.gitignore': 'drafts/\n*.tmp.md\n',
      'repo/drafts/a.md': CONTRACT,
      'repo/drafts/b.md': CONTRACT,
      'repo/notes/x.tmp.md': CONTRACT,
      'repo/empty/.keep': '',
      'ignoring/.clausewise.yaml': 'ignore: ["*.md"]\n',
      'ignoring/msa.md': CONTRACT,
    });
    execFileSync('git', ['init', '-q'], { cwd: path.join(dir, 'repo') });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('profiles', () => {
    it('--profile adds to it-outsourcing: coverage has the 22 categories and DORA\'s rules cite DORA', async () => {
      const r = await runJson(['--profile', 'dora-critical', '--fail-on', 'none', 'msa.md'], { cwd: dir });
      const [f] = r.json.files;
      assert.deepEqual(f.profiles, ['it-outsourcing', 'dora-critical']);
      assert.deepEqual(Object.keys(f.coverage), categoriesOf('it-outsourcing', 'dora-critical'));
      assert.equal(Object.keys(f.coverage).length, 22);
    });

    it('--profile-only replaces: coverage has only the profile\'s own categories', async () => {
      const [f] = (await runJson(['--profile-only', 'dora-critical', '--fail-on', 'none', 'msa.md'], { cwd: dir })).json.files;
      assert.deepEqual(f.profiles, ['dora-critical']);
      assert.deepEqual(Object.keys(f.coverage), categoriesOf('dora-critical'));
      assert.ok(Object.keys(f.coverage).length < 22);
    });

    it('--format json gives each finding the citations of the active profiles, and none where no law is cited', async () => {
      const dora = (await runJson(['--profile', 'dora-critical', '--fail-on', 'none', 'msa.md'], { cwd: dir })).json.files[0].diagnostics as Array<{ ruleId: string; citations?: string[] }>;
      const cited = dora.filter((d) => d.citations);
      assert.ok(cited.length > 0, 'some findings carry citations');
      for (const d of cited) assert.deepEqual(d.citations, [PROFILES['dora-critical'].citations[d.ruleId]].filter(Boolean), d.ruleId);
      for (const d of dora.filter((x) => !x.citations)) assert.equal(PROFILES['dora-critical'].citations[d.ruleId], undefined, `${d.ruleId} has a DORA citation but the JSON has none`);
      const plain = (await runJson(['--fail-on', 'none', 'msa.md'], { cwd: dir })).json.files[0].diagnostics as Array<{ citations?: string[] }>;
      assert.ok(plain.every((d) => d.citations === undefined), 'it-outsourcing cites no law');
    });

    it('the help and the README say that --profile adds and --profile-only replaces', async () => {
      const help = (await runCli(['--help'])).stdout;
      assert.match(help, /--profile <id> +Also review against these profiles, in addition to/);
      assert.match(help, /--profile-only <id> +Review against these profiles only/);
      const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      assert.match(readme, /`--profile dora-critical` reviews the 22 `it-outsourcing` categories plus DORA's/);
      assert.match(readme, /`--profile-only dora-critical` reviews\s+DORA's 12 categories alone/);
      assert.equal(categoriesOf('dora-critical').length, 12, 'the README\'s count of DORA categories');
    });
  });

  describe('.gitignore and empty runs', () => {
    it('names a folder whose files .gitignore hides, exits 2 with that reason, and --no-gitignore reviews them', async () => {
      const r = await runCli(['drafts'], { cwd: path.join(dir, 'repo') });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'clausewise: error: nothing reviewed: drafts: all 2 .md, .markdown and .txt files in this folder are ignored by .gitignore (the folder itself is ignored); pass --no-gitignore to review them (pass --allow-empty to let a run that reviews no file pass)\n');
      const all = await runJson(['--no-gitignore', '--fail-on', 'none', 'drafts', 'notes'], { cwd: path.join(dir, 'repo') });
      assert.equal(all.code, 0, all.stderr);
      assert.deepEqual(all.json.files.map((f) => f.path), ['drafts/a.md', 'drafts/b.md', 'notes/x.tmp.md']);
    });

    it('says when a single file in a folder is ignored, and when a glob matches only ignored files', async () => {
      const one = await runCli(['notes'], { cwd: path.join(dir, 'repo') });
      assert.equal(one.code, 2);
      assert.match(one.stderr, /notes: the only \.md, \.markdown or \.txt file in this folder is ignored by \.gitignore; pass --no-gitignore to review it/);
      const glob = await runCli(['notes/*.md'], { cwd: path.join(dir, 'repo') });
      assert.match(glob.stderr, /notes\/\*\.md: every file this pattern matches is ignored by \.gitignore; pass --no-gitignore/);
    });

    it('an empty folder exits 2 with the reason; --allow-empty exits 0 with an empty report', async () => {
      const r = await runCli(['empty'], { cwd: path.join(dir, 'repo') });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /error: nothing reviewed: empty: no \.md, \.markdown, \.txt, \.docx or \.pdf files in this folder/);
      const ok = await runJson(['--allow-empty', 'empty'], { cwd: path.join(dir, 'repo') });
      assert.equal(ok.code, 0, ok.stderr);
      assert.deepEqual(ok.json.files, []);
      assert.equal(ok.json.summary.files, 0);
    });

    it('files that the configuration ignores, all of them, exit 2 naming the config file', async () => {
      const r = await runCli(['ignoring'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /nothing reviewed: every file found is ignored by the `ignore` patterns of the configuration \(ignoring\/\.clausewise\.yaml\)/);
      assert.equal((await runCli(['--allow-empty', 'ignoring'], { cwd: dir })).code, 0);
    });
  });

  describe('did you mean', () => {
    it('on --profile and --profile-only', async () => {
      for (const flag of ['--profile', '--profile-only']) {
        const r = await runCli([flag, 'dora-critcal', 'msa.md'], { cwd: dir });
        assert.equal(r.code, 2);
        assert.match(r.stderr, new RegExp(`unknown profile "dora-critcal" \\(${flag}\\); did you mean "dora-critical"\\?`));
      }
    });

    it('in a config file (profiles and severity)', async () => {
      const d = makeTempDir();
      try {
        writeFiles(d, { '.clausewise.yaml': 'profiles: [gdpr-procesor]\nseverity:\n  sla-metric: off\n', 'msa.md': CONTRACT });
        const r = await runCli(['msa.md'], { cwd: d });
        assert.equal(r.code, 2);
        assert.match(r.stderr, /did you mean "gdpr-processor"/);
        assert.match(r.stderr, /did you mean "sla-metrics"/);
      } finally {
        fs.rmSync(d, { recursive: true, force: true });
      }
    });

    it('in front matter', async () => {
      const r = await runCli(['--stdin-filename', 'fm.md'], { cwd: dir, input: `---\nclausewise: { profiles: [hipaa-ba] }\n---\n${CONTRACT}` });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /fm\.md: unknown profile "hipaa-ba"; did you mean "hipaa-baa"\?/);
    });

    it('in editor settings (profiles, and rule or category ids in severity), as review problems', () => {
      const r = review({ text: CONTRACT, force: true, settings: { profiles: ['it-outsorcing'], severity: { 'sla-metric': 'off', securty: 'error' } } });
      assert.ok(r.problems.some((p) => /unknown profile "it-outsorcing"; did you mean "it-outsourcing"\?/.test(p)), r.problems.join('\n'));
      assert.ok(r.problems.some((p) => /"sla-metric" is ignored; did you mean "sla-metrics"/.test(p)), r.problems.join('\n'));
      assert.ok(r.problems.some((p) => /"securty" is ignored; did you mean "security"/.test(p)), r.problems.join('\n'));
      const fine = review({ text: CONTRACT, force: true, settings: { profiles: ['it-outsourcing'], severity: { 'sla-metrics': 'off', security: 'error' } } });
      assert.deepEqual(fine.problems, []);
    });
  });
});
