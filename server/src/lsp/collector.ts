/**
 * A full garbage collection on demand, for the language server's idle moments (issue 13, memory).
 * Between collections V8 lets a heap grow to a multiple of what is alive; in the server that
 * headroom is mostly the garbage of the last reviews (document versions, diagnostics as objects and
 * as JSON, a review's short-lived objects in the worker), and it was most of the server's RSS. V8's
 * own memory reducer collects it after several seconds without allocation; the server knows sooner
 * when its reviews are done. `--expose-gc` is set at run time because the server's flags belong to
 * whoever starts it (the client); the flag only adds `gc` to contexts made afterwards.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { shrinkWeakTables } from '../model/weak-tables';

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

/**
 * A full collection, then the per-sentence WeakMaps' tables fitted to the entries it left
 * (../model/weak-tables.ts): their old tables, up to 4 MB each after edits taking turns over large
 * documents, are garbage for the next collection. Returns whether a collection ran.
 */
export function collectShrinkingTables(): boolean {
  const gc = garbageCollector();
  if (!gc) return false;
  gc();
  shrinkWeakTables();
  return true;
}

/**
 * A full collection that also compacts the whole old generation. An ordinary full collection frees
 * objects but moves few survivors: after full reviews of 1 MB documents (opening several, or edits
 * taking turns over several), the review worker's old space stayed about twice the size of what was
 * alive in it, pages each holding a few survivors, and RSS with it. V8 compacts every page only
 * under `--compact-on-every-full-gc`, turned on for this one collection. V8's flags belong to the
 * whole process: a collection the other thread makes meanwhile compacts too, which only makes it
 * slower. It costs about as much as moving what is alive (0.3 to 0.7 s of CPU for the 85 MB of a
 * worker keeping one 1 MB document's state), so it is kept for when it gives much back
 * (compactIfFragmented). Returns the milliseconds it took, or null without a collector.
 */
export function compactingCollection(): number | null {
  const gc = garbageCollector();
  if (!gc) return null;
  const t = performance.now();
  let flagged = false;
  try {
    setFlagsFromString('--compact-on-every-full-gc');
    flagged = true;
  } catch {
    // A Node without the flag: an ordinary full collection.
  }
  try {
    gc();
  } finally {
    if (flagged) setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return performance.now() - t;
}

/** The old space's pages that hold nothing alive, in bytes (after a full collection: its fragmentation). */
export function oldSpaceWaste(): { waste: number; physical: number } {
  const old = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
  if (!old) return { waste: 0, physical: 0 };
  return { waste: Math.max(0, old.physical_space_size - old.space_used_size), physical: old.physical_space_size };
}

/**
 * Compaction pays off when, after a full collection, at least this much of the old space (bytes) and
 * this share of it hold nothing: after bursts of full reviews (about 45 MB of 115 with twenty 1 MB
 * documents just opened, 95 MB of 175 after edits taking turns over five), not after the edits of
 * one document, which leave about 20 MB of 98 (test/lsp/memory-footprint.test.ts, docs/performance.md).
 */
export const COMPACT_MIN_WASTE = 32 * 1024 * 1024;
export const COMPACT_MIN_SHARE = 0.3;

/** A compacting collection when the old space is fragmented (see COMPACT_MIN_WASTE); its milliseconds, or null when none was needed. */
export function compactIfFragmented(minWaste = COMPACT_MIN_WASTE, minShare = COMPACT_MIN_SHARE): number | null {
  const { waste, physical } = oldSpaceWaste();
  if (waste < minWaste || waste < minShare * physical) return null;
  return compactingCollection();
}

/**
 * With CLAUSEWISE_MEMORY_LOG set, one line on standard error (the server's log) with this thread's
 * memory: RSS (the whole process's), heap, external memory, and each heap space as used/physical MB.
 * Written at each idle collection of both threads, to see where a bench run's RSS goes.
 */
export function logMemory(label: string): void {
  if (!process.env.CLAUSEWISE_MEMORY_LOG) return;
  const mb = (x: number) => Math.round(x / 1e5) / 10;
  const m = process.memoryUsage();
  const spaces = getHeapSpaceStatistics().map((s) => `${s.space_name.replace(/_space$/, '')} ${mb(s.space_used_size)}/${mb(s.physical_space_size)}`).join(', ');
  process.stderr.write(`Clausewise memory (${label}): rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}; ${spaces}\n`);
}
