// What a cold run of the built CLI loads (issue 13, cold start): a review of one file does not load
// the Node modules that only other runs need (worker threads for a parallel run, child processes
// for `git show`, perf_hooks for caches with a time-to-live), and finds no dependency on disk at
// run time (the bundle carries its code); a parallel run still starts its workers through the
// loader. Behaviour, not timing: timings live in `npm run bench`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateContract } from '../../scripts/bench-contract';
import { CLI, ensureBuilt, EXAMPLES, makeTempDir, runBuiltCli } from './helpers';

describe('CLI start-up: what a one-file run loads', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    ensureBuilt();
    dir = makeTempDir('clausewise-startup-');
    // Printed at exit: Node's built-in modules loaded, and the files the module loader read.
    fs.writeFileSync(path.join(dir, 'loaded.js'), `
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  const files = Object.keys(require.cache);
  process.stderr.write('LOADED ' + JSON.stringify({ builtins, files }) + '\\n');
});
`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const loadedBy = (args: string[]): { builtins: string[]; files: string[]; stdout: string } => {
    const r = spawnSync(process.execPath, ['-r', path.join(dir, 'loaded.js'), CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const line = /^LOADED (.*)$/m.exec(r.stderr);
    assert.ok(line, `no list of loaded modules on stderr:\n${r.stderr}`);
    return { ...(JSON.parse(line[1]) as { builtins: string[]; files: string[] }), stdout: r.stdout };
  };

  it('reviews one contract without loading worker_threads, child_process or perf_hooks, or any file but the CLI\'s own', () => {
    const { builtins, files, stdout } = loadedBy(['--format', 'json', '--fail-on', 'none', path.join(EXAMPLES, 'weak-msa.md')]);
    assert.equal((JSON.parse(stdout) as { files: unknown[] }).files.length, 1);
    for (const name of ['worker_threads', 'child_process', 'perf_hooks']) assert.ok(!builtins.includes(name), `${name} was loaded: ${builtins.join(' ')}`);
    // The preload itself, the loader; the bundle runs through vm.Script, so it is not in the cache.
    assert.deepEqual(files.filter((f) => !f.endsWith('loaded.js')).map((f) => path.basename(f)), ['cli.js']);
  });

  it('writes its report to a pipe without Node\'s stdout stream (net, tty) or diagnostics_channel', () => {
    // The default (stylish) format, to a pipe as a CI job or the bench reads it: picocolors is bundled
    // without its load-time look at process.stdout (esbuild.mjs), the report is written to the pipe
    // directly (cli/stdio.ts), and lru-cache, whose load makes diagnostics channels, loads only when a
    // text cache is made (model/lru.ts), which a CLI run never does.
    const { builtins, stdout } = loadedBy(['--fail-on', 'none', path.join(EXAMPLES, 'weak-msa.md')]);
    assert.match(stdout, /findings? \(.*\) in 1 contract/);
    for (const name of ['net', 'tty', 'diagnostics_channel']) assert.ok(!builtins.includes(name), `${name} was loaded: ${builtins.join(' ')}`);
    // The loader takes Node's Module class from its own module object: the public node:module also
    // loads Node's source-map support.
    for (const name of ['module', 'internal/source_map/source_map']) assert.ok(!builtins.includes(name), `${name} was loaded: ${builtins.join(' ')}`);
  });

  it('bundles its large data tables as JSON strings (their values: code-cache.test.ts compares the bundle\'s reports with the sources\')', () => {
    // esbuild.mjs (data-as-json): a literal's boilerplate is built property by property on its first run.
    const bundle = fs.readFileSync(path.join(path.dirname(CLI), 'cli-main.js'), 'latin1');
    for (const name of ['clause_titles_generated_default', 'SIGNAL_NEEDS']) assert.match(bundle, new RegExp(`\\b${name}=JSON\\.parse\\(`), name);
    // micromark's table of character references only when a document has one (decode-named-character-reference).
    assert.match(bundle, /\bcharacterEntities\?\?=JSON\.parse\(/);
  });

  it('carries the clause library\'s titles, not the library: a review names clauses in its fixes and never reads their text', () => {
    // library/index.ts: clauseTitle from a small generated table, the 200 KB library required on first
    // use (allClauses), which the CLI never makes. Bundled, the library was parsed at every start.
    const bundle = fs.readFileSync(path.join(path.dirname(CLI), 'cli-main.js'), 'latin1');
    assert.match(bundle, /acceptance-testing/);
    assert.doesNotMatch(bundle, /\\"rationale\\"|"rationale"/);
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--fail-on', 'none', path.join(EXAMPLES, 'weak-msa.md')], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /"Insert clause: [A-Z][^"]+"/);
  });

  it('reads the classifier\'s weights from dist/classifier-weights.bin, not from strings in the bundle and its code cache', () => {
    // esbuild.mjs (compact-classifier-weights): 288 KB of base64 in the bundle was copied into its
    // source string, deserialised from the code cache and decoded at every start. The values: the
    // bundle's reports equal the sources' (code-cache.test.ts, on the shared corpus).
    const dist = path.dirname(CLI);
    const bundle = fs.readFileSync(path.join(dist, 'cli-main.js'), 'latin1');
    assert.doesNotMatch(bundle, /unpack\("[A-Za-z0-9+/]{1000}/);
    assert.match(bundle, /classifier-weights\.bin/);
    assert.ok(fs.statSync(path.join(dist, 'classifier-weights.bin')).size > 100_000);
    // A file of another build is refused with its name, not read as wrong weights.
    const copy = path.join(dir, 'dist-copy');
    fs.mkdirSync(copy);
    for (const f of ['cli.js', 'cli-main.js', 'package.json']) fs.copyFileSync(path.join(dist, f), path.join(copy, f));
    fs.writeFileSync(path.join(copy, 'classifier-weights.bin'), fs.readFileSync(path.join(dist, 'classifier-weights.bin')).subarray(4));
    const r = spawnSync(process.execPath, [path.join(copy, 'cli.js'), '--fail-on', 'none', path.join(EXAMPLES, 'weak-msa.md')], { cwd: dir, encoding: 'utf8', env: { ...process.env, CLAUSEWISE_CODE_CACHE: 'off' } });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /classifier-weights\.bin: \d+ bytes, expected \d+/);
  });

  it('loads every Node built-in module from Node\'s own code cache, none compiled from source after the loader sets V8 flags', function () {
    // V8 checks Node's code cache for its own modules against the flags, like ours (cli/loader.ts).
    const probe = path.join(dir, 'builtins.js');
    fs.writeFileSync(probe, `
let binding; try { binding = require('internal/test/binding').internalBinding('builtins'); } catch {}
process.on('exit', () => {
  const usage = typeof binding?.getCacheUsage === 'function' ? binding.getCacheUsage() : null;
  require('node:fs').writeSync(2, 'UNCACHED ' + JSON.stringify(usage && [...usage.compiledWithoutCache]) + '\\n');
});
`);
    const r = spawnSync(process.execPath, ['--no-warnings', '--expose-internals', '-r', probe, CLI, '--fail-on', 'none', path.join(EXAMPLES, 'weak-msa.md')], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, CLAUSEWISE_RUN_PROFILE: 'short' }, maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 0, r.stderr);
    const uncached = JSON.parse(/^UNCACHED (.*)$/m.exec(r.stderr)![1]) as string[] | null;
    if (uncached === null) return this.skip();
    assert.deepEqual(uncached, []);
  });

  it('a short run keeps its young generation at its first size (no semi-space growth: fewer fresh pages)', () => {
    const probe = path.join(dir, 'young.js');
    fs.writeFileSync(probe, `process.on('exit', () => require('node:fs').writeSync(2, 'NEW ' + require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size + '\\n'));\n`);
    const newSpace = (profile: string) => {
      const r = spawnSync(process.execPath, ['-r', probe, CLI, '--fail-on', 'none', path.join(EXAMPLES, 'weak-msa.md')], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, CLAUSEWISE_RUN_PROFILE: profile }, maxBuffer: 64 * 1024 * 1024,
      });
      assert.equal(r.status, 0, r.stderr);
      return Number(/^NEW (\d+)$/m.exec(r.stderr)![1]);
    };
    assert.ok(newSpace('short') <= 2 * 1024 * 1024, `short run: ${newSpace('short')} bytes`);
    // A long run keeps V8's growth (its reviews allocate far more).
    assert.ok(newSpace('long') > 2 * 1024 * 1024);
  });

  it('never reads the package\'s own large package.json: bin/ and dist/ each have a one-line one', () => {
    // Node reads the package.json nearest to each CommonJS file it loads (for its "type") and parses
    // all of it; the root one is 95 KB of VS Code contributions (esbuild.mjs, writeScopePackageJson).
    const root = path.resolve(path.dirname(CLI), '..');
    for (const dir of ['bin', 'dist']) {
      const file = path.join(root, dir, 'package.json');
      assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { type: 'commonjs' }, file);
    }
    assert.match(fs.readFileSync(path.join(root, '.npmignore'), 'utf8'), /^!\/dist\/package\.json$/m);
    // The folders whose package.json Node's module loader found for the bin and the loader (Node's
    // internal reader, as of Node 20; checked only where it exists).
    const probe = path.join(dir, 'scope.js');
    fs.writeFileSync(probe, `
let reader; try { reader = require('internal/modules/package_json_reader'); } catch {}
process.on('exit', () => process.stderr.write('SCOPES ' + JSON.stringify(typeof reader?.readPackageScope !== 'function' ? null : [${JSON.stringify(path.join(root, 'bin', 'clausewise.js'))}, ${JSON.stringify(CLI)}].map((f) => reader.readPackageScope(f).path)) + '\\n'));
`);
    const r = spawnSync(process.execPath, ['--expose-internals', '-r', probe, path.join(root, 'bin', 'clausewise.js'), '--version'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const scopes = JSON.parse(/^SCOPES (.*)$/m.exec(r.stderr)![1]) as string[] | null;
    if (scopes) assert.deepEqual(scopes, [path.join(root, 'bin'), path.join(root, 'dist')]);
  });

  it('a run of many files still reviews them in worker threads started through the loader', () => {
    const lib = path.join(dir, 'lib');
    fs.mkdirSync(lib);
    const text = fs.readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8');
    for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(lib, `c${i}.md`), text.replace('# ', `# ${i} `));
    const r = runBuiltCli(['--format', 'json', '--fail-on', 'none', '--concurrency', '2', 'lib'], { cwd: dir, env: { CLAUSEWISE_DEBUG: 'threads' } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /debug: 10 files in 2 threads\n/);
    // Two threads in all: the main thread reviews beside the one worker (it starts while the worker loads the bundle).
    const share = /debug: the main thread reviewed (\d+) of 10 files\n/.exec(r.stderr);
    assert.ok(share && Number(share[1]) >= 1 && Number(share[1]) < 10, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 10);
  });

  it('a run naming many files starts its review worker before the main thread compiles the bundle, and one naming few starts none', () => {
    // cli/pool-workers.ts: the loader starts the worker, the pool takes it. Watched through a preload
    // that records when a Worker is made and when the loader compiles the bundle.
    const probe = path.join(dir, 'order.js');
    fs.writeFileSync(probe, `
const events = [];
const vm = require('node:vm');
const Script = vm.Script;
vm.Script = class extends Script { constructor(source, options) { events.push('compile'); super(source, options); } };
const threads = require('node:worker_threads');
const Worker = threads.Worker;
threads.Worker = class extends Worker { constructor(...args) { events.push('worker'); super(...args); } };
// The main thread's order only: a review worker runs this preload too, and ends by itself (pool.ts).
if (threads.isMainThread) process.on('exit', () => process.stderr.write('ORDER ' + JSON.stringify(events) + '\\n'));
`);
    const lib = path.join(dir, 'named');
    fs.mkdirSync(lib);
    const text = fs.readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8');
    const names = Array.from({ length: 10 }, (_, i) => `named/c${i}.md`);
    names.forEach((n, i) => fs.writeFileSync(path.join(dir, n), text.replace('# ', `# ${i} `)));
    const order = (args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', probe, CLI, '--format', 'json', '--fail-on', 'none', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CLAUSEWISE_DEBUG: 'threads' }, maxBuffer: 64 * 1024 * 1024 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, args.filter((a) => a.startsWith('named/')).length);
      return { events: JSON.parse(/^ORDER (.*)$/m.exec(r.stderr)![1]) as string[], stderr: r.stderr };
    };
    const many = order(['--concurrency', '2', ...names]);
    assert.deepEqual(many.events, ['worker', 'compile'], many.stderr);
    assert.match(many.stderr, /debug: 10 files in 2 threads\n/);
    // The pool took the early worker and started no other.
    assert.match(many.stderr, /reviewed in worker 1\n/);
    assert.deepEqual(order(['--concurrency', '1', ...names]).events, ['compile']);
    assert.deepEqual(order(names.slice(0, 3)).events, ['compile']);
  });

  it('each thread claims its next file itself: two long contracts go to two threads, whoever is busy', () => {
    // The pool used to send a worker two tasks ahead, longest first, so the worker got both long
    // contracts and the main thread the short ones, then waited. Now each thread takes the next file
    // when it is free: the main thread takes the first long one, the worker (loaded meanwhile) the other.
    const lib = path.join(dir, 'long');
    fs.mkdirSync(lib);
    const long = generateContract(400_000);
    fs.writeFileSync(path.join(lib, 'a-long.md'), long);
    fs.writeFileSync(path.join(lib, 'b-long.md'), long.replace('# Master', '# Other Master'));
    const text = fs.readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8');
    for (let i = 0; i < 8; i++) fs.writeFileSync(path.join(lib, `c${i}.md`), text.replace('# ', `# ${i} `));
    const r = runBuiltCli(['--format', 'json', '--fail-on', 'none', '--concurrency', '2', 'long'], { cwd: dir, env: { CLAUSEWISE_DEBUG: 'threads' } });
    assert.equal(r.code, 0, r.stderr);
    const by = (name: string) => new RegExp(`debug: long/${name} reviewed in (the main thread|worker 1)\n`).exec(r.stderr)?.[1];
    assert.ok(by('a-long.md') && by('b-long.md'), r.stderr);
    assert.notEqual(by('a-long.md'), by('b-long.md'), r.stderr);
    assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 10);
  });
});
