/**
 * Clause numbering: gaps, duplicates, numbers that go backwards and sub-clauses numbered under the
 * wrong parent, among the numbered headings and paragraphs of each section, and the edits that
 * renumber them (with the cross-references that point at them).
 */
import type { ContractModel, Section, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { foldQuotes } from '../model';
import { numberWrittenBetween } from './written-number';
import { attachmentOf, resolvedReferences, sectionTreeUnchanged } from './xrefs';
import { BlockResults } from './perBlock';
import { factsActive } from '../model/facts';
import { spliceTraceOf } from '../model/trace';

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
const depthOf = (n: string) => n.split('.').length;

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
  // The spans read, noted while numberingIssues runs: the answer depends on the text between them only.
  read?.push(from, to);
  return numberWrittenBetween(model.text, from, to, n);
}
let read: number[] | null = null;

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
const citingText = (text: string) => /^\s*(?:section|article|clause|part)\s+\d+(?:\.\d+)*\.?\s+[a-z]/i.test(text) && !/^\s*(?:section|article|clause|part)\s+\d+(?:\.\d+)*\.?\s+[A-Z]/.test(text);
/** citingText of every block, read while editing only for the blocks an edit re-parsed. */
const citingBlocks = new BlockResults<boolean>((_model, block) => citingText(block.text));

/** A numbered section that is really a sentence citing a provision ("Section 508 requires that ..."). */
function citesProvision(s: Section, citing: boolean[]): boolean {
  // A section without its block reads as empty text, which cites nothing.
  return s.kind === 'numbered' && (citing[s.headingBlock] ?? false);
}

/** Hands the per-block facts on to a copy of the model (see carry.ts). */
export function carryNumberingFacts(from: ContractModel, to: ContractModel): void {
  citingBlocks.carry(from, to);
  const k = kept.get(from);
  if (k && from.sections === to.sections && from.blocks === to.blocks) {
    kept.set(to, k);
    cache.set(to, cache.get(from)!);
  }
}

/** Whether a model's issues were taken over from the previous model's (for tests). */
export function numberingIssuesTakenOver(model: ContractModel): boolean {
  return takenModels.has(model);
}
const takenModels = new WeakSet<ContractModel>();

/**
 * Does the section's opening block read as the previous model's did, for everything readIssues
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

/** What numberingIssues read of the text, kept with its result while editing: the spans, [from, to) pairs. */
const kept = new WeakMap<ContractModel, { read: number[] }>();

/**
 * The previous model's issues, for a model whose edit cannot change them: the section tree reads
 * the same (numbers, kinds, levels, trailers, titles: xrefs.ts sectionTreeUnchanged), no numbered
 * clause opens in a re-parsed block (so its number, the text of its opening block and its list
 * mark are the previous ones), and no span of text the check read lies where the text may have
 * changed. Every decision then repeats, so the issues are the previous ones on this model's
 * sections, their spans moved with their blocks. undefined when they cannot be taken over.
 */
