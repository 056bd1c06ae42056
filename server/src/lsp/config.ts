/**
 * Configuration files in the language server: the same `.clausewise.yaml` / `.clausewise.yml` /
 * `.clausewise.json` / package.json `clausewise` files the CLI reads (engine/config.ts), nearest to
 * each document's folder, so the editor and CI always agree.
 *
 * Precedence: when a config file applies to a document, it decides the review (profiles, severity,
 * thresholds, include, ignore, force); the editor's settings for those are not used, because an editor
 * setting that CI does not see would make the two disagree. Only `enable: false` from the editor still
 * turns reviewing off. Without a config file, the editor's settings apply as before. A document's front
 * matter still chooses its own profiles in both cases.
 *
 * Files are read when a document is reviewed and cached. When the client can watch files
 * (workspace/didChangeWatchedFiles with dynamic registration), the cache is cleared when a config
 * file changes. Otherwise every review looks at the disk again: with a file system that can stamp
 * paths (the disk's, `diskStamp`), only the folders above the document and the config files seen
 * there are stat()ed, and the files are read again when any of them changed; without, they are all
 * read again (finding, resolving and reading them was about 1 ms of a 100 KB keystroke, issue 13).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ConfigError, ConfigLoader, configDecision, DISK_READER, isInside, CONFIG_FILE_NAMES, type ConfigReader, type ReviewSettings } from '../engine';
import { CONFIG_CODE, serverDiagnostic } from './convert';
import { uriToPath } from './settings';


/** The glob a client is asked to watch; events are then filtered to config files actually used. */
export const WATCH_GLOB = '**/*.{yaml,yml,json}';

export interface DocumentConfig {
  /** Settings to review with. */
  settings: ReviewSettings;
  /** Review as a contract whatever it reads like (config include or force), and why. */
  force: boolean;
  forceReason?: string;
  /** Set when the config ignores the document: why. */
  ignoredReason?: string;
  /** The config file in effect, absolute, if any. */
  file?: string;
  /** The config file is invalid: the error to show. */
  error?: ConfigError;
}

/**
 * What is at a path on disk, as a string that changes when the file or folder is replaced, written,
 * or (a folder) gains or loses an entry; undefined when nothing is there.
 */
export type PathStamp = (absPath: string) => string | undefined;

