/**
 * Starting the review worker threads of a parallel run (./pool.ts), and starting them early: from the
 * loader (./loader.ts), before the main thread reads and compiles the bundle, when the command line
 * already shows that the run will use them. A worker spends its first tenth of a second or more
 * loading the bundle; started by the pool, it began only after the main thread had loaded the
 * bundle, parsed the options and found the files, so on two cores the main thread reviewed alone
 * for that long. The pool takes the early workers (takeEarlyWorkers) and starts only what is missing,
 * or ends those it does not need.
 *
 * Only node: built-ins and tiny modules here: the loader imports this file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { PARALLEL_MIN_FILES } from './run-profile';
import { POOL_WORKER_ARG, WORKER_MARKER } from './worker-arg';

/** Worker threads started ahead of their tasks. */
export interface StartedWorkers {
  workers: Worker[];
  /** A worker's failure before the pool listened to it (an error, or an exit). */
  failures: Map<Worker, Error>;
}

/**
 * Starts one review worker running `script` (the loader, dist/cli.js). Until the pool takes it, it
 * neither keeps the process alive (a run that stops early still ends) nor goes unheard when it fails.
 */
export function startWorker(Worker: typeof import('node:worker_threads').Worker, script: string, into: StartedWorkers, flagsGate?: SharedArrayBuffer): Worker {
  const w = new Worker(script, { argv: [POOL_WORKER_ARG], workerData: flagsGate ? { marker: WORKER_MARKER, flagsGate } : { marker: WORKER_MARKER } });
  w.unref();
  w.on('error', (e) => { if (!into.failures.has(w)) into.failures.set(w, e); });
  w.on('exit', (code) => { if (!into.failures.has(w)) into.failures.set(w, new Error(`a review worker thread exited with code ${code}`)); });
  into.workers.push(w);
  return w;
}

/*
 * The loader and the bundle are separate module instances (the bundle carries its own copy of this
 * file), so the early workers are handed over through a process-wide symbol.
 */
const EARLY = Symbol.for('clausewise.cli.earlyWorkers');
type WithEarly = { [EARLY]?: StartedWorkers };

/** The workers the loader started, once (the next call gets undefined). */
export function takeEarlyWorkers(): StartedWorkers | undefined {
  const g = globalThis as WithEarly;
  const early = g[EARLY];
  delete g[EARLY];
  return early;
}

/** Arguments after which a run reviews nothing, or not the files named. */
const NOT_A_PARALLEL_REVIEW = new Set(['-h', '--help', '-v', '--version', '--print-config', '--shard', '--stdin-filename', '-']);

/**
 * How many worker threads a run of this command line will use, when its arguments alone show it:
 * PARALLEL_MIN_FILES or more regular files named (a shell's glob, as the bench's cuad-dev run), no
 * subcommand, no option that reviews something else, at most `cores` threads in all or as many as
 * `--concurrency` asks. A folder or a glob pattern is not counted (its files are known only after the
 * search, in the bundle), so such a run starts its workers from the pool as before. An overcount
 * (an ignored file, an option's value that names a file) costs one worker's start-up on the other
 * core: the pool ends the workers it does not need.
 */
export function earlyWorkerCount(args: readonly string[], cwd: string, cores: number): number {
  if (args[0] === 'convert' || args[0] === 'export' || args[0] === 'rules') return 0;
  let threads = cores;
  let files = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (NOT_A_PARALLEL_REVIEW.has(arg.split('=')[0])) return 0;
    if (arg === '--concurrency' || arg.startsWith('--concurrency=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value !== 'auto') threads = /^\d+$/.test(value ?? '') ? Number(value) : 1;
      continue;
    }
    if (arg.startsWith('-') || files >= Math.max(PARALLEL_MIN_FILES, threads)) continue;
    try {
      if (fs.statSync(path.resolve(cwd, arg), { throwIfNoEntry: false })?.isFile()) files++;
    } catch {
      // Not a file: the run reports it.
    }
  }
  return files < PARALLEL_MIN_FILES ? 0 : Math.max(0, Math.min(threads, files) - 1);
}

/**
 * Starts `count` review workers now, for the pool to take; the loader calls it before reading the
 * bundle. With `flagsGate` (the loader's FlagsGate), before it sets the V8 flags: each worker then
 * says when it has started and waits for the flags before it compiles the bundle (./loader.ts).
 */
export function startEarlyWorkers(Worker: typeof import('node:worker_threads').Worker, script: string, count: number, flagsGate?: SharedArrayBuffer): void {
  if (count <= 0) return;
  const early: StartedWorkers = { workers: [], failures: new Map() };
  for (let i = 0; i < count; i++) startWorker(Worker, script, early, flagsGate);
  (globalThis as WithEarly)[EARLY] = early;
}
