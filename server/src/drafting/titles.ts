/**
 * Clause titles used twice in the same part of a contract ("12. Confidentiality" and
 * "18. Confidentiality"). Schedules repeat titles of their own ("Introduction", "Charges") and
 * forms repeat labels, so titles are compared within the body, or within one schedule, and among
 * siblings only.
 */
import type { ContractModel, Section } from '../model';
import { foldQuotes } from '../model';
import { attachmentOf, sectionTreeUnchanged } from './xrefs';
import { detached } from '../model/detached';
import { factsActive } from '../model/facts';
import { spliceTraceOf } from '../model/trace';

export interface DuplicateTitle {
  first: Section;
  second: Section;
}

// Titles that forms, tables and signature pages repeat on purpose.
const LABEL = /^(?:name|title|date|signature|signed|by|address|e-?mail|telephone|phone|fax|position|witness|notes?|comments?|reserved|intentionally left blank|not used|deleted|omitted|general|other|miscellaneous|description|details|total|part [a-z0-9]+|item [a-z0-9]+|option [a-z0-9]+|table of contents|contents|recitals?|background|whereas)$/i;

function normalTitle(title: string): string {
  return foldQuotes(title).toLowerCase().replace(/[*_`"]/g, '').replace(/[\s.:;,\u2013\u2014-]+$/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * A heading's title as titles are compared, or null for one that is not compared. A pure function
 * of the title, kept in a small table: every review reads every heading's title, and a contract
 * repeats few distinct titles (five expressions per heading were a visible share of an edit).
 */
function comparableTitle(raw: string): string | null {
  let title = titleCache.get(raw);
  if (title === undefined) {
    if (titleCache.size > 10000) titleCache.clear();
    const t = normalTitle(raw);
    // A title is a few words; a long "title" is the opening line of an untitled clause.
    title = t.length < 3 || t.split(' ').length > 8 || LABEL.test(t) || !/[a-z]/.test(t) ? null : t;
    // Keyed by a copy: the title is a slice of its document, which the entry would keep alive.
    titleCache.set(detached(raw), title);
  }
  return title;
}
const titleCache = new Map<string, string | null>();

/**
 * The duplicates as pairs of section indexes (first, second, ...), kept per model while editing.
 * What they are read from (each section's title, number, kind, trailer, parent and attachment) is
 * what sectionTreeUnchanged compares, so when it holds the pairs are the previous model's: an edit
 * then reads no title and builds no key (a 1 MB contract has thousands of headings).
 */
const pairsBuilt = new WeakMap<ContractModel, Int32Array>();

/** Hands the pairs to a copy of the model with the same sections (see carry.ts). */
export function carryDuplicateTitles(from: ContractModel, to: ContractModel): void {
  const p = pairsBuilt.get(from);
  if (p && from.sections === to.sections) pairsBuilt.set(to, p);
}

/** Whether a model's duplicates were taken over from the previous model's (for tests); undefined before they are read. */
export function duplicateTitlesTakenOver(model: ContractModel): boolean | undefined {
  return takenOver.get(model);
}
const takenOver = new WeakMap<ContractModel, boolean>();

export function duplicateTitles(model: ContractModel): DuplicateTitle[] {
  const editing = factsActive();
  const trace = editing ? spliceTraceOf(model) : undefined;
  const kept = trace && sectionTreeUnchanged(model) ? pairsBuilt.get(trace.previous) : undefined;
  let pairs: Int32Array;
  if (kept) pairs = kept;
  else {
    const found = readDuplicateTitles(model);
    if (!editing) return found;
    pairs = new Int32Array(2 * found.length);
    found.forEach((d, k) => { pairs[2 * k] = d.first.index; pairs[2 * k + 1] = d.second.index; });
  }
  pairsBuilt.set(model, pairs);
  takenOver.set(model, kept !== undefined);
  const sections = model.sections;
  const out: DuplicateTitle[] = new Array(pairs.length / 2);
  for (let k = 0; k < out.length; k++) out[k] = { first: sections[pairs[2 * k]], second: sections[pairs[2 * k + 1]] };
  return out;
}

/** Headings with the same title among their siblings in one part of the contract. */
function readDuplicateTitles(model: ContractModel): DuplicateTitle[] {
  const out: DuplicateTitle[] = [];
  const seen = new Map<string, Section>();
  for (const s of model.sections) {
    // Measured: on 252 converted SEC contracts, titles of numbered plain-text clauses repeated mostly
    // because a table of contents or a running head was read as a clause (about 2 in 25 right), so
    // only Markdown headings are compared.
    if (s.index === 0 || !s.title || s.trailer || s.kind !== 'heading') continue;
    const title = comparableTitle(s.title);
    if (title === null) continue;
    const key = `${attachmentOf(model, s.index)}|${s.parent}|${s.kind}|${title}`;
    const first = seen.get(key);
    if (first && !(first.number && first.number === s.number)) out.push({ first, second: s });
    else seen.set(key, s);
  }
  return out;
}
