/**
 * The `clausewise` command's entry file (bundled to dist/cli.js): loads the CLI bundle
 * (dist/cli-main.js) through a V8 code cache, so a run does not spend its first tenth of a second
 * compiling 2 MB of JavaScript again. Node 20 has no `module.enableCompileCache` (Node 22), so this
 * is the same idea by hand: `vm.Script` with `cachedData`.
 *
 * The cache holds the bytecode of every function a review ran, not only the top level, because it
 * is written after a run (`createCachedData` then includes what was compiled lazily). It is looked
 * for beside the bundle (`npm run build` writes one there) and then in the user's cache folder; V8
 * checks that it fits this Node version, these flags and this source, and a rejected cache is ignored
 * and rewritten once to the user's cache folder. Only node: built-ins and ./worker-arg here: this file must stay tiny.
 * `CLAUSEWISE_CODE_CACHE=off` loads the bundle plainly; `=write` (used by the build) rewrites the
 * cache beside the bundle after the run; `=report` says on stderr whether a cache was used.
 */
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import type ModuleClass from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { earlyWorkerCount, startEarlyWorkers } from './pool-workers';
import { DEFAULTS_OF_V8, flagsOf, LONG_RUN_FLAGS_AS_DEFAULTS, runProfile, type RunProfile } from './run-profile';
import { startedAsPoolWorker } from './worker-arg';

const BUNDLE = path.join(__dirname, 'cli-main.js');
/*
 * Node's CommonJS Module class, taken from this module rather than from node:module: that public
 * module also loads Node's source-map support, and node:os (below) is needed only to find the user's
 * cache folder. Node keeps no compiled code for its own modules on some builds, so each one loaded
 * is parsed and compiled at every start (together about 4 million instructions; docs/performance.md).
 */
const Module = (typeof (module.constructor as Partial<typeof ModuleClass>).wrap === 'function' ? module.constructor : require('node:module')) as typeof ModuleClass;
const mode = process.env.CLAUSEWISE_CODE_CACHE;
/** How the build begins the bundle (esbuild.mjs): Module.wrap's own opening. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';

/**
 * The cache's file name: a new build of the bundle or another Node gets another file, so a stale
 * cache is never read.
 */
function cacheName(profile: RunProfile, stat: fs.Stats, beforeFlags: boolean): string {
  // V8 checks a cache against the source's length only, so the name must tell builds apart: by size,
  // modification and change time (the last is set by every write of the file, an install included,
  // where npm pack fixes the modification time). A content hash would need node:crypto, whose
  // loading alone costs more than the cache saves.
  return `cli-main-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}-${Math.floor(stat.ctimeMs)}${profile === 'short' ? '-short' : beforeFlags ? '-pool' : ''}.v8cache`;
}

/** The per-user cache folder (never a shared temporary folder: a cache is code that V8 trusts). */
function userCacheDir(): string | null {
  const home = (require('node:os') as typeof import('node:os')).homedir();
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : null) || (home ? path.join(home, '.cache') : null);
  return base ? path.join(base, 'clausewise') : null;
}

/** An open file and its size, or null when it cannot be opened. */
function openOrNull(file: string | null): { fd: number; size: number } | null {
  if (!file) return null;
  try {
    const fd = fs.openSync(file, 'r');
    return { fd, size: fs.fstatSync(fd).size };
  } catch {
    return null;
  }
}

/** Reads a whole open file into the start of `into` (as large as the file at least), then closes it. */
function readInto(file: { fd: number; size: number }, into: Buffer): Buffer {
  try {
    let done = 0;
    while (done < file.size) {
      const n = fs.readSync(file.fd, into, done, file.size - done, null);
      if (n === 0) break;
      done += n;
    }
    return into.subarray(0, done);
  } finally {
    fs.closeSync(file.fd);
  }
}

/** Writes atomically (rename), so a concurrent run never reads half a cache; failures are ignored. */
function writeQuietly(file: string, data: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // A read-only or missing cache folder only costs speed.
  }
}

/** How many caches (one per build of the bundle and Node version) the user's cache folder keeps. */
const KEEP_CACHES = 6;

/**
 * Every build or install of the CLI gets a cache file of its own (about 2 MB), so without a clean-up
 * the user's cache folder grows with each upgrade. When a new cache is written there, the oldest of
 * the others beyond the newest few are removed; several installs in use at once keep theirs.
 */
function pruneOldCaches(dir: string, keep: string): void {
  try {
    const old = fs.readdirSync(dir)
      .filter((f) => f !== keep && /^cli-main-.*\.v8cache$/.test(f))
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP_CACHES - 1);
    for (const { f } of old) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // A folder we cannot list or clean only costs disk space.
  }
}

