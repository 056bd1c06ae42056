/** Entry point of `clausewise` (bundled to dist/cli.js; bin/clausewise.js requires it). */
import { run } from './run';

// `clausewise ... | head`: the reader went away; stop quietly, as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

let code: number;
try {
  code = run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
} catch (e) {
  process.stderr.write(`clausewise: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  code = 2;
}
// Set, not exit: lets a large report finish flushing to a pipe before the process ends.
process.exitCode = code;
