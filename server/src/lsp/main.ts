/**
 * Entry point of the Clausewise language server: `clausewise-server --stdio` (or `node dist/server.js
 * --stdio`). Creates the connection and hands it to createServer (./server.ts), where everything else is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { gatedStdio, stdioHousekeeping } from './gate';
import { createServer } from './server';
import { applyServerV8Flags } from './v8-flags';

// Before anything is reviewed and before the review worker is made (./v8-flags.ts).
applyServerV8Flags();

const log = (text: string): void => { process.stderr.write(`${text}\n`); };
// Over stdio (what every client uses), the transport keeps to the LSP lifecycle and never passes an
// exception's text to the client (./gate.ts); the other transports the library offers are kept as they were.
const otherTransport = process.argv.slice(2).some((a) => /^--(node-ipc|socket|pipe)\b/.test(a));
const gate = otherTransport ? null : gatedStdio(process.stdin, process.stdout, log);
const connection = gate ? createConnection(ProposedFeatures.all, gate.reader, gate.writer, gate.options) : createConnection(ProposedFeatures.all);
if (gate) stdioHousekeeping(gate);
// Large documents are reviewed in a worker thread, from the bundle beside this one (esbuild.mjs).
const workerScript = join(__dirname, 'review-worker.js');
// The server's thread warms up its review code on a sample when idle after a review (./warmup.ts),
// so that the first keystrokes after a pause are not reviewed by unoptimised code; the review worker warms up
// its edit path after a large document's open (./warmup.ts FirstEditWarmUp).
// CLAUSEWISE_WARMUP=off turns both off (for measuring); CLAUSEWISE_WARMUP=thread only the worker's.
const warmUp = process.env.CLAUSEWISE_WARMUP !== 'off';
const workerWarmUp = warmUp && process.env.CLAUSEWISE_WARMUP !== 'thread';
createServer(connection, { warmUp, ...(existsSync(workerScript) ? { reviewWorker: { script: workerScript, warmUp: workerWarmUp } } : {}) });

for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (e: unknown) => {
    try {
      connection.console.error(`Clausewise: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } catch {
      // The connection itself is gone; nothing left to report to.
    }
  });
}
connection.listen();
