/** Entry point of `clausewise` (bundled to dist/cli.js; bin/clausewise.js requires it). */
import * as fs from 'node:fs';
import { isPoolWorker, startPoolWorker } from './pool';
import { run } from './run';

if (isPoolWorker()) {
  // dist/cli.js started as a review worker thread of a parallel run (see ./pool.ts).
  startPoolWorker();
} else {
  // `clausewise ... | head`: the reader went away; stop quietly, as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

  // Worker threads run this same bundle; from TypeScript sources (tests under tsx) there is none.
  const workerScript = /\.c?js$/.test(__filename) ? __filename : null;
  run(process.argv.slice(2), {
    cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr,
    readStdin: () => fs.readFileSync(0),
    workerScript,
  }).then(
    // Set, not exit: lets a large report finish flushing to a pipe before the process ends.
    (code) => { process.exitCode = code; },
    (e) => {
      process.stderr.write(`clausewise: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