function takenOver(model: ContractModel): NumberingIssue[] | undefined {
  const trace = spliceTraceOf(model);
  if (!trace) return undefined;
  const old = trace.previous;
  const was = cache.get(old);
  const wasRead = kept.get(old);
  if (!was || !wasRead || !sectionTreeUnchanged(model)) return undefined;
  const { prefix, fresh, oldAfter } = trace;
  // Sections are in block order: the first that opens at or after the re-parsed blocks.
  const sections = model.sections;
  let lo = 1;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].headingBlock >= prefix) hi = mid;
    else lo = mid + 1;
  }
  // A numbered clause opened by a re-parsed block (the splice re-reads whole sections) must be opened
  // by the same source as before: then its number, citing test, clause word and list mark read the same.
  for (let i = lo; i < sections.length && sections[i].headingBlock < prefix + fresh; i++) {
    if (sections[i].number && !sameOpening(model, sections[i], old, old.sections[i])) return undefined;
  }
  // Where the text may differ, in the previous model's offsets: from the last block kept before the
  // edit to the first block kept after it.
  const from = prefix > 0 ? old.blocks[prefix - 1].start : 0;
  const to = oldAfter < old.blocks.length ? old.blocks[oldAfter].start : old.text.length;
  const r = wasRead.read;
  for (let k = 0; k < r.length; k += 2) if (r[k] < to && r[k + 1] > from) return undefined;
  const groups = new Map<Section[], Section[]>();
  const out: NumberingIssue[] = new Array(was.length);
  for (let k = 0; k < was.length; k++) {
    const w = was[k];
    const section = sections[w.section.index];
    let group = groups.get(w.group);
    if (!group) groups.set(w.group, (group = w.group.map((s) => sections[s.index])));
    const hb = section.headingBlock;
    const by = model.blocks[hb].start - old.blocks[w.section.headingBlock].start;
    // (A re-parsed block's offsets are read again: its source may map differently.)
    const span = hb >= prefix && hb < prefix + fresh ? numberSpan(model, section)! : by === 0 ? w.span : { start: w.span.start + by, end: w.span.end + by };
    out[k] = { problem: w.problem, section, span, expected: w.expected, group, at: w.at, message: w.message, firstWrong: w.firstWrong };
  }
  // The spans read, in this model's offsets: those after the edit moved with the text.
  const delta = model.text.length - old.text.length;
  kept.set(model, { read: delta === 0 ? r : r.map((at, k) => (r[k - (k & 1)] >= to ? at + delta : at)) });
  return out;
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
    const n = normalNumber(raw);
    partsCache.set(raw, (parts = { n, depth: depthOf(n), prefix: prefixOf(n), last: lastOf(n) }));
  }
  return parts;
}
const partsCache = new Map<string, NumberParts>();

/** A numbered clause with what the checks read of it, gathered in one pass over the sections. */
interface Clause extends NumberParts {
  s: Section;
  scope: number;
  /** The number of the clause it sits in: the last number one level up seen before it, in its scope. */
  parentNumber: string | null;
}

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
  const taken = editing ? takenOver(model) : undefined;
  if (taken) {
    takenModels.add(model);
    cache.set(model, taken);
    return taken;
  }
  read = editing ? [] : null;
  try {
    const out = readIssues(model);
    cache.set(model, out);
    if (read) kept.set(model, { read });
    return out;
  } finally {
    read = null;
  }
}

