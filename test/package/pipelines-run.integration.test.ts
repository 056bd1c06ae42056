// The CI integrations run as a user's pipeline would run them, against a temporary contract repository:
// the GitHub action's shell steps (with this checkout as the action's folder), the GitLab and Azure
// recipes of docs/ci.md (their install line pointed at a tarball of this checkout instead of GitHub),
// and the pre-commit hook (installed the way pre-commit installs a `language: node` hook).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { NPM, npmEnv, ok, packOnce, ROOT, run, tempDir } from './packed';

const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const INSTALL_FROM_GITHUB = /"git\+https:\/\/github\.com\/clausewise\/clausewise\.git#[^"]*"/;

/** A git repository with a weak contract, a strong one and a README that is not a contract. */
function contractRepo(): string {
  const dir = tempDir('clausewise-user-repo-');
  fs.mkdirSync(path.join(dir, 'contracts'));
  fs.copyFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), path.join(dir, 'contracts', 'weak-msa.md'));
  fs.copyFileSync(path.join(ROOT, 'examples', 'strong-msa.md'), path.join(dir, 'strong-msa.md'));
  fs.writeFileSync(path.join(dir, 'README.md'), '# Our contracts\n\nDrafts live in contracts/.\n');
  ok(run('git', ['init', '-q'], dir), 'git init');
  return dir;
}

/** Runs a script the way a CI runner does: bash, stopping at the first failing command. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The fenced YAML block that follows a heading of docs/ci.md. */
function recipe(heading: string): any {
  const doc = read('docs/ci.md');
  const section = doc.slice(doc.indexOf(`## ${heading}`));
  return parse(/```yaml\n([\s\S]*?)```/.exec(section)![1]);
}

