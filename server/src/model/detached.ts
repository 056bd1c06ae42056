/**
 * A copy of a string that does not keep a larger one alive. V8 represents a slice (and a
 * concatenation) as a view of the strings it was made from, so a cache keyed by the slice of a
 * document keeps that whole version of the document alive for as long as the entry lives: with a
 * cache of thousands of entries and a new version of a 1 MB contract per keystroke, one more copy of
 * the document per edit (issue 13, memory). Concatenating forces a flat copy when sliced again.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}
