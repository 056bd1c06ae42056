/**
 * Configuration files: `.clausewise.yaml`, `.clausewise.yml`, `.clausewise.json`, or a `clausewise` key
 * in package.json. The one nearest to a document applies to it: the search walks up from the
 * document's folder and stops at the git root (a folder holding `.git`) or the filesystem root. There
 * is no cascade between folders; a file builds on another only through `extends`.
 *
 * Each file is validated against schema/clausewise.schema.json (shipped in the package), then checked
 * for ids the schema cannot know (rule, category and profile ids). Problems are reported with the
 * file, the line and column, what is wrong and how to fix it.
 *
 * Files are read through an injected reader, so the loader has no I/O of its own: the CLI and the
 * language server pass one that reads the disk, the tests one that reads a map.
 */
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import schema from '../../../schema/clausewise.schema.json';
import { CATEGORY_IDS, DRAFTING } from '../categories/types';
import { RULES } from '../rules';
import { DEFAULT_PROFILES, PROFILES } from '../profiles';
import type { Severity, Thresholds } from '../rules/types';
import type { ReviewSettings } from './types';
import { closeIds } from './suppression';
import { keyText, lazyValidator, nodeAt, schemaProblems, type PathProblem } from '../model/schema-problems';
import { gitRoot, isInside } from './regular-file';

/** File names searched in each folder, in this order (the first found wins). */
export const CONFIG_FILE_NAMES = ['.clausewise.yaml', '.clausewise.yml', '.clausewise.json', 'package.json'] as const;

export const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;

export interface ConfigReader {
  /** The file's text, or null when there is no such file. Throws ConfigReadError when it cannot be read. */
  readFile(absPath: string): string | null;
  /** Whether anything (file or folder) exists at the path; used to find the git root (`.git`). */
  exists(absPath: string): boolean;
  /** The path with symbolic links resolved, or null when nothing is there (default: the path itself). */
  realpath?(absPath: string): string | null;
}

/** A glob pattern and the folder it is relative to (the folder of the config file that wrote it). */
export interface ConfigGlob {
  pattern: string;
  base: string;
}

/** One configuration file as written, validated. */
export interface RawConfig {
  extends?: string | string[];
  enable?: boolean;
  profiles?: string[];
  severity?: Record<string, Severity | 'off'>;
  include?: string[];
  ignore?: string[];
  force?: boolean;
  thresholds?: Thresholds;
  clausePosition?: ReviewSettings['clausePosition'];
}

/** The configuration in effect in a folder: the nearest file, merged with what it extends. */
export interface ResolvedConfig {
  /** The nearest config file (absolute), or null when none applies. */
  file: string | null;
  /** Every file read for it: the nearest first, then what it extends (depth first). */
  files: string[];
  /** Settings for the engine: enable, profiles, severity, thresholds. */
  settings: ReviewSettings;
  include: ConfigGlob[];
  ignore: ConfigGlob[];
  force: boolean;
}

export interface ConfigIssue {
  /** One-based line and column in the file, when known. */
  line?: number;
  column?: number;
  message: string;
}

/** An invalid configuration file: which file, where, what is wrong and what to do. */
export class ConfigError extends Error {
  constructor(readonly file: string, readonly issues: ConfigIssue[]) {
    super(issues.map((i) => formatIssue(file, i)).join('\n'));
    this.name = 'ConfigError';
  }

  /** The issues as "FILE:LINE:COL: message" lines, with the file shown as `display`. */
  describe(display: string = this.file): string[] {
    return this.issues.map((i) => formatIssue(display, i));
  }
}

/** A configuration file that exists but is not read: not a regular file, too large, unreadable. */
export class ConfigReadError extends ConfigError {
  constructor(file: string, readonly reason: string) {
    super(file, [{ message: `cannot read the configuration file: it ${reason}` }]);
    this.name = 'ConfigReadError';
  }
}

