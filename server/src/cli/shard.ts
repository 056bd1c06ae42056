/**
 * `--shard I/N`: splits the files of a run into N parts by a hash of each file's path (as printed,
 * '/'-separated), so every CI job of a matrix gets the same part on every run and machine, each file
 * lands in exactly one part, and adding a file never moves the others.
 */

/** FNV-1a, 32 bits, over the UTF-16 code units of the path. */
export function pathHash(p: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) {
    h ^= p.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Is the file in part `index` (1-based) of `count`? */
export function inShard(p: string, index: number, count: number): boolean {
  return pathHash(p) % count === index - 1;
}
