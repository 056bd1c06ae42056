/**
 * The pipeline definitions shipped with the package (nothing runs them here): the GitHub composite
 * action, the pre-commit hook, and the YAML recipes in docs/ci.md parse and say what they should.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseArgs } from '../../server/src/cli/args';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

describe('pipelines: action.yml, pre-commit hook, docs/ci.md recipes', () => {
  it('action.yml is a composite action that sets up Node, runs clausewise --format sarif and uploads the SARIF', () => {
    const action = parse(read('action.yml'));
    assert.equal(action.runs.using, 'composite');
    for (const input of ['paths', 'fail-on', 'sarif-file', 'upload-sarif']) assert.ok(action.inputs[input], `input ${input}`);
    const steps = action.runs.steps as Array<{ uses?: string; run?: string; shell?: string; with?: Record<string, string>; env?: Record<string, string> }>;
    assert.ok(steps.some((s) => s.uses?.startsWith('actions/setup-node@')));
    const review = steps.find((s) => s.run?.includes('"$GITHUB_ACTION_PATH/bin/clausewise.js"'))!;
    assert.ok(review, 'a step runs the clausewise built in the action folder (the pinned ref), not one from npm');
    assert.ok(!steps.some((s) => s.run?.includes('npx')), 'nothing is fetched with npx');
    assert.match(review.run!, /--format sarif --output "\$CW_SARIF"/);
    assert.equal(review.shell, 'bash');
    assert.ok(!/\$\{\{/.test(review.run!), 'inputs reach the script through env, not pasted into it');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.equal(upload.with!.sarif_file, '${{ inputs.sarif-file }}');
    assert.ok(steps.every((s) => !s.run || s.shell), 'composite run steps name their shell');
  });

  it('.pre-commit-hooks.yaml defines the clausewise hook for Markdown and text files', () => {
    const hooks = parse(read('.pre-commit-hooks.yaml')) as Array<Record<string, unknown>>;
    const hook = hooks.find((h) => h.id === 'clausewise')!;
    assert.equal(hook.entry, 'clausewise');
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types_or, ['markdown', 'plain-text']);
    const pkg = JSON.parse(read('package.json'));
    assert.equal(pkg.bin.clausewise, 'bin/clausewise.js');
    assert.ok(pkg.scripts.prepack, 'the package builds dist/ when packed (pre-commit installs the hook repository with npm pack)');
  });

  it('every YAML block in docs/ci.md parses, and every clausewise command in it is valid usage', () => {
    const doc = read('docs/ci.md');
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.ok(blocks.length >= 6);
    for (const b of blocks) assert.doesNotThrow(() => parse(b), b);
    const commands = [...doc.matchAll(/npx (?:--yes )?clausewise ([^\n`]*)/g)].map((m) => m[1].replace(/\$\{\{ matrix\.shard \}\}/g, '1').replace(/\$\(Build\.ArtifactStagingDirectory\)/g, 'out').replace(/\s+#.*$/, '').trim());
    assert.ok(commands.length >= 8);
    for (const c of commands) {
      const argv = c.split(/\s+/).filter(Boolean);
      assert.doesNotThrow(() => parseArgs(argv), c);
    }
    for (const anchor of ['#configuration-files', '#baselines', '#output-formats']) assert.ok(read('docs/cli.md').includes(`ci.md${anchor}`) || doc.includes(anchor));
    assert.ok(read('README.md').includes('docs/ci.md'));
  });
});