/*
 * V8 flags (./run-profile.ts). V8 compiles a regular expression twice by default: to bytecode on its
 * first use, then to machine code on the second ("tier-up"). A review runs hundreds of expressions
 * over every sentence, so all of them reach the second compilation; with no bytecode step (tier-up
 * after zero executions) each is compiled once, straight to machine code, which cut the CPU time of a
 * small contract's run by about a sixth and of twelve CUAD contracts by about a tenth
 * (docs/performance.md). Not `--no-regexp-tier-up`: switched on at run time, after Node's own
 * start-up has compiled expressions under the default, that flag crashed V8 (a segmentation fault in
 * an installed package). A short run also skips V8's regular expression optimisations, which cost
 * more to compile than they save on a small contract. The flags are set before the bundle is
 * compiled, so that the code cache, which V8 checks against the flags, is written and read under the
 * same ones: each profile has a cache of its own.
 */
/*
 * Node's own modules carry a code cache that V8 checks against its flags like any other: once the
 * flags above are set, every built-in module loaded later is parsed and compiled from source, and
 * Node then serialises a fresh cache for it. These are the ones a run of the bundle loads after the
 * loader (util.parseArgs' two modules, os, process): loaded here first, they come from Node's cache.
 */
function loadBuiltinsBeforeFlags(workers: boolean): void {
  require('node:os');
  require('node:process');
  void (require('node:util') as typeof import('node:util')).parseArgs;
  if (workers) require('node:worker_threads');
}

