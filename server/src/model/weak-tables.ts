/**
 * WeakMaps keyed by per-sentence or per-block objects, whose hash tables can be shrunk when the
 * language server falls idle (issue 13, memory).
 *
 * V8 grows a WeakMap's table as entries are added, but when the collector clears the entries of
 * dead keys it leaves the table at its size: only an explicit `delete` of a present key shrinks it
 * (to fit what is left, once three quarters of it are empty). A module-wide WeakMap with an entry
 * per sentence therefore keeps the capacity of the most sentences that were ever alive at once
 * (two versions of a 1 MB contract while one is reviewed and the other kept): 4 MB each, mostly
 * empty, for the sentence looks and the memo ids after edits taking turns over five contracts.
 */

const tables: Array<WeakMap<object, unknown>> = [];
const PROBE = {};

/** A WeakMap whose table shrinkWeakTables fits to its live entries. */
export function shrinkableWeakMap<K extends object, V>(): WeakMap<K, V> {
  const map = new WeakMap<K, V>();
  tables.push(map as WeakMap<object, unknown>);
  return map;
}

/**
 * Fits every shrinkable WeakMap's table to the entries still alive: adding and deleting a key makes
 * V8 shrink a table that is at least three quarters empty. Entries of dead keys are counted until a
 * full collection clears them, so this pays after one; the old tables are garbage for the next.
 */
export function shrinkWeakTables(): void {
  for (const map of tables) {
    map.set(PROBE, undefined);
    map.delete(PROBE);
  }
}
