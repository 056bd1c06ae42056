/**
 * Clause numbering: gaps, duplicates, numbers that go backwards and sub-clauses numbered under the
 * wrong parent, among the numbered headings and paragraphs of each section, and the edits that
 * renumber them (with the cross-references that point at them).
 */
import type { ContractModel, Section, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { foldQuotes } from '../model';
import { numberWrittenBetween } from './written-number';
import { attachmentOf, resolvedReferences } from './xrefs';
import { BlockResults } from './perBlock';
import { opensWithWord, skipSpaceLike } from '../model/word-gate';
import { factsActive } from '../model/facts';
import { sectionChangesOf, spliceTraceOf, type SpliceTrace } from '../model/trace';

export type NumberingProblem = 'gap' | 'duplicate' | 'order' | 'parent';

export interface NumberingIssue {
  problem: NumberingProblem;
  section: Section;
  /** Span of the number as written. */
  span: Span;
  /** The number the clause should have. */
  expected: string;
  /** The numbered siblings, in document order, and where this one stands among them. */
  group: Section[];
  at: number;
  /** Index in `group` of the first clause that is out of sequence (renumbering starts there). */
  firstWrong: number;
  message: string;
}

const NUMERIC = /^\d{1,3}(?:\.\d{1,3})*$/;
const cache = new WeakMap<ContractModel, NumberingIssue[]>();

const lastOf = (n: string) => Number(n.split('.').pop());
const prefixOf = (n: string) => n.split('.').slice(0, -1).join('.');

/** Where a section's own number is written: in its heading or paragraph, or in its list marker. */
export function numberSpan(model: ContractModel, s: Section): Span | null {
  if (!s.number) return null;
  const block = model.blocks[s.headingBlock];
  if (!block) return null;
  if (block.listNumber !== undefined && block.listNumber === s.number) {
    // "12. " before the paragraph: the marker holds the last part of the number only.
    const lineStart = model.text.lastIndexOf('\n', block.start - 1) + 1;
    const prefix = model.text.slice(lineStart, block.start);
    const m = /(\d{1,9})[.)][ \t]*$/.exec(prefix) ?? /(\d{1,9})[.)]/.exec(prefix);
    if (!m) return null;
    const start = lineStart + m.index;
    return { start, end: start + m[1].length };
  }
  const eol = block.text.indexOf('\n');
  const first = foldQuotes(eol < 0 ? block.text : block.text.slice(0, eol));
  const m = /^\s*(?:(?:article|section|clause|part)\s+)?(\d{1,3}(?:\.\d{1,3})*)/i.exec(first);
  if (!m || m[1].replace(/\.$/, '') !== s.number.replace(/\.$/, '')) return null;
  const at = m.index + m[0].length - m[1].length;
  return { start: sourceOffsetAt(block, at), end: sourceOffsetAt(block, at + m[1].length - 1) + 1 };
}

/** Is the number written between two offsets at the start of a line or after a run of spaces (a clause the section builder did not keep)? */
function writtenBetween(model: ContractModel, from: number, to: number, n: string): boolean {
  // The spans read, noted per group while editing: the answer depends on the text between them only.
  if (reading) {
    reading.push(from, to);
    readingBy!.push(readingFor);
  }
  return numberWrittenBetween(model.text, from, to, n);
}
/** While editing, the spans of text read ([from, to) pairs) and, for each, the key of the group being checked. */
let reading: number[] | null = null;
let readingBy: string[] | null = null;
let readingFor = '';

/** Markdown lists numbered "1." on every item are numbered by the renderer, not by the author. */
function lazyList(model: ContractModel, group: Section[]): boolean {
  // Only a group of list items can be one (the marks below are read only then).
  if (group.length < 2 || group.some((s) => model.blocks[s.headingBlock]?.listNumber === undefined)) return false;
  const marks = group.map((s) => {
    const b = model.blocks[s.headingBlock];
    if (b?.listNumber === undefined) return null;
    const sp = numberSpan(model, s);
    return sp ? model.text.slice(sp.start, sp.end) : null;
  });
  return marks.length > 1 && marks.every((m) => m !== null && m === marks[0]);
}

/** "2.0" -> "2": top-level clauses numbered "1.0, 2.0, 3.0". */
export function normalNumber(n: string): string {
  return n.replace(/\.$/, '').replace(/^(\d+)\.0$/, '$1');
}

/** Does a paragraph open by citing a provision ("Section 508 requires that ...")? */
// Both expressions open with one of the words past white space: checked by code first, so a cold
// run on paragraphs that open otherwise compiles neither (issue 13, cold).
const citingText = (text: string) => opensWithWord(text, skipSpaceLike(text, 0), CITING_WORDS) && /^\s*(?:section|article|clause|part)\s+\d+(?:\.\d+)*\.?\s+[a-z]/i.test(text) && !/^\s*(?:section|article|clause|part)\s+\d+(?:\.\d+)*\.?\s+[A-Z]/.test(text);
const CITING_WORDS = ['section', 'article', 'clause', 'part'];
/** citingText of every block, read while editing only for the blocks an edit re-parsed. */
const citingBlocks = new BlockResults<boolean>((_model, block) => citingText(block.text));

/** Hands the per-block facts on to a copy of the model (see carry.ts). */
export function carryNumberingFacts(from: ContractModel, to: ContractModel): void {
  citingBlocks.carry(from, to);
  const k = kept.get(from);
  if (k && from.sections === to.sections && from.blocks === to.blocks) {
    // The two share what was kept: the first to be edited takes its structure (see patchedIssues).
    kept.set(to, k);
    cache.set(to, cache.get(from)!);
  }
}

