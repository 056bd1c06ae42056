/**
 * Baselines: a record of known findings, so that a team can adopt Clausewise on an existing contract
 * library and still fail on every new gap.
 *
 * A finding's fingerprint is a hash of its rule id, the normalised text of the sentence (or heading)
 * it flags, and its occurrence index among findings of the same rule on identical text. No line
 * numbers or offsets go in, so a fingerprint survives edits elsewhere in the file (a clause inserted
 * above, renumbered sections). Pure: no I/O.
 *
 * The baseline file (written by `clausewise --write-baseline FILE`):
 *
 *   {
 *     "tool": "clausewise",
 *     "version": 1,
 *     "files": {
 *       "contracts/msa.md": [
 *         { "ruleId": "sla-metrics", "fingerprint": "3f2a…", "line": 7, "message": "No measurable …" }
 *       ]
 *     }
 *   }
 *
 * Paths are relative to the folder of the baseline file, '/'-separated, sorted; entries in document
 * order. `line` (one-based) and `message` are there for people reading the file; only `ruleId` and
 * `fingerprint` are compared.
 */
import { createHash } from 'node:crypto';
import { foldQuotes, type ContractModel } from '../model';
import type { ReviewDiagnostic } from './types';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  line?: number;
  message?: string;
}

export interface Baseline {
  tool: 'clausewise';
  version: number;
  files: Record<string, BaselineEntry[]>;
}

/** Text of the sentence, heading or line holding an offset. */
export function flaggedText(model: ContractModel, offset: number): string {
  const block = model.blocks.find((b) => b.start <= offset && offset < Math.max(b.end, b.start + 1) && b.kind !== 'html' && b.kind !== 'code');
  if (block) {
    if (block.kind !== 'heading') {
      const s = block.sentences.find((x) => x.start <= offset && offset < x.end)
        ?? block.sentences.find((x) => x.start >= offset);
      if (s) return s.text;
    }
    if (block.text.trim()) return block.text;
  }
  const starts = model.lineStarts;
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return model.text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] : model.text.length);
}

/** Case, spacing, quotes, Markdown emphasis and a leading clause number do not matter. */
export function normaliseText(s: string): string {
  return foldQuotes(s.normalize('NFKC'))
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/^(?:(?:clause|section|article)\s+)?(?:\d+(?:\.\d+)*\.?|\(?[a-z]{1,4}\)|[ivxlc]+\.)\s+/i, '')
    .toLowerCase();
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** Fingerprints of the findings of one document, index-aligned with `diagnostics`. */
export function fingerprints(model: ContractModel, diagnostics: readonly ReviewDiagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const offset = (model.lineStarts[d.range.start.line] ?? model.text.length) + d.range.start.character;
    const text = normaliseText(flaggedText(model, offset));
    const key = `${d.ruleId}\u0000${text}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return hash([d.ruleId, text, String(n)]);
  });
}

/** The entries of one file for a baseline. */
export function baselineEntries(diagnostics: readonly ReviewDiagnostic[], prints: readonly string[]): BaselineEntry[] {
  return diagnostics.map((d, i) => ({ ruleId: d.ruleId, fingerprint: prints[i], line: d.range.start.line + 1, message: d.message }));
}

/**
 * Which findings the baseline knows: true at index i when finding i is baselined. Matching is by
 * rule id and fingerprint, each baseline entry used at most once.
 */
export function matchBaseline(entries: readonly BaselineEntry[] | undefined, diagnostics: readonly ReviewDiagnostic[], prints: readonly string[]): boolean[] {
  const left = new Map<string, number>();
  for (const e of entries ?? []) left.set(`${e.ruleId}\u0000${e.fingerprint}`, (left.get(`${e.ruleId}\u0000${e.fingerprint}`) ?? 0) + 1);
  return diagnostics.map((d, i) => {
    const key = `${d.ruleId}\u0000${prints[i]}`;
    const n = left.get(key) ?? 0;
    if (n <= 0) return false;
    left.set(key, n - 1);
    return true;
  });
}

/** Serialises a baseline deterministically (paths sorted, two-space JSON, final newline). */
export function formatBaseline(files: Record<string, BaselineEntry[]>): string {
  const sorted: Record<string, BaselineEntry[]> = {};
  for (const p of Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (files[p].length) sorted[p] = files[p].map((e) => ({ ruleId: e.ruleId, fingerprint: e.fingerprint, line: e.line, message: e.message }));
  }
  const out: Baseline = { tool: 'clausewise', version: BASELINE_VERSION, files: sorted };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Reads a baseline file's text; throws an Error with a message saying what is wrong. */
export function parseBaseline(text: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message}); write a new one with --write-baseline`);
  }
  const o = raw as Partial<Baseline> | null;
  if (!o || typeof o !== 'object' || !o.files || typeof o.files !== 'object' || Array.isArray(o.files)) {
    throw new Error('not a Clausewise baseline (no "files" object); write one with --write-baseline');
  }
  if (typeof o.version === 'number' && o.version > BASELINE_VERSION) {
    throw new Error(`baseline version ${o.version} is newer than this Clausewise understands (${BASELINE_VERSION}); upgrade Clausewise`);
  }
  const files: Record<string, BaselineEntry[]> = {};
  for (const [p, list] of Object.entries(o.files)) {
    if (!Array.isArray(list)) throw new Error(`"files"."${p}" must be a list of findings`);
    files[p] = list.filter((e): e is BaselineEntry => !!e && typeof e === 'object' && typeof (e as BaselineEntry).ruleId === 'string' && typeof (e as BaselineEntry).fingerprint === 'string');
  }
  return { tool: 'clausewise', version: typeof o.version === 'number' ? o.version : BASELINE_VERSION, files };
}
