/**
 * Reading files the user did not necessarily choose (configuration files, files a configuration
 * extends, a contract's schedules) without being led astray: only regular files are read, never more
 * than a size limit, and never by a call that can block (a FIFO, a device such as /dev/zero). The one
 * place that defines those limits; the CLI, the language server and the config reader all use it.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';

/** Largest configuration file read (.clausewise.*, package.json, files named by extends). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Largest contract or schedule reviewed. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export type ReadOutcome =
  | { ok: true; bytes: Buffer }
  | { ok: false; kind: 'missing' | 'directory' | 'special' | 'too-large' | 'unreadable'; reason: string };

/** "1.0 MB": a size as the limits are stated to users. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  // The error's code, not its message: a message may carry more than the caller wants printed.
  return code ? `cannot be read (${code})` : 'cannot be read';
}

/** What a failed stat (or, after a stat the caller took, a failed open) says. */
function missingOr(e: unknown): ReadOutcome {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, kind: 'missing', reason: 'does not exist' };
  return { ok: false, kind: 'unreadable', reason: errnoReason(e) };
}

const notRegular = (st: fs.Stats): ReadOutcome | null => {
  if (st.isDirectory()) return { ok: false, kind: 'directory', reason: 'is a folder, not a file' };
  if (!st.isFile()) return { ok: false, kind: 'special', reason: 'is not a regular file (a pipe, device or socket); only regular files are read' };
  return null;
};

// O_NONBLOCK: should the file be swapped for a FIFO between the check and the open, the open still
// returns at once instead of waiting for a writer. (Not defined on Windows, where it is not needed.)
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file of at most `maxBytes` bytes. The type and size are checked before reading,
 * the type again on the open descriptor, and the read stops after `maxBytes` + 1 bytes, so a file
 * that claims a small size (/proc files report 0) cannot make it read more. `allocate`, when given,
 * makes the buffer a file that fits is read into (the CLI's worker pool reads into shared memory that
 * its threads see without a copy: cli/pool.ts SharedFiles). `known`, when given, is the file's stat
 * that the caller took already (the CLI's file search): it stands for the first stat, which the CLI
 * otherwise took twice per file. The checks on the open descriptor are the same either way.
 */
export function readRegularFile(path: string, maxBytes: number, allocate?: (size: number) => Buffer, known?: fs.Stats): ReadOutcome {
  let st: fs.Stats;
  if (known) {
    st = known;
  } else {
    try {
      st = fs.statSync(path);
    } catch (e) {
      return missingOr(e);
    }
  }
  const wrong = notRegular(st);
  if (wrong) return wrong;
  const limit = maxBytes % (1024 * 1024) === 0 ? `${maxBytes / (1024 * 1024)} MB` : formatMegabytes(maxBytes);
  const tooLarge = (size: number): ReadOutcome => ({ ok: false, kind: 'too-large', reason: `is larger than ${limit} (${formatMegabytes(size)}${st.size < size ? ' or more' : ''})` });
  if (st.size > maxBytes) return tooLarge(st.size);
  let fd: number;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
  } catch (e) {
    // Gone since a stat taken earlier (`known`): said as the stat would have said it.
    return known ? missingOr(e) : { ok: false, kind: 'unreadable', reason: errnoReason(e) };
  }
  try {
    const again = notRegular(fs.fstatSync(fd));
    if (again) return again;
    // Sized from the stat, one byte over to see the end: a file that fits is returned without a copy
    // (the CLI reads every file of a run through here). Not zero-filled: only bytes read are returned.
    const buffer = allocate ? allocate(Math.min(maxBytes + 1, st.size + 1)) : Buffer.allocUnsafeSlow(Math.min(maxBytes + 1, Math.max(st.size + 1, 64 * 1024)));
    let total = 0;
    while (total < buffer.length) {
      const n = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) return { ok: true, bytes: buffer.subarray(0, total) };
      total += n;
    }
    if (total > maxBytes) return tooLarge(total);
    // The file is longer than its stat said (it grew, or /proc reports 0): read on in chunks.
    const chunks: Buffer[] = [buffer];
    const more = Buffer.allocUnsafeSlow(64 * 1024);
    for (;;) {
      const n = fs.readSync(fd, more, 0, more.length, null);
      if (n === 0) break;
      chunks.push(Buffer.from(more.subarray(0, n)));
      total += n;
      if (total > maxBytes) return tooLarge(total);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, kind: 'unreadable', reason: errnoReason(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The real path (symbolic links resolved), or null when nothing is there. */
export function realPath(p: string): string | null {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return null;
  }
}

/** Whether `inner` is `outer` or inside it (both absolute, already resolved). */
export function isInside(outer: string, inner: string): boolean {
  const rel = nodePath.relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${nodePath.sep}`) && rel !== '..' && !nodePath.isAbsolute(rel));
}

/** The nearest folder at or above `dir` holding `.git` (the repository root), or null. */
export function gitRoot(dir: string, exists: (p: string) => boolean = fs.existsSync): string | null {
  let d = nodePath.resolve(dir);
  for (;;) {
    if (exists(nodePath.join(d, '.git'))) return d;
    const parent = nodePath.dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}

/**
 * The text of a contract's schedule (a bundle member), or undefined when it is not to be read: it
 * lies outside `tree` (symbolic links resolved), is not a regular file, is over MAX_DOCUMENT_BYTES
 * or holds NUL bytes. A contract names its schedules; it must not be able to pull in /proc/self/environ.
 */
export function readBundleText(absPath: string, tree: string): string | undefined {
  const real = realPath(absPath);
  if (real === null || !isInside(realPath(tree) ?? tree, real)) return undefined;
  const read = readRegularFile(real, MAX_DOCUMENT_BYTES);
  if (!read.ok || read.bytes.includes(0)) return undefined;
  return read.bytes.toString('utf8').replace(/^\uFEFF/, '');
}