function readIssues(model: ContractModel): NumberingIssue[] {
  const out: NumberingIssue[] = [];
  const clauses: Clause[] = [];
  const clauseAt: Array<Clause | undefined> = new Array(model.sections.length);
  const citing = citingBlocks.of(model);
  // Indexed loops over the sections and clauses: a first review runs them before they are
  // optimised, where a for-of loop allocates a result object per step (issue 13).
  const sections = model.sections;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s.index === 0 || !s.number || !NUMERIC.test(s.number) || citesProvision(s, citing)) continue;
    const p = numberParts(s.number);
    const c: Clause = { s, scope: attachmentOf(model, s.index), n: p.n, depth: p.depth, prefix: p.prefix, last: p.last, parentNumber: null };
    clauses.push(c);
    clauseAt[s.index] = c;
  }
  // Groups of siblings: same scope (body or one schedule), same depth, same parent number. Looked
  // up by scope, then parent, then depth (nested tables rather than a key string built per clause,
  // which was most of what this check allocated per edit), listed in order of their first clause.
  const groupTable = new Map<number, Map<string, Clause[][]>>();
  const groups: Clause[][] = [];
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    // An ordered list inside a clause ("## 2. Reports" then "1. ... 2. ...") numbers its items on its own.
    const parent = model.sections[c.s.parent];
    const inOwnList = c.depth === 1 && parent.index > 0 && model.blocks[c.s.headingBlock]?.listNumber !== undefined;
    let byParent = groupTable.get(c.scope);
    if (!byParent) groupTable.set(c.scope, (byParent = new Map()));
    const under = inOwnList ? `list${parent.index}` : c.prefix;
    let byDepth = byParent.get(under);
    if (!byDepth) byParent.set(under, (byDepth = []));
    const g = byDepth[c.depth];
    if (g) g.push(c);
    else groups.push((byDepth[c.depth] = [c]));
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
  // quadratic: ~100 ms on a 2,000-clause contract in `npm run bench`).
  const firstByNumber = new Map<number, Map<string, Section>>();
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    let inScope = firstByNumber.get(c.scope);
    if (!inScope) firstByNumber.set(c.scope, (inScope = new Map()));
    if (!inScope.has(c.n)) inScope.set(c.n, c.s);
  }
  const restarts = restartSections(model);

  // Clauses reported as misnumbered, by "expected|actual" number, with the earliest start of each.
  const reportedAs = new Map<string, number>();
  for (const members of groups) {
    const group = members.map((c) => c.s);
    if (lazyList(model, group)) continue;
    const { depth, prefix } = members[0];
    const parentSection = depth > 1 ? firstByNumber.get(members[0].scope)?.get(prefix) : undefined;
    let firstWrong = -1;
    const issues: Array<Omit<NumberingIssue, 'firstWrong'>> = [];
    let prevLast = 0;
    for (let i = 0; i < members.length; i++) {
      const { s, n, last, parentNumber: cp } = members[i];
      const from = i > 0 ? group[i - 1].start : parentSection ? parentSection.start : 0;
      let problem: NumberingProblem | null = null;
      let message = '';
      let expected = '';
      const next = () => (prefix ? `${prefix}.${prevLast + 1}` : String(prevLast + 1));
      // The parent itself was reported as misnumbered and should be this prefix ("4. GENERAL" after 4.3, then "5.1").
      const parentExplained = cp !== null && reportedAs.size > 0 && (reportedAs.get(`${prefix}|${cp}`) ?? Infinity) < s.start;
      if (depth > 1 && cp !== null && cp !== prefix && !parentSection && !parentExplained && !writtenBetween(model, 0, s.start, prefix)) {
        // "5.3" inside clause 4, and no clause 5 anywhere before it.
        const siblings = clauses.filter((x) => x.depth === depth && x.prefix === cp && x.s.start < s.start);
        expected = `${cp}.${siblings.reduce((m, x) => Math.max(m, x.last), 0) + 1}`;
        problem = 'parent';
        message = `${clauseWord(model, s)} ${n} sits under ${clauseWord(model, s).toLowerCase()} ${cp}: it should be numbered ${expected}.`;
      } else if (i > 0 && last === prevLast) {
        problem = 'duplicate';
        expected = next();
        message = `${clauseWord(model, s)} ${n} is numbered the same as the clause before it: it should be ${expected}.`;
      } else if (i > 0 && last < prevLast && (last === 1 || restartBetween(restarts, group[i - 1], s))) {
        // A new list (a form, a table of contents, a schedule without a heading the builder knows): numbering starts again.
      } else if (i > 0 && last < prevLast) {
        problem = 'order';
        expected = next();
        message = `${clauseWord(model, s)} ${n} comes after ${members[i - 1].n}: the numbers go backwards; it should be ${expected}.`;
      } else if (last > prevLast + 1 && (i > 0 || depth > 1) && last - prevLast <= 20) {
        const missing: string[] = [];
        for (let m = prevLast + 1; m < last; m++) missing.push(prefix ? `${prefix}.${m}` : String(m));
        // Numbers written inline (text flattened from a PDF) are there, only not seen as clauses.
        // After a duplicate, the next number is one higher than expected: the duplicate explains it.
        const afterDuplicate = issues.length > 0 && issues[issues.length - 1].at === i - 1 && issues[issues.length - 1].problem === 'duplicate' && last === prevLast + 2;
        if (!afterDuplicate && !missing.some((m) => writtenBetween(model, from, s.start, m) || (i === 0 && writtenBetween(model, 0, s.start, m)))) {
          problem = 'gap';
          expected = next();
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
    for (const issue of issues) {
      out.push({ ...issue, firstWrong });
      const key = `${issue.expected}|${clauseAt[issue.section.index]!.n}`;
      reportedAs.set(key, Math.min(reportedAs.get(key) ?? Infinity, issue.section.start));
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
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
