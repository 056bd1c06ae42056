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
import type { Hash } from 'node:crypto';

// node:crypto is loaded only when fingerprints are computed (a baseline or SARIF): loading it costs a
// run without them about a tenth of the CLI's start-up.
let crypto: typeof import('node:crypto') | undefined;
const createHash = (algorithm: string): Hash => (crypto ??= require('node:crypto') as typeof import('node:crypto')).createHash(algorithm);
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

/**
 * Text of the sentence, heading or line holding an offset. Blocks, sentences and lines are each in
 * document order and do not overlap, so binary searches find them: a linear scan per finding made
 * a long paragraph with thousands of findings quadratic.
 */
export function flaggedText(model: ContractModel, offset: number): string {
  const blocks = readableBlocks(model);
  const at = lastAtOrBefore(blocks.length, (i) => blocks[i].start <= offset);
  const block = at >= 0 && offset < Math.max(blocks[at].end, blocks[at].start + 1) ? blocks[at] : undefined;
  if (block) {
    if (block.kind !== 'heading') {
      const sentences = block.sentences;
      const rel = offset - block.start;
      const i = lastAtOrBefore(sentences.length, (j) => sentences[j].from <= rel);
      const s = i >= 0 && rel < sentences[i].to ? sentences[i] : sentences[i + 1];
      if (s) return s.text;
    }
    if (block.text.trim()) return block.text;
  }
  const starts = model.lineStarts;
  const line = Math.max(0, lastAtOrBefore(starts.length, (i) => starts[i] <= offset));
  return model.text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] : model.text.length);
}

const readable = new WeakMap<ContractModel, ContractModel['blocks']>();
function readableBlocks(model: ContractModel): ContractModel['blocks'] {
  let out = readable.get(model);
  if (!out) {
    out = model.blocks.filter((b) => b.kind !== 'html' && b.kind !== 'code');
    readable.set(model, out);
  }
  return out;
}

/** The last index in [0, length) where `ok` holds, for an `ok` that is true up to a point; -1 if none. */
function lastAtOrBefore(length: number, ok: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
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


/**
 * Fingerprints of the findings of one document, index-aligned with `diagnostics`. Linear in the
 * document: each distinct flagged text is normalised and hashed once (the hash state is copied for
 * each occurrence), because one long sentence may carry thousands of findings.
 */
export function fingerprints(model: ContractModel, diagnostics: readonly ReviewDiagnostic[]): string[] {
  const normalised = new Map<string, string>();
  const byRule = new Map<string, Map<string, { count: number; partial: Hash }>>();
  return diagnostics.map((d) => {
    const offset = (model.lineStarts[d.range.start.line] ?? model.text.length) + d.range.start.character;
    const flagged = flaggedText(model, offset);
    let text = normalised.get(flagged);
    if (text === undefined) {
      text = normaliseText(flagged);
      normalised.set(flagged, text);
    }
    let seen = byRule.get(d.ruleId);
    if (!seen) byRule.set(d.ruleId, (seen = new Map()));
    let entry = seen.get(text);
    // sha256 of "ruleId NUL text NUL n", as ever (baselines stay valid); the prefix is hashed once.
    if (!entry) seen.set(text, (entry = { count: 0, partial: createHash('sha256').update(`${d.ruleId}\u0000${text}\u0000`) }));
    return entry.partial.copy().update(String(entry.count++)).digest('hex').slice(0, 32);
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
