// The CLI's loader (dist/cli.js, server/src/cli/loader.ts) runs the bundle through a V8 code cache.
// End to end on a copy of the built loader and bundle, with a private cache folder: the first run
// writes a cache, the next one uses it, and neither changes what the CLI prints; a changed bundle
// never picks up the cache of another build.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, EXAMPLES, FIXTURES, makeTempDir, ROOT, runBuiltCli, runCli } from './helpers';

describe('CLI code cache (dist/cli.js loader)', function () {
  this.timeout(120_000);
  let dir: string;
  let cacheHome: string;
  const contract = path.join(EXAMPLES, 'weak-msa.md');

  const runCopy = (mode?: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome, CLAUSEWISE_CODE_CACHE: mode ?? 'report', NO_COLOR: '1' };
    const r = spawnSync(process.execPath, [path.join(dir, 'dist', 'cli.js'), '--format', 'json', '--fail-on', 'none', contract], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    return r;
  };
  const cacheFiles = () => (fs.existsSync(path.join(cacheHome, 'clausewise')) ? fs.readdirSync(path.join(cacheHome, 'clausewise')) : []);

  before(() => {
    ensureBuilt();
    dir = makeTempDir('clausewise-code-cache-');
    cacheHome = path.join(dir, 'cache');
    fs.mkdirSync(path.join(dir, 'dist'));
    // Without the cache the build primed beside the bundle, so the per-user folder is exercised.
    // The classifier's weights are read from a file beside the bundle (esbuild.mjs).
    for (const f of ['cli.js', 'cli-main.js', 'classifier-weights.bin']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, 'dist', f));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a cache on the first run, uses it on the next, and prints the same report', () => {
    const plain = runCopy('off');
    assert.deepEqual(cacheFiles(), [], 'CLAUSEWISE_CODE_CACHE=off writes no cache');
    const first = runCopy();
    assert.match(first.stderr, /code cache absent/);
    assert.equal(cacheFiles().length, 1, 'the first run wrote one cache file');
    const second = runCopy();
    assert.match(second.stderr, /code cache accepted/);
    assert.equal(first.stdout, plain.stdout);
    assert.equal(second.stdout, plain.stdout);
    assert.ok(JSON.parse(second.stdout).files[0].diagnostics.length > 0, 'the weak example has findings');
  });

  it('a run that starts worker threads compiles the bundle in the main thread before the V8 flags, with a cache of its own written under V8 defaults', () => {
    const many = path.join(dir, 'many');
    fs.mkdirSync(many, { recursive: true });
    const text = fs.readFileSync(contract, 'utf8');
    const names = Array.from({ length: 9 }, (_, i) => `c${i}.md`);
    for (const f of names) fs.writeFileSync(path.join(many, f), text);
    // A cache folder of its own, so that the other tests count only their caches.
    const home = path.join(dir, 'cache-pool');
    const run = (mode = 'report') => {
      const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: home, CLAUSEWISE_CODE_CACHE: mode, NO_COLOR: '1' };
      const r = spawnSync(process.execPath, [path.join(dir, 'dist', 'cli.js'), '--format', 'json', '--fail-on', 'none', '--concurrency', '2', ...names], { cwd: many, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
      assert.equal(r.status, 0, r.stderr);
      return r;
    };
    const plain = run('off');
    const first = run();
    assert.match(first.stderr, /code cache absent \(long run, compiled before the flags\)/);
    const written = fs.readdirSync(path.join(home, 'clausewise'));
    assert.ok(written.some((f) => f.endsWith('-pool.v8cache')), written.join(', '));
    const second = run();
    // Accepted: the cache was written under the hash of V8's default flags, as it was compiled.
    assert.match(second.stderr, /code cache accepted \(long run, compiled before the flags\)/);
    // The worker compiles under the flags, with the long profile's cache.
    assert.match(second.stderr, /code cache \w+ \(long run\)\n/);
    assert.equal(first.stdout, plain.stdout);
    assert.equal(second.stdout, plain.stdout);
    assert.equal((JSON.parse(second.stdout) as { files: unknown[] }).files.length, 9);
  });

  it('loads a pure-ASCII bundle (esbuild.mjs escapes regular expression literals), which it decodes as Latin-1', () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'dist', 'cli-main.js'));
    const at = bytes.findIndex((b) => b > 0x7f);
    assert.equal(at, -1, `non-ASCII byte at ${at}: ${bytes.subarray(Math.max(0, at - 60), at + 20).toString('utf8')}`);
  });

  it('is built already wrapped as a CommonJS function, so V8 compiles the string the loader read (no 2 MB concatenation)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'dist', 'cli-main.js'), 'latin1');
    const wrapper = (require('node:module') as { wrapper: [string, string] }).wrapper;
    assert.ok(text.startsWith(wrapper[0]), text.slice(0, 120));
    assert.ok(text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '').endsWith(wrapper[1]), text.slice(-120));
  });

  it('still loads a bundle that is not wrapped (an older build), with and without a cache', () => {
    const old = makeTempDir('clausewise-unwrapped-');
    try {
      fs.mkdirSync(path.join(old, 'dist'));
      for (const f of ['cli.js', 'classifier-weights.bin']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(old, 'dist', f));
      const wrapper = (require('node:module') as { wrapper: [string, string] }).wrapper;
      const text = fs.readFileSync(path.join(ROOT, 'dist', 'cli-main.js'), 'latin1');
      const at = text.lastIndexOf(wrapper[1]);
      fs.writeFileSync(path.join(old, 'dist', 'cli-main.js'), text.slice(wrapper[0].length, at) + text.slice(at + wrapper[1].length), 'latin1');
      const env = { ...process.env, XDG_CACHE_HOME: path.join(old, 'cache'), CLAUSEWISE_CODE_CACHE: 'report', NO_COLOR: '1' };
      const run = () => spawnSync(process.execPath, [path.join(old, 'dist', 'cli.js'), '--format', 'json', '--fail-on', 'none', contract], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
      const first = run();
      const second = run();
      assert.match(first.stderr, /code cache absent/);
      assert.match(second.stderr, /code cache accepted/);
      assert.equal(first.stdout, runCopy('off').stdout);
      assert.equal(second.stdout, first.stdout);
    } finally {
      fs.rmSync(old, { recursive: true, force: true });
    }
  });

  it('reads the bundle and its cache into one buffer (each fresh megabyte a process touches costs page faults)', () => {
    // Counts the large buffers made in the process: fs.readFileSync makes one per file read.
    const probe = path.join(dir, 'buffers.js');
    fs.writeFileSync(probe, `
const big = [];
for (const k of ['allocUnsafeSlow', 'allocUnsafe', 'alloc']) {
  const made = Buffer[k];
  Buffer[k] = function (n, ...rest) { if (n >= 1 << 20) big.push(n); return made.call(this, n, ...rest); };
}
process.on('exit', () => process.stderr.write('BIG ' + JSON.stringify(big) + '\\n'));
`);
    const r = spawnSync(process.execPath, ['-r', probe, path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--fail-on', 'none', contract], {
      encoding: 'utf8', env: { ...process.env, CLAUSEWISE_CODE_CACHE: 'report', CLAUSEWISE_RUN_PROFILE: 'short' }, maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /code cache accepted/);
    const cache = fs.readdirSync(path.join(ROOT, 'dist')).find((f) => f.endsWith('-short.v8cache'))!;
    const sizes = [fs.statSync(path.join(ROOT, 'dist', 'cli-main.js')).size, fs.statSync(path.join(ROOT, 'dist', cache)).size];
    assert.deepEqual(JSON.parse(/^BIG (.*)$/m.exec(r.stderr)![1]), [Math.max(...sizes)]);
  });

  it('does not use the cache of another build of the bundle', () => {
    runCopy();
    const bundle = path.join(dir, 'dist', 'cli-main.js');
    // Same length, other content: V8 itself would only compare the length.
    const text = fs.readFileSync(bundle, 'utf8');
    const at = text.lastIndexOf('//# sourceMappingURL=');
    fs.writeFileSync(bundle, `${text.slice(0, at)}//#_sourceMappingURL${text.slice(at + '//# sourceMappingURL'.length)}`);
    assert.equal(fs.statSync(bundle).size, Buffer.byteLength(text));
    const r = runCopy();
    assert.match(r.stderr, /code cache absent/);
    assert.equal(cacheFiles().length, 2);
  });

  it('keeps the user cache folder small: writing a new cache removes the oldest of other builds', () => {
    const folder = path.join(cacheHome, 'clausewise');
    for (const f of cacheFiles()) fs.rmSync(path.join(folder, f));
    const stale = Array.from({ length: 8 }, (_, i) => `cli-main-v0-x64-${i}-1-1.v8cache`);
    stale.forEach((f, i) => {
      fs.writeFileSync(path.join(folder, f), 'old');
      const t = new Date(Date.UTC(2020, 0, 1 + i));
      fs.utimesSync(path.join(folder, f), t, t);
    });
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a cache');
    const r = runCopy();
    assert.match(r.stderr, /code cache absent/);
    const left = cacheFiles();
    assert.ok(left.includes('notes.txt'), 'other files are left alone');
    const caches = left.filter((f) => f.endsWith('.v8cache'));
    assert.equal(caches.length, 6, `six caches kept: ${caches.join(', ')}`);
    assert.ok(!caches.includes(stale[0]) && !caches.includes(stale[2]), 'the oldest went first');
    assert.ok(caches.includes(stale[7]) && caches.includes(stale[3]), 'the newest others stayed');
  });
});