/** Whether a model's issues were all taken over from the previous model's, no group checked again (for tests). */
export function numberingIssuesTakenOver(model: ContractModel): boolean {
  return readOf.get(model) === 0;
}
// (A full read, which checks every group, is noted as -1 - the number of groups.)

/**
 * How many groups of sibling clauses were checked for a model's issues (for tests): all of them
 * after a full read, only those an edit could change while editing. undefined when the issues
 * were not read for this model (taken from a copy, or not asked for).
 */
export function numberingGroupsChecked(model: ContractModel): { full: boolean; groups: number } | undefined {
  const n = readOf.get(model);
  return n === undefined ? undefined : n < 0 ? { full: true, groups: -1 - n } : { full: false, groups: n };
}
const readOf = new WeakMap<ContractModel, number>();

/**
 * Does the section's opening block read as the previous model's did, for everything the check
 * reads of it: its kind and list number, whether it cites a provision, its clause word, whether
 * its number is found where it is written, and the list mark written before it? (Typing in a
 * numbered paragraph changes its text, but rarely any of these.)
 */
function sameOpening(model: ContractModel, s: Section, old: ContractModel, was: Section): boolean {
  const a = model.blocks[s.headingBlock];
  const b = old.blocks[was.headingBlock];
  if (!a || !b || a.kind !== b.kind || a.listNumber !== b.listNumber) return false;
  if (citingText(a.text) !== citingText(b.text) || clauseWord(model, s) !== clauseWord(old, was)) return false;
  const spanA = numberSpan(model, s);
  const spanB = numberSpan(old, was);
  if (!spanA || !spanB) return !spanA && !spanB;
  return model.text.slice(spanA.start, spanA.end) === old.text.slice(spanB.start, spanB.end);
}

/**
 * What a read kept with its model while editing, for the next model's: the groups of clauses and
 * how each was read, and the issues of each group. `structure` is handed on, not copied: the next
 * model patches it and takes it (a second model made from the same one reads everything again).
 */
interface Kept {
  /** The spans of text each group's check read: [from, to) pairs, and the group of each pair. */
  read: number[];
  readBy: string[];
  /** The issues of each group that has any, in the order the check made them. */
  issuesOf: Map<string, NumberingIssue[]>;
  structure?: Structure;
}
const kept = new WeakMap<ContractModel, Kept>();

/**
 * The numbered clauses and their groups, by section index: while the section tree keeps its shape
 * (the same sections in order, with the same kinds, levels, parents and trailers), section `i` of
 * the next model is section `i` of this one, so only the clauses whose number changed are patched.
 */
interface Structure {
  clauses: Array<Clause | undefined>;
  /** The scope of every section (xrefs.ts attachmentOf), which only parents and trailers decide. */
  scopes: Int32Array;
  /** Each group's clauses in document order, by key (`scope|under|depth`). */
  groups: Map<string, Clause[]>;
  /** The clauses of each number in each scope, by section index in document order (`scope|n`). */
  numbered: Map<string, number[]>;
  /** Clauses whose parent number is not their prefix: the only ones that read other groups' issues and clauses. */
  misplaced: Set<number>;
  /** The pairs of clauses [before, after] whose check asked whether an unnumbered heading lies between them, by group. */
  restartsAsked: Map<string, number[]>;
}

/** Unnumbered headings (where a list may start its numbering again), in document order. */
function restartSections(model: ContractModel): Section[] {
  return model.sections.filter((x) => !x.number && (x.kind === 'heading' || x.kind === 'caps'));
}

/** Is there an unnumbered heading at the level of `prev` or above between the two clauses? */
function restartBetween(restarts: Section[], prev: Section, s: Section): boolean {
  // Sections are in document order: binary search for the first heading after `prev`.
  let lo = 0;
  let hi = restarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (restarts[mid].start > prev.start) hi = mid;
    else lo = mid + 1;
  }
  for (let i = lo; i < restarts.length && restarts[i].start < s.start; i++) if (restarts[i].level <= prev.level) return true;
  return false;
}

/** A clause number taken apart once: "4.2.1" -> depth 3, prefix "4.2", last 1. */
interface NumberParts { n: string; depth: number; prefix: string; last: number }

function numberParts(raw: string): NumberParts {
  let parts = partsCache.get(raw);
  if (!parts) {
    // A pure function of the number as written, and a contract repeats few distinct numbers.
    if (partsCache.size > 10000) partsCache.clear();
    // Read by hand rather than with normalNumber, depthOf, prefixOf and lastOf (two replaces and
    // three splits): the 1 MB bench contract's 5,000 clauses have as many distinct numbers, all
    // taken apart in the first review (issue 13). The same values (checked against them).
    const n = normalByHand(raw);
    let depth = 1;
    for (let i = 0; i < n.length; i++) if (n.charCodeAt(i) === 46) depth++;
    const dot = n.lastIndexOf('.');
    partsCache.set(raw, (parts = { n, depth, prefix: dot < 0 ? '' : n.slice(0, dot), last: Number(dot < 0 ? n : n.slice(dot + 1)) }));
  }
  return parts;
}

/** normalNumber without its two expressions: one trailing "." off, then "12.0" to "12". */
function normalByHand(raw: string): string {
  const m = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 46 ? raw.slice(0, -1) : raw;
  const last = m.length - 1;
  if (last >= 2 && m.charCodeAt(last) === 48 && m.charCodeAt(last - 1) === 46) {
    let i = 0;
    while (i < last - 1) {
      const c = m.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === last - 1) return m.slice(0, last - 1);
  }
  return m;
}
const partsCache = new Map<string, NumberParts>();

