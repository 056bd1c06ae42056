/** Turns command-line paths (files, folders, globs) into the sorted, deduplicated list of files to review. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { realPath } from '../engine';
import { GitIgnore } from './gitignore';

/**
 * Extensions picked up when walking a folder (a file named explicitly is always reviewed). Word and
 * PDF files are converted first; HTML files are reviewed only when named or matched by a glob, since
 * folders often hold HTML that is not a contract (generated documentation, for example).
 */
export const REVIEWED_EXTENSIONS = /\.(md|markdown|txt|docx|pdf)$/i;
/** Folders never descended into. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FoundFile {
  /** As given on the command line or found under a given folder; '/'-separated. */
  path: string;
  /** Absolute path, for reading. */
  abs: string;
  /** Named on the command line itself (not found in a folder or by a glob). */
  explicit?: boolean;
  /**
   * The file's stat at the search, when the search took one (a file named on the command line): the
   * run reads the file with it (engine/regular-file.ts readRegularFile's `known`) instead of a second.
   */
  stat?: fs.Stats;
}

export interface Discovery {
  files: FoundFile[];
  /** Inputs that do not exist or cannot be read (exit code 2). */
  errors: string[];
  /** Inputs that exist but hold nothing to review. */
  warnings: string[];
}

/** A name without a folder in it (see discoverFiles). */
const PLAIN_NAME = /^[^/\\]+$/;

const toSlash = (p: string): string => (path.sep === '\\' ? p.replace(/\\/g, '/') : p);

/** Normalises a path as typed: '/'-separated, no "./" or "a/../", no trailing slash. */
export function displayPath(arg: string): string {
  let p = path.posix.normalize(toSlash(arg));
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

function joinDisplay(base: string, rel: string): string {
  return base === '.' ? rel : base.endsWith('/') ? base + rel : `${base}/${rel}`;
}

/** Code-point order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return e?.message ?? String(err);
  }
}

export interface DiscoveryOptions {
  /** Skip what .gitignore files ignore when walking folders and expanding globs (default true). */
  gitignore?: boolean;
}

/** Reviewable files below a folder, .gitignore aside (node_modules and .git still skipped); for messages only. */
function countReviewable(dirAbs: string): number {
  let n = 0;
  const stack = [dirAbs];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) stack.push(path.join(dir, e.name));
      else if (e.isFile() && REVIEWED_EXTENSIONS.test(e.name)) n++;
    }
  }
  return n;
}

export function discoverFiles(args: readonly string[], cwd: string, options: DiscoveryOptions = {}): Discovery {
  // Keyed by real path (symbolic links resolved), so a file reached two ways is reviewed once.
  const found = new Map<string, { abs: string; display: string; stat?: fs.Stats }>();
  const explicit = new Set<string>();
  const gitignore = options.gitignore === false ? null : new GitIgnore(path.resolve(cwd));
  const errors: string[] = [];
  const warnings: string[] = [];
  const add = (abs: string, display: string, isExplicit = false, stat?: fs.Stats) => {
    const key = realPath(abs) ?? abs;
    const prev = found.get(key);
    if (isExplicit) explicit.add(key);
    // Prefer the shortest, then the first in code-point order, so argument order does not matter.
    if (prev === undefined || display.length < prev.display.length || (display.length === prev.display.length && display < prev.display)) found.set(key, { abs, display, ...(stat ? { stat } : {}) });
  };

  const walk = (dirAbs: string, dirDisplay: string, seen: Set<string>): number => {
    let real: string;
    try { real = fs.realpathSync(dirAbs); } catch { real = dirAbs; }
    if (seen.has(real)) return 0; // a symbolic link back up the tree
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dirAbs, { withFileTypes: true });
    } catch (err) {
      errors.push(`${dirDisplay}: cannot read directory: ${describe(err)}`);
      return 0;
    }
    entries.sort((a, b) => comparePaths(a.name, b.name));
    let count = 0;
    for (const entry of entries) {
      const abs = path.join(dirAbs, entry.name);
      const display = joinDisplay(dirDisplay, entry.name);
      const isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(abs);
          // A link to a folder is not followed (as with ** globs): it would review files twice, or
          // walk wherever it points (a link to / walks the whole disk). Name the folder to review it.
          if (st.isDirectory()) continue;
          isFile = st.isFile();
        } catch {
          continue; // dangling link: nothing to review
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name) && !gitignore?.isDirIgnored(abs)) count += walk(abs, display, seen);
      } else if (isFile && REVIEWED_EXTENSIONS.test(entry.name) && !entry.name.startsWith('~$') && !gitignore?.isFileIgnored(abs)) {
        // ("~$name.docx" is the lock file Word keeps beside an open document, not a document.)
        add(abs, display);
        count++;
      }
    }
    return count;
  };

  const cwdAbs = path.resolve(cwd);
  for (const arg of args) {
    // A plain file name (a shell's glob over one folder gives hundreds) is its own display path and
    // joins the working folder as it is: neither needs normalising, character by character, again.
    const plain = path.sep === '/' && PLAIN_NAME.test(arg) && arg !== '.' && arg !== '..';
    const abs = plain ? (cwdAbs === '/' ? `/${arg}` : `${cwdAbs}/${arg}`) : path.resolve(cwd, arg);
    const display = plain ? arg : displayPath(arg);
    let stat: fs.Stats | undefined;
    let statError: unknown;
    try { stat = fs.statSync(abs); } catch (err) { statError = err; }

    if (stat?.isFile()) {
      add(abs, display, true, stat);
    } else if (stat?.isDirectory()) {
      if (walk(abs, display, new Set()) === 0) {
        // Say whether there is nothing here, or something that .gitignore hides.
        const hidden = gitignore ? countReviewable(abs) : 0;
        warnings.push(hidden
          ? `${display}: ${hidden === 1 ? 'the only .md, .markdown or .txt file' : `all ${hidden} .md, .markdown and .txt files`} in this folder ${hidden === 1 ? 'is' : 'are'} ignored by .gitignore${gitignore!.isDirIgnored(abs) ? ' (the folder itself is ignored)' : ''}; pass --no-gitignore to review ${hidden === 1 ? 'it' : 'them'}`
          : `${display}: no .md, .markdown, .txt, .docx or .pdf files in this folder`);
      }
    } else if (stat) {
      errors.push(`${display}: not a file or folder`);
    } else if ((statError as NodeJS.ErrnoException)?.code === 'ENOENT' && isDynamicPattern(toSlash(arg))) {
      const pattern = toSlash(arg);
      const absolute = path.isAbsolute(arg);
      const matches = globSync(pattern, {
        cwd, absolute, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      if (!matches.length) errors.push(`${arg}: no files match this pattern`);
      let kept = 0;
      for (const m of matches) {
        const file = path.resolve(cwd, m);
        if (gitignore?.isFileIgnored(file)) continue;
        add(file, displayPath(m));
        kept++;
      }
      if (matches.length && !kept) warnings.push(`${arg}: every file this pattern matches is ignored by .gitignore; pass --no-gitignore to review them`);
    } else {
      errors.push(`${display}: ${describe(statError)}`);
    }
  }

  const files = [...found].map(([key, { abs, display, stat }]) => ({ abs, path: display, ...(explicit.has(key) ? { explicit: true } : {}), ...(stat ? { stat } : {}) })).sort((a, b) => comparePaths(a.path, b.path));
  return { files, errors, warnings };
}