/** The disk's PathStamp: inode, size, modification and change times (stat, symbolic links followed). */
export const diskStamp: PathStamp = (absPath) => {
  const st = fs.statSync(absPath, { throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}` : undefined;
};

/** The paths whose stamps tell whether a folder's configuration could have changed, and those stamps. */
interface FolderLook {
  paths: string[];
  stamps: string;
}

export class WorkspaceConfigs {
  /** Workspace folders (paths): outside a git repository, the limit of what a config file may extend. */
  private readonly roots: string[] = [];
  private readonly loader: ConfigLoader;
  /** True once the client watches files for us; until then every review re-reads. */
  watching = false;
  /**
   * False in an untrusted workspace: configuration files are then not read at all. True when the
   * client says nothing (editors other than VS Code have no workspace trust): a configuration file is
   * data only, bounded to its repository and to regular files (engine/config.ts), so reading it can
   * change how strict the review is and nothing else, and CI reads it too (docs/editors.md).
   */
  trusted = true;

  /**
   * Without file watching: per document folder, what its last read saw on disk. Its config is read
   * again only when a stamp moved: a folder from it up to the root (a config file or `.git` added,
   * removed or renamed there changes the folder), a config file name found in one of them (edited in
   * place), or a file read for it (what a config extends).
   */
  private readonly looks = new Map<string, FolderLook>();

  constructor(reader: ConfigReader = DISK_READER, private readonly stamp?: PathStamp) {
    this.loader = new ConfigLoader(reader, { roots: this.roots });
  }

  private stampsOf(paths: readonly string[]): string {
    return paths.map((p) => this.stamp!(p) ?? '-').join('|');
  }

  /** What a folder's configuration depends on on disk, looked at now (before reading it, so that a change during the read is seen next time). */
  private lookAt(dir: string): FolderLook {
    const paths: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      paths.push(d);
      for (const name of CONFIG_FILE_NAMES) {
        const file = path.join(d, name);
        if (this.stamp!(file) !== undefined) paths.push(file);
      }
      if (path.dirname(d) === d) break;
    }
    return { paths, stamps: this.stampsOf(paths) };
  }

  /** Without file watching: clears what was read when a folder's configuration may have changed on disk since. */
  private recheck(file: string): void {
    if (!this.stamp) {
      this.loader.clear();
      return;
    }
    const dir = path.dirname(path.resolve(file));
    const last = this.looks.get(dir);
    if (last && this.stampsOf(last.paths) === last.stamps) return;
    const look = this.lookAt(dir);
    // What the loader keeps (a folder's config, the files above it) may be shared with the folders
    // looked at before: it stays only while every other look still matches the disk. A look that
    // matches is kept, so documents in different folders edited by turns do not read their configs
    // again on every review; one that moved is dropped and the loader cleared.
    this.looks.delete(dir);
    let moved = !!last;
    for (const [other, seen] of this.looks) {
      if (this.stampsOf(seen.paths) !== seen.stamps) {
        this.looks.delete(other);
        moved = true;
      }
    }
    if (moved) this.loader.clear();
    this.looks.set(dir, look);
    this.pendingLook = look;
  }

  /** The look taken before the read under way; the files that read finds are added to it. */
  private pendingLook: FolderLook | undefined;

  /**
   * The configuration for a document, on top of the editor's settings. `forced`: the user asked to
   * review this document (Clausewise: Review Current Document), so an ignore pattern does not apply.
   */
  forDocument(uri: string, editor: ReviewSettings, forced = false): DocumentConfig {
    const file = uriToPath(uri);
    if (!file || !this.trusted) return { settings: editor, force: false };
    if (!this.watching) this.recheck(file);
    let config;
    try {
      config = this.loader.forFile(file);
      this.notePendingFiles();
    } catch (e) {
      this.notePendingFiles();
      if (!(e instanceof ConfigError)) throw e;
      // Reviewed with the editor's settings, under one diagnostic naming the broken file and line.
      return { settings: editor, force: false, error: e };
    }
    if (!config.file) return { settings: editor, force: false };
    const name = path.basename(config.file);
    const settings: ReviewSettings = { ...config.settings };
    if (editor.enable === false) settings.enable = false;
    const decision = configDecision(config, file, name);
    if (decision.ignoredBy && !forced) return { settings: { ...settings, enable: false }, force: false, file: config.file, ignoredReason: `ignored by "${decision.ignoredBy}" in ${name}` };
    return { settings, force: decision.force, ...(decision.forceReason ? { forceReason: decision.forceReason } : {}), file: config.file };
  }

  /** Adds the files the read just made found (what its configs extend, wherever they are) to the paths its look stamps. */
  private notePendingFiles(): void {
    const look = this.pendingLook;
    if (!look) return;
    this.pendingLook = undefined;
    const extra = [...this.loader.knownFiles].filter((f) => !look.paths.includes(f));
    if (!extra.length) return;
    look.paths.push(...extra);
    // Stamped now: a change between the read and this stamp is missed until the next change; the
    // folder's own stamps, taken before the read, catch every change to the files next to it.
    look.stamps = `${look.stamps}|${this.stampsOf(extra)}`;
  }

  setRoots(folderUris: readonly string[]): void {
    this.roots.splice(0, this.roots.length, ...folderUris.map(uriToPath).filter((p): p is string => !!p));
    this.loader.clear();
    this.looks.clear();
  }

  /** The workspace folder holding a file (the innermost), if any. */
  rootOf(file: string): string | undefined {
    return this.roots.filter((r) => isInside(r, file)).sort((a, b) => b.length - a.length)[0];
  }

  /** Clears the cache when one of the changed files is, or could be, a config file. */
  changed(uris: readonly string[]): boolean {
    const names = new Set<string>(CONFIG_FILE_NAMES);
    const relevant = uris.some((u) => {
      const p = uriToPath(u);
      if (!p) return false;
      return names.has(path.basename(p)) || this.loader.knownFiles.has(path.resolve(p)) || this.loader.knownFiles.has(p);
    });
    if (relevant) {
      this.loader.clear();
      this.looks.clear();
    }
    return relevant;
  }
}

/** The one diagnostic an invalid config file gets in each document it applies to. */
export function configErrorDiagnostic(error: ConfigError): Diagnostic {
  const first = error.issues[0];
  const where = `${error.file}${first?.line ? `:${first.line}` : ''}`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''} in that file)` : '';
  const message = `Clausewise: invalid configuration file ${where}: ${first?.message ?? 'invalid'}${more}. Fix the file; until then this document is reviewed with the editor's settings.`;
  const d = serverDiagnostic(CONFIG_CODE, message, DiagnosticSeverity.Error, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  d.relatedInformation = error.issues.map((i) => {
    const line = Math.max(0, (i.line ?? 1) - 1);
    const character = Math.max(0, (i.column ?? 1) - 1);
    return { location: { uri: pathToFileURL(error.file).href, range: { start: { line, character }, end: { line, character } } }, message: i.message };
  });
  return d;
}
