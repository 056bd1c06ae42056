// The loader picks V8 flags per run (server/src/cli/run-profile.ts): a short run (a few small files)
// skips V8's regular expression optimisations, a long one keeps them. Which runs are short, and that
// both profiles report the same findings on the same contracts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULTS_OF_V8, flagsOf, LONG_RUN_FLAGS, LONG_RUN_FLAGS_AS_DEFAULTS, PARALLEL_MIN_FILES, runProfile, SHORT_RUN_BYTES, SHORT_RUN_FLAGS, V8_FLAGS } from '../../server/src/cli/run-profile';
import { PARALLEL_MIN_FILES as POOL_MIN_FILES } from '../../server/src/cli/pool';
import { EXAMPLES, FIXTURES, makeTempDir, runBuiltCli, writeFiles, type CliJson } from './helpers';

describe('CLI run profile (V8 flags chosen by the loader)', function () {
  this.timeout(300_000);
  let dir: string;

  before(() => {
    dir = makeTempDir('clausewise-run-profile-');
    const files: Record<string, string> = { 'a.md': '# A\n\nThe Supplier shall provide the Services.\n', 'b.txt': 'short text\n', 'big.md': 'x'.repeat(SHORT_RUN_BYTES + 1), 'sub/c.md': '# C\n' };
    for (let i = 0; i < PARALLEL_MIN_FILES; i++) files[`many/${i}.md`] = '# M\n';
    writeFiles(dir, files);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a few small named files make a short run', () => {
    assert.equal(runProfile(['a.md'], dir), 'short');
    assert.equal(runProfile(['--format', 'json', '--fail-on', 'none', 'a.md', 'b.txt'], dir), 'short');
    // Option values and misspelt names name nothing on disk: passed over.
    assert.equal(runProfile(['--output', 'report.json', 'a.md', 'missing.md'], dir), 'short');
    assert.equal(runProfile([path.join(dir, 'a.md')], '/'), 'short');
  });

  it('a folder, a glob, standard input, a large file or enough files for worker threads make a long run', () => {
    assert.equal(runProfile(['a.md', 'sub'], dir), 'long');
    assert.equal(runProfile(['.'], dir), 'long');
    assert.equal(runProfile(['**/*.md'], dir), 'long');
    assert.equal(runProfile(['-'], dir), 'long');
    assert.equal(runProfile(['--stdin-filename', 'a.md'], dir), 'long');
    assert.equal(runProfile(['big.md'], dir), 'long');
    assert.equal(runProfile(['a.md', 'big.md'], dir), 'long', 'the sizes add up');
    const many = Array.from({ length: PARALLEL_MIN_FILES }, (_, i) => `many/${i}.md`);
    assert.equal(runProfile(many.slice(1), dir), 'short');
    assert.equal(runProfile(many, dir), 'long');
  });

  it('CLAUSEWISE_RUN_PROFILE overrides the choice', () => {
    assert.equal(runProfile(['.'], dir, { CLAUSEWISE_RUN_PROFILE: 'short' }), 'short');
    assert.equal(runProfile(['a.md'], dir, { CLAUSEWISE_RUN_PROFILE: 'long' }), 'long');
    assert.equal(runProfile(['a.md'], dir, { CLAUSEWISE_RUN_PROFILE: 'other' }), 'short');
  });

  it('only long runs start worker threads, whose loader takes the long profile', () => {
    // The loader of a worker thread sees no file names and assumes the long profile's flags.
    assert.equal(PARALLEL_MIN_FILES, POOL_MIN_FILES);
    assert.equal(flagsOf('long'), `${V8_FLAGS} ${LONG_RUN_FLAGS}`);
    // A long run's functions are optimised later (fewer TurboFan compilations per worker isolate).
    assert.match(flagsOf('long'), /--interrupt-budget=\d+/);
    assert.doesNotMatch(flagsOf('short'), /--interrupt-budget/);
    // and compiled with less inlined into them than V8's 920 bytes (cheaper TurboFan compiles).
    const inlined = /--max-inlined-bytecode-size-cumulative=(\d+)/.exec(flagsOf('long'));
    assert.ok(inlined && Number(inlined[1]) < 920, flagsOf('long'));
    assert.doesNotMatch(flagsOf('short'), /--max-inlined/);
    assert.equal(flagsOf('short'), `${V8_FLAGS} ${SHORT_RUN_FLAGS}`);
  });

  it("sets back to V8's own defaults exactly the flags a long run sets (the loader writes a cache under them)", function () {
    // Only on the V8 whose defaults are written down: elsewhere the loader does not use them.
    if (!process.versions.v8.startsWith(DEFAULTS_OF_V8)) this.skip();
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }).stdout;
    const named = (flags: string) => flags.trim().split(/\s+/).map((f) => /^--([\w-]+)=/.exec(f)![1]).sort();
    assert.deepEqual(named(LONG_RUN_FLAGS_AS_DEFAULTS), named(flagsOf('long')));
    for (const flag of LONG_RUN_FLAGS_AS_DEFAULTS.split(' ')) {
      const name = /^--([\w-]+)=/.exec(flag)![1];
      assert.match(options, new RegExp(`\\n\\s+--${name} [^\\n]*\\n\\s+type: \\w+\\s+default: ${flag}\\n`), flag);
    }
  });

  it('reports the same findings in a short run as in a long one (examples and the shared corpus)', function () {
    const corpus = path.resolve(FIXTURES, '..', '..', '..', '..', 'shared', 'corpus');
    const sources = [EXAMPLES, ...(fs.existsSync(corpus) ? [corpus] : [])];
    if (sources.length === 1) console.warn(`      (the shared corpus ${corpus} is absent: examples only)`);
    const work = path.join(dir, 'contracts');
    fs.mkdirSync(work);
    for (const src of sources) for (const f of fs.readdirSync(src)) if (/\.(md|txt)$/.test(f)) fs.copyFileSync(path.join(src, f), path.join(work, f));
    const args = ['--format', 'json', '--fail-on', 'none', '--concurrency', '1', '.'];
    // Every contract under both profiles, whatever its size (the override), in one thread.
    const long = runBuiltCli(args, { cwd: work, env: { CLAUSEWISE_CODE_CACHE: 'report', CLAUSEWISE_RUN_PROFILE: 'long' } });
    const short = runBuiltCli(args, { cwd: work, env: { CLAUSEWISE_CODE_CACHE: 'report', CLAUSEWISE_RUN_PROFILE: 'short' } });
    assert.equal(long.code, 0, long.stderr);
    assert.equal(short.code, 0, short.stderr);
    assert.match(long.stderr, /\(long run\)/);
    assert.match(short.stderr, /\(short run\)/);
    assert.ok((JSON.parse(long.stdout) as CliJson).files.length >= 3, 'contracts were reviewed');
    assert.equal(short.stdout, long.stdout);
    // And the loader's own choice for one small named file.
    const one = runBuiltCli(['--format', 'json', '--fail-on', 'none', 'weak-msa.md'], { cwd: work, env: { CLAUSEWISE_CODE_CACHE: 'report' } });
    assert.match(one.stderr, /\(short run\)/);
  });
});
