/**
 * "Does the whole text match this expression at least n times?", answered while editing from the
 * previous model's answer and a scan of the stretch an edit changed (issue 13), as matchesUpTo
 * (helpers.ts) counts. A contract that never
 * names project work read its whole text with the project words' expression twice per keystroke
 * (acceptance-criteria and deliverable-dates each ask).
 *
 * Only for expressions whose matches are at most `reach` characters long, looking at no more than
 * one character either side (word boundaries): then a match that starts more than `reach` characters
 * from the changed stretch is the same match in both texts.
 */
import type { ContractModel } from '../model';
import { factsActive } from '../model/facts';
import { spliceTraceOf } from '../model/trace';

/** What one scan of a model's text found: the first matches (start, end pairs), all of them when fewer than the limit. */
interface Found { limit: number; matches: number[] }
const found = new WeakMap<ContractModel, Map<RegExp, Found>>();
const scans = new WeakMap<ContractModel, number>();

export function textMatchesUpTo(model: ContractModel, re: RegExp, limit: number, reach: number): number {
  let byRe = found.get(model);
  const hit = byRe?.get(re);
  if (hit && hit.limit === limit) return count(hit);
  const result = (factsActive() ? fromPrevious(model, re, limit, reach) : undefined) ?? scan(model, re, limit);
  if (!byRe) found.set(model, (byRe = new Map()));
  byRe.set(re, result);
  return count(result);
}

const count = (f: Found): number => Math.min(f.limit, f.matches.length / 2);

/** Hands the answers to a copy of the model with the same text (the review worker's released copy). */
export function carryTextMatches(from: ContractModel, to: ContractModel): void {
  const f = found.get(from);
  if (f && from.text === to.text && from.blocks === to.blocks) found.set(to, f);
}

/** How many times a model's text was read whole for these answers (for tests). */
export function textScans(model: ContractModel): number {
  return scans.get(model) ?? 0;
}

function scan(model: ContractModel, re: RegExp, limit: number): Found {
  scans.set(model, (scans.get(model) ?? 0) + 1);
  const matches: number[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  while (matches.length < 2 * limit) {
    const m = g.exec(model.text);
    if (!m) break;
    matches.push(m.index, m.index + m[0].length);
    if (m[0] === '') g.lastIndex++;
  }
  return { limit, matches };
}

/**
 * The answer for a spliced model from the previous model's, or undefined to scan. Outside the
 * stretch the splice re-read ([a, b) of the previous text, from the end of the last block kept
 * before the edit to the start of the first kept after it) the two texts are the same, shifted
 * after it; matches starting more than `reach` before a, or at or after b + reach, are therefore
 * the same. The stretch between is scanned in the new text, from where the scan of the whole text
 * would be there; it and the previous scan must be free at its end (no match across it).
 */
function fromPrevious(model: ContractModel, re: RegExp, limit: number, reach: number): Found | undefined {
  const trace = spliceTraceOf(model);
  const was = trace ? found.get(trace.previous)?.get(re) : undefined;
  if (!trace || !was || was.limit !== limit) return undefined;
  const old = trace.previous;
  const a = trace.prefix > 0 ? old.blocks[trace.prefix - 1].end : 0;
  const b = trace.oldAfter < old.blocks.length ? old.blocks[trace.oldAfter].start : old.text.length;
  const from = a - reach;
  const delta = model.text.length - old.text.length;
  const m = was.matches;
  // The matches before the stretch.
  let k = 0;
  while (k < m.length && m[k] < from) k += 2;
  const before = m.slice(0, k);
  // Enough before it: the answer stands, whatever the edit did.
  if (before.length >= 2 * limit) return { limit, matches: before.slice(0, 2 * limit) };
  // Otherwise every previous match must be known to carry the ones after the stretch.
  if (m.length >= 2 * limit) return undefined;
  const to = b + reach;
  // The previous whole scan was free at `to` (no match ran across it), so that the scan of the new
  // text, free at to + delta, finds there what it found after `to`.
  for (let i = k; i < m.length; i += 2) if (m[i] < to && m[i + 1] > to) return undefined;
  let j = k;
  while (j < m.length && m[j] < to) j += 2;
  const after = m.slice(j).map((x) => x + delta);
  const matches = before;
  // Only the stretch is read (a slice of it, with one character either side for the word
  // boundaries, and room for a match that starts in it to end): its matches must end before to + delta.
  const start = Math.max(Math.max(0, from), before.length ? before[before.length - 1] : 0);
  const end = to + delta;
  const lo = Math.max(0, start - 1);
  const hi = Math.min(model.text.length, end + reach + 1);
  const slice = model.text.slice(lo, hi);
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  g.lastIndex = start - lo;
  for (;;) {
    const x = g.exec(slice);
    if (!x || x.index + lo >= end) break;
    const at = x.index + lo;
    if (at + x[0].length > end || at + x[0].length >= hi && hi < model.text.length) return undefined;
    matches.push(at, at + x[0].length);
    if (x[0] === '') g.lastIndex++;
    if (matches.length >= 2 * limit) return { limit, matches: matches.slice(0, 2 * limit) };
  }
  for (const x of after) matches.push(x);
  return { limit, matches: matches.slice(0, 2 * limit) };
}

/** Each model's answers of textIncludes, by literal. */
const includes = new WeakMap<ContractModel, Map<string, boolean>>();

/**
 * Does the model's text include the literal? While editing, a text whose predecessor did not
 * include it includes it only if it overlaps the stretch the splice re-read (outside it the two
 * texts are the same, see fromPrevious): only that stretch is searched. The suppression comments
 * and the placeholder rule ask for "clausewise-" on every review, and a contract rarely holds one,
 * so each keystroke searched the whole text (1 MB, written in two-byte characters once it holds
 * a curly quote) for nothing.
 */
export function textIncludes(model: ContractModel, literal: string): boolean {
  let byLiteral = includes.get(model);
  const hit = byLiteral?.get(literal);
  if (hit !== undefined) return hit;
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  let out: boolean;
  if (trace && includes.get(trace.previous)?.get(literal) === false) {
    const old = trace.previous;
    const a = trace.prefix > 0 ? old.blocks[trace.prefix - 1].end : 0;
    const b = trace.oldAfter < old.blocks.length ? old.blocks[trace.oldAfter].start : old.text.length;
    const delta = model.text.length - old.text.length;
    const reach = literal.length - 1;
    out = model.text.slice(Math.max(0, a - reach), Math.min(model.text.length, b + delta + reach)).includes(literal);
    wholeSearches.set(model, wholeSearches.get(model) ?? 0);
  } else {
    out = model.text.includes(literal);
    wholeSearches.set(model, (wholeSearches.get(model) ?? 0) + 1);
  }
  if (!byLiteral) includes.set(model, (byLiteral = new Map()));
  byLiteral.set(literal, out);
  return out;
}
const wholeSearches = new WeakMap<ContractModel, number>();

/** How many times textIncludes searched a model's whole text (for tests). */
export function wholeTextSearches(model: ContractModel): number {
  return wholeSearches.get(model) ?? 0;
}

/** Hands the answers to a copy of the model with the same text (the review worker's released copy). */
export function carryTextIncludes(from: ContractModel, to: ContractModel): void {
  const f = includes.get(from);
  if (f && from.text === to.text && from.blocks === to.blocks) includes.set(to, f);
}
