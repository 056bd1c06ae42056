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
import { holdsAny } from '../model/word-gate';
import { factsActive } from '../model/facts';
import { sectionChangesOf, spliceTraceOf } from '../model/trace';
import type { SectionChanges } from '../model/sections';

export interface DuplicateTitle {
  first: Section;
  second: Section;
}

// Titles that forms, tables and signature pages repeat on purpose.
export const LABEL = /^(?:name|title|date|signature|signed|by|address|e-?mail|telephone|phone|fax|position|witness|notes?|comments?|reserved|intentionally left blank|not used|deleted|omitted|general|other|miscellaneous|description|details|total|part [a-z0-9]+|item [a-z0-9]+|option [a-z0-9]+|table of contents|contents|recitals?|background|whereas)$/i;
/** Words one of which every LABEL match holds (model/word-gate.ts): most titles hold none, and LABEL is then never compiled. */
export const LABEL_WORDS = ['name', 'title', 'date', 'sign', 'by', 'address', 'mail', 'phone', 'fax', 'position', 'witness', 'note', 'comment', 'reserved', 'blank', 'not used', 'deleted', 'omitted', 'general', 'other', 'miscellaneous', 'description', 'details', 'total', 'part', 'item', 'option', 'contents', 'recital', 'background', 'whereas'];

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
    title = t.length < 3 || t.split(' ').length > 8 || (holdsAny(t, LABEL_WORDS) && LABEL.test(t)) || !/[a-z]/.test(t) ? null : t;
    // Keyed by a copy: the title is a slice of its document, which the entry would keep alive.
    titleCache.set(detached(raw), title);
  }
  return title;
}
const titleCache = new Map<string, string | null>();

/**
 * The duplicates as pairs of section indexes (first, second, ...), ordered by second, kept per
 * model while editing. What they are read from (each section's title, number, kind, trailer,
 * parent and attachment) a splice that took the tree over leaves as it was but for the sections it
 * lists as renumbered or retitled (model/trace.ts sectionChangesOf): with none, the pairs are the
 * previous model's, and an edit reads no title and builds no key (a 1 MB contract has thousands of
 * headings); with some, only the groups those sections leave or join are read again (patchedPairs).
 */
const pairsBuilt = new WeakMap<ContractModel, Int32Array>();

/**
 * The sections compared, by key (`attachment|parent|kind|title`), each group's section indexes in
 * document order: made by a read while editing and patched by the next edit that retitles or
 * renumbers, which takes it over (a holder shared with a copy of the model: the first model made
 * from either takes it, and a second one reads everything again).
 */
interface Groups { byKey?: Map<string, number[]> }
const groupsKept = new WeakMap<ContractModel, Groups>();

/** Hands the pairs to a copy of the model with the same sections (see carry.ts). */
export function carryDuplicateTitles(from: ContractModel, to: ContractModel): void {
  const p = pairsBuilt.get(from);
  if (!p || from.sections !== to.sections) return;
  pairsBuilt.set(to, p);
  const g = groupsKept.get(from);
  if (g) groupsKept.set(to, g);
}

/**
 * How a model's duplicates were found (for tests), undefined before they are read: taken over
 * whole from the previous model's, patched for the sections an edit retitled or renumbered (with
 * how many sections' pairs were worked out again), or read over every section.
 */
export function duplicateTitlesRead(model: ContractModel): { how: 'taken' | 'patched' | 'read'; sections: number } | undefined {
  return readHow.get(model);
}
const readHow = new WeakMap<ContractModel, { how: 'taken' | 'patched' | 'read'; sections: number }>();

/** Whether a model's duplicates were taken over whole from the previous model's (for tests); undefined before they are read. */
export function duplicateTitlesTakenOver(model: ContractModel): boolean | undefined {
  const r = readHow.get(model);
  return r && r.how === 'taken';
}

export function duplicateTitles(model: ContractModel): DuplicateTitle[] {
  if (!factsActive()) return readDuplicateTitles(model);
  const pairs = duplicateTitleIndexes(model);
  const sections = model.sections;
  const out: DuplicateTitle[] = new Array(pairs.length / 2);
  for (let k = 0; k < out.length; k++) out[k] = { first: sections[pairs[2 * k]], second: sections[pairs[2 * k + 1]] };
  return out;
}

/**
 * duplicateTitles as section indexes, first and second of each pair in turn (callers must not
 * change it): while editing, the previous model's list itself when no section changed its title or
 * number, so that an edit makes no object per pair (990 pairs on the 1 MB bench contract; the
 * duplicate-clause-title rule reads the few around the edit; issue 13, editrules).
 */
