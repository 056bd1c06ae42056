/**
 * Entry point of `clausewise` (bundled to dist/cli-main.js, which the loader dist/cli.js runs through
 * a code cache; bin/clausewise.js requires the loader).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPoolWorker, startPoolWorker } from './pool';
import { run } from './run';
import { cliOutput } from './stdio';

if (isPoolWorker()) {
  // dist/cli.js started as a review worker thread of a parallel run (see ./pool.ts).
  startPoolWorker();
} else {
  // Node's stdout stream is made only when ./stdio.ts needs it (a terminal, Windows, a failed write).
  let stdoutStream: NodeJS.WriteStream | undefined;
  const stdout = (): NodeJS.WriteStream => {
    if (!stdoutStream) {
      stdoutStream = process.stdout;
      // `clausewise ... | head`: the reader went away; stop quietly, as other command-line tools do.
      stdoutStream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
    return stdoutStream;
  };

  // Worker threads run this same bundle, through the loader when there is one (it brings the code
  // cache); from TypeScript sources (tests under tsx) there is none.
  const loader = path.join(__dirname, 'cli.js');
  const workerScript = !/\.c?js$/.test(__filename) ? null : loader !== __filename && fs.existsSync(loader) ? loader : __filename;
  let stderrStream: NodeJS.WriteStream | undefined;
  const stderr = cliOutput(2, () => (stderrStream ??= process.stderr));
  run(process.argv.slice(2), {
    cwd: process.cwd(), env: process.env, stdout: cliOutput(1, stdout), stderr,
    readStdin: () => fs.readFileSync(0),
    workerScript,
  }).then(
    (code) => {
      process.exitCode = code;
      exitOnceWritten([stdoutStream, stderrStream]);
    },
    (e) => {
      stderr.write(`clausewise: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
      exitOnceWritten([stdoutStream, stderrStream]);
    },
  );
}

/**
 * Ends the process as soon as every byte of its output is out, with the exit code already set. Left
 * to end by itself, the process first waited for a pool worker's exit to be delivered and then tore
 * down its own heap (some 300 MB over cuad-dev: tens of ms after the last byte; docs/performance.md).
 * `process.exit` skips the main thread's teardown, but it also drops whatever Node's streams still
 * hold, so it is called only once they hold nothing: a direct write (./stdio.ts) is out when it
 * returns, and a stream that was used (a terminal, /dev/null, or the rest of a write that met a full
 * non-blocking pipe) is flushed when an empty write's callback runs, since Node completes a stream's
 * writes in order. A stream that failed calls back too (and EPIPE exits in its own handler).
 */
function exitOnceWritten(streams: readonly (NodeJS.WriteStream | undefined)[]): void {
  let waiting = 1;
  const done = (): void => {
    if (--waiting === 0) process.exit();
  };
  for (const stream of streams) {
    if (!stream || stream.writableLength === 0) continue;
    waiting++;
    stream.write('', done);
  }
  done();
}
