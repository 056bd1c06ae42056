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
  const stderr = cliOutput(2, () => process.stderr);
  run(process.argv.slice(2), {
    cwd: process.cwd(), env: process.env, stdout: cliOutput(1, stdout), stderr,
    readStdin: () => fs.readFileSync(0),
    workerScript,
  }).then(
    // Set, not exit: lets a large report finish flushing to a pipe before the process ends.
    (code) => { process.exitCode = code; },
    (e) => {
      stderr.write(`clausewise: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
