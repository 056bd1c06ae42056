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
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node as YamlNode } from 'yaml';
import schema from '../../../schema/clausewise.schema.json';
import { CATEGORY_IDS, DRAFTING } from '../categories/types';
import { RULES } from '../rules';
import { DEFAULT_PROFILES, PROFILES } from '../profiles';
import type { Severity, Thresholds } from '../rules/types';
import type { ReviewSettings } from './types';
import { closeIds } from './suppression';

/** File names searched in each folder, in this order (the first found wins). */
export const CONFIG_FILE_NAMES = ['.clausewise.yaml', '.clausewise.yml', '.clausewise.json', 'package.json'] as const;

export const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;

export interface ConfigReader {
  /** The file's text, or null when there is no such file. */
  readFile(absPath: string): string | null;
  /** Whether anything (file or folder) exists at the path; used to find the git root (`.git`). */
  exists(absPath: string): boolean;
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

function formatIssue(file: string, i: ConfigIssue): string {
  return `${file}${i.line ? `:${i.line}${i.column ? `:${i.column}` : ''}` : ''}: ${i.message}`;
}

export const EMPTY_CONFIG: ResolvedConfig = Object.freeze({ file: null, files: [], settings: {}, include: [], ignore: [], force: false }) as ResolvedConfig;

// ---------------------------------------------------------------------------------------------
// Validation

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validator;
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list (e.g. [a, b])', object: 'a mapping of names to values', string: 'text', number: 'a number',
  boolean: 'true or false', integer: 'a whole number', 'string,array': 'a path or a list of paths',
};

function knownRuleAndCategoryIds(): string[] {
  return [...RULES.map((r) => r.meta.id), ...CATEGORY_IDS, DRAFTING];
}

/** "severity.sla-metrics", "profiles[1]", "(top level)". */
export function dottedPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out || '(top level)';
}

function decodePointer(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function valueAt(root: unknown, segments: ReadonlyArray<string | number>): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

interface PathProblem {
  segments: Array<string | number>;
  /** Point at the key of the last segment rather than its value. */
  atKey: boolean;
  message: string;
}

function schemaProblems(data: unknown, errors: readonly ErrorObject[]): PathProblem[] {
  const out: PathProblem[] = [];
  const allowed = (segments: Array<string | number>): string[] => {
    let s: Record<string, unknown> = schema as unknown as Record<string, unknown>;
    for (const seg of segments) s = ((s.properties as Record<string, Record<string, unknown>> | undefined)?.[String(seg)] ?? {}) as Record<string, unknown>;
    return Object.keys((s.properties as object | undefined) ?? {}).filter((k) => k !== '$schema');
  };
  for (const e of errors) {
    // propertyNames reports its own error besides the pattern error of the name: keep the former.
    if (e.keyword !== 'propertyNames' && e.schemaPath.includes('/propertyNames/')) continue;
    const segments = decodePointer(e.instancePath);
    const where = dottedPath(segments);
    const found = valueAt(data, segments);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const keys = allowed(segments);
        const close = closeIds(key, keys, 1);
        out.push({
          segments: [...segments, key], atKey: true,
          message: `${dottedPath([...segments, key])}: unknown setting${close.length ? `; did you mean "${close[0]}"?` : ''}; allowed ${segments.length ? `in ${where}` : 'here'}: ${keys.join(', ')}`,
        });
        break;
      }
      case 'enum': {
        const values = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        out.push({ segments, atKey: false, message: `${where}: must be one of ${values.join(', ')} (found ${show(found)})` });
        break;
      }
      case 'type': {
        const t = String((e.params as { type: string | string[] }).type);
        out.push({ segments, atKey: false, message: `${where}: must be ${TYPE_WORDS[t] ?? t} (found ${show(found)})` });
        break;
      }
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        const limit = (e.params as { limit: number }).limit;
        out.push({ segments, atKey: false, message: `${where}: must be ${e.keyword.includes('inimum') ? 'at least' : 'at most'} ${limit} (found ${show(found)})` });
        break;
      }
      case 'minLength':
        out.push({ segments, atKey: false, message: `${where}: must not be empty` });
        break;
      case 'uniqueItems':
        out.push({ segments, atKey: false, message: `${where}: names the same entry twice; list each once` });
        break;
      case 'pattern':
        out.push({ segments, atKey: false, message: `${where}: ${show(found)} is not an id; ids are lower case with hyphens, such as it-outsourcing` });
        break;
      case 'propertyNames': {
        const name = String((e.params as { propertyName: string }).propertyName);
        out.push({ segments: [...segments, name], atKey: true, message: `${dottedPath([...segments, name])}: "${name}" is not a rule or category id; ids are lower case with hyphens, such as breach-notification` });
        break;
      }
      default:
        out.push({ segments, atKey: false, message: `${where}: ${e.message ?? 'is invalid'}` });
    }
  }
  // propertyNames also reports a bare "pattern" error on the key; keep the first message per place.
  const seen = new Set<string>();
  return out.filter((p) => {
    const k = `${p.segments.join('\u0000')}|${p.atKey}`;
    if (seen.has(k) || (!p.atKey && seen.has(`${p.segments.join('\u0000')}|true`))) return false;
    seen.add(k);
    return true;
  });
}

