/**
 * The review worker's collections around a large document's edits (issue 13, rounds sixteen and
 * seventeen, idlegc and editgc): the scavenge after an edit's findings are posted, and the heap's
 * growing factor while edits come.
 *
 * V8 starts marking the old generation when it nears a limit set after each full collection (what
 * that collection left alive times a factor, about 1.3 to 1.5 here), and finishes with a pause of
 * 8 to 30 ms inside the job that crossed it. Each 1 MB keystroke leaves some 3 to 5 MB in the old
 * generation (its text and what the review keeps until the next one), so with V8's factor that came
 * every 5 to 8 edits, and at the bench's 12 edits one or two of them carried it.
 */
import { setFlagsFromString } from 'node:v8';
import { garbageCollector } from './collector';

/**
 * V8's heap growing factor, in percent over what a full collection leaves alive, while a large
 * document is edited here (CLAUSEWISE_EDIT_HEAP_GROWING; 0 leaves V8's own). Set at an edit's idle
 * step, put back before a document's open and at the worker's idle collection: V8 reads it when it
 * sets the limit after each full collection, so while typing the mark-compacts come about half as
 * often, the heap growing further between them; an open's full review and the settled heap after a
 * pause are as before (docs/performance.md, round seventeen, editgc).
 */
export const EDIT_HEAP_GROWING = Number(process.env.CLAUSEWISE_EDIT_HEAP_GROWING ?? 100);

/** A document at least this long (characters) sets it when edited here (the idle scavenge's floor, review-worker.ts). */
export const EDIT_HEAP_GROWING_CHARS = 500_000;

/**
 * Whether the idle scavenge runs on this thread alone (CLAUSEWISE_IDLE_SCAVENGE_SINGLE=1, for
 * measuring). Off: in three loaded pairs the client read the diagnostics later with it (the trace's
 * written-to-parsed median 5.6 to 10.1 ms against 1.5 to 2.5 with V8's helper threads), see
 * docs/performance.md, round seventeen, editgc.
 */
export const IDLE_SCAVENGE_SINGLE = process.env.CLAUSEWISE_IDLE_SCAVENGE_SINGLE === '1';

let growing = false;

/**
 * Sets (true) or puts back (false) the larger heap growing factor for edits. V8's flags belong to
 * the whole process, so the server's thread grows its heap so too meanwhile (it holds little then).
 * Returns whether it is set now; a no-op when already so, or when `percent` is 0.
 */
export function editHeapGrowing(on: boolean, percent = EDIT_HEAP_GROWING, set: (flag: string) => void = setFlagsFromString): boolean {
  if (on === growing || !(percent > 0)) return growing;
  try {
    set(on ? `--heap-growing-percent=${Math.round(percent)}` : '--heap-growing-percent=0');
    growing = on;
  } catch {
    // A Node without the flag: V8's factor.
  }
  return growing;
}

type Collector = (options?: { type: 'minor' | 'major' }) => void;

/**
 * A young-generation collection only (a scavenge: what survives is copied, the rest dropped), where
 * this Node gives a collector (./collector.ts). With `single`, on this thread alone: V8's parallel
 * scavenge runs about 3.5 of its 4 ms of CPU on its helper threads, the other core, which the
 * server's thread and the client want just then; but measured so, the client's read came later, not
 * sooner (IDLE_SCAVENGE_SINGLE). V8 reads the flag at each scavenge; it is set back at once.
 */
export function idleScavenge(single = IDLE_SCAVENGE_SINGLE, gc: Collector | null = garbageCollector() as Collector | null): void {
  if (!gc) return;
  let flagged = false;
  if (single) {
    try {
      setFlagsFromString('--no-parallel-scavenge');
      flagged = true;
    } catch {
      // A Node without the flag: V8's way.
    }
  }
  try {
    gc({ type: 'minor' });
  } finally {
    if (flagged) setFlagsFromString('--parallel-scavenge');
  }
}

/** A full collection (gc() without options: Node 20's `{ type: 'major' }` ran scavenges only when tried here). */
export function fullCollection(gc: (() => void) | null = garbageCollector()): void {
  gc?.();
}
