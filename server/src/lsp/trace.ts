/**
 * Timestamps of the steps between a keystroke and its diagnostics, written to stderr when
 * CLAUSEWISE_LSP_TRACE is set (scripts/lsp-trace.ts reads them): for measuring where the language
 * server's latency goes, never on otherwise. Wall-clock milliseconds, so the worker's and the
 * client's timestamps line up with the server's.
 */
import { isMainThread } from 'node:worker_threads';

const enabled = !!process.env.CLAUSEWISE_LSP_TRACE;
const where = isMainThread ? 'main' : 'worker';

export function trace(event: string): void {
  if (enabled) process.stderr.write(`TRACE ${(performance.timeOrigin + performance.now()).toFixed(2)} ${where} ${event}\n`);
}