/** Checks the schema cannot make: rule, category and profile ids that exist. */
function idProblems(config: RawConfig): PathProblem[] {
  const out: PathProblem[] = [];
  const ids = knownRuleAndCategoryIds();
  const known = new Set(ids);
  const severity = config.severity && typeof config.severity === 'object' && !Array.isArray(config.severity) ? config.severity : {};
  for (const key of Object.keys(severity)) {
    if (known.has(key) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key)) continue;
    const close = closeIds(key, ids);
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

/** The YAML node at a path (the key node of the last segment when atKey), for its position. */
function nodeAt(doc: Document, segments: ReadonlyArray<string | number>, atKey: boolean): YamlNode | null {
  let node: unknown = doc.contents;
  let last: YamlNode | null = (doc.contents as YamlNode | null) ?? null;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) return last;
      if (i === segments.length - 1 && atKey) return (pair.key as YamlNode) ?? last;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else {
      return last;
    }
    if (node && typeof node === 'object' && 'range' in (node as object)) last = node as YamlNode;
  }
  return last;
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
  text = text.replace(/^\uFEFF/, '');
  const lines = new LineCounter();
  let data: unknown;
  let doc: Document | null = null;
  if (kind === 'yaml') {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const pos = e.linePos?.[0];
      const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
      throw new ConfigError(file, [{ line: pos?.line, column: pos?.col, message: `not valid YAML: ${what}; check the indentation and quoting on this line` }]);
    }
    data = doc.toJS() ?? {};
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
      throw new ConfigError(file, [{ line, column, message: `not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}; check for a missing comma, quote or brace` }]);
    }
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    if (doc.errors.length) doc = null;
  }
  const prefix: string[] = [];
  if (kind === 'package.json') {
    if (!data || typeof data !== 'object' || !('clausewise' in (data as object))) return null;
    data = (data as Record<string, unknown>).clausewise;
    prefix.push('clausewise');
  }
  if (data === null || data === undefined) data = {};
  const loc: Located = { doc, lines, prefix };
  const shown = (p: PathProblem): ConfigIssue => ({ ...position(loc, p.segments, p.atKey), message: prefix.length ? `clausewise.${p.message}` : p.message });

  const check = validate();
  const problems = check(data) ? [] : schemaProblems(data, check.errors ?? []);
  const config = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as RawConfig;
  problems.push(...idProblems(config));
  if (problems.length) {
    const issues = problems.map(shown).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
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
  into.include.push(...from.include);
  into.ignore.push(...from.ignore);
  into.force = into.force || from.force;
}

function mergeInto(into: ResolvedConfig, raw: RawConfig, base: string): void {
  if (raw.enable !== undefined) into.settings.enable = raw.enable;
  if (raw.profiles) into.settings.profiles = [...raw.profiles];
  if (raw.severity) into.settings.severity = { ...into.settings.severity, ...raw.severity };
  if (raw.thresholds) into.settings.thresholds = { ...into.settings.thresholds, ...raw.thresholds };
  for (const p of raw.include ?? []) into.include.push({ pattern: p, base });
  for (const p of raw.ignore ?? []) into.ignore.push({ pattern: p, base });
  if (raw.force !== undefined) into.force = raw.force;
}

export interface ConfigLoaderOptions {
  /** Stop the upward search after this folder (besides the git root and the filesystem root). */
  stopAt?: (dir: string) => boolean;
}

/**
 * Finds, reads, validates and merges config files, caching what it read. Create one per CLI run; the
 * language server keeps one and calls clear() when a config file changes.
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
      const loaded = this.load(file, []);
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

  /** A config file with what it extends, merged; null when the file does not exist or is no config. */
  private load(file: string, chain: string[]): ResolvedConfig | null {
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
      const target = nodePath.resolve(base, rel);
      const where = (): ConfigIssue => {
        const kind = configKind(file);
        const lines = new LineCounter();
        const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
        const pos = doc.errors.length ? {} : position({ doc, lines, prefix: kind === 'package.json' ? ['clausewise'] : [] }, Array.isArray(raw.extends) ? ['extends', i] : ['extends'], false);
        return { ...pos, message: '' };
      };
      if ([file, ...chain].includes(target)) {
        throw new ConfigError(file, [{ ...where(), message: `extends: "${rel}" extends this file again (a cycle: ${[...chain, file, target].map((f) => nodePath.basename(f)).join(' -> ')}); remove one of the extends` }]);
      }
      const parent = this.load(target, [...chain, file]);
      if (!parent) {
        throw new ConfigError(file, [{ ...where(), message: `extends: "${rel}" does not exist (looked for ${target}) or is a package.json without a "clausewise" key; fix the path, which is relative to this file's folder` }]);
      }
      result.files.push(...parent.files);
      mergeResolved(result, parent);
    });
    mergeInto(result, raw, base);
    if (!chain.length) this.fileCache.set(file, result);
    return result;
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
