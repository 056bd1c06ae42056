// Settings as they arrive from clients (untyped JSON) turned into ReviewSettings, and the
// workspace-relative path that `include` globs are matched against.
import { fileURLToPath } from 'node:url';
import { RULES, type ReviewSettings } from '../engine';
import type { Severity, Thresholds } from '../rules/types';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const SEVERITY_ALIASES: Record<string, Severity | 'off'> = { info: 'information', warn: 'warning', none: 'off', ignore: 'off' };
// The thresholds the rules declare in their meta (the same list the settings schema is generated from).
const THRESHOLD_KEYS = RULES.flatMap((r) => r.meta.thresholds ?? []).map((t) => t.name as keyof Thresholds);

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (!Array.isArray(v)) return undefined;
  return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

/**
 * Keeps the known keys of a `clausewise` settings object with the right types and drops the rest
 * (VS Code also sends `trace`, editors may send null). Never throws.
 */
export function sanitizeSettings(raw: unknown): ReviewSettings {
  const out: ReviewSettings = {};
  if (!isObject(raw)) return out;
  if (typeof raw.enable === 'boolean') out.enable = raw.enable;
  const profiles = stringList(raw.profiles ?? raw.profile);
  if (profiles?.length) out.profiles = profiles;
  const include = stringList(raw.include);
  if (include?.length) out.include = include;
  if (isObject(raw.severity)) {
    const severity: Record<string, Severity | 'off'> = {};
    for (const [k, v] of Object.entries(raw.severity)) {
      if (typeof v !== 'string') continue;
      const s = SEVERITY_ALIASES[v.toLowerCase()] ?? v.toLowerCase();
      if (SEVERITIES.has(s)) severity[k] = s as Severity | 'off';
    }
    if (Object.keys(severity).length) out.severity = severity;
  }
  if (isObject(raw.thresholds)) {
    const thresholds: Thresholds = {};
    for (const k of THRESHOLD_KEYS) {
      const v = raw.thresholds[k];
      if (typeof v === 'number' && Number.isFinite(v)) thresholds[k] = v;
    }
    if (Object.keys(thresholds).length) out.thresholds = thresholds;
  }
  // Passed on as written: review() reports a value that is not a position.
  if (typeof raw.clausePosition === 'string' && raw.clausePosition.trim()) out.clausePosition = raw.clausePosition.trim() as ReviewSettings['clausePosition'];
  return out;
}

/** Later sources win key by key; `severity` and `thresholds` merge per entry. */
export function mergeSettings(...all: ReviewSettings[]): ReviewSettings {
  const out: ReviewSettings = {};
  for (const s of all) {
    if (s.enable !== undefined) out.enable = s.enable;
    if (s.profiles) out.profiles = s.profiles;
    if (s.include) out.include = s.include;
    if (s.severity) out.severity = { ...out.severity, ...s.severity };
    if (s.thresholds) out.thresholds = { ...out.thresholds, ...s.thresholds };
    if (s.clausePosition) out.clausePosition = s.clausePosition;
  }
  return out;
}

/** Absolute '/'-separated path of a file: URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

/**
 * The path `include` globs are matched against: relative to the innermost workspace folder holding
 * the document ('/'-separated); the absolute path for files outside every folder; undefined for
 * documents that are not files (untitled:).
 */
export function workspaceRelativePath(uri: string, folderUris: readonly string[]): string | undefined {
  const file = uriToPath(uri);
  if (!file) return undefined;
  const windows = /^[a-z]:\//i.test(file) || /^\/[a-z]:\//i.test(file);
  const norm = (p: string) => (windows ? p.toLowerCase() : p);
  let best: string | undefined;
  for (const f of folderUris) {
    const folder = uriToPath(f)?.replace(/\/+$/, '');
    if (folder === undefined) continue;
    if (!norm(file).startsWith(norm(folder) + '/')) continue;
    if (best === undefined || folder.length > best.length) best = folder;
  }
  return best !== undefined ? file.slice(best.length + 1) : file;
}