/** The cores a parallel run uses (./pool.ts threadCount). */
function availableCores(): number {
  const os = require('node:os') as typeof import('node:os');
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/*
 * A short run's young generation stays at its first size (two 1 MB semi-spaces) instead of doubling
 * after its first scavenges: each page a process touches for the first time costs a page fault
 * (several microseconds on a virtual machine), and the grown semi-spaces were about 450 of a small
 * contract's 7,600 faults, for a few more scavenges of a small heap. V8 reads the factor when it
 * grows the space, so setting it at run time takes effect.
 */
const SHORT_RUN_HEAP_FLAGS = '--semi-space-growth-factor=1';

/*
 * A worker thread started after the flags above compiles Node's own modules from source: V8 checks
 * their code caches against the flags, like the bundle's. A review worker's start loads about 120 of
 * them, and spent 62 to 69 ms of CPU before reaching this loader, against 31 ms when started before the
 * flags (docs/performance.md, issue 13, cli, round sixteen). So a run that starts its workers here
 * starts them before the flags, and the two sides meet through a FlagsGate (two counters in a
 * SharedArrayBuffer): each worker counts itself in once started (Node's modules loaded) and waits for
 * the flags; the main thread compiles the bundle meanwhile, under V8's defaults and with a code cache
 * of its own made under them (the `-pool` cache), then waits for every worker's count, sets the flags,
 * says so, and only then runs the bundle (a regular expression created before the flags would keep the
 * default tier-up). The workers compile the bundle under the flags, with the long profile's cache. A
 * wait is bounded: past it the flags are set anyway, which changes only how fast a late worker starts.
 */
const STARTED = 0;
const FLAGS_SET = 1;
const MAIN_WAITS_MS = 2000;
const WORKER_WAITS_MS = 10_000;

/** In a worker the loader started before the flags: counts itself in, then waits for the flags. */
function waitForFlags(): void {
  if (!startedAsPoolWorker()) return;
  const gate = (require('node:worker_threads') as typeof import('node:worker_threads')).workerData?.flagsGate;
  if (!(gate instanceof SharedArrayBuffer)) return;
  // Node's modules the bundle loads in a worker, loaded while their caches still fit.
  require('node:os');
  require('node:process');
  require('node:url');
  const counts = new Int32Array(gate);
  Atomics.add(counts, STARTED, 1);
  Atomics.notify(counts, STARTED);
  Atomics.wait(counts, FLAGS_SET, 0, WORKER_WAITS_MS);
}

/** In the main thread: waits until `workers` have counted themselves in (or the wait ends), sets the flags, lets the workers go on. */
function setFlagsAfterWorkers(gate: SharedArrayBuffer, workers: number, flags: string): void {
  const counts = new Int32Array(gate);
  const until = Date.now() + MAIN_WAITS_MS;
  for (let n = Atomics.load(counts, STARTED); n < workers; n = Atomics.load(counts, STARTED)) {
    const left = until - Date.now();
    if (left <= 0) break;
    Atomics.wait(counts, STARTED, n, left);
  }
  v8.setFlagsFromString(flags);
  Atomics.store(counts, FLAGS_SET, 1);
  Atomics.notify(counts, FLAGS_SET);
}

function load(): void {
  const isMainThread = !startedAsPoolWorker();
  // Process-wide: a worker thread of a parallel run (started through this loader) has them already;
  // only long runs start workers (run-profile.ts), so a worker takes the long profile's cache.
  const profile: RunProfile = isMainThread ? runProfile(process.argv.slice(2), process.cwd(), process.env) : 'long';
  /*
   * A run whose command line names enough files for the worker pool starts its review workers now,
   * before this thread reads and compiles the bundle, so that both load it at once on two cores
   * (./pool-workers.ts; the pool takes them).
   */
  const early = isMainThread && profile === 'long' && mode !== 'write' ? earlyWorkerCount(process.argv.slice(2), process.cwd(), availableCores()) : 0;
  const flags = `${flagsOf(profile)}${profile === 'short' ? ` ${SHORT_RUN_HEAP_FLAGS}` : ''}`;
  // The bundle compiled before the flags (see FlagsGate above) only where V8's defaults are known, so
  // that its cache can be written under them; the build primes that cache (CLAUSEWISE_RUN_PROFILE=pool).
  const defaultsKnown = process.versions.v8.startsWith(DEFAULTS_OF_V8);
  const beforeFlags = isMainThread && profile === 'long' && defaultsKnown && (early > 0 || (mode === 'write' && process.env.CLAUSEWISE_RUN_PROFILE === 'pool'));
  const gate = beforeFlags && early > 0 ? new SharedArrayBuffer(8) : undefined;
  if (isMainThread) {
    loadBuiltinsBeforeFlags(early > 0);
    if (!beforeFlags) v8.setFlagsFromString(flags);
  } else {
    waitForFlags();
  }
  if (early > 0) startEarlyWorkers((require('node:worker_threads') as typeof import('node:worker_threads')).Worker, __filename, early, gate);
  const fd = fs.openSync(BUNDLE, 'r');
  const stat = fs.fstatSync(fd);
  const name = cacheName(profile, stat, beforeFlags);
  const beside = path.join(__dirname, name);
  // The user's cache folder is looked up only when no cache is beside the bundle (an installed package).
  let userDir: string | null | undefined;
  const mine = (): string | null => ((userDir = userDir === undefined ? userCacheDir() : userDir) ? path.join(userDir, name) : null);
  const cacheFile = mode === 'off' || mode === 'write' ? null : openOrNull(beside) ?? openOrNull(mine());
  /*
   * One buffer for both files: the bundle is read into it and copied into a string, then the cache
   * is read over it. Each fresh page a process touches costs a page fault (several microseconds on
   * a virtual machine), and a buffer of this size is a fresh mapping of its own (glibc's malloc maps
   * large blocks and unmaps them when freed), so a second buffer would fault in another 2 MB.
   */
  const buffer = Buffer.allocUnsafeSlow(Math.max(stat.size, cacheFile?.size ?? 0));
  const bytes = readInto({ fd, size: stat.size }, buffer);
  // esbuild escapes non-ASCII characters in code (its default charset); latin1 decodes ASCII exactly
  // and several times faster than utf8, which is kept for a bundle with other characters in comments.
  const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  /*
   * The build writes the bundle already wrapped as a CommonJS function (esbuild.mjs), so the source
   * V8 compiles is the string just read: Module.wrap's concatenation made a rope that V8 then
   * flattened into another 2 MB copy (to hash it for its compilation cache). An unwrapped bundle
   * (an older build) is wrapped here.
   */
  const source = text.startsWith(WRAPPER_START) ? text : Module.wrap(text);
  let script: vm.Script;
  if (mode === 'off') {
    script = new vm.Script(source, { filename: BUNDLE });
  } else {
    const cached = cacheFile ? readInto(cacheFile, buffer) : undefined;
    script = new vm.Script(source, { filename: BUNDLE, cachedData: cached });
    if (mode === 'report') process.stderr.write(`clausewise: code cache ${!cached ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted'} (${profile} run${beforeFlags ? ', compiled before the flags' : ''})\n`);
    const target = !cached || script.cachedDataRejected ? (mode === 'write' ? beside : mine()) : null;
    if (isMainThread && target) {
      // After the run, so that the cache also holds the functions the run compiled.
      process.once('exit', () => {
        // V8 writes the flags' hash into the cache: a cache compiled under the defaults is written under them.
        if (beforeFlags) v8.setFlagsFromString(LONG_RUN_FLAGS_AS_DEFAULTS);
        writeQuietly(target, script.createCachedData());
        if (mode !== 'write' && userDir) pruneOldCaches(userDir, name);
      });
    }
  }
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  if (beforeFlags) {
    if (gate) setFlagsAfterWorkers(gate, early, flags);
    else v8.setFlagsFromString(flags);
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: ModuleClass, filename: string, dirname: string) => void;
  wrapper.call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, __dirname);
  bundle.loaded = true;
}

load();