/** A numbered clause with what the checks read of it, gathered in one pass over the sections. */
interface Clause extends NumberParts {
  /** Its section's index. */
  i: number;
  scope: number;
  /** The number of the clause it sits in: the last number one level up seen before it, in its scope. */
  parentNumber: string | null;
  /** Its group of siblings: `scope|under|depth`. */
  key: string;
}

/** The clause a section is, or undefined; `under` decides its group (see readIssues). */
function clauseOf(model: ContractModel, s: Section, scope: number, citing: boolean): Clause | undefined {
  if (s.index === 0 || !s.number || !NUMERIC.test(s.number)) return undefined;
  return numberedClause(model, s, scope, citing);
}

/** clauseOf of a section other than the root whose number the caller found NUMERIC. */
function numberedClause(model: ContractModel, s: Section, scope: number, citing: boolean): Clause | undefined {
  if (s.kind === 'numbered' && citing) return undefined;
  const p = numberParts(s.number!);
  const parent = model.sections[s.parent];
  const inOwnList = p.depth === 1 && parent.index > 0 && model.blocks[s.headingBlock]?.listNumber !== undefined;
  const under = inOwnList ? `list${parent.index}` : p.prefix;
  return { i: s.index, scope, n: p.n, depth: p.depth, prefix: p.prefix, last: p.last, parentNumber: null, key: `${scope}|${under}|${p.depth}` };
}

/** What checking one group reads beyond its own clauses. */
interface GroupContext {
  model: ContractModel;
  /** The first clause numbered `n` in a scope. */
  firstNumbered(scope: number, n: string): Section | undefined;
  /** The earliest start of a clause that a group checked before this one reported as `cp` where `prefix` was expected. */
  reportedAt(prefix: string, cp: string): number;
  /** The highest last part among clauses of `depth` numbered under `prefix` (any scope) that start before `start`, or 0. */
  highestBefore(depth: number, prefix: string, start: number): number;
  restarts(): Section[];
}

/** While editing, the pairs of clauses the group being checked asked restartBetween about. */
let restartsAsked: number[] | null = null;

/**
 * The issues of one group of sibling clauses (same scope, depth and parent number), in document
 * order: each clause is compared with the one before it.
 */
function checkGroup(ctx: GroupContext, members: Clause[]): NumberingIssue[] {
  const model = ctx.model;
  const group = new Array<Section>(members.length);
  for (let i = 0; i < members.length; i++) group[i] = model.sections[members[i].i];
  if (lazyList(model, group)) return NONE;
  const { depth, prefix } = members[0];
  const parentSection = depth > 1 ? ctx.firstNumbered(members[0].scope, prefix) : undefined;
  let firstWrong = -1;
  const issues: Array<Omit<NumberingIssue, 'firstWrong'>> = [];
  let prevLast = 0;
  for (let i = 0; i < members.length; i++) {
    const { n, last, parentNumber: cp } = members[i];
    const s = group[i];
    const from = i > 0 ? group[i - 1].start : parentSection ? parentSection.start : 0;
    let problem: NumberingProblem | null = null;
    let message = '';
    let expected = '';
    // (Unless the parent itself was reported as misnumbered and should be this prefix: "4. GENERAL" after 4.3, then "5.1".)
    if (depth > 1 && cp !== null && cp !== prefix && !parentSection && !(ctx.reportedAt(prefix, cp) < s.start) && !writtenBetween(model, 0, s.start, prefix)) {
      // "5.3" inside clause 4, and no clause 5 anywhere before it.
      expected = `${cp}.${ctx.highestBefore(depth, cp, s.start) + 1}`;
      problem = 'parent';
      message = `${clauseWord(model, s)} ${n} sits under ${clauseWord(model, s).toLowerCase()} ${cp}: it should be numbered ${expected}.`;
    } else if (i > 0 && last === prevLast) {
      problem = 'duplicate';
      expected = nextNumber(prefix, prevLast);
      message = `${clauseWord(model, s)} ${n} is numbered the same as the clause before it: it should be ${expected}.`;
    } else if (i > 0 && last < prevLast && (last === 1 || (restartsAsked?.push(group[i - 1].index, s.index), restartBetween(ctx.restarts(), group[i - 1], s)))) {
      // A new list (a form, a table of contents, a schedule without a heading the builder knows): numbering starts again.
    } else if (i > 0 && last < prevLast) {
      problem = 'order';
      expected = nextNumber(prefix, prevLast);
      message = `${clauseWord(model, s)} ${n} comes after ${members[i - 1].n}: the numbers go backwards; it should be ${expected}.`;
    } else if (last > prevLast + 1 && (i > 0 || depth > 1) && last - prevLast <= 20) {
      const missing: string[] = [];
      for (let m = prevLast + 1; m < last; m++) missing.push(prefix ? `${prefix}.${m}` : String(m));
      // Numbers written inline (text flattened from a PDF) are there, only not seen as clauses.
      // After a duplicate, the next number is one higher than expected: the duplicate explains it.
      const afterDuplicate = issues.length > 0 && issues[issues.length - 1].at === i - 1 && issues[issues.length - 1].problem === 'duplicate' && last === prevLast + 2;
      if (!afterDuplicate && !missing.some((m) => writtenBetween(model, from, s.start, m) || (i === 0 && writtenBetween(model, 0, s.start, m)))) {
        problem = 'gap';
        expected = nextNumber(prefix, prevLast);
        const list = missing.length === 1 ? `${missing[0]} is missing` : `${missing[0]} to ${missing[missing.length - 1]} are missing`;
        message = i === 0 ? `${clauseWord(model, s)} ${n} is the first clause under ${prefix}: ${list}.` : `${clauseWord(model, s)} ${n} follows ${members[i - 1].n}: ${list}.`;
      }
    }
    prevLast = problem === 'parent' ? prevLast : last;
    if (!problem) continue;
    const span = numberSpan(model, s);
    if (!span) continue;
    if (firstWrong < 0) firstWrong = i;
    issues.push({ problem, section: s, span, expected, group, at: i, message });
  }
  if (!issues.length) return NONE;
  const out = new Array<NumberingIssue>(issues.length);
  for (let k = 0; k < issues.length; k++) out[k] = { ...issues[k], firstWrong };
  return out;
}
const NONE: NumberingIssue[] = [];
/** The number after `last` under `prefix` (a function, not a closure made per clause checked). */
const nextNumber = (prefix: string, last: number): string => (prefix ? `${prefix}.${last + 1}` : String(last + 1));

