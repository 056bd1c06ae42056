/**
 * A full garbage collection on demand, for the language server's idle moments (issue 13, memory).
 * Between collections V8 lets a heap grow to a multiple of what is alive; in the server that
 * headroom is mostly the garbage of the last reviews (document versions, diagnostics as objects and
 * as JSON, a review's short-lived objects in the worker), and it was most of the server's RSS. V8's
 * own memory reducer collects it after several seconds without allocation; the server knows sooner
 * when its reviews are done. `--expose-gc` is set at run time because the server's flags belong to
 * whoever starts it (the client); the flag only adds `gc` to contexts made afterwards.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/** A function that runs a full collection, or null where this Node cannot give one. */
export function garbageCollector(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') collector = exposed;
    else {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collector = typeof gc === 'function' ? (gc as () => void) : null;
    }
  } catch {
    collector = null;
  }
  return collector;
}