// The bundle differs from the sources in how it starts: the classifier's weights packed as typed
// arrays by esbuild.mjs, and the V8 flags the loader sets. Neither may change a report; the shared
// corpus (real contracts, where the classifier's second opinion decides some verdicts) checks it.
describe('CLI bundle (dist/cli.js) against the TypeScript sources', function () {
  this.timeout(300_000);

  it('reports the same JSON on a contract with named character references (their table is parsed on first use in the bundle)', async () => {
    const dir = makeTempDir('clausewise-entities-');
    try {
      const text = fs.readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8');
      fs.writeFileSync(path.join(dir, 'entities.md'), `${text}\n\n## Notices &amp; Copies\n\nThe Supplier&rsquo;s notices &sect; 4 are &copy; the Customer; &notareference; stays as it is.\n`);
      const args = ['--format', 'json', '--fail-on', 'none', 'entities.md'];
      const built = runBuiltCli(args, { cwd: dir });
      const sources = await runCli(args, { cwd: dir });
      assert.equal(built.code, 0, built.stderr);
      assert.equal(built.stdout, sources.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('requires Node\'s fs, path and os as they are: no copied namespace objects (esbuild.mjs plainBuiltinNamespaces)', () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli-main.js'), 'latin1');
    assert.deepEqual(bundle.match(/__toESM\(require\("node:(fs|path|os)"\)\)/g), null);
    assert.match(bundle, /=require\("node:fs"\);/);
  });

  it('reports the same JSON on the examples and the shared corpus', async function () {
    const corpus = path.resolve(FIXTURES, '..', '..', '..', '..', 'shared', 'corpus');
    if (!fs.existsSync(corpus)) {
      console.warn(`      skipped: needs ${corpus} (absent)`);
      return this.skip();
    }
    const args = ['--format', 'json', '--fail-on', 'none', '--concurrency', '1', '.', EXAMPLES];
    const built = runBuiltCli(args, { cwd: corpus });
    const sources = await runCli(args, { cwd: corpus });
    assert.equal(built.code, 0, built.stderr);
    assert.equal(sources.code, 0, sources.stderr);
    assert.ok(JSON.parse(sources.stdout).files.length > 10, 'the corpus and the examples were reviewed');
    assert.equal(built.stdout, sources.stdout);
  });
});