describe('CI integrations run from a user repository', function () {
  this.timeout(600_000);

  describe('GitHub action (action.yml shell steps)', () => {
    type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string> };
    const action = parse(read('action.yml'));
    let actionPath: string;

    before(() => {
      // The action's folder as the runner checks it out: the repository's files at the pinned ref,
      // without dist/. node_modules is linked from this checkout so the test needs no install.
      actionPath = tempDir('clausewise-action-');
      const tracked = ok(run('git', ['ls-files', '--cached', '--others', '--exclude-standard'], ROOT), 'git ls-files').split('\n').filter(Boolean);
      for (const f of tracked) {
        if (!fs.existsSync(path.join(ROOT, f))) continue;
        fs.mkdirSync(path.dirname(path.join(actionPath, f)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, f), path.join(actionPath, f));
      }
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(actionPath, 'node_modules'), 'dir');
    });

    /** Runs the composite action's `run:` steps in order with these inputs, as the runner would. */
    function runAction(workspace: string, inputs: Record<string, string>) {
      const values: Record<string, string> = {};
      for (const [name, spec] of Object.entries(action.inputs as Record<string, { default?: string }>)) values[name] = inputs[name] ?? spec.default ?? '';
      const outputs: Record<string, Record<string, string>> = {};
      const expr = (s: string) => s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
        let m: RegExpExecArray | null;
        if ((m = /^inputs\.([\w-]+)$/.exec(e))) return values[m[1]] ?? '';
        if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return outputs[m[1]]?.[m[2]] ?? '';
        if (e === 'github.action_path') return actionPath;
        throw new Error(`the test does not evaluate \${{ ${e} }}`);
      });
      const log: Array<{ name: string; status: number | null; stdout: string; stderr: string }> = [];
      for (const step of action.runs.steps as Step[]) {
        if (!step.run) continue; // `uses:` steps (setup-node, upload-sarif) need GitHub
        if (step.if) {
          const m = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*!=\s*'([^']*)'\s*\}\}$/.exec(step.if);
          assert.ok(m, `the test evaluates only "steps.X.outputs.Y != 'v'" conditions, not ${step.if}`);
          if ((outputs[m[1]]?.[m[2]] ?? '') === m[3]) continue;
        }
        const githubOutput = path.join(tempDir('clausewise-gh-output-'), 'output');
        fs.writeFileSync(githubOutput, '');
        const env = npmEnv({ GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: githubOutput });
        for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(String(v));
        const r = bash(expr(step.run), workspace, env);
        log.push({ name: step.name ?? '', status: r.status, stdout: r.stdout, stderr: r.stderr });
        if (step.id) outputs[step.id] = Object.fromEntries(fs.readFileSync(githubOutput, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
        if (r.status !== 0) break;
      }
      return { log, outputs };
    }

    it('builds the CLI in the action folder, writes SARIF and fails the job on a weak contract', () => {
      const repo = contractRepo();
      const { log, outputs } = runAction(repo, { paths: 'contracts/' });
      const build = log.find((s) => /build/i.test(s.name))!;
      assert.equal(build.status, 0, build.stderr);
      assert.ok(fs.existsSync(path.join(actionPath, 'dist', 'cli.js')), 'the build step wrote dist/cli.js');
      assert.equal(outputs.review['exit-code'], '1');
      const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'clausewise.sarif'), 'utf8'));
      assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'sla-metrics'));
      const last = log[log.length - 1];
      assert.equal(last.status, 1, 'the last step fails the job with clausewise\'s exit code');
    });

    it('passes on a strong contract', () => {
      const repo = contractRepo();
      const strong = runAction(repo, { paths: 'strong-msa.md', 'fail-on': 'error' });
      assert.equal(strong.outputs.review['exit-code'], '0', strong.log.map((s) => s.stderr).join('\n'));
      assert.ok(strong.log.every((s) => s.status === 0));
      assert.equal(strong.log.length, 2, 'build and review ran; the failing step was skipped');
    });
  });

  describe('docs/ci.md recipes, installed from a tarball of this checkout', () => {
    let tarball: string;
    before(() => ({ tarball } = packOnce()));

    /** The recipe's install line with the GitHub URL replaced by the local tarball, offline. */
    function localInstall(line: string): string {
      assert.match(line, INSTALL_FROM_GITHUB, 'the recipe installs clausewise from its repository');
      return `${line.replace(INSTALL_FROM_GITHUB, JSON.stringify(tarball))} --offline`;
    }

    it('GitLab CI: the script installs clausewise and writes a JUnit report that fails on the weak contract', () => {
      const job = recipe('GitLab CI').contracts;
      const repo = contractRepo();
      const env = npmEnv(Object.fromEntries(Object.entries(job.variables ?? {}).map(([k, v]) => [k, String(v)])));
      const [install, ...rest] = job.script as string[];
      assert.equal(bash(localInstall(install), repo, env).status, 0);
      const review = bash(rest.join('\n'), repo, env);
      assert.equal(review.status, 1, review.stderr);
      const junit = fs.readFileSync(path.join(repo, job.artifacts.reports.junit), 'utf8');
      assert.match(junit, /<failure /);
    });

    it('Azure Pipelines: the script steps install clausewise and write the JUnit report the publish step reads', () => {
      const steps = recipe('Azure Pipelines').steps as Array<{ script?: string; task?: string; inputs?: Record<string, string> }>;
      const repo = contractRepo();
      const staging = tempDir('clausewise-azure-staging-');
      const macros = (s: string) => s.replace(/\$\(Build\.ArtifactStagingDirectory\)/g, staging);
      const scripts = steps.filter((s) => s.script).map((s) => macros(s.script!));
      assert.equal(bash(localInstall(scripts[0]), repo, npmEnv()).status, 0);
      const review = bash(scripts.slice(1).join('\n'), repo, npmEnv());
      assert.equal(review.status, 1, review.stderr);
      const publish = steps.find((s) => s.task?.startsWith('PublishTestResults'))!;
      assert.match(fs.readFileSync(macros(publish.inputs!.testResultsFiles), 'utf8'), /<testsuites[\s\S]*<failure /);
    });
  });

  describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
    it('installs like a language: node hook and reviews the staged Markdown files', () => {
      const hook = (parse(read('.pre-commit-hooks.yaml')) as Array<Record<string, any>>).find((h) => h.id === 'clausewise')!;
      assert.equal(hook.language, 'node');
      // pre-commit runs `npm install` and `npm pack` in the hook repository, then installs that
      // tarball globally into the hook environment; packOnce() is the same `npm pack`.
      const prefix = tempDir('clausewise-precommit-env-');
      ok(run(NPM, ['install', '--global', '--offline', '--prefix', prefix, packOnce().tarball], ROOT), 'npm install -g <tarball>');
      const env = npmEnv({ PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` });
      const repo = contractRepo();
      // types_or [markdown, plain-text]: what pre-commit would pass for these staged files.
      assert.deepEqual(hook.types_or, ['markdown', 'plain-text']);
      const commit = (files: string[]) => spawnSync(hook.entry, [...(hook.args ?? []), ...files], { cwd: repo, env, encoding: 'utf8' });
      const weak = commit(['README.md', 'contracts/weak-msa.md']);
      assert.equal(weak.status, 1, weak.stderr);
      assert.match(weak.stdout, /weak-msa\.md/);
      const fine = commit(['README.md', 'strong-msa.md']);
      assert.equal(fine.status, 0, fine.stdout + fine.stderr);
    });
  });
});
