/**
 * Which V8 flags a run of the CLI gets, decided by the loader (./loader.ts) from the command line
 * before the bundle is compiled. Only node: built-ins here: the loader must stay tiny.
 *
 * A short run (a pre-commit hook on one contract, the bench's cold start) spends about a fifth of its
 * CPU compiling the review's few hundred regular expressions, each used on a few dozen sentences; V8's
 * regular expression optimisations (quick checks, look-ahead tables) make that compilation about a
 * third dearer and pay off only over long texts. A long run (a folder, many files, standard input of
 * unknown length) keeps them. Both profiles give the same matches: the flags change how V8 compiles
 * an expression, never what it matches (test/cli/run-profile.test.ts compares the reports).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** V8 flags of every run (see the loader for why). */
export const V8_FLAGS = '--regexp-tier-up-ticks=0';
/** Added for a short run. */
export const SHORT_RUN_FLAGS = '--no-regexp-optimization';
/**
 * Added for a long run: a function is optimised by TurboFan after 8 times as much of its bytecode has
 * run as by default (1 MB instead of 132 KB). A parallel run has an isolate per thread, each
 * compiling the same functions again: over half of cuad-dev on two threads, V8's background threads
 * took 3.7 to 4.0 s of CPU beside 5.4 to 5.7 s of reviewing (per-thread CPU; `--no-opt` brought
 * them to 0.4 s and `--single-threaded-gc` left them at 3.9 s, so it is compiling, not garbage
 * collection). With this budget they took 0.8 to 0.9 s and the reviewing threads no more than
 * before (docs/performance.md). V8 reads the budget each time it resets a function's counter, so
 * the loader can set it at run time; worker threads start after that, with it.
 *
 * TurboFan also inlines at most 460 bytes of bytecode into one compile instead of V8's 920: each
 * isolate compiles the same hot functions, the costliest being the largest with everything they call
 * inlined (the plain-text reader, the party-name search). Over cuad-dev on two threads V8's background
 * threads then took about 0.13 s less CPU (lower in 19 of 19 alternating pairs) and the reviewing
 * threads were no slower beyond their scatter (docs/performance.md, clijit). V8 reads it at each compile.
 */
export const LONG_RUN_FLAGS = '--interrupt-budget=1048576 --max-inlined-bytecode-size-cumulative=460';
/**
 * At most this many bytes of named files make a short run: on the 4 KB contract of the bench the
 * short flags saved about 3% of the run's instructions, on a 32 KB contract they cost 2% more
 * (docs/performance.md).
 */
export const SHORT_RUN_BYTES = 16 * 1024;
/**
 * Runs of this many files or more are reviewed in worker threads (./pool.ts). A short run names
 * fewer, so it never starts workers, whose loader (given no file names) always takes the long
 * profile's flags and cache.
 */
export const PARALLEL_MIN_FILES = 9;

export type RunProfile = 'short' | 'long';

/**
 * 'short' when every argument that names something on disk is a regular file, there are fewer than
 * PARALLEL_MIN_FILES of them, and together they hold at most SHORT_RUN_BYTES. Any folder, glob
 * pattern or standard input makes a long run (its size is unknown until the files are found).
 * Arguments that name nothing (option values such as `json`, misspelt paths) are passed over: this
 * only chooses compiler flags, and the CLI itself reports a missing file. CLAUSEWISE_RUN_PROFILE=short
 * or =long in `env` overrides the choice.
 */
export function runProfile(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): RunProfile {
  // For measurements, and for the build, which primes each profile's code cache.
  const forced = env.CLAUSEWISE_RUN_PROFILE;
  if (forced === 'short' || forced === 'long') return forced;
  let files = 0;
  let bytes = 0;
  for (const arg of args) {
    if (arg === '-' || arg.startsWith('--stdin')) return 'long';
    if (arg.startsWith('-')) continue;
    if (/[*?[\]{}]/.test(arg)) return 'long';
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(path.resolve(cwd, arg), { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (!stat) continue;
    if (!stat.isFile()) return 'long';
    bytes += stat.size;
    if (++files >= PARALLEL_MIN_FILES || bytes > SHORT_RUN_BYTES) return 'long';
  }
  return 'short';
}

/** The V8 flags of a run of this profile. */
export const flagsOf = (profile: RunProfile): string => `${V8_FLAGS} ${profile === 'short' ? SHORT_RUN_FLAGS : LONG_RUN_FLAGS}`;

/**
 * The long profile's flags set back to V8's own defaults, and the V8 whose defaults they are. V8 checks
 * a code cache (Node's built-in modules' among them) against a hash of the flags that differ from
 * their defaults, so with these set the hash is the one Node's caches were made under. The loader
 * needs them to write a code cache of the bundle compiled before the flags (./loader.ts); on another V8
 * it does not compile before the flags. test/cli/run-profile.test.ts reads the defaults from
 * `node --v8-options`.
 */
export const LONG_RUN_FLAGS_AS_DEFAULTS = '--regexp-tier-up-ticks=1 --interrupt-budget=67584 --max-inlined-bytecode-size-cumulative=920';
export const DEFAULTS_OF_V8 = '11.3.';