/** At most this many problems are listed per file; the rest are counted. */
export const MAX_LISTED_ISSUES = 50;

function formatIssue(file: string, i: ConfigIssue): string {
  return `${file}${i.line ? `:${i.line}${i.column ? `:${i.column}` : ''}` : ''}: ${i.message}`;
}

export const EMPTY_CONFIG: ResolvedConfig = Object.freeze({ file: null, files: [], settings: {}, include: [], ignore: [], force: false }) as ResolvedConfig;

// ---------------------------------------------------------------------------------------------
// Validation

const validate = lazyValidator(schema);

function knownRuleAndCategoryIds(): string[] {
  return [...RULES.map((r) => r.meta.id), ...CATEGORY_IDS, DRAFTING];
}

/** Checks the schema cannot make: rule, category and profile ids that exist. */
function idProblems(config: RawConfig): PathProblem[] {
  const out: PathProblem[] = [];
  const ids = knownRuleAndCategoryIds();
  const known = new Set(ids);
  const severity = config.severity && typeof config.severity === 'object' && !Array.isArray(config.severity) ? config.severity : {};
  for (const key of Object.keys(severity)) {
    if (known.has(key) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key)) continue;
    // Suggestions cost an edit distance per known id: only for problems that will be listed.
    const close = out.length < MAX_LISTED_ISSUES ? closeIds(key, ids) : [];
    out.push({
      segments: ['severity', key], atKey: true,
      message: `severity.${key}: unknown rule or category "${key}"; ${close.length ? `did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : 'rule and category ids are listed in docs/rules/README.md'}`,
    });
  }
  (Array.isArray(config.profiles) ? config.profiles : []).forEach((p, i) => {
    if (typeof p !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p) || PROFILES[p]) return;
    const close = closeIds(p, Object.keys(PROFILES), 1);
    out.push({ segments: ['profiles', i], atKey: false, message: `profiles[${i}]: unknown profile "${p}"${close.length ? `; did you mean "${close[0]}"?` : ''}; known profiles: ${Object.keys(PROFILES).join(', ')}` });
  });
  return out;
}

/** Where a parsed config file's values are: a YAML document over the file's text, and its lines. */
interface Located {
  doc: Document | null;
  lines: LineCounter;
  /** Path of the config inside the document: ['clausewise'] in a package.json. */
  prefix: string[];
}

function position(loc: Located, segments: ReadonlyArray<string | number>, atKey: boolean): { line?: number; column?: number } {
  if (!loc.doc) return {};
  const node = nodeAt(loc.doc, [...loc.prefix, ...segments], atKey);
  const offset = node?.range?.[0];
  if (offset === undefined) return {};
  const { line, col } = loc.lines.linePos(offset);
  return { line, column: col };
}

/**
 * Where the values of a JSON file are, read only when a problem needs a line: the file is read again
 * as YAML (a superset of JSON) for node ranges. Built lazily because a valid file never needs it,
 * and parsing a large package.json as YAML cost more than the whole review of a small contract.
 */
function jsonLocated(text: string, prefix: string[]): Located {
  let doc: Document | null | undefined;
  const lines = new LineCounter();
  return {
    get doc() {
      if (doc === undefined) {
        doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
        if (doc.errors.length) doc = null;
      }
      return doc;
    },
    lines,
    prefix,
  };
}

export type ConfigKind = 'yaml' | 'json' | 'package.json';

export function configKind(file: string): ConfigKind {
  const base = nodePath.basename(file);
  if (base === 'package.json') return 'package.json';
  return /\.json$/i.test(base) ? 'json' : 'yaml';
}

/**
 * Parses and validates the text of one config file. Returns null for a package.json without a
 * `clausewise` key (not a config file); throws ConfigError for an invalid one.
 */
export function parseConfig(text: string, file: string, kind: ConfigKind = configKind(file)): RawConfig | null {
  try {
    return parseConfigText(text, file, kind);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    // Deep nesting overflows the parser's stack; say so, without the stack trace.
    const deep = e instanceof RangeError;
    throw new ConfigError(file, [{
      message: deep
        ? `nested too deeply to read as a configuration file (more than ${MAX_NESTING} levels); a configuration file needs at most three`
        : 'cannot be read as a configuration file; check that it is the YAML or JSON file you meant',
    }]);
  }
}

/** Aliases (*name) resolved per file at most; YAML's own guard against "billion laughs" documents. */
const MAX_YAML_ALIASES = 100;

/** The first key written twice in one mapping, found in one pass (yaml's own check is quadratic). */
function duplicateKey(doc: Document): YamlNode | null {
  let found: YamlNode | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const p of map.items) {
        const k = keyText(p.key);
        if (seen.has(k)) {
          found = (p.key as YamlNode) ?? null;
          return visit.BREAK;
        }
        seen.add(k);
      }
      return undefined;
    },
  });
  return found;
}

/** JSON.parse's complaint without the excerpt of the file it quotes ('"{"a": HOME=secre"... is not valid JSON'). */
function jsonProblem(message: string): string {
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/,\s*".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/ is not valid JSON$/, '')
    .replace(/^JSON\.parse: /, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** Deeper than this is no configuration file; the parsers are not asked to recurse that far. */
const MAX_NESTING = 64;

/**
 * Whether brackets ([ {) or indentation nest deeper than MAX_NESTING levels, in one pass. Checked
 * before parsing: the YAML parser recurses per level, and a stack overflow inside it can take the
 * whole process down rather than throw. Hand-written because no parser offers a depth limit. Errs on
 * the safe side: every opening bracket counts, closing ones only outside strings and comments.
 */
function nestedTooDeeply(text: string): boolean {
  let depth = 0;
  let quote = '';
  let comment = false;
  let indent = 0;
  let lineStart = true;
  let prev = '\n';
  for (let i = 0; i < text.length; prev = text[i++]) {
    const ch = text[i];
    if (ch === '\n') { comment = false; lineStart = true; indent = 0; continue; }
    if (lineStart) {
      if (ch === ' ' || ch === '-' || ch === '\t') { indent++; continue; }
      lineStart = false;
      // Each level of block nesting takes at least two columns.
      if (indent > 2 * MAX_NESTING) return true;
    }
    if (ch === '[' || ch === '{') {
      if (++depth > MAX_NESTING) return true;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    const boundary = /[\s[{,:?-]/.test(prev);
    if ((ch === '"' || ch === "'") && boundary) quote = ch;
    else if (ch === '#' && /\s/.test(prev)) comment = true;
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return false;
}

/** Whether a package.json has a top-level `clausewise` key, or is not valid JSON (an error to report). */
function hasConfigKey(text: string): boolean {
  if (!text.includes('"clausewise"')) return false;
  try {
    const data: unknown = JSON.parse(text);
    return !!data && typeof data === 'object' && 'clausewise' in data;
  } catch {
    return true;
  }
}

function parseConfigText(text: string, file: string, kind: ConfigKind): RawConfig | null {
  text = text.replace(/^\uFEFF/, '');
  // A package.json without the key is no configuration file: skipped before the checks below, which
  // on a project's large package.json cost more than the whole review of a small contract.
  if (kind === 'package.json' && !hasConfigKey(text)) return null;
  if (nestedTooDeeply(text)) throw new RangeError('nested too deeply');
  const lines = new LineCounter();
  let data: unknown;
  let doc: Document | null = null;
  if (kind === 'yaml') {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: false });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const pos = e.linePos?.[0];
      const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
      if (/call stack/i.test(what)) throw new RangeError(what);
      throw new ConfigError(file, [{ line: pos?.line, column: pos?.col, message: `not valid YAML: ${what}; check the indentation and quoting on this line` }]);
    }
    const dup = duplicateKey(doc);
    if (dup) {
      const at = dup.range ? lines.linePos(dup.range[0]) : undefined;
      throw new ConfigError(file, [{ line: at?.line, column: at?.col, message: 'not valid YAML: this key is written twice in the same mapping; keep one' }]);
    }
    try {
      data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {};
    } catch (e) {
      if (!(e instanceof ReferenceError) || !/alias/i.test(e.message)) throw e;
      throw new ConfigError(file, [{ message: `uses YAML aliases (*name) that expand too far (more than ${MAX_YAML_ALIASES} times); write the values out instead` }]);
    }
  } else {
    try {
      data = JSON.parse(text);
    } catch (e) {
      if (kind === 'package.json' && !text.includes('"clausewise"')) return null;
      const msg = (e as Error).message;
      const at = /position (\d+)/.exec(msg);
      let line: number | undefined;
      let column: number | undefined;
      if (at) {
        lines.addNewLine(0);
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines.addNewLine(i + 1);
        ({ line, col: column } = lines.linePos(Number(at[1])));
      }
      throw new ConfigError(file, [{ line, column, message: `not valid JSON: ${jsonProblem(msg)}; check for a missing comma, quote or brace` }]);
    }
  }
  const prefix: string[] = [];
  if (kind === 'package.json') {
    if (!data || typeof data !== 'object' || !('clausewise' in (data as object))) return null;
    data = (data as Record<string, unknown>).clausewise;
    prefix.push('clausewise');
  }
  if (data === null || data === undefined) data = {};
  const loc: Located = kind === 'yaml' ? { doc, lines, prefix } : jsonLocated(text, prefix);
  const shown = (p: PathProblem): ConfigIssue => ({ ...position(loc, p.segments, p.atKey), message: prefix.length ? `clausewise.${p.message}` : p.message });

  const check = validate();
  const problems = check(data) ? [] : schemaProblems(data, check.errors ?? [], schema);
  const config = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as RawConfig;
  problems.push(...idProblems(config));
  if (problems.length) {
    const issues = problems.map(shown).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    if (issues.length > MAX_LISTED_ISSUES) {
      const more = issues.length - MAX_LISTED_ISSUES;
      issues.splice(MAX_LISTED_ISSUES, more, { message: `and ${more} more problem${more === 1 ? '' : 's'} not listed; fix the ones above first` });
    }
    throw new ConfigError(file, issues);
  }
  return config;
}

// ---------------------------------------------------------------------------------------------
// Globs

function toSlash(p: string): string {
  return p.replace(/\\/g, '/');
}

const matchers = new Map<string, (p: string) => boolean>();
function matcher(pattern: string): (p: string) => boolean {
  let m = matchers.get(pattern);
  if (!m) {
    let p = pattern.replace(/^\.\//, '').replace(/^\//, '');
    if (p.endsWith('/')) p += '**';
    m = picomatch(p, { dot: true, basename: !p.includes('/') });
    matchers.set(pattern, m);
  }
  return m;
}

/**
 * The first glob that matches a file (absolute path): the pattern is matched against the path
 * relative to its base folder, and against each folder on the way (a folder's match covers its files).
 */
export function matchGlobs(globs: readonly ConfigGlob[], absFile: string): ConfigGlob | undefined {
  const file = toSlash(absFile);
  for (const g of globs) {
    const rel = nodePath.posix.relative(toSlash(g.base), file);
    if (!rel || rel.startsWith('../') || rel === '..' || nodePath.posix.isAbsolute(rel)) continue;
    const m = matcher(g.pattern);
    if (m(rel)) return g;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (m(parts.slice(0, i).join('/'))) return g;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Loading

function mergeResolved(into: ResolvedConfig, from: ResolvedConfig): void {
  const s = from.settings;
  if (s.enable !== undefined) into.settings.enable = s.enable;
  if (s.profiles) into.settings.profiles = [...s.profiles];
  if (s.severity) into.settings.severity = { ...into.settings.severity, ...s.severity };
  if (s.thresholds) into.settings.thresholds = { ...into.settings.thresholds, ...s.thresholds };
  if (s.clausePosition) into.settings.clausePosition = s.clausePosition;
  into.include.push(...from.include);
  into.ignore.push(...from.ignore);
  into.force = into.force || from.force;
}

function mergeInto(into: ResolvedConfig, raw: RawConfig, base: string): void {
  if (raw.enable !== undefined) into.settings.enable = raw.enable;
  if (raw.profiles) into.settings.profiles = [...raw.profiles];
  if (raw.severity) into.settings.severity = { ...into.settings.severity, ...raw.severity };
  if (raw.thresholds) into.settings.thresholds = { ...into.settings.thresholds, ...raw.thresholds };
  if (raw.clausePosition) into.settings.clausePosition = raw.clausePosition;
  for (const p of raw.include ?? []) into.include.push({ pattern: p, base });
  for (const p of raw.ignore ?? []) into.ignore.push({ pattern: p, base });
  if (raw.force !== undefined) into.force = raw.force;
}

export interface ConfigLoaderOptions {
  /** Stop the upward search after this folder (besides the git root and the filesystem root). */
  stopAt?: (dir: string) => boolean;
  /**
   * Folders whose files a configuration outside any git repository may extend: the CLI's working
   * folder, the editor's workspace folders. Inside a repository, the repository is the limit.
   */
  roots?: readonly string[];
}

/** The folder tree a configuration file may read from, and how to name it in a message. */
interface Tree {
  dir: string;
  /** `dir`, symbolic links resolved. */
  real: string;
  label: string;
}

/** `name` or `@scope/name`, then an optional path inside the package. */
const PACKAGE_SPEC = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/(.+))?$/i;
/** Written as a path: ./x, ../x, /x, C:\x, \\server\x. */
const PATH_SPEC = /^(\.{1,2}([\\/]|$)|[\\/]|[a-zA-Z]:)/;

/**
 * Finds, reads, validates and merges config files, caching what it read. Create one per CLI run; the
 * language server keeps one and calls clear() when a config file changes.
 *
 * A configuration file is data and reads only data near it: it and every file it extends must lie
 * inside its tree (the git repository holding it, else one of `roots`, else its own folder), symbolic
 * links resolved, unless `extends` names an installed package, whose files must lie inside the package.
 */
export class ConfigLoader {
  private readonly dirCache = new Map<string, ResolvedConfig>();
  private readonly fileCache = new Map<string, ResolvedConfig | null>();
  /** Every config file read (or extended), absolute: what a watcher should watch. */
  readonly knownFiles = new Set<string>();

  constructor(private readonly reader: ConfigReader, private readonly options: ConfigLoaderOptions = {}) {}

  clear(): void {
    this.dirCache.clear();
    this.fileCache.clear();
    this.knownFiles.clear();
  }

  /** The configuration in effect for a file (absolute path). Throws ConfigError. */
  forFile(absFile: string): ResolvedConfig {
    // The CLI asks once per file, with paths resolved already, mostly of a few folders: a folder's
    // answer is looked up before the path is resolved again (twice: here and in forDir). Only a
    // resolved folder is a key, so a hit is the folder the resolved path names.
    // On POSIX the folder of a path that does not end in '/' is what comes before its last '/' (one
    // builtin search, where path.dirname walks the name character by character in JavaScript).
    const cut = nodePath.sep === '/' ? absFile.lastIndexOf('/') : -1;
    const cached = this.dirCache.get(cut > 0 && cut < absFile.length - 1 ? absFile.slice(0, cut) : nodePath.dirname(absFile));
    if (cached) return cached;
    return this.forDir(nodePath.dirname(nodePath.resolve(absFile)));
  }

  /** The configuration in effect in a folder (absolute path). Throws ConfigError. */
  forDir(absDir: string): ResolvedConfig {
    const dir = nodePath.resolve(absDir);
    const cached = this.dirCache.get(dir);
    if (cached) return cached;
    let result: ResolvedConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const file = nodePath.join(dir, name);
      const loaded = this.loadFound(file);
      if (loaded) { result = loaded; break; }
    }
    if (!result) {
      const parent = nodePath.dirname(dir);
      const stop = parent === dir || this.reader.exists(nodePath.join(dir, '.git')) || this.options.stopAt?.(dir);
      result = stop ? EMPTY_CONFIG : this.forDir(parent);
    }
    this.dirCache.set(dir, result);
    return result;
  }

  private real(p: string): string | null {
    return this.reader.realpath ? this.reader.realpath(p) : (this.reader.exists(p) ? p : null);
  }

  private tree(dir: string, label?: string): Tree {
    if (!label) {
      const git = gitRoot(dir, (p) => this.reader.exists(p));
      const root = git ?? [...(this.options.roots ?? [])].map((r) => nodePath.resolve(r)).filter((r) => isInside(r, dir)).sort((x, y) => y.length - x.length)[0];
      label = git ? 'the repository' : root ? 'the workspace folder' : "this file's folder";
      dir = git ?? root ?? dir;
    }
    return { dir, real: this.real(dir) ?? dir, label };
  }

  /** A config file found next to a document: read only when it really lies in its folder's tree. */
  private loadFound(file: string): ResolvedConfig | null {
    if (this.fileCache.has(file)) return this.fileCache.get(file)!;
    const tree = this.tree(nodePath.dirname(file));
    const real = this.real(file);
    if (real !== null && !isInside(tree.real, real)) {
      throw new ConfigError(file, [{ message: `is a symbolic link to a file outside ${tree.label} (${tree.dir}), which is not read; replace the link with the file itself` }]);
    }
    return this.load(file, [], tree);
  }

  /** A config file with what it extends, merged; null when the file does not exist or is no config. */
  private load(file: string, chain: string[], tree: Tree): ResolvedConfig | null {
    if (this.fileCache.has(file) && !chain.length) return this.fileCache.get(file)!;
    const text = this.reader.readFile(file);
    if (text === null) {
      if (!chain.length) this.fileCache.set(file, null);
      return null;
    }
    const raw = parseConfig(text, file);
    if (!raw) {
      if (!chain.length) this.fileCache.set(file, null);
      return null;
    }
    this.knownFiles.add(file);
    const base = nodePath.dirname(file);
    const result: ResolvedConfig = { file, files: [file], settings: {}, include: [], ignore: [], force: false };
    const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
    parents.forEach((rel, i) => {
      const fail = (message: string): never => {
        const kind = configKind(file);
        const lines = new LineCounter();
        const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
        const pos = doc.errors.length ? {} : position({ doc, lines, prefix: kind === 'package.json' ? ['clausewise'] : [] }, Array.isArray(raw.extends) ? ['extends', i] : ['extends'], false);
        throw new ConfigError(file, [{ ...pos, message: `extends: "${rel}" ${message}` }]);
      };
      const target = this.resolveExtends(rel, base, tree, fail);
      if ([file, ...chain].includes(target.file)) {
        fail(`extends this file again (a cycle: ${[...chain, file, target.file].map((f) => nodePath.basename(f)).join(' -> ')}); remove one of the extends`);
      }
      let parent: ResolvedConfig | null = null;
      try {
        for (const candidate of target.candidates ?? [target.file]) {
          parent = this.load(candidate, [...chain, file], target.tree);
          if (parent) break;
        }
      } catch (e) {
        if (e instanceof ConfigReadError) fail(`cannot be read: it ${e.reason}; name a configuration file instead`);
        throw e;
      }
      if (!parent) {
        fail(target.candidates
          ? `is a package without a configuration file (looked for ${CONFIG_FILE_NAMES.join(', ')} in ${target.file}); name the file inside the package, e.g. "${rel}/.clausewise.yaml"`
          : `does not exist (looked for ${target.file}) or is a package.json without a "clausewise" key; fix the path, which is relative to this file's folder, or name an installed package`);
      }
      result.files.push(...parent!.files);
      mergeResolved(result, parent!);
    });
    mergeInto(result, raw, base);
    if (!chain.length) this.fileCache.set(file, result);
    return result;
  }

  /**
   * Where `extends` points: a path inside the tree (resolved against the extending file's folder), or
   * a package installed in a node_modules folder at or above it (its root config file, or a file
   * named inside it). Anything else is refused before it is read.
   */
  private resolveExtends(rel: string, base: string, tree: Tree, fail: (message: string) => never): { file: string; tree: Tree; candidates?: string[] } {
    const local = nodePath.resolve(base, rel);
    const pkg = PATH_SPEC.test(rel) ? null : PACKAGE_SPEC.exec(rel.replace(/\\/g, '/'));
    if (!pkg || this.reader.exists(local)) {
      const fix = `extends may name files inside ${tree.label} (${tree.dir}) or an installed package; copy the file into ${tree.label}`;
      if (!isInside(tree.dir, local)) fail(`is outside ${tree.label}, so it is not read; ${fix}`);
      const real = this.real(local);
      if (real !== null && !isInside(tree.real, real)) fail(`is a symbolic link to a file outside ${tree.label}, so it is not read; ${fix}`);
      return { file: local, tree };
    }
    const [, name, inner] = pkg;
    for (let dir = base; ; dir = nodePath.dirname(dir)) {
      const root = nodePath.join(dir, 'node_modules', ...name.split('/'));
      if (this.reader.exists(root)) {
        const pkgTree = this.tree(root, `the package ${name}`);
        if (!inner) return { file: root, tree: pkgTree, candidates: CONFIG_FILE_NAMES.map((n) => nodePath.join(root, n)) };
        const file = nodePath.resolve(root, inner);
        const real = this.real(file);
        if (!isInside(root, file) || (real !== null && !isInside(pkgTree.real, real))) fail(`points outside the package ${name}, so it is not read; name a file inside the package`);
        return { file, tree: pkgTree };
      }
      if (nodePath.dirname(dir) === dir) break;
    }
    return fail(`does not exist: there is no file ${local} and no package "${name}" in a node_modules folder above this file; fix the path, which is relative to this file's folder, or install the package`);
  }
}