export function duplicateTitleIndexes(model: ContractModel): Int32Array {
  const hit = pairsBuilt.get(model);
  if (hit) return hit;
  const editing = factsActive();
  const trace = editing ? spliceTraceOf(model) : undefined;
  const before = trace ? pairsBuilt.get(trace.previous) : undefined;
  let pairs: Int32Array | undefined;
  if (before && trace) {
    const changes = sectionChangesOf(model);
    // Taken over whole when no section changed its title or number, or (a tree built afresh) when
    // the tree reads as before (drafting/xrefs.ts sectionTreeUnchanged): the groups go with them.
    if (changes ? !changes.renumbered.length && !changes.retitled.length : sectionTreeUnchanged(model)) {
      pairs = before;
      const groups = groupsKept.get(trace.previous);
      if (groups) groupsKept.set(model, groups);
      readHow.set(model, { how: 'taken', sections: 0 });
    } else if (changes) pairs = patchedPairs(model, trace.previous, before, changes);
  }
  if (!pairs) {
    const byKey = editing ? new Map<string, number[]>() : undefined;
    const found = readDuplicateTitles(model, byKey);
    pairs = new Int32Array(2 * found.length);
    found.forEach((d, k) => { pairs![2 * k] = d.first.index; pairs![2 * k + 1] = d.second.index; });
    if (!editing) return pairs;
    groupsKept.set(model, { byKey });
    readHow.set(model, { how: 'read', sections: model.sections.length });
  }
  pairsBuilt.set(model, pairs);
  return pairs;
}

/** The key a section is compared under, or null for one that is not compared. */
function keyOf(model: ContractModel, s: Section): string | null {
  // Measured: on 252 converted SEC contracts, titles of numbered plain-text clauses repeated mostly
  // because a table of contents or a running head was read as a clause (about 2 in 25 right), so
  // only Markdown headings are compared.
  if (s.index === 0 || !s.title || s.trailer || s.kind !== 'heading') return null;
  const title = comparableTitle(s.title);
  return title === null ? null : `${attachmentOf(model, s.index)}|${s.parent}|${s.kind}|${title}`;
}

/** Headings with the same title among their siblings in one part of the contract; with `byKey`, each group noted. */
function readDuplicateTitles(model: ContractModel, byKey?: Map<string, number[]>): DuplicateTitle[] {
  const out: DuplicateTitle[] = [];
  const seen = new Map<string, Section>();
  for (const s of model.sections) {
    const key = keyOf(model, s);
    if (key === null) continue;
    if (byKey) {
      const group = byKey.get(key);
      if (group) group.push(s.index);
      else byKey.set(key, [s.index]);
    }
    const first = seen.get(key);
    if (first && !(first.number && first.number === s.number)) out.push({ first, second: s });
    else seen.set(key, s);
  }
  return out;
}

/**
 * The pairs of a model whose tree the splice took over with some sections renumbered or retitled
 * (`changes`): each of those leaves its previous group and joins its new one, the pairs of those
 * groups are worked out again from their members, and every other pair is the previous one (a
 * group's pairs read only its members' numbers). Proportional to the changed sections and their
 * groups, not to the headings; undefined (read everything) without the previous model's groups.
 */
function patchedPairs(model: ContractModel, old: ContractModel, before: Int32Array, changes: SectionChanges): Int32Array | undefined {
  const kept = groupsKept.get(old);
  const byKey = kept?.byKey;
  if (!kept || !byKey) return undefined;
  // The groups are this model's from here on (patched in place, not copied).
  kept.byKey = undefined;
  groupsKept.set(model, { byKey });
  const touched = new Set<string>();
  let read = 0;
  const move = (i: number): void => {
    read++;
    const was = keyOf(old, old.sections[i]);
    const now = keyOf(model, model.sections[i]);
    if (was !== null) {
      touched.add(was);
      if (was !== now) {
        const group = byKey.get(was)!;
        if (group.length === 1) byKey.delete(was);
        else group.splice(group.indexOf(i), 1);
      }
    }
    if (now !== null) {
      touched.add(now);
      if (was !== now) {
        const group = byKey.get(now);
        if (!group) byKey.set(now, [i]);
        else {
          let at = group.length;
          while (at > 0 && group[at - 1] > i) at--;
          group.splice(at, 0, i);
        }
      }
    }
  };
  for (const i of changes.renumbered) move(i);
  for (const i of changes.retitled) if (!changes.renumbered.includes(i)) move(i);
  // The touched groups' pairs, as readDuplicateTitles makes them, and the sections they may hold.
  const sections = model.sections;
  const fresh: number[] = [];
  const members = new Set<number>();
  for (const i of changes.renumbered) members.add(i);
  for (const i of changes.retitled) members.add(i);
  for (const key of touched) {
    const group = byKey.get(key);
    if (!group) continue;
    let first = group[0];
    members.add(first);
    for (let g = 1; g < group.length; g++) {
      const s = group[g];
      members.add(s);
      read++;
      const n = sections[first].number;
      if (!(n && n === sections[s].number)) fresh.push(first, s);
      else first = s;
    }
  }
  readHow.set(model, { how: 'patched', sections: read });
  // Ordered by second, as the read makes them: the previous pairs of other groups, merged with these.
  const order: number[] = [];
  for (let k = 0; k < fresh.length; k += 2) order.push(k);
  order.sort((a, b) => fresh[a + 1] - fresh[b + 1]);
  const out: number[] = [];
  let f = 0;
  for (let k = 0; k < before.length; k += 2) {
    const second = before[k + 1];
    for (; f < order.length && fresh[order[f] + 1] < second; f++) out.push(fresh[order[f]], fresh[order[f] + 1]);
    if (!members.has(second)) out.push(before[k], second);
  }
  for (; f < order.length; f++) out.push(fresh[order[f]], fresh[order[f] + 1]);
  return Int32Array.from(out);
}
