/**
 * `--shard I/N`: splits the files of a run into N parts by a hash of each file's path, so every CI job
 * of a matrix gets the same part on every run and machine, each file lands in exactly one part, and
 * adding a file never moves the others.
 *
 * The path hashed is canonical: the file's real path relative to the repository root (the git root
 * above the working folder, else the working folder), '/'-separated. `lib/a.md`, `./lib/a.md`, an
 * absolute path or a path through a symbolic link all land in the same part, whichever job spells it.
 */
import * as path from 'node:path';
import { gitRoot, realPath } from '../engine';

/** FNV-1a, 32 bits, over the UTF-16 code units of the path. */
export function pathHash(p: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) {
    h ^= p.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Is the file in part `index` (1-based) of `count`? `p` is its shard key (see shardKey). */
export function inShard(p: string, index: number, count: number): boolean {
  return pathHash(p) % count === index - 1;
}

/** The root shard keys are relative to: the git root holding `cwd`, else `cwd`; links resolved. */
export function shardRoot(cwd: string): string {
  const root = gitRoot(cwd) ?? path.resolve(cwd);
  return realPath(root) ?? root;
}

/** The canonical path of a file for sharding: real, relative to the shard root, '/'-separated. */
export function shardKey(absFile: string, root: string): string {
  const real = realPath(absFile) ?? path.resolve(absFile);
  return path.relative(root, real).split(path.sep).join('/');
}