/** Settings for review() from a resolved config. */
export function configSettings(config: ResolvedConfig): ReviewSettings {
  return { ...config.settings };
}

/** What `clausewise --print-config FILE` prints: the configuration in effect, as plain JSON. */
export function describeConfig(config: ResolvedConfig, absFile: string, relative: (abs: string) => string, extra: { profiles?: string[]; force?: boolean } = {}) {
  const rebase = (g: ConfigGlob): string => {
    const base = relative(g.base);
    const p = g.pattern.replace(/^\.\//, '').replace(/^\//, '');
    return base === '' || base === '.' ? p : `${base}/${p}`;
  };
  const ignoredBy = matchGlobs(config.ignore, absFile);
  const includedBy = matchGlobs(config.include, absFile);
  return {
    file: relative(absFile),
    config: config.file ? relative(config.file) : null,
    configFiles: config.files.map(relative),
    ignored: Boolean(ignoredBy),
    reviewedAsContract: extra.force || config.force ? 'always (force)' : includedBy ? `always (include: ${rebase(includedBy)})` : 'when it reads as a contract',
    enable: config.settings.enable ?? true,
    profiles: extra.profiles?.length ? extra.profiles : config.settings.profiles ?? [...DEFAULT_PROFILES],
    severity: config.settings.severity ?? {},
    thresholds: config.settings.thresholds ?? {},
    include: config.include.map(rebase),
    ignore: config.ignore.map(rebase),
    force: Boolean(extra.force || config.force),
  };
}
