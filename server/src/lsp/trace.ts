/**
 * Timestamps of the steps between a keystroke and its diagnostics, written to stderr when
 * CLAUSEWISE_LSP_TRACE is set (scripts/lsp-trace.ts reads them): for measuring where the language
 * server's latency goes, never on otherwise. Wall-clock milliseconds, so the worker's and the
 * client's timestamps line up with the server's; each event also carries the CPU time its thread has
 * used so far (`@cpu=`, ms, Linux only; ./thread-cpu.ts), which a loaded machine does not inflate as it does wall time.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import { threadCpuMs } from './thread-cpu';

const enabled = !!process.env.CLAUSEWISE_LSP_TRACE;
const where = isMainThread ? 'main' : 'worker';

/** Set while a thread's warm-up runs (./warmup.ts): its sample reviews are not what a trace is for. */
let muted = false;

/** Mutes trace events until the function returned is called. */
export function muteTrace(): () => void {
  const was = muted;
  muted = true;
  return () => { muted = was; };
}

export function trace(event: string): void {
  if (enabled && !muted) process.stderr.write(`TRACE ${(performance.timeOrigin + performance.now()).toFixed(2)} ${where} ${event} @cpu=${threadCpuMs().toFixed(2)}\n`);
}

// Garbage collections too (told after the fact, between two messages): `gc <kind> <ms>` at the time the collection began.
if (enabled) {
  // perf_hooks.constants: NODE_PERFORMANCE_GC_MINOR 1, _MAJOR 4, _INCREMENTAL 8 (incremental marking's start), _WEAKCB 16.
  const kinds: Record<number, string> = { 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weak' };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = kinds[((e as { detail?: { kind?: number } }).detail)?.kind ?? 0] ?? 'other';
      process.stderr.write(`TRACE ${(performance.timeOrigin + e.startTime).toFixed(2)} ${where} gc ${kind} ${e.duration.toFixed(1)}\n`);
    }
  }).observe({ entryTypes: ['gc'] });
}
