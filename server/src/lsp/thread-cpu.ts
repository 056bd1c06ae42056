/**
 * This thread's CPU time (ms) from /proc/thread-self/schedstat (Linux; NaN elsewhere): the first
 * field is nanoseconds on a core. The kernel brings that figure up to date at its scheduler events
 * (ticks, switches), not when the file is read, so a reading alone can miss up to a tick of the
 * thread's latest CPU (over 150 readings in a busy loop, 55 to 85 ms went missing; benchcheck,
 * round nineteen). getrusage (`process.cpuUsage()`) updates the calling thread's figure first, so
 * it is called just before each read. Shared by ./trace.ts (lsp-trace's per-edit CPU) and the
 * probes in scripts/.
 */
import { readFileSync } from 'node:fs';

export function threadCpuMs(): number {
  try {
    // For its side effect only: the kernel updates the calling thread's runtime (see above).
    process.cpuUsage();
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}