/**
 * checkGroup of one group; while editing (`notes` given) with what the check read noted for the
 * next model's patch: the spans of text read, by group, in `notes`, and the pairs of clauses it
 * asked restartBetween about, in `asked` under the group's key (removed when it asked none). The
 * full read and the patch both check through here.
 */
function checkNoting(ctx: GroupContext, members: Clause[], notes: { read: number[]; readBy: string[] } | null, asked: Map<string, number[]>): NumberingIssue[] {
  if (!notes) return checkGroup(ctx, members);
  const key = members[0].key;
  reading = notes.read;
  readingBy = notes.readBy;
  readingFor = key;
  const pairs: number[] = (restartsAsked = []);
  try {
    return checkGroup(ctx, members);
  } finally {
    reading = null;
    readingBy = null;
    restartsAsked = null;
    if (pairs.length) asked.set(key, pairs);
    else asked.delete(key);
  }
}

/** "expected|actual": how an issue reports its clause, which a later group's check may read (reportedAt). */
const reportKey = (issue: NumberingIssue) => `${issue.expected}|${numberParts(issue.section.number!).n}`;

/**
 * Numbering problems, read in document order: each numbered clause is compared with the clause
 * before it at the same level under the same parent number (so a clause tree the section builder
 * got wrong does not matter), within the body and within each schedule separately.
 *
 * Per clause this reads only its number, its scope and its opening block (memoised by the block's
 * text); what is read of the text around a clause (where its number is written, the numbers
 * written between two clauses) is read only for a clause out of sequence, which is rare.
 */
export function numberingIssues(model: ContractModel): NumberingIssue[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const editing = factsActive();
  const patched = editing ? patchedIssues(model) : undefined;
  if (patched) {
    cache.set(model, patched);
    return patched;
  }
  const out = readIssues(model, editing);
  cache.set(model, out);
  return out;
}

