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
 * file changes; otherwise config files are re-read for every review.
 */
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

  constructor(reader: ConfigReader = DISK_READER) {
    this.loader = new ConfigLoader(reader, { roots: this.roots });
  }

  /**
   * The configuration for a document, on top of the editor's settings. `forced`: the user asked to
   * review this document (Clausewise: Review Current Document), so an ignore pattern does not apply.
   */
  forDocument(uri: string, editor: ReviewSettings, forced = false): DocumentConfig {
    const file = uriToPath(uri);
    if (!file || !this.trusted) return { settings: editor, force: false };
    if (!this.watching) this.loader.clear();
    let config;
    try {
      config = this.loader.forFile(file);
    } catch (e) {
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

  setRoots(folderUris: readonly string[]): void {
    this.roots.splice(0, this.roots.length, ...folderUris.map(uriToPath).filter((p): p is string => !!p));
    this.loader.clear();
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
    if (relevant) this.loader.clear();
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