function readIssues(model: ContractModel, editing: boolean): NumberingIssue[] {
  const out: NumberingIssue[] = [];
  const clauses: Clause[] = [];
  // While editing, whether each block cites is listed for every block and patched per edit; a
  // one-shot review asks it only of the blocks that open a numbered clause, where clauseOf reads it
  // (the same test of the same text: citingBlocks reads citingText of each block).
  const citing = editing ? citingBlocks.of(model) : null;
  const blocks = model.blocks;
  // Indexed loops over the sections and clauses: a first review runs them before they are
  // optimised, where a for-of loop allocates a result object per step (issue 13).
  const sections = model.sections;
  const scopes = editing ? new Int32Array(sections.length) : null;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (scopes) scopes[i] = attachmentOf(model, s.index);
    if (s.index === 0 || !s.number || !NUMERIC.test(s.number)) continue;
    const cites = citing ? citing[s.headingBlock] ?? false : s.kind === 'numbered' && blocks[s.headingBlock] !== undefined && citingText(blocks[s.headingBlock].text);
    const c = numberedClause(model, s, scopes ? scopes[i] : attachmentOf(model, s.index), cites);
    if (c) clauses.push(c);
  }
  // Groups of siblings: same scope (body or one schedule), same depth, same parent number (or the
  // same list: an ordered list inside a clause, "## 2. Reports" then "1. ... 2. ...", numbers its
  // items on its own). Listed in order of their first clause.
  const groupTable = new Map<string, Clause[]>();
  const groups: Clause[][] = [];
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    const g = groupTable.get(c.key);
    if (g) g.push(c);
    else {
      const fresh = [c];
      groupTable.set(c.key, fresh);
      groups.push(fresh);
    }
  }
  // The number of the clause each numbered clause sits in: the last number one level up seen before it, in its scope.
  const lastAtDepth = new Map<number, string[]>(); // scope -> number last seen at each depth
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    let seen = lastAtDepth.get(c.scope);
    if (!seen) lastAtDepth.set(c.scope, (seen = []));
    c.parentNumber = c.depth > 1 ? seen[c.depth - 1] ?? null : null;
    seen[c.depth] = c.n;
    // A number at this depth closes every deeper level seen before it.
    seen.length = c.depth + 1;
  }
  // The first clause with each number in each scope, looked up once per group (a scan per group was
  // quadratic: ~100 ms on a 2,000-clause contract in `npm run bench`). While editing, every clause
  // of each number, for the next model's patch.
  const firstByNumber = new Map<number, Map<string, Section>>();
  const numbered = editing ? new Map<string, number[]>() : null;
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    let inScope = firstByNumber.get(c.scope);
    if (!inScope) firstByNumber.set(c.scope, (inScope = new Map()));
    if (!inScope.has(c.n)) inScope.set(c.n, sections[c.i]);
    if (numbered) {
      const key = `${c.scope}|${c.n}`;
      const all = numbered.get(key);
      if (all) all.push(c.i);
      else numbered.set(key, [c.i]);
    }
  }
  let restarts: Section[] | undefined;

  // Clauses reported as misnumbered, by "expected|actual" number, with the earliest start of each.
  const reportedAs = new Map<string, number>();
  const ctx: GroupContext = {
    model,
    firstNumbered: (scope, n) => firstByNumber.get(scope)?.get(n),
    reportedAt: (prefix, cp) => (reportedAs.size > 0 ? reportedAs.get(`${prefix}|${cp}`) ?? Infinity : Infinity),
    highestBefore: (depth, prefix, start) => {
      let m = 0;
      for (const x of clauses) if (x.depth === depth && x.prefix === prefix && sections[x.i].start < start) m = Math.max(m, x.last);
      return m;
    },
    restarts: () => (restarts ??= restartSections(model)),
  };
  const keep: Kept | null = editing ? { read: [], readBy: [], issuesOf: new Map() } : null;
  const misplaced = new Set<number>();
  const asked = new Map<string, number[]>();
  for (const members of groups) {
    if (keep) for (const c of members) if (c.parentNumber !== null && c.parentNumber !== c.prefix) misplaced.add(c.i);
    const issues = checkNoting(ctx, members, keep, asked);
    if (!issues.length) continue;
    keep?.issuesOf.set(members[0].key, issues);
    for (const issue of issues) {
      out.push(issue);
      const rk = reportKey(issue);
      reportedAs.set(rk, Math.min(reportedAs.get(rk) ?? Infinity, issue.section.start));
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  if (keep) {
    const byIndex: Array<Clause | undefined> = new Array(sections.length);
    for (const c of clauses) byIndex[c.i] = c;
    keep.structure = { clauses: byIndex, scopes: scopes!, groups: groupTable, numbered: numbered!, misplaced, restartsAsked: asked };
    kept.set(model, keep);
    readOf.set(model, -1 - groups.length);
  }
  return out;
}

/**
 * The issues of a model that an edit made from the previous model, from the previous issues: only
 * the groups of clauses the edit can change are checked again, and the others' issues are taken
 * over on this model's sections, moved with their blocks. Needs the section tree's shape kept (the
 * same sections in order, with the same kinds, levels, parents, trailers and, but for headings,
 * whether each has a title, each opened by the block it moved to or by a re-parsed block); numbers may differ.
 *
 * A group (scope, parent number or list, depth) is checked again when:
 * - a clause joins or leaves it, or its number changes (a number typed, deleted or changed);
 * - a clause opened by a re-parsed block is in it and no longer reads the same (sameOpening);
 * - its first clause of the parent number may have changed (it is checked against that clause);
 * - a clause's parent number changed (a changed clause was, or is, the last one a level up);
 * - a span of text its check read lies where the text may have changed;
 * - it asked whether an unnumbered heading lies between two clauses, and a heading between them
 *   gained or lost its number;
 * - it holds a clause under the wrong parent (the only clauses whose check reads other groups:
 *   their siblings' numbers in every scope and the issues of groups checked before) and what it
 *   reads there changed.
 * Everything else a group's check reads is its own clauses' sections and blocks, which the edit
 * left as they were. undefined when the issues must be read in full.
 */
function patchedIssues(model: ContractModel): NumberingIssue[] | undefined {
  const trace = spliceTraceOf(model);
  if (!trace) return undefined;
  const old = trace.previous;
  const k = kept.get(old);
  const st = k?.structure;
  if (!k || !st || !cache.has(old)) return undefined;
  const sections = model.sections;
  if (sections.length !== old.sections.length) return undefined;
  const { prefix, oldAfter } = trace;
  // The tree must have the previous one's shape: taken over by the splice, which says which
  // sections changed, all among those the re-parsed blocks open, [lo, hi) (model/trace.ts).
  const changes = sectionChangesOf(model);
  if (!changes || !titlesPresentAsBefore(model, old, changes.retitled)) return undefined;
  const lo = changes.first;
  const hi = changes.after;
  // The structure is this model's from here on (patched in place, not copied).
  k.structure = undefined;

  const dirty = new Set<string>();
  // What the changed clauses were and are: [depth, prefix] pairs (highestBefore reads them).
  const parts: Array<number | string> = [];
  // Clauses whose parent number must be found again, with the depth at or above which a later clause hides them.
  const moved: number[] = [];
  const headingsToggled: number[] = [];
  for (let i = lo; i < hi; i++) {
    const s = sections[i];
    const was = old.sections[i];
    const before = st.clauses[i];
    const block = model.blocks[s.headingBlock];
    const now = clauseOf(model, s, st.scopes[i], block ? citingText(block.text) : false);
    if ((s.kind === 'heading' || s.kind === 'caps') && !s.number !== !was.number) headingsToggled.push(i);
    if (before && now && before.key === now.key && before.n === now.n) {
      // The same clause: only what it reads of its opening can differ.
      if (!sameOpening(model, s, old, was)) dirty.add(before.key);
      continue;
    }
    if (before) {
      dirty.add(before.key);
      dirty.add(`${before.scope}|${before.n}|${before.depth + 1}`);
      parts.push(before.depth, before.prefix);
      removeIndex(st.groups, before.key, i, (c) => c.i);
      removeIndex(st.numbered, `${before.scope}|${before.n}`, i, (x) => x);
      st.misplaced.delete(i);
    }
    st.clauses[i] = now;
    if (now) {
      dirty.add(now.key);
      dirty.add(`${now.scope}|${now.n}|${now.depth + 1}`);
      parts.push(now.depth, now.prefix);
      insertIndex(st.groups, now.key, now, (c) => c.i);
      insertIndex(st.numbered, `${now.scope}|${now.n}`, i, (x) => x);
    }
    if (before || now) moved.push(i, Math.min(before?.depth ?? Infinity, now?.depth ?? Infinity));
  }

  // Parent numbers: a clause's is the number of the last clause before it in its scope at or above
  // its parent's depth, if that one is exactly one level up. A changed clause can be that one only
  // for the clauses after it up to the next clause at or above its depth (as it was or is).
  for (let m = 0; m < moved.length; m += 2) {
    const i = moved[m];
    const depth = moved[m + 1];
    const scope = st.scopes[i];
    if (st.clauses[i]) refreshParent(st, i, dirty);
    for (let j = i + 1; j < sections.length; j++) {
      const c = st.clauses[j];
      if (!c || c.scope !== scope) continue;
      if (c.depth <= depth) break;
      refreshParent(st, j, dirty);
    }
  }
  // Clauses under the wrong parent read the siblings of their parent number in every scope.
  if (parts.length) {
    for (const i of st.misplaced) {
      const c = st.clauses[i]!;
      for (let p = 0; p < parts.length; p += 2) if (parts[p] === c.depth && parts[p + 1] === c.parentNumber) dirty.add(c.key);
    }
  }
  // A heading that gained or lost its number between two clauses a check asked about.
  for (const h of headingsToggled) {
    const at = sections[h].start;
    for (const [key, pairs] of st.restartsAsked) {
      for (let p = 0; p < pairs.length; p += 2) if (sections[pairs[p]].start < at && at < sections[pairs[p + 1]].start) dirty.add(key);
    }
  }
  // Text read where it may have changed, in the previous model's offsets: from the last block kept
  // before the edit to the first block kept after it.
  const from = prefix > 0 ? old.blocks[prefix - 1].start : 0;
  const to = oldAfter < old.blocks.length ? old.blocks[oldAfter].start : old.text.length;
  const r = k.read;
  for (let q = 0; q < r.length; q += 2) if (r[q] < to && r[q + 1] > from) dirty.add(k.readBy[q >> 1]);
  // The issues of groups checked again may be read by clauses under the wrong parent in other groups.
  const reported = new Set<string>();
  for (const key of dirty) for (const issue of k.issuesOf.get(key) ?? NONE) reported.add(reportKey(issue));
  markReaders(st, reported, -1, dirty);

  // The other groups' issues, on this model's sections and moved with their blocks.
  const issuesOf = new Map<string, NumberingIssue[]>();
  for (const [key, was] of k.issuesOf) if (!dirty.has(key)) issuesOf.set(key, movedIssues(model, old, trace, was));

  // The groups to check, in the order a full read checks them (of their first clause).
  const firstOf = (key: string) => st.groups.get(key)?.[0]?.i ?? -1;
  let scopeList: number[] | undefined;
  let restarts: Section[] | undefined;
  let current = -1;
  const ctx: GroupContext = {
    model,
    firstNumbered: (scope, n) => {
      const all = st.numbered.get(`${scope}|${n}`);
      return all?.length ? sections[all[0]] : undefined;
    },
    reportedAt: (p, cp) => {
      const want = `${p}|${cp}`;
      let best = Infinity;
      for (const [key, list] of issuesOf) {
        if (firstOf(key) >= current) continue;
        for (const issue of list) if (issue.section.start < best && reportKey(issue) === want) best = issue.section.start;
      }
      return best;
    },
    highestBefore: (depth, p, start) => {
      scopeList ??= [...new Set(st.scopes)];
      let m = 0;
      for (const scope of scopeList) for (const x of st.groups.get(`${scope}|${p}|${depth}`) ?? NO_CLAUSES) if (sections[x.i].start < start) m = Math.max(m, x.last);
      return m;
    },
    restarts: () => (restarts ??= restartSections(model)),
  };
  const notes = { read: [] as number[], readBy: [] as string[] };
  const done = new Set<string>();
  let checked = 0;
  for (;;) {
    // The next group to check: the one whose first clause comes first (few are dirty).
    let key: string | undefined;
    let first = Infinity;
    for (const d of dirty) {
      if (done.has(d)) continue;
      const f = firstOf(d);
      if (f < 0) done.add(d);
      else if (f < first) (first = f), (key = d);
    }
    if (key === undefined) break;
    done.add(key);
    current = first;
    const members = st.groups.get(key)!;
    const issues = checkNoting(ctx, members, notes, st.restartsAsked);
    checked++;
    if (issues.length) issuesOf.set(key, issues);
    else issuesOf.delete(key);
    // Groups after this one that read what it reports (as it did, or does) are checked again.
    const keys = new Set<string>();
    for (const issue of k.issuesOf.get(key) ?? NONE) keys.add(reportKey(issue));
    for (const issue of issues) keys.add(reportKey(issue));
    if (keys.size) markReaders(st, keys, first, dirty);
  }
  // Groups that lost their last clause have no issues.
  for (const key of dirty) if (!st.groups.has(key)) issuesOf.delete(key);
  const out: NumberingIssue[] = [];
  for (const list of issuesOf.values()) for (const issue of list) out.push(issue);
  out.sort((a, b) => a.span.start - b.span.start);
  // The previous reads of groups not checked again, moved with the text after the edit, then the new.
  const read: number[] = [];
  const readBy: string[] = [];
  const delta = model.text.length - old.text.length;
  for (let q = 0; q < r.length; q += 2) {
    if (dirty.has(k.readBy[q >> 1])) continue;
    const shift = r[q] >= to ? delta : 0;
    read.push(r[q] + shift, r[q + 1] + shift);
    readBy.push(k.readBy[q >> 1]);
  }
  for (let q = 0; q < notes.read.length; q++) read.push(notes.read[q]);
  for (let q = 0; q < notes.readBy.length; q++) readBy.push(notes.readBy[q]);
  kept.set(model, { read, readBy, issuesOf, structure: st });
  readOf.set(model, checked);
  return out;
}
const NO_CLAUSES: Clause[] = [];

/**
 * Whether each retitled section that is not a heading still has a title, or still has none (read
 * for its clause word); the splice keeps every other field the check reads as it was.
 */
function titlesPresentAsBefore(model: ContractModel, old: ContractModel, retitled: readonly number[]): boolean {
  for (const i of retitled) {
    const a = model.sections[i];
    if (a.kind !== 'heading' && !a.title !== !old.sections[i].title) return false;
  }
  return true;
}

/** Finds a clause's parent number again; its group is checked again when it changed. */
function refreshParent(st: Structure, i: number, dirty: Set<string>): void {
  const c = st.clauses[i]!;
  let cp: string | null = null;
  if (c.depth > 1) {
    for (let j = i - 1; j >= 1; j--) {
      const x = st.clauses[j];
      if (!x || x.scope !== c.scope) continue;
      if (x.depth <= c.depth - 1) {
        cp = x.depth === c.depth - 1 ? x.n : null;
        break;
      }
    }
  }
  if (cp !== c.parentNumber) {
    c.parentNumber = cp;
    dirty.add(c.key);
  }
  if (cp !== null && cp !== c.prefix) st.misplaced.add(i);
  else st.misplaced.delete(i);
  // (A clause new to the structure is in a dirty group already.)
}

/** Marks the groups whose clauses under the wrong parent look up one of `keys` ("expected|actual"), those whose first clause comes after `after`. */
function markReaders(st: Structure, keys: Set<string>, after: number, dirty: Set<string>): void {
  if (!keys.size) return;
  for (const i of st.misplaced) {
    const c = st.clauses[i]!;
    if (!keys.has(`${c.prefix}|${c.parentNumber}`)) continue;
    const first = st.groups.get(c.key)?.[0]?.i ?? -1;
    if (first > after) dirty.add(c.key);
  }
}

/** The previous model's issues of one group on this model's sections, their spans moved with their blocks. */
function movedIssues(model: ContractModel, old: ContractModel, trace: SpliceTrace, was: NumberingIssue[]): NumberingIssue[] {
  const { prefix, fresh } = trace;
  const sections = model.sections;
  const group = was[0].group.map((s) => sections[s.index]);
  const out = new Array<NumberingIssue>(was.length);
  for (let k = 0; k < was.length; k++) {
    const w = was[k];
    const section = sections[w.section.index];
    const hb = section.headingBlock;
    const by = model.blocks[hb].start - old.blocks[w.section.headingBlock].start;
    // (A re-parsed block's offsets are read again: its source may map differently.)
    const span = hb >= prefix && hb < prefix + fresh ? numberSpan(model, section)! : by === 0 ? w.span : { start: w.span.start + by, end: w.span.end + by };
    out[k] = { problem: w.problem, section, span, expected: w.expected, group, at: w.at, message: w.message, firstWrong: w.firstWrong };
  }
  return out;
}

/** Removes section index `i` from the list under `key` (lists in document order); drops an emptied list. */
function removeIndex<T>(map: Map<string, T[]>, key: string, i: number, indexOf: (x: T) => number): void {
  const list = map.get(key);
  if (!list) return;
  const at = placeOf(list, i, indexOf);
  if (at >= list.length || indexOf(list[at]) !== i) return;
  if (list.length === 1) map.delete(key);
  else list.splice(at, 1);
}

/** Where section index `i` is or would be in a list in document order (binary search: a group can hold a thousand clauses). */
function placeOf<T>(list: T[], i: number, indexOf: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (indexOf(list[mid]) < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `x` (section index from `indexOf`) into the list under `key`, in document order. */
function insertIndex<T>(map: Map<string, T[]>, key: string, x: T, indexOf: (x: T) => number): void {
  const list = map.get(key);
  if (!list) map.set(key, [x]);
  else list.splice(placeOf(list, indexOf(x), indexOf), 0, x);
}

function clauseWord(model: ContractModel, s: Section): string {
  const block = model.blocks[s.headingBlock];
  const m = /^\s*(article|section|clause|part)\s/i.exec(block?.text ?? '');
  if (m) return m[1][0].toUpperCase() + m[1].slice(1).toLowerCase();
  return s.kind === 'heading' || (s.title && !s.parent) ? 'Section' : 'Clause';
}

export interface RenumberPlan {
  /** Old number -> new number, for every renumbered clause and its sub-clauses. */
  mapping: Map<string, string>;
  edits: Array<{ span: Span; replacement: string }>;
  /** How many cross-references the plan updates. */
  references: number;
  /** The renumbered siblings: first old and new numbers, last old and new numbers. */
  from: string;
  to: string;
  fromNew: string;
  toNew: string;
}

/**
 * Renumbers the siblings of an issue's group from its first clause out of sequence onwards, their
 * sub-clauses, and every cross-reference that points at them. Ambiguous numbers (duplicates) keep
 * their references unchanged.
 */
export function renumberPlan(model: ContractModel, issue: NumberingIssue): RenumberPlan | null {
  // Every issue of a group shares its group and first clause out of sequence, so they share one
  // plan: computing it per issue made a contract of many same-numbered clauses cubic.
  let byGroup = planCache.get(issue.group);
  if (!byGroup) planCache.set(issue.group, (byGroup = new Map()));
  if (byGroup.has(issue.firstWrong)) return byGroup.get(issue.firstWrong)!;
  const plan = computeRenumberPlan(model, issue);
  byGroup.set(issue.firstWrong, plan);
  return plan;
}
const planCache = new WeakMap<Section[], Map<number, RenumberPlan | null>>();

/**
 * The numbered sections of each scope (the body, each schedule) in document order, with how often
 * each number occurs there: read once per model, not once per plan (every plan read all sections).
 */
function numberedScopes(model: ContractModel): Map<number, { sections: Section[]; count: Map<string, number> }> {
  let scopes = scopesCache.get(model);
  if (scopes) return scopes;
  scopes = new Map();
  for (const x of model.sections) {
    if (x.index === 0 || !x.number || !NUMERIC.test(x.number)) continue;
    const scope = attachmentOf(model, x.index);
    let s = scopes.get(scope);
    if (!s) scopes.set(scope, (s = { sections: [], count: new Map() }));
    s.sections.push(x);
    const n = numberParts(x.number).n;
    s.count.set(n, (s.count.get(n) ?? 0) + 1);
  }
  for (const s of scopes.values()) s.sections.sort((a, b) => a.start - b.start);
  scopesCache.set(model, scopes);
  return scopes;
}
const scopesCache = new WeakMap<ContractModel, Map<number, { sections: Section[]; count: Map<string, number> }>>();

function computeRenumberPlan(model: ContractModel, issue: NumberingIssue): RenumberPlan | null {
  const { group, firstWrong } = issue;
  if (firstWrong < 0) return null;
  const num = (x: Section) => numberParts(x.number!).n;
  const first = group[firstWrong];
  const prefix = prefixOf(num(group[0]));
  let next = firstWrong === 0 ? 1 : lastOf(num(group[firstWrong - 1])) + 1;
  const { sections: numberedInScope, count: oldCount } = numberedScopes(model).get(attachmentOf(model, first.index))!;

  const renamed = new Map<number, { old: string; now: string }>(); // section index -> numbers
  // The group is in document order, so one sweep over the clauses in scope finds each member's
  // sub-clauses (a scan per member was quadratic).
  let k = 0;
  for (let i = firstWrong; i < group.length; i++) {
    const s = group[i];
    const old = num(s);
    const now = prefix ? `${prefix}.${next}` : String(next);
    next++;
    renamed.set(s.index, { old, now });
    // Its sub-clauses, up to the next sibling, carry the new number as their prefix.
    const end = i + 1 < group.length ? group[i + 1].start : Infinity;
    while (k < numberedInScope.length && numberedInScope[k].start <= s.start) k++;
    for (; k < numberedInScope.length && numberedInScope[k].start < end; k++) {
      const x = numberedInScope[k];
      const n = num(x);
      if (n.startsWith(old + '.')) renamed.set(x.index, { old: n, now: now + n.slice(old.length) });
    }
  }

  const edits: Array<{ span: Span; replacement: string }> = [];
  const mapping = new Map<string, string>();
  for (const [idx, { old, now }] of renamed) {
    if (!mapping.has(old)) mapping.set(old, now);
    if (old === now) continue;
    const s = model.sections[idx];
    const span = numberSpan(model, s);
    if (!span) continue;
    const written = model.text.slice(span.start, span.end);
    // A list marker holds only the last part; a written number holds all of it ("2.0" style kept).
    let replacement: string | null = null;
    if (normalNumber(written) === old) replacement = /^\d+\.0$/.test(written) ? `${now}.0` : now;
    else if (written === String(lastOf(old))) replacement = String(lastOf(now));
    if (replacement === null || replacement === written) continue;
    edits.push({ span, replacement });
  }
  let references = 0;
  for (const ref of resolvedReferences(model)) {
    if (ref.kind !== 'clause' || ref.status !== 'ok' || !ref.section || !renamed.has(ref.section.index)) continue;
    const { old, now } = renamed.get(ref.section.index)!;
    if (old === now || (oldCount.get(old) ?? 0) > 1 || ref.base !== old) continue;
    const written = model.text.slice(ref.targetSpan.start, ref.targetSpan.end);
    if (!written.startsWith(ref.base)) continue;
    edits.push({ span: { start: ref.targetSpan.start, end: ref.targetSpan.start + ref.base.length }, replacement: now });
    references++;
  }
  if (!edits.length) return null;
  edits.sort((a, b) => a.span.start - b.span.start);
  const lastSibling = group[group.length - 1];
  return {
    mapping, edits, references,
    from: num(first), to: num(lastSibling),
    fromNew: renamed.get(first.index)!.now, toNew: renamed.get(lastSibling.index)!.now,
  };
}
