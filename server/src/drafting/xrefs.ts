/**
 * Cross-references resolved against the contract: "clause 4.2" to the section numbered 4.2,
 * "Schedule 3" to the schedule whose heading says so. Used by the broken-cross-reference and
 * numbering rules and by the language server's document links.
 */
import type { Block, ContractModel, Section, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { foldQuotes } from '../model';
import { matchesIn } from '../model/text';
import { detached } from '../model/detached';
import { blockMemo, factsActive } from '../model/facts';
import { previousBlockIndex, sectionChangesOf, spliceTraceOf, type SpliceTrace } from '../model/trace';
import { changedClauseStartWords, clauseStartWords, hasClauseStartWords } from './clause-starts';
import { lastIndexAtOrBefore } from '../model/lineIndex';
import { writesItem } from './item-label';
import { BlockResults } from './perBlock';
import { isSpaceLike, opensWithOne, skipSpaceLike } from '../model/word-gate';
import { unchangedReparsed } from './unchanged-blocks';
import { isSpaceCode } from './term-matcher';

export type RefKind = 'clause' | 'attachment';

export interface ResolvedReference {
  /** Span of the whole reference ("clause 4.2(b)", or "4.5" in "clauses 4.2 and 4.5"). */
  span: Span;
  /** Span of the number or letter alone ("4.2(b)"). */
  targetSpan: Span;
  /** Word as written, lower case, singular: "clause", "schedule". */
  word: string;
  /** Target as written: "4.2(b)", "3", "B". */
  target: string;
  /** The number without sub-paragraphs: "4.2". */
  base: string;
  /** Sub-paragraphs: ["b"]. */
  parts: string[];
  kind: RefKind;
  /**
   * ok: found (section set); missing: the contract numbers its clauses (or holds its schedules)
   * but not this one; external: a provision of another document ("clause 4 of the Master
   * Agreement"); unchecked: the contract has nothing to check it against (schedules kept in
   * separate files, a document without numbered clauses).
   */
  status: 'ok' | 'missing' | 'external' | 'unchecked';
  /**
   * For a missing clause reference whose parent clause exists but has no numbered sub-clauses
   * ("clause 2.1.3" where 2.1 is a single paragraph): the parent. Reported apart, as it is more
   * often a sub-paragraph written "(c)" than a clause that went missing.
   */
  leafParent?: Section;
  /** A missing number that most likely belongs to another instrument (a statute, the amended agreement). */
  elsewhere?: boolean;
  section?: Section;
  /** For a missing reference: the section its parenthetical title names, if any ("clause 9.4 (Service Credits)"). */
  titled?: Section;
  /** Section the reference stands in. */
  from: number;
}

const WORDS = 'clauses?|sections?|paragraphs?|articles?|sub-clauses?|subclauses?|schedules?|annex(?:es)?|appendix|appendices|exhibits?|attachments?';
const TARGET = String.raw`(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,6}(?![A-Za-z])|[A-Z](?![A-Za-z]))(?:\([a-z0-9]{1,4}\))*`;
// One space (or a line break) between the word and the number: "Schedule   50" is a table of contents.
const REF = new RegExp(String.raw`\b(${WORDS})(?: |\u00A0|\r?\n[ \t]*)(${TARGET})`, 'gi');
// ", 4.5", " and 4.5", " to 4.7", " or clause 9" after a reference.
export const MORE = new RegExp(String.raw`^(\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through|-)\s+|\s*[\u2013\u2014-]\s*)(?:(?:${WORDS})\s+)?)(${TARGET})`, 'i');

/** A reference word ending the text before a list item: "clause 4 and Article 7" (one expression, not one per item). */
const WORD_AT_END = new RegExp(String.raw`\b(?:${WORDS})\s*$`, 'i');

const SINGULAR: Record<string, string> = {
  clauses: 'clause', sections: 'section', paragraphs: 'paragraph', articles: 'article', schedules: 'schedule',
  annexes: 'annex', appendices: 'appendix', exhibits: 'exhibit', attachments: 'attachment', 'sub-clauses': 'clause',
  'sub-clause': 'clause', subclauses: 'clause', subclause: 'clause',
};
const ATTACHMENT_WORDS = new Set(['schedule', 'annex', 'appendix', 'exhibit', 'attachment']);
const ATTACHMENT_HEADING_WORDS = ['schedule', 'annex', 'appendix', 'exhibit', 'attachment'];
const ATTACHMENT_HEADING = /^\s*(?:\*\*)?(schedule|annex|appendix|exhibit|attachment)\s+([0-9]{1,3}|[IVX]{1,6}|[A-Z])(?![A-Za-z0-9]|\.\d)/i;

/** A law or another document named right after the reference: "of the Master Agreement", "of the GDPR", "GDPR". */
export const EXTERNAL_AFTER = /^(?:\s*\([a-z0-9]{1,4}\))*\s*(?:(?:of|in|under|to|from)\s+(?:the\s+|that\s+|such\s+|an?\s+|said\s+|any\s+|each\s+)?(?!this\b|these\b|hereof\b|herein\b|hereto\b|schedule\b|annex\b|appendix\b|exhibit\b|attachment\b|clause\b|section\b|article\b|paragraph\b)(?:[A-Z0-9]|(?:applicable|relevant|corresponding|original|master|main|framework|existing|underlying|other|prior|previous|principal)\b|[a-z]+\s+(?:agreement|contract|act|regulation|directive|terms|order|policy|licen[cs]e|sow|statement)\b)|[A-Z]{2,}\b|(?:U\.S\.C|C\.F\.R|CFR|USC)\b)/;
/** ... or right before it: "GDPR Article 28", "the Act, section 5", "26 U.S.C. Section 501". */
export const EXTERNAL_BEFORE = /(?:\b[A-Z]{2,}|\bAct|\bRegulations?|\bDirective|\bCode|U\.S\.C\.|C\.F\.R\.|\bCFR|\bFAR|\bDFARS|\bRules)\s*,?\s*$/;
/**
 * Whether text[from, end) can end as EXTERNAL_BEFORE needs: past white space and commas at its end,
 * the last letter of one of its words (a capital, or the "t", "n", "s", "e" or "." ending "Act",
 * "Regulation", "Rules", "Code", "U.S.C."). Most references follow "with", "under" or "in", and the
 * expression, unanchored at the start, was tried at each of the 40 places before every reference
 * of a first review (issue 13). Skipping any run of spaces and commas accepts more than the
 * expression's one comma: a tail passing this is still tested.
 */
export function mayEndExternal(text: string, from: number, end: number): boolean {
  let i = end - 1;
  while (i >= from) {
    const c = text.charCodeAt(i);
    if (c === 44 || isSpaceCode(c)) i--;
    else break;
  }
  if (i < from) return true;
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || c === 116 || c === 110 || c === 115 || c === 101 || c === 46;
}
const PAREN_OPENS = ['('];

/** "paragraph 3 of Schedule 2", "Section 2 of Exhibit A": a reference inside an attachment. */
export const IN_ATTACHMENT = /^(?:\s*\([a-z0-9]{1,4}\))*\s*(?:of|in|to)\s+(?:this\s+)?(schedule|annex|appendix|exhibit|attachment)\b(?:\s+([0-9]{1,3}|[IVX]{1,6}|[A-Z])(?![A-Za-z0-9]))?/i;

/*
 * How a text must open, past white space, for MORE, EXTERNAL_AFTER, IN_ATTACHMENT and PAREN_TITLE to
 * match it (each is anchored at the start of what follows a reference): a tail that opens otherwise
 * is not searched, so on a contract whose references end their sentences ("clause 4 only.") these are
 * never compiled (a cold run compiles each expression it runs; model/word-gate.ts). Lower-case lists
 * are compared with the opening lower-cased (the /i expressions). test/drafting/xrefs-tail-gate.test.ts
 * checks the lists against the expressions.
 */
export const MORE_OPENS = [',', '-', '\u2013', '\u2014', 'and', 'or', 'to', 'through'];
export const EXTERNAL_AFTER_OPENS = ['(', 'of', 'in', 'under', 'to', 'from', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
export const IN_ATTACHMENT_OPENS = ['(', 'of', 'in', 'to'];
export const PAREN_TITLE = /^\s*\(([A-Z][^()]{2,60})\)/;
/** Whether a text, past white space (as \s reads it), opens with one of `opens` (lower-cased first with `fold`). */
export function mayOpen(text: string, opens: readonly string[], fold = false, from = 0): boolean {
  // Read in place (no trimmed, cut or lower-cased copy: called three or four times per reference,
  // some 26,000 times in the first review of the 1 MB bench contract). Folding ASCII letters only is
  // what toLowerCase did for these lists: their entries are ASCII, and the only other characters
  // that lower-case to ASCII are U+212A (to "k", which no entry holds) and U+0130 (to "i" and a
  // combining dot, which no entry holds either).
  let at = from;
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  next: for (let i = 0; i < opens.length; i++) {
    const o = opens[i];
    if (at + o.length > text.length) continue;
    for (let j = 0; j < o.length; j++) {
      let c = text.charCodeAt(at + j);
      if (fold && c >= 65 && c <= 90) c += 32;
      if (c !== o.charCodeAt(j)) continue next;
    }
    return true;
  }
  return false;
}

const AMENDMENT = /\bamendment\b/i;
const AMENDING = /\b(?:is|are|shall be|be) hereby (?:amended|deleted|replaced|added)|\bhereby amend|amended (?:and restated )?(?:to read )?as follows/i;

const cache = new WeakMap<ContractModel, ResolvedReference[]>();
/** What each block writes (null for blocks not read), kept for the next model while editing. */

/** The per-block lists above for a copy of a model with the same blocks (a released model: see IncrementalReview). */
export function carryReferenceFacts(from: ContractModel, to: ContractModel): void {
  if (from.blocks !== to.blocks) return;
  // The numbers only: the objects built for `from` hold its sections, and are built again for `to` when asked for.
  const t = tables.get(from);
  if (t) tables.set(to, { ...t, built: new Map() });
  attachmentHeadings.carry(from, to);
  // The number index and the attachment table name sections by index: the same for the same tree.
  if (from.sections !== to.sections) return;
  const idx = numberCache.get(from);
  if (idx) numberCache.set(to, idx);
  const table = attachmentCache.get(from);
  if (table) attachmentCache.set(to, table);
}

/**
 * How many clause references went unchecked because the document's own numbering could not be
 * read (0 when it could): the rule says so once instead of reporting each.
 */
export function numberingLost(model: ContractModel): number {
  return referenceTable(model).lost;
}

/** "4." -> "4", "4.0" -> "4" (numbering written "1.0, 2.0" for top-level clauses), "04" -> "4". */
export function normaliseNumber(n: string): string {
  // Most numbers ("4", "12.3") are normal already: no leading zero, no trailing dot, no "0" at the
  // end. A 1 MB contract numbers more sections than normalisedNumber's map keeps: it was cleared
  // and refilled, three replacements per number.
  const last = n.charCodeAt(n.length - 1);
  if (n.charCodeAt(0) !== 48 && last !== 46 && last !== 48) return n;
  return n.replace(/\.$/, '').replace(/^0+(?=\d)/, '').replace(/^(\d+)\.0$/, '$1');
}

/**
 * Section numbers of the contract and of each attachment, and the attachments by kind and id.
 * Sections are named by index (model.sections[i]), so that the index of a model whose section tree
 * has the same shape, numbers and titles as the previous model's is the previous index (sameStructure).
 */
export interface NumberIndex {
  /** Numbered sections outside attachments, by number (first occurrence). */
  body: Map<string, number>;
  /** Numbered sections of every attachment section index, by number. */
  inAttachment: Map<number, Map<string, number>>;
  /** Attachment sections by "schedule 3", "annex b". */
  attachments: Map<string, number>;
  /** Attachment kinds the document contains at least one of. */
  attachmentKinds: Set<string>;
  /** How many numbered sections the body has. */
  bodyCount: number;
  /**
   * Parts of the body that number their clauses afresh (an order form at the top and the terms
   * after it, each starting at 1): a reference is checked against its own part only.
   */
  parts: Array<{ first: number; numbers: Map<string, number>; count: number }>;
  /**
   * Does the body's numbering read as intact: top-level clauses numbered 1, 2, 3 ... with few gaps?
   * When it does not (text flattened from a PDF), unresolved references say little.
   */
  numberingIntact: boolean;
  /** Highest top-level clause number of the body. */
  maxTop: number;
}

const numberCache = new WeakMap<ContractModel, NumberIndex>();

/** The attachment section (schedule, annex ...) a section sits in, or -1. */
export function attachmentOf(model: ContractModel, index: number): number {
  return attachmentTable(model)[index] ?? -1;
}

/**
 * The attachment of every section, in one pass (a parent comes before its children): the outermost
 * schedule among a section's ancestors. Walking up from each section at every call made the
 * numbering and cross-reference checks visit the tree once per clause.
 */
function attachmentTable(model: ContractModel): Int32Array {
  let table = attachmentCache.get(model);
  if (table) return table;
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  // The same for a tree whose sections changed only in numbers or titles: the table reads parents and trailers.
  table = trace && (sameStructure(model, trace) || renumbered(model, trace)) ? attachmentCache.get(trace.previous) : undefined;
  if (table) {
    attachmentCache.set(model, table);
    return table;
  }
  const sections = model.sections;
  table = new Int32Array(sections.length).fill(-1);
  for (let i = 1; i < sections.length; i++) {
    const s = sections[i];
    const above = s.parent > 0 && s.parent < i ? table[s.parent] : s.parent > 0 ? attachmentWalk(model, s.parent) : -1;
    table[i] = above >= 0 ? above : s.trailer === 'schedule' && (s.parent <= 0 || sections[s.parent].trailer !== 'schedule') ? i : -1;
  }
  attachmentCache.set(model, table);
  return table;
}
const attachmentCache = new WeakMap<ContractModel, Int32Array>();

/** The same by walking up, for a parent that does not come before its child (never in a built model). */
function attachmentWalk(model: ContractModel, index: number): number {
  let found = -1;
  for (let i = index; i > 0; i = model.sections[i].parent) {
    const s = model.sections[i];
    if (s.trailer === 'schedule' && (s.parent <= 0 || model.sections[s.parent].trailer !== 'schedule')) found = i;
  }
  return found;
}

/**
 * Does a spliced model's section tree read as the previous model's for the cross-references: the
 * same sections in the same order, with the same numbers, titles, kinds, trailers and parents, each
 * opened by the same block (the one it moved to, or a re-parsed one), the same heading style and
 * amendment reading, and no attachment heading ("Schedule 3") in the re-parsed blocks or in the
 * blocks they replaced? Then the number index, the attachment of every section and every block's
 * section are the previous model's, and a reference resolved to a section index resolves to the
 * same index. Worked out once per model: for a tree the splice took over, from what it says it
 * changed (model/trace.ts sectionChangesOf); for one built afresh, one comparison per section, far
 * less than building the index and resolving every reference again. (False outside an edit's review.)
 */
export function sectionTreeUnchanged(model: ContractModel): boolean {
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  return trace ? sameStructure(model, trace) : false;
}

function sameStructure(model: ContractModel, trace: SpliceTrace): boolean {
  let out = structureCache.get(model);
  if (out === undefined) structureCache.set(model, (out = compareStructure(model, trace)));
  return out;
}
const structureCache = new WeakMap<ContractModel, boolean>();

let sectionsCompared = 0;

/** How many sections sameStructure has compared with the previous model's since the process started (for tests). */
export function sectionsComparedSoFar(): number {
  return sectionsCompared;
}

function compareStructure(model: ContractModel, trace: SpliceTrace): boolean {
  const old = trace.previous;
  const { prefix, fresh, oldAfter } = trace;
  if (model.usesMarkdownHeadings !== old.usesMarkdownHeadings || model.sections.length !== old.sections.length) return false;
  const changes = sectionChangesOf(model);
  if (changes) {
    // A tree taken over from the previous one (model/sections.ts reusedSections) has the previous
    // kinds, trailers and parents, its sections open where they did, and the splice listed the
    // sections whose title or number changed: nothing to compare (issue 13).
    if (changes.renumbered.length || changes.retitled.length) return false;
  } else {
    const now = model.sections;
    const was = old.sections;
    const shift = fresh - (oldAfter - prefix);
    for (let i = 1; i < now.length; i++) {
      sectionsCompared++;
      const a = now[i];
      const b = was[i];
      if (a === b) continue;
      if (a.number !== b.number || a.title !== b.title || a.kind !== b.kind || a.trailer !== b.trailer || a.parent !== b.parent) return false;
      const h = b.headingBlock;
      const same = h < prefix ? a.headingBlock === h : h >= oldAfter ? a.headingBlock === h + shift : a.headingBlock >= prefix && a.headingBlock < prefix + fresh;
      if (!same) return false;
    }
  }
  return !attachmentHeadingEdited(model, trace) && amendsAnother(model) === amendsAnother(old);
}

/** Does a re-parsed block, or a block it replaced, open with an attachment heading ("Schedule 3")? */
function attachmentHeadingEdited(model: ContractModel, trace: SpliceTrace): boolean {
  const { prefix, fresh, oldAfter, previous: old } = trace;
  for (let i = prefix; i < prefix + fresh; i++) if (attachmentHeading(model, model.blocks[i])) return true;
  for (let i = prefix; i < oldAfter; i++) if (attachmentHeading(old, old.blocks[i])) return true;
  return false;
}

export function numberIndex(model: ContractModel): NumberIndex {
  const hit = numberCache.get(model);
  if (hit && !handedOn.has(hit)) return hit;
  // Built for every model while editing, so that the next one takes the entries over.
  const headings = attachmentHeadings.listed(model);
  // While editing, an edit that left the section tree's shape, numbers and titles alone (almost every
  // keystroke) leaves the index as it was.
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  const kept = trace && sameStructure(model, trace) ? numberCache.get(trace.previous) : undefined;
  if (kept && !handedOn.has(kept)) {
    numberCache.set(model, kept);
    return kept;
  }
  // One that changed only some sections' numbers or titles (an edit in a heading's number) patches it.
  const patched = trace ? renumberedIndex(model, trace) : undefined;
  if (patched) {
    numberCache.set(model, patched);
    return patched;
  }
  const body = new Map<string, number>();
  const inAttachment = new Map<number, Map<string, number>>();
  const attachments = new Map<string, number>();
  const attachmentKinds = new Set<string>();
  let bodyCount = 0;
  const parts: NumberIndex['parts'] = [];
  let topSeen = 0;
  // While editing, what a later renumbering patches beside the index (NumberAux), made in the same
  // walk: made on the first heading edit instead, it cost that edit more than the build it replaces.
  const aux: NumberAux | undefined = factsActive()
    ? { holders: new Map(), partTop: new Float64Array(model.sections.length).fill(-1), digits: new Float64Array(model.sections.length).fill(-1) }
    : undefined;
  // Read once rather than looked up per section (a first review walks 5,000 sections before this is
  // optimised); a document without attachment headings (most) skips the search per section.
  let attTable: Int32Array | undefined;
  const listedHeadings = headings.blocks.length > 0;
  const sections = model.sections;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s.index === 0) continue;
    const block = model.blocks[s.headingBlock];
    const heading = !block ? null : block.kind === 'heading' || block.kind === 'paragraph' ? (listedHeadings ? attachmentHeadings.at(model, block.index) : null) : attachmentHeading(model, block);
    if (heading && s.trailer === 'schedule') {
      const kind = heading.kind;
      const key = `${kind} ${heading.id}`;
      if (!attachments.has(key)) attachments.set(key, s.index);
      attachmentKinds.add(kind);
    }
    if (!s.number) continue;
    // normaliseNumber itself: in a first review the cache behind normalisedNumber holds none of the
    // thousands of numbers, so it cost a lookup and an insertion each for nothing.
    const n = normaliseNumber(s.number);
    const att = (attTable ??= attachmentTable(model))[s.index] ?? -1;
    if (aux) {
      const list = aux.holders.get(n);
      if (list) list.push(s.index);
      else aux.holders.set(n, [s.index]);
    }
    if (att >= 0) {
      let m = inAttachment.get(att);
      if (!m) inAttachment.set(att, (m = new Map()));
      if (!m.has(n)) m.set(n, s.index);
    } else {
      bodyCount++;
      if (!body.has(n)) body.set(n, s.index);
      // Numbering that starts again at 1 after a higher top-level number opens a new part.
      const top = partTopOf(n);
      if (aux) {
        aux.partTop[s.index] = top;
        if (/^\d+$/.test(n)) aux.digits[s.index] = top;
      }
      if (!parts.length || (top === 1 && topSeen > 1)) {
        parts.push({ first: s.index, numbers: new Map(), count: 0 });
        topSeen = 0;
      }
      if (top > topSeen) topSeen = top;
      const part = parts[parts.length - 1];
      part.count++;
      if (!part.numbers.has(n)) part.numbers.set(n, s.index);
    }
  }
  const tops = [...body.keys()].filter((k) => /^\d+$/.test(k)).map(Number);
  const maxTop = tops.length ? Math.max(...tops.slice(0, 1000)) : 0;
  // Only Markdown headings give numbering that can be trusted this far: in text converted from PDF or
  // Word, clause numbers run into the text and many are not seen, so the majority guard stays on.
  const numberingIntact = model.usesMarkdownHeadings && bodyCount >= 3 && tops.length >= 2 && tops.length >= 0.8 * Math.min(maxTop, 1000);
  // Attachment headings the section builder does not see as sections ("SCHEDULE 2" inside a paragraph line).
  for (let k = 0; k < headings.blocks.length; k++) {
    const b = model.blocks[headings.blocks[k]];
    const m = headings.values[k];
    if (!m || !m.shortFirstLine) continue;
    // Only lines that stand as a heading: short, or the whole block.
    if (b.kind === 'paragraph' && !m.standsAlone) continue;
    attachmentKinds.add(m.kind);
    const key = `${m.kind} ${m.id}`;
    if (!attachments.has(key)) attachments.set(key, b.section);
  }
  const idx = { body, inAttachment, attachments, attachmentKinds, bodyCount, parts, numberingIntact, maxTop };
  numberCache.set(model, idx);
  if (aux) auxCache.set(idx, aux);
  return idx;
}

/** The top-level number a part of the body counts (see NumberIndex.parts): "4" is 4, "1.1" opens numbering at 1, others 0. */
function partTopOf(n: string): number {
  return /^\d+$/.test(n) ? Number(n) : /^\d+\.1$/.test(n) && n.startsWith('1.') ? 1 : 0;
}

/**
 * Sections whose number or title differs from the previous model's, when that is all an edit changed
 * in the section tree: the splice took the previous tree over and listed them (model/trace.ts
 * sectionChangesOf; the same sections in the same order, with the same kinds, trailers and parents,
 * each opened by the block it moved to or a re-parsed one), no attachment heading is in the
 * re-parsed or replaced blocks and the amendment reading is the same. Null otherwise (a tree built
 * afresh is not compared: the index is built again), or when nothing differs. Typing into a
 * heading's number ("## 647x. Exit" no longer reads as numbered, and its title is then "647x.
 * Exit") is such an edit: the number index and the reference table are then patched for those
 * sections rather than built again over the whole document (issue 13).
 */
export function renumberedSections(model: ContractModel): readonly number[] | null {
  const known = renumberedCache.get(model);
  if (known !== undefined) return known;
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  return trace ? renumbered(model, trace) : null;
}

function renumbered(model: ContractModel, trace: SpliceTrace): number[] | null {
  let out = renumberedCache.get(model);
  if (out === undefined) renumberedCache.set(model, (out = numbersOrTitlesChanged(model, trace)));
  return out;
}
const renumberedCache = new WeakMap<ContractModel, number[] | null>();

function numbersOrTitlesChanged(model: ContractModel, trace: SpliceTrace): number[] | null {
  const changes = sectionChangesOf(model);
  if (!changes || (!changes.renumbered.length && !changes.retitled.length)) return null;
  if (attachmentHeadingEdited(model, trace) || amendsAnother(model) !== amendsAnother(trace.previous)) return null;
  return mergedAscending(changes.renumbered, changes.retitled);
}

/** Two ascending lists of indexes as one, each index once. */
function mergedAscending(a: readonly number[], b: readonly number[]): number[] {
  if (!b.length) return a.slice();
  if (!a.length) return b.slice();
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

/**
 * What the number index keeps beside itself for patching (not in NumberIndex, so that a patched
 * index equals a built one): every numbered section by its normalised number, in order, whatever
 * its scope; and per section the top-level number its part counts (partTopOf) and the value of an
 * all-digit number (-1: not a numbered section of the body). Made with the index while editing (or
 * from the model when an index has none), then patched along with it.
 */
interface NumberAux { holders: Map<string, number[]>; partTop: Float64Array; digits: Float64Array }
const auxCache = new WeakMap<NumberIndex, NumberAux>();

function auxOf(model: ContractModel, idx: NumberIndex): NumberAux {
  let aux = auxCache.get(idx);
  if (aux) return aux;
  const sections = model.sections;
  const holders = new Map<string, number[]>();
  const partTop = new Float64Array(sections.length).fill(-1);
  const digits = new Float64Array(sections.length).fill(-1);
  for (let i = 1; i < sections.length; i++) {
    const number = sections[i].number;
    if (!number) continue;
    const n = normalisedNumber(number);
    const list = holders.get(n);
    if (list) list.push(i);
    else holders.set(n, [i]);
    if (attachmentOf(model, i) >= 0) continue;
    partTop[i] = partTopOf(n);
    if (/^\d+$/.test(n)) digits[i] = Number(n);
  }
  auxCache.set(idx, (aux = { holders, partTop, digits }));
  return aux;
}

/**
 * What a patched index changed, for the reference table (see renumberedReferences): the numbers
 * whose sections changed, the numbers of parents one of whose children gained or lost its number
 * (a "leaf parent" reading), the titles changed or of a section whose number came or went, the
 * highest top-level number before and after; and whether the references can be patched at all
 * (no scope crossed a size the resolution tests: a part of fewer than 3 clauses, an attachment
 * numbering fewer than 2).
 */
interface NumberPatch { numbers: Set<string>; parents: Set<string>; titles: Set<string>; maxTopWas: number; tableSafe: boolean }
const patchCache = new WeakMap<ContractModel, NumberPatch>();

/** The number index of a model whose sections changed only in numbers and titles, from the previous index. */
function renumberedIndex(model: ContractModel, trace: SpliceTrace): NumberIndex | undefined {
  const changed = renumbered(model, trace);
  const before = changed ? numberCache.get(trace.previous) : undefined;
  if (!changed || !before || handedOn.has(before)) return undefined;
  let aux0: NumberAux | undefined;
  const now = model.sections;
  const was = trace.previous.sections;
  const att = attachmentTable(model);
  let holders: Map<string, number[]> | undefined;
  let partTop: Float64Array | undefined;
  let digits: Float64Array | undefined;
  const numbers = new Set<string>();
  const parents = new Set<string>();
  const titles = new Set<string>();
  let bodyCount = before.bodyCount;
  // Sections of the body whose number came (+1) or went (-1), for the parts' counts.
  const counted: Array<[number, number]> = [];
  const attachmentsTouched = new Set<number>();
  for (const i of changed) {
    const o = was[i].number ? normalisedNumber(was[i].number!) : undefined;
    const n = now[i].number ? normalisedNumber(now[i].number!) : undefined;
    if (!!o !== !!n || was[i].title !== now[i].title) {
      titles.add(was[i].title.toLowerCase());
      titles.add(now[i].title.toLowerCase());
    }
    if (o === n) continue;
    if (!!o !== !!n) {
      const p = now[i].parent;
      if (p > 0 && now[p].number) parents.add(normalisedNumber(now[p].number!));
    }
    // Taken from the previous index and patched in place: the newest index owns it (auxOf builds
    // it again from its model for an older one), so that an edit copies none of it.
    if (!aux0) {
      aux0 = auxOf(trace.previous, before);
      auxCache.delete(before);
    }
    holders ??= aux0.holders;
    if (o !== undefined) {
      numbers.add(o);
      const list = (holders.get(o) ?? []).filter((h) => h !== i);
      if (list.length) holders.set(o, list);
      else holders.delete(o);
    }
    if (n !== undefined) {
      numbers.add(n);
      const list = (holders.get(n) ?? []).concat(i).sort((a, b) => a - b);
      holders.set(n, list);
    }
    if (att[i] >= 0) {
      attachmentsTouched.add(att[i]);
      continue;
    }
    partTop ??= aux0.partTop;
    digits ??= aux0.digits;
    partTop[i] = n === undefined ? -1 : partTopOf(n);
    digits[i] = n !== undefined && /^\d+$/.test(n) ? Number(n) : -1;
    if (!o || !n) {
      bodyCount += n ? 1 : -1;
      counted.push([i, n ? 1 : -1]);
    }
  }
  let tableSafe = true;
  if (!holders || !aux0) {
    // Titles only: the index does not read them.
    patchCache.set(model, { numbers, parents, titles, maxTopWas: before.maxTop, tableSafe });
    return before;
  }
  partTop ??= aux0.partTop;
  digits ??= aux0.digits;
  const firstHolder = (key: string, from: number, to: number, scope: number): number | undefined => {
    const list = holders!.get(key);
    if (list) for (const h of list) if (h >= from && h < to && (scope < 0 ? att[h] < 0 : att[h] === scope)) return h;
    return undefined;
  };
  // What each changed number's entry becomes in a scope (its first section there, or none).
  const plan = (from: number, to: number, scope: number): Array<[string, number | undefined]> => [...numbers].map((key) => [key, firstHolder(key, from, to, scope)]);
  // The parts: the same places, or the index is built again.
  let p = 0;
  let topSeen = 0;
  for (let i = 1; i < partTop.length; i++) {
    const top = partTop[i];
    if (top < 0) continue;
    if (p === 0 || (top === 1 && topSeen > 1)) {
      if (p >= before.parts.length || before.parts[p].first !== i) return undefined;
      p++;
      topSeen = 0;
    }
    if (top > topSeen) topSeen = top;
  }
  if (p !== before.parts.length) return undefined;
  const partOf = (i: number): number => {
    let q = 0;
    while (q + 1 < before.parts.length && before.parts[q + 1].first <= i) q++;
    return q;
  };
  const parts = before.parts.slice();
  const partsTouched = new Set<number>();
  for (const i of changed) if (att[i] < 0 && (was[i].number || now[i].number)) partsTouched.add(partOf(i));
  const patches: Array<[Map<string, number>, Array<[string, number | undefined]>]> = [[before.body, plan(0, now.length, -1)]];
  for (const q of partsTouched) {
    const part = before.parts[q];
    const to = q + 1 < parts.length ? parts[q + 1].first : now.length;
    patches.push([part.numbers, plan(part.first, to, -1)]);
    let count = part.count;
    for (const [i, d] of counted) if (i >= part.first && i < to) count += d;
    if ((count < 3) !== (part.count < 3)) tableSafe = false;
    parts[q] = { first: part.first, numbers: part.numbers, count };
  }
  for (const a of attachmentsTouched) {
    const m = before.inAttachment.get(a);
    if (!m) return undefined; // an attachment numbering its first section: a new entry, built in order
    const changes = plan(0, now.length, a);
    let size = m.size;
    for (const [key, h] of changes) size += (h === undefined ? 0 : 1) - (m.has(key) ? 1 : 0);
    if (!size) return undefined; // an attachment numbering none: its entry goes
    if ((size < 2) !== (m.size < 2)) tableSafe = false;
    patches.push([m, changes]);
  }
  // The previous index's maps patched in place (copying a 1 MB contract's 5,000 numbers twice was
  // most of the patch): that index is handed on to this one, and built again if asked for.
  handedOn.add(before);
  for (const [map, changes] of patches) patchScope(map, changes);
  // The highest of the first 1,000 distinct top-level numbers of the body, in the order they first
  // appear (as numberIndex reads its keys), and how many there are: a walk over integers.
  const seen = new Set<number>();
  let maxTop = 0;
  for (let i = 1; i < digits.length; i++) {
    const d = digits[i];
    if (d < 0 || seen.has(d)) continue;
    seen.add(d);
    if (seen.size <= 1000 && d > maxTop) maxTop = d;
  }
  const tops = seen.size;
  const numberingIntact = model.usesMarkdownHeadings && bodyCount >= 3 && tops >= 2 && tops >= 0.8 * Math.min(maxTop, 1000);
  const idx: NumberIndex = { body: before.body, inAttachment: before.inAttachment, attachments: before.attachments, attachmentKinds: before.attachmentKinds, bodyCount, parts, numberingIntact, maxTop };
  auxCache.set(idx, { holders, partTop, digits });
  patchCache.set(model, { numbers, parents, titles, maxTopWas: before.maxTop, tableSafe });
  return idx;
}

/** A scope's entries set (or deleted), with its number prefixes when they were worked out (numberPrefixes). */
function patchScope(map: Map<string, number>, changes: Array<[string, number | undefined]>): void {
  const counts = prefixCache.get(map);
  for (const [k, h] of changes) {
    const d = (h === undefined ? 0 : 1) - (map.has(k) ? 1 : 0);
    if (h === undefined) map.delete(k);
    else map.set(k, h);
    if (counts && d) for (let i = k.indexOf('.'); i >= 0; i = k.indexOf('.', i + 1)) {
      const p = k.slice(0, i);
      const c = (counts.get(p) ?? 0) + d;
      if (c > 0) counts.set(p, c);
      else counts.delete(p);
    }
  }
}

/** Indexes whose maps a later model's index took over and patched (renumberedIndex): stale, built again if asked for. */
const handedOn = new WeakSet<NumberIndex>();

/** "Schedule 3" opening a block: its kind and id, and whether its first line reads as a heading. */
interface AttachmentHeading { kind: string; id: string; shortFirstLine: boolean; standsAlone: boolean }

/**
 * attachmentHeading of the heading and paragraph blocks that have one, ascending (perBlock.ts). While
 * editing, a block the edit left alone takes its entry from the previous model's list (through the
 * splice trace) rather than looking it up again, and an edit copies the few listed entries: a list
 * with an entry for every block was made (three arrays as long as the document) on every keystroke,
 * whether or not the number index was built again (issue 13).
 */
const attachmentHeadings = new BlockResults<AttachmentHeading | null>(
  (model, b) => (b.kind !== 'heading' && b.kind !== 'paragraph' ? null : attachmentHeading(model, b)),
  { none: null },
);

/** How many blocks' attachment headings were read for this model (the others were taken over) and how many blocks are listed (for tests). */
export function attachmentHeadingStats(model: ContractModel): { read: number; listed: number } | undefined {
  const read = attachmentHeadings.blocksRead(model);
  return read === undefined ? undefined : { read, listed: attachmentHeadings.listed(model).blocks.length };
}

/**
 * What ATTACHMENT_HEADING needs at the start of a text, checked by code (quote folding does not
 * touch these characters): white space, "**" or not, one of its words and white space. Most blocks
 * fail it, and a cold run whose blocks all do compiles neither expression (issue 13, cold).
 */
function mayOpenAttachment(text: string): boolean {
  let at = skipSpaceLike(text, 0);
  if (text.startsWith('**', at)) at += 2;
  for (let k = 0; k < ATTACHMENT_HEADING_WORDS.length; k++) {
    const w = ATTACHMENT_HEADING_WORDS[k];
    if (opensWithOne(text, at, w) && isSpaceLike(text.charCodeAt(at + w.length))) return true;
  }
  return false;
}

/** A pure function of the block's text, memoised per block while editing (read for every block). */
function attachmentHeading(model: ContractModel, block: Block): AttachmentHeading | null {
  // The heading's first letter, checked before the lookup: most blocks fail it.
  if (!mayOpenAttachment(block.text)) return null;
  const found = blockMemo(model, block, 'attachment-heading', (): AttachmentHeading | false => {
    const m = ATTACHMENT_HEADING.exec(foldQuotes(block.text));
    if (!m) return false;
    const firstLine = block.text.split('\n')[0];
    return {
      kind: m[1].toLowerCase(), id: m[2].toLowerCase(), shortFirstLine: firstLine.length <= 90,
      standsAlone: /^\s*(?:\*\*)?(?:schedule|annex|appendix|exhibit|attachment)\s+\S+\s*(?:[-:\u2013\u2014.]\s*[^.]{0,80})?$/i.test(firstLine),
    };
  });
  return found || null;
}

/** normaliseNumber of a section's number, kept per number written (a contract repeats few). */
function normalisedNumber(n: string): string {
  let out = normalised.get(n);
  if (out === undefined) {
    if (normalised.size > 10000) normalised.clear();
    normalised.set(n, (out = normaliseNumber(n)));
  }
  return out;
}
const normalised = new Map<string, string>();

/** splitTarget, kept per target written (a contract cites few distinct ones); callers do not change the result. */
function splitTarget(target: string): SplitTarget {
  // A target without a sub-paragraph splits more cheaply than the map is looked up and filled
  // (the 1 MB bench contract cites some 5,000 distinct ones, so the map mostly missed; issue 13).
  if (target.indexOf('(') < 0) return splitTargetOnce(target);
  let out = splitTargets.get(target);
  if (out === undefined) {
    if (splitTargets.size > 10000) splitTargets.clear();
    splitTargets.set(target, (out = splitTargetOnce(target)));
  }
  return out;
}
const splitTargets = new Map<string, SplitTarget>();

/** A target's number without sub-paragraphs ("4.2"), the sub-paragraphs (["b"]), and topIdOf its first part. */
interface SplitTarget { base: string; parts: string[]; top: number }

function splitTargetOnce(target: string): SplitTarget {
  // Most targets name no sub-paragraph ("4.2"), and a contract cites thousands of distinct ones (one
  // per clause in the 1 MB bench contract): those skip the search for "(b)" and the cut before it.
  if (target.indexOf('(') < 0) {
    const base = normaliseNumber(target);
    return { base, parts: [], top: topIdOf(base, true) };
  }
  const parts = [...target.matchAll(/\(([a-z0-9]{1,4})\)/gi)].map((m) => m[1]);
  const base = normaliseNumber(target.replace(/\(.*$/, ''));
  return { base, parts, top: topIdOf(base, true) };
}

/**
 * A number for the part of a clause number before its first dot ("4" of "4.2.1"), the same for the
 * same part: the reference table keeps one per reference (ReferenceTable.tops), so that an edit
 * renumbering a section finds the references that can read it by comparing integers rather than
 * reading every reference's number (renumberedReferences). -1 for a part never seen when `add` is
 * false. The parts are what TARGET allows (up to three digits, a roman numeral, a letter): few.
 */
function topIdOf(n: string, add: boolean): number {
  const dot = n.indexOf('.');
  const first = dot < 0 ? n : n.slice(0, dot);
  let id = topIds.get(first);
  if (id === undefined) {
    if (!add) return -1;
    topIds.set(detached(first), (id = topIds.size));
  }
  return id;
}
const topIds = new Map<string, number>();

/**
 * Does the section hold an item "(b)"? null when it cannot tell: the section has no items written
 * "(a)" at all (its items may be numbered by the Markdown list or written "a.").
 */
function hasItem(model: ContractModel, s: Section, part: string, ctx: Context): boolean | null {
  // The section's text is joined once per table (ctx belongs to one model), not once per reference
  // to one of its items: about 7 MB of joins over cuad-dev in a CLI thread (issue 13, cliallocs2).
  let text = ctx.itemTexts.get(s.index);
  if (text === undefined) {
    const joined = model.blocks.slice(s.firstBlock, s.lastBlock).map((b) => b.text).join('\n');
    text = /(?:^|\s)\([a-z0-9]{1,4}\)\s/.test(joined) ? joined : null;
    ctx.itemTexts.set(s.index, text);
  }
  if (text === null) return null;
  return writesItem(text, part.replace(/[^a-z0-9]/gi, ''));
}

/** Every reference to a clause, section, paragraph, article, schedule, annex, appendix, exhibit or attachment, resolved. */
/** A reference as one block's text writes it, by offset in that text (a pure function of the text). */
interface WrittenReference {
  word: string;
  /** What the word refers to: an attachment ("Schedule") or a clause. */
  kind: RefKind;
  /** The targets, each split (splitTarget) once when the block is read rather than once per review. */
  items: Array<{ at: number; end: number; targetAt: number; target: string; base: string; parts: string[]; top: number }>;
  external: boolean;
  inAtt: RegExpExecArray | null;
  parenTitle: string | undefined;
}

function referencesIn(blockText: string): WrittenReference[] {
  const out: WrittenReference[] = [];
  // REF reads no quote mark and folding maps one code unit to one, with quote marks on both sides
  // of \b alike: its matches in the text as written are those in the folded text. So a block
  // citing nothing (most) is not searched for curly quotes (issue 13).
  const matches = matchesIn(REF, blockText);
  if (matches.length === 0) return out;
  const text = foldQuotes(blockText);
  for (let r = 0; r < matches.length; r++) {
    const m = matches[r];
    const lower = m[1].toLowerCase();
    const word = SINGULAR[lower] ?? lower;
    // The split's fields copied one by one rather than spread: a first review builds these items
    // before the code is optimised, where a spread copies through a slow generic path (issue 13).
    const first = splitTarget(m[2]);
    const items: WrittenReference['items'] = [
      { at: m.index!, end: m.index! + m[0].length, targetAt: m.index! + m[0].length - m[2].length, target: m[2], base: first.base, parts: first.parts, top: first.top },
    ];
    // Lists and ranges: "clauses 4.2 and 4.5", "Sections 3.1 to 3.4".
    let pos = m.index! + m[0].length;
    for (let k = 0; k < 8; k++) {
      // Opening read in place: the rest is cut only for the expression.
      const more = mayOpen(text, MORE_OPENS, true, pos) ? MORE.exec(text.slice(pos)) : null;
      if (!more) break;
      // "clause 4 and Article 7": the second reference has a word of its own and is read by REF.
      if (WORD_AT_END.test(more[1])) break;
      const targetAt = pos + more[1].length;
      // A bare number after "and" that is not a clause number ("clause 4 and 5 days") is not a list item.
      if (!/[.(]/.test(more[2]) && !/\b(?:clauses?|sections?|paragraphs?|articles?|schedules?|annex(?:es)?|appendix|appendices|exhibits?|attachments?)\b/i.test(more[1]) && /^\s+(?:days?|months?|years?|hours?|weeks?|per|%|percent)/i.test(text.slice(targetAt + more[2].length))) break;
      const split = splitTarget(more[2]);
      items.push({ at: targetAt, end: targetAt + more[2].length, targetAt, target: more[2], base: split.base, parts: split.parts, top: split.top });
      pos = targetAt + more[2].length;
    }
    const tail = text.slice(pos);
    const beforeAt = Math.max(0, m.index! - 40);
    const external = (mayOpen(tail, EXTERNAL_AFTER_OPENS) && EXTERNAL_AFTER.test(tail)) || (mayEndExternal(text, beforeAt, m.index!) && EXTERNAL_BEFORE.test(text.slice(beforeAt, m.index!)));
    const inAtt = mayOpen(tail, IN_ATTACHMENT_OPENS, true) ? IN_ATTACHMENT.exec(tail) : null;
    const parenTitle = mayOpen(tail, PAREN_OPENS) ? PAREN_TITLE.exec(tail)?.[1] : undefined;
    out.push({ word, kind: ATTACHMENT_WORDS.has(word) ? 'attachment' : 'clause', items, external, inAtt, parenTitle });
  }
  return out;
}

export function resolvedReferences(model: ContractModel): ResolvedReference[] {
  let out = cache.get(model);
  if (!out) cache.set(model, (out = materialised(model, referenceTable(model), null)));
  return out;
}

/**
 * The references the broken-cross-reference rule reports: those still missing after the
 * document-level checks, in document order. Only these are built as objects (see ReferenceTable),
 * in a first review as while editing: a 1 MB contract writes some 20,000 references, of which a few
 * hundred are missing.
 */
export function missingReferences(model: ContractModel): ResolvedReference[] {
  const hit = cache.get(model);
  if (hit) return hit.filter((r) => r.status === 'missing');
  const table = referenceTable(model);
  return materialised(model, table, table.missing);
}

/** Sections by title, built only when a reference names one in brackets: "clause 9.4 (Service Credits)". */
function titlesOf(model: ContractModel): () => Map<string, Section> {
  let titleIndex: Map<string, Section> | undefined;
  return () => {
    if (!titleIndex) {
      titleIndex = new Map();
      for (const s of model.sections) if (s.title) titleIndex.set(s.title.toLowerCase(), s);
    }
    return titleIndex;
  };
}

/**
 * A model's references, as numbers rather than objects: what resolve() found for reference k
 * (resolved), the block it stands in, and what the document-level checks changed (after: 0 nothing, 1 numbering lost, 2 a provision
 * elsewhere, 3 cited three times or more). Only re-parsed blocks' references, and the few whose
 * resolution the edit may change, are resolved while editing; objects for every reference are built
 * only when asked for (resolvedReferences: the language server's links, a renumbering fix); the rule
 * asks for the missing ones (missingReferences). Before, every edit of a 1 MB contract built some
 * 20,000 reference objects and their spans, and so did every first review.
 */
interface ReferenceTable {
  written: Array<WrittenReference[] | null>;
  firstRef: Int32Array;
  // (No spans: an object's spans are read from its block when it is built, which is for few
  // references; an array of every reference's spans was most of what an edit copied here.)
  resolved: Resolutions;
  /** 1 for a clause reference, 0 for an attachment. */
  kinds: Uint8Array;
  /** topIdOf each reference's number (see renumberedReferences). */
  tops: Int32Array;
  /**
   * The references whose resolution an edit elsewhere can change (stillResolves): those that asked
   * numberWrittenInText, and those that found a section and name an item of it "(b)". In order.
   */
  watched: Int32Array;
  /** The references resolve() found missing, before the document-level checks. In order. */
  missingFound: Int32Array;
  /** Clause references resolved ok or missing (the majority guard's count). */
  clauseRefs: number;
  after: Uint8Array;
  /** References still missing after the checks, by index. */
  missing: number[];
  /** The objects built when asked for, by index. */
  built: Map<number, ResolvedReference>;
  /** How many clause references went unchecked because the numbering was lost (numberingLost). */
  lost: number;
}
const tables = new WeakMap<ContractModel, ReferenceTable>();

/**
 * The references of the previous table, outside the re-parsed blocks, that an edit changing only
 * some sections' numbers and titles (NumberPatch) can resolve differently, in order: those naming a
 * changed number, or a number it heads ("clause 4" when only 4.1 ... carry numbers), or a number
 * under a changed one or under a parent whose children gained or lost a number (the leaf-parent
 * reading); those whose top-level number crosses the "provision of another instrument" line when
 * the highest top-level number moved; and the missing ones naming a changed title in brackets.
 * Every other reference resolves as before: resolve() reads the index only through these.
 */
function renumberedReferences(before: ReferenceTable, patch: NumberPatch, idx: NumberIndex, prefix: number, oldAfter: number): number[] {
  // The numbers to look for, and the parents whose children are: a Set lookup and a startsWith or
  // two per reference, over what the blocks wrote (no table of every reference's number is kept
  // beside the table: it would be copied on every keystroke, for the few edits that renumber).
  const marked = new Set<string>();
  const asParent = new Set<string>(patch.parents);
  for (const key of patch.numbers) {
    marked.add(key);
    asParent.add(key);
    for (let i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) marked.add(key.slice(0, i));
  }
  const heads = [...asParent].map((p) => p + '.');
  const reads = (base: string): boolean => {
    if (marked.has(base)) return true;
    for (const h of heads) if (base.startsWith(h) && base.indexOf('.', h.length) < 0) return true;
    return false;
  };
  // A number read above shares its first part with a marked number or a parent: only the references
  // whose first part is one of those are read (ReferenceTable.tops), not every reference (a heading
  // edit, rare enough to run this unoptimised, read all 6,500 of the 1 MB bench's; issue 13).
  const wanted: number[] = [];
  for (const key of marked) {
    const id = topIdOf(key, false);
    if (id >= 0 && !wanted.includes(id)) wanted.push(id);
  }
  for (const key of asParent) {
    const id = topIdOf(key, false);
    if (id >= 0 && !wanted.includes(id)) wanted.push(id);
  }
  const out: number[] = [];
  numbersRead = 0;
  const tops = before.tops;
  const scan = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const t = tops[k];
      let want = false;
      for (let w = 0; w < wanted.length; w++) if (wanted[w] === t) want = true;
      if (!want) continue;
      numbersRead++;
      if (reads(locate(before, k).item.base)) out.push(k);
    }
  };
  scan(0, before.firstRef[prefix]);
  scan(before.firstRef[oldAfter], before.firstRef[before.firstRef.length - 1]);
  // Of the rest, only a missing reference reads the highest top-level number and the titles.
  const lo = 2 * Math.min(idx.maxTop, patch.maxTopWas) + 5;
  const hi = 2 * Math.max(idx.maxTop, patch.maxTopWas) + 5;
  if (lo !== hi || patch.titles.size) {
    const kPrefix = before.firstRef[prefix];
    const kOldAfter = before.firstRef[oldAfter];
    let added = false;
    for (const k of before.missingFound) {
      if (k >= kPrefix && k < kOldAfter) continue;
      const { ref, item } = locate(before, k);
      if (reads(item.base)) continue;
      const top = Number(/^\d+/.exec(item.base)?.[0] ?? NaN);
      const title = ref.parenTitle;
      if ((top > lo && top <= hi) || (title && patch.titles.has(title.trim().toLowerCase()))) { out.push(k); added = true; }
    }
    if (added) out.sort((a, b) => a - b);
  }
  return out;
}

/** How many references' numbers the last renumberedReferences read (for tests, through referenceStats). */
let numbersRead = 0;

const OK = 0;
const MISSING = 1;

/** References resolved into growable arrays, one block after another. */
class ReferenceRows {
  n = 0;
  status: Uint8Array;
  sections: Int32Array;
  flags: Uint8Array;
  kinds: Uint8Array;
  tops: Int32Array;
  watched: number[] = [];
  missingFound: number[] = [];
  clauseRefs = 0;
  /** How many were resolved here rather than taken from the previous table. */
  resolvedHere = 0;
  /** How many kept references were copied one by one from the previous table. */
  kept = 0;
  private cap: number;
  private readonly scratch: ResolvedReference = { span: { start: 0, end: 0 }, targetSpan: { start: 0, end: 0 }, word: '', target: '', base: '', parts: [], kind: 'clause', status: 'unchecked', leafParent: undefined, elsewhere: undefined, section: undefined, titled: undefined, from: 0 };

  constructor(cap: number, private readonly model: ContractModel, private readonly idx: NumberIndex, private readonly ctx: Context) {
    this.cap = Math.max(16, cap);
    this.status = new Uint8Array(this.cap);
    this.sections = new Int32Array(3 * this.cap);
    this.flags = new Uint8Array(this.cap);
    this.kinds = new Uint8Array(this.cap);
    this.tops = new Int32Array(this.cap);
  }

  /**
   * The references of one block. With `before` (a kept block's index there) and `reuse`, the
   * previous resolutions are taken where they still resolve.
   */
  add(block: Block, refs: WrittenReference[], before: ReferenceTable | undefined, was: number, reuse: Resolutions | undefined, still: (k: number, base: string, parts: string[]) => boolean): void {
    let placed = before ? before.firstRef[was] : -1;
    // Indexed loops: a first review resolves every reference here before the function is
    // optimised, where a for-of loop allocates a result object per step (issue 13).
    for (let r = 0; r < refs.length; r++) {
      const w = refs[r];
      const items = w.items;
      const clause = w.kind === 'clause' ? 1 : 0;
      for (let j = 0; j < items.length; j++) {
        const it = items[j];
        if (this.n === this.cap) this.grow();
        const n = this.n++;
        const k = placed >= 0 ? placed++ : -1;
        this.kinds[n] = clause;
        this.tops[n] = it.top;
        if (k >= 0) {
          this.kept++;
          if (reuse && still(k, it.base, it.parts)) {
            this.status[n] = reuse.status[k];
            this.sections[3 * n] = reuse.sections[3 * k];
            this.sections[3 * n + 1] = reuse.sections[3 * k + 1];
            this.sections[3 * n + 2] = reuse.sections[3 * k + 2];
            this.flags[n] = reuse.flags[k];
            this.note(n, clause, it.parts);
            continue;
          }
        }
        this.resolveInto(this.status, this.sections, this.flags, n, block, w, it);
        this.resolvedHere++;
        this.note(n, clause, it.parts);
      }
    }
  }

  /** resolve() of one item, its outcome written to reference n of the arrays given. */
  resolveInto(status: Uint8Array, sections: Int32Array, flags: Uint8Array, n: number, block: Block, w: WrittenReference, it: WrittenReference['items'][number]): void {
    // resolve() reads the word, kind, base and parts and sets the outcome: one scratch object
    // serves every reference (an edit that renames a heading resolves all of them again).
    const ref = reset(this.scratch, w.word, w.kind, it, block.section);
    const ctx = this.ctx;
    ctx.external = w.external;
    ctx.inAtt = w.inAtt;
    ctx.parenTitle = w.parenTitle;
    ctx.askedText = false;
    resolve(this.model, this.idx, ref, block, ctx);
    status[n] = STATUSES.indexOf(ref.status);
    sections[3 * n] = ref.section ? ref.section.index : -1;
    sections[3 * n + 1] = ref.leafParent ? ref.leafParent.index : -1;
    sections[3 * n + 2] = ref.titled ? ref.titled.index : -1;
    flags[n] = (ref.elsewhere ? 1 : 0) | (ctx.askedText ? 2 : 0);
  }

  /** Notes reference n in the lists and the count the table keeps. */
  private note(n: number, clause: number, parts: string[]): void {
    const s = this.status[n];
    if (s === MISSING) this.missingFound.push(n);
    if (clause && (s === OK || s === MISSING)) this.clauseRefs++;
    if (isWatched(this.flags[n], this.sections[3 * n], parts)) this.watched.push(n);
  }

  private grow(): void {
    this.cap *= 2;
    const st = new Uint8Array(this.cap); st.set(this.status); this.status = st;
    const se = new Int32Array(3 * this.cap); se.set(this.sections); this.sections = se;
    const fl = new Uint8Array(this.cap); fl.set(this.flags); this.flags = fl;
    const ki = new Uint8Array(this.cap); ki.set(this.kinds); this.kinds = ki;
    const to = new Int32Array(this.cap); to.set(this.tops); this.tops = to;
  }
}

/** Can an edit elsewhere change this resolution (see stillResolves)? */
function isWatched(flags: number, section: number, parts: string[]): boolean {
  return (flags & 2) !== 0 || (section >= 0 && parts.length > 0);
}

function referenceTable(model: ContractModel): ReferenceTable {
  const hit = tables.get(model);
  if (hit) return hit;
  const idx = numberIndex(model);
  const ctx: Context = { external: false, inAtt: null, parenTitle: undefined, titles: titlesOf(model), askedText: false, itemTexts: new Map() };
  // A block the edit left alone takes what it writes from the previous model's table (through the
  // splice trace) instead of looking it up: one lookup per re-parsed block.
  const trace = spliceTraceOf(model);
  const before = trace ? tables.get(trace.previous) : undefined;
  // Once read (a reference asked for them), the words written at clause starts are kept up to date
  // on every edit, so that the next edit patches them rather than reading the whole text, and so
  // that it is known which words an edit changed (a reference resolved by one of them is resolved again).
  if (trace && hasClauseStartWords(trace.previous)) clauseStartWords(model);
  // A kept block's references resolve as before when the section tree reads the same (sameStructure),
  // unless what resolved them was touched: the items of a section holding a re-parsed block, or a
  // clause-start word the edit wrote or removed.
  const same = before && trace ? sameStructure(model, trace) : false;
  // Or when it changed only some sections' numbers and titles (numberIndex patched the index): the
  // references that can read the change are resolved again (renumberedReferences), the rest kept.
  const patch = before && trace && !same ? patchCache.get(model) : undefined;
  const reuse = before && (same || patch?.tableSafe) ? before.resolved : undefined;
  const changedWords = reuse ? changedClauseStartWords(model) : undefined;
  const dirtyFrom = trace ? trace.prefix : 0;
  const dirtyTo = trace ? trace.prefix + trace.fresh : 0;
  const still = (k: number, base: string, parts: string[]): boolean => stillResolves(model, reuse!, k, base, parts, dirtyFrom, dirtyTo, changedWords);
  let table: ReferenceTable;
  let resolvedHere: number;
  let looked: number;
  let renumberedRefs = 0;
  let read = 0;
  if (reuse && before && trace) {
    const force = patch ? renumberedReferences(before, patch, idx, trace.prefix, trace.oldAfter) : undefined;
    renumberedRefs = force?.length ?? 0;
    read = force ? numbersRead : 0;
    ({ table, resolvedHere, looked } = patchedTable(model, idx, ctx, before, trace, still, force));
  }
  else {
    const blocks = model.blocks;
    const written = new Array<WrittenReference[] | null>(blocks.length);
    const firstRef = new Int32Array(blocks.length + 1);
    // Sized for the previous count and grown when needed.
    const rows = new ReferenceRows(before ? before.firstRef[before.firstRef.length - 1] + 16 : 64, model, idx, ctx);
    const memo = factsActive();
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      written[b] = null;
      firstRef[b] = rows.n;
      if (block.kind === 'code' || block.kind === 'html' || block.kind === 'heading') continue;
      const was = before ? previousBlockIndex(trace!, b) : -1;
      // What the block's text says is memoised per block while editing; resolving needs the model.
      const kept = was >= 0 ? before!.written[was] : null;
      // Outside an edit's review (a first review) there is nothing to memoise in: no closure per block.
      const refs = kept ?? (memo ? blockMemo(model, block, 'references', () => referencesIn(block.text)) : referencesIn(block.text));
      written[b] = refs;
      rows.add(block, refs, kept ? before : undefined, was, reuse, still);
    }
    const n = rows.n;
    firstRef[blocks.length] = n;
    table = {
      written, firstRef,
      resolved: { status: rows.status.slice(0, n), sections: rows.sections.slice(0, 3 * n), flags: rows.flags.slice(0, n) },
      kinds: rows.kinds.slice(0, n), tops: rows.tops.slice(0, n), watched: Int32Array.from(rows.watched), missingFound: Int32Array.from(rows.missingFound),
      clauseRefs: rows.clauseRefs, after: new Uint8Array(0), missing: [], built: new Map(), lost: 0,
    };
    resolvedHere = rows.resolvedHere;
    looked = rows.kept;
  }
  checkDocument(table, idx);
  tables.set(model, table);
  const n = table.firstRef[table.firstRef.length - 1];
  statsCache.set(model, { resolved: resolvedHere, taken: n - resolvedHere, looked, renumbered: renumberedRefs, numbersRead: read });
  return table;
}

/**
 * The table of a spliced model whose section tree reads as the previous model's: the previous
 * table's numbers for the blocks before the edit and after it, copied in bulk (typed-array set,
 * slice, concat; the blocks' first reference moved in one loop of integers); the re-parsed blocks'
 * references resolved; and of the kept references only those the previous table watched (see
 * ReferenceTable.watched) looked at again. Before, a 1 MB contract's references (6,500 in the
 * bench's, 20,000 in others) were copied one by one with their spans and each asked stillResolves,
 * on every keystroke (issue 13).
 */
function patchedTable(model: ContractModel, idx: NumberIndex, ctx: Context, before: ReferenceTable, trace: SpliceTrace, still: (k: number, base: string, parts: string[]) => boolean, force?: number[]): { table: ReferenceTable; resolvedHere: number; looked: number } {
  const { prefix, fresh, oldAfter } = trace;
  const blocks = model.blocks;
  const oldFirst = before.firstRef;
  const kPrefix = oldFirst[prefix];
  const kOldAfter = oldFirst[oldAfter];
  const oldN = oldFirst[oldFirst.length - 1];
  // The re-parsed blocks' references.
  const rows = new ReferenceRows(16, model, idx, ctx);
  const regionWritten = new Array<WrittenReference[] | null>(fresh);
  const regionFirst = new Int32Array(fresh);
  // A re-parsed block that reads as the block it replaced writes what that one wrote (nine of the
  // ten re-parsed blocks of a typical keystroke): taken over rather than read again.
  const unchanged = unchangedReparsed(model, trace);
  const wasWritten = before.written;
  for (let i = 0; i < fresh; i++) {
    const block = blocks[prefix + i];
    regionWritten[i] = null;
    regionFirst[i] = rows.n;
    if (block.kind === 'code' || block.kind === 'html' || block.kind === 'heading') continue;
    const same = unchanged[i];
    const refs = (same >= 0 ? wasWritten[same] : null) ?? blockMemo(model, block, 'references', () => referencesIn(block.text));
    regionWritten[i] = refs;
    rows.add(block, refs, undefined, -1, undefined, still);
  }
  const m = rows.n;
  const shift = kPrefix + m - kOldAfter;
  const n = oldN + shift;
  // One array filled in place: two slices and their concatenation made three as long as the document.
  const written = new Array<WrittenReference[] | null>(blocks.length);
  for (let b = 0; b < prefix; b++) written[b] = wasWritten[b];
  for (let i = 0; i < fresh; i++) written[prefix + i] = regionWritten[i];
  for (let b = prefix + fresh, o = oldAfter; b < blocks.length; b++, o++) written[b] = wasWritten[o];
  const firstRef = new Int32Array(blocks.length + 1);
  firstRef.set(oldFirst.subarray(0, prefix));
  for (let i = 0; i < fresh; i++) firstRef[prefix + i] = kPrefix + regionFirst[i];
  for (let b = prefix + fresh, o = oldAfter; b <= blocks.length; b++, o++) firstRef[b] = oldFirst[o] + shift;
  // Three pieces of each array: before the edit, the re-parsed blocks, after them.
  const was = before.resolved;
  const status = new Uint8Array(n);
  const sections = new Int32Array(3 * n);
  const flags = new Uint8Array(n);
  const kinds = new Uint8Array(n);
  const tops = new Int32Array(n);
  const pieces = (to: Uint8Array | Int32Array, from: Uint8Array | Int32Array, mine: Uint8Array | Int32Array, w: number): void => {
    to.set(from.subarray(0, w * kPrefix));
    to.set(mine.subarray(0, w * m), w * kPrefix);
    to.set(from.subarray(w * kOldAfter, w * oldN), w * (kPrefix + m));
  };
  pieces(status, was.status, rows.status, 1);
  pieces(sections, was.sections, rows.sections, 3);
  pieces(flags, was.flags, rows.flags, 1);
  pieces(kinds, before.kinds, rows.kinds, 1);
  pieces(tops, before.tops, rows.tops, 1);
  const table: ReferenceTable = {
    written, firstRef, resolved: { status, sections, flags }, kinds, tops,
    watched: new Int32Array(0), missingFound: new Int32Array(0), clauseRefs: 0, after: new Uint8Array(0), missing: [], built: new Map(), lost: 0,
  };
  // The clause-reference count without the replaced blocks' references, with the re-parsed ones'.
  let clauseRefs = before.clauseRefs + rows.clauseRefs;
  for (let k = kPrefix; k < kOldAfter; k++) if (before.kinds[k] && (was.status[k] === OK || was.status[k] === MISSING)) clauseRefs--;
  // The watched references outside the edit: each still resolves, or is resolved again.
  const watched: number[] = [];
  const changedMissing: number[] = [];
  let resolvedAgain = 0;
  let lookedAt = 0;
  const look = (old: number, forced: boolean): void => {
    lookedAt++;
    const k = old < kPrefix ? old : old + shift;
    const { block, ref: w, item } = locate(table, k);
    if (forced || !still(old, item.base, item.parts)) {
      const s0 = status[k];
      rows.resolveInto(status, sections, flags, k, blocks[block], w, item);
      resolvedAgain++;
      const s1 = status[k];
      if (kinds[k]) clauseRefs += (s1 === OK || s1 === MISSING ? 1 : 0) - (s0 === OK || s0 === MISSING ? 1 : 0);
      if ((s0 === MISSING) !== (s1 === MISSING)) changedMissing.push(k);
    }
    if (isWatched(flags[k], sections[3 * k], item.parts)) watched.push(k);
  };
  // In order, with the references to resolve again whatever they watch (renumberedReferences).
  const oldWatched = before.watched;
  const forced = force ?? [];
  let w = 0;
  let f = 0;
  const lookBelow = (limit: number): void => {
    for (;;) {
      const a = w < oldWatched.length && oldWatched[w] < limit ? oldWatched[w] : -1;
      const b = f < forced.length && forced[f] < limit ? forced[f] : -1;
      if (a < 0 && b < 0) return;
      if (b < 0 || (a >= 0 && a < b)) { look(a, false); w++; }
      else { look(b, true); f++; if (a === b) w++; }
    }
  };
  lookBelow(kPrefix);
  for (const k of rows.watched) watched.push(kPrefix + k);
  for (; w < oldWatched.length && oldWatched[w] < kOldAfter; w++);
  for (; f < forced.length && forced[f] < kOldAfter; f++);
  lookBelow(oldN);
  // Missing as resolve() found: the previous list moved, the re-parsed blocks', and the changes above.
  const missingFound: number[] = [];
  const oldMissing = before.missingFound;
  let q = 0;
  for (; q < oldMissing.length && oldMissing[q] < kPrefix; q++) missingFound.push(oldMissing[q]);
  for (const k of rows.missingFound) missingFound.push(kPrefix + k);
  for (; q < oldMissing.length && oldMissing[q] < kOldAfter; q++);
  for (; q < oldMissing.length; q++) missingFound.push(oldMissing[q] + shift);
  let missingList = Int32Array.from(missingFound);
  if (changedMissing.length) {
    const gone = new Set(changedMissing.filter((k) => status[k] !== MISSING));
    missingList = Int32Array.from(missingFound.filter((k) => !gone.has(k)).concat(changedMissing.filter((k) => status[k] === MISSING))).sort();
  }
  table.watched = Int32Array.from(watched);
  table.missingFound = missingList;
  table.clauseRefs = clauseRefs;
  return { table, resolvedHere: m + resolvedAgain, looked: lookedAt };
}

/**
 * Sanity checks, precision first. When most clause references do not resolve AND the document's own
 * numbering does not read as intact, the numbering was lost (text flattened from a PDF): report
 * none (numberingLost says so once). Where the numbering is intact, the references are stale and
 * each is reported. A missing number cited three times or more is a provision of some other
 * instrument ("Section 14(c)" of a statute). Reads the missing references only.
 */
function checkDocument(table: ReferenceTable, idx: NumberIndex): void {
  const n = table.firstRef[table.firstRef.length - 1];
  const after = new Uint8Array(n);
  const { resolved, kinds, missingFound } = table;
  let missingClauses: number[] = [];
  for (let i = 0; i < missingFound.length; i++) if (kinds[missingFound[i]]) missingClauses.push(missingFound[i]);
  let lost = 0;
  if (table.clauseRefs >= 4 && missingClauses.length > table.clauseRefs / 2 && !idx.numberingIntact) {
    for (const k of missingClauses) after[k] = 1;
    lost = missingClauses.length;
    missingClauses = [];
  }
  for (const k of missingClauses) if (resolved.flags[k] & 1) after[k] = 2;
  // Missing references of any kind, then those whose target is cited three times or more.
  const missing: number[] = [];
  for (let i = 0; i < missingFound.length; i++) if (after[missingFound[i]] === 0) missing.push(missingFound[i]);
  table.after = after;
  table.lost = lost;
  table.missing = missing;
  if (missing.length) {
    const targets = missing.map((k) => targetOf(table, k).toLowerCase());
    const counts = new Map<string, number>();
    for (const t of targets) counts.set(t, (counts.get(t) ?? 0) + 1);
    table.missing = missing.filter((k, i) => {
      if (counts.get(targets[i])! < 3) return true;
      after[k] = 3;
      return false;
    });
  }
}

/** The scratch reference of referenceTable, made ready to resolve another item. */
function reset(ref: ResolvedReference, word: string, kind: RefKind, it: WrittenReference['items'][number], from: number): ResolvedReference {
  ref.word = word; ref.target = it.target; ref.base = it.base; ref.parts = it.parts; ref.kind = kind; ref.from = from;
  ref.status = 'unchecked'; ref.section = undefined; ref.leafParent = undefined; ref.titled = undefined; ref.elsewhere = undefined;
  return ref;
}

/** The block holding reference k and the item it is, as written (one walk over the block's references). */
function locate(table: ReferenceTable, k: number): { block: number; ref: WrittenReference; item: WrittenReference['items'][number] } {
  const block = lastIndexAtOrBefore(table.firstRef, k);
  let i = table.firstRef[block];
  for (const ref of table.written[block]!) {
    for (const item of ref.items) {
      if (i === k) return { block, ref, item };
      i++;
    }
  }
  throw new Error(`reference ${k} not found`);
}

function targetOf(table: ReferenceTable, k: number): string {
  return locate(table, k).item.target;
}

/** Reference objects for the given indexes (null: all), with what the document-level checks changed. */
function materialised(model: ContractModel, table: ReferenceTable, which: number[] | null): ResolvedReference[] {
  const n = table.firstRef[table.firstRef.length - 1];
  const out: ResolvedReference[] = [];
  const one = (k: number): ResolvedReference => {
    let ref = table.built.get(k);
    if (!ref) {
      const { block, ref: w, item } = locate(table, k);
      const b = model.blocks[block];
      const span = { start: sourceOffsetAt(b, item.at), end: sourceOffsetAt(b, item.end - 1) + 1 };
      const targetSpan = { start: sourceOffsetAt(b, item.targetAt), end: sourceOffsetAt(b, item.targetAt + item.target.length - 1) + 1 };
      ref = { span, targetSpan, word: w.word, target: item.target, base: item.base, parts: item.parts, kind: w.kind, status: 'unchecked', from: model.blocks[block].section };
      takeResolution(model, table.resolved, k, ref);
      table.built.set(k, ref);
    }
    // What the document-level checks did (once per object).
    const a = table.after[k];
    if (a && ref.status === 'missing') {
      if (a === 1) { ref.status = 'unchecked'; ref.section = undefined; ref.leafParent = undefined; }
      else if (a === 2) { ref.status = 'external'; ref.section = undefined; }
      else { ref.status = 'unchecked'; ref.section = undefined; }
    }
    return ref;
  };
  if (which) for (const k of which) out.push(one(k));
  else for (let k = 0; k < n; k++) out.push(one(k));
  return out;
}

/** How many reference objects a model's review built (undefined outside an edit's review; for tests). */
export function referenceObjectsBuilt(model: ContractModel): number | undefined {
  return tables.get(model)?.built.size;
}

/**
 * How many of a model's references were resolved, how many took the previous model's resolution,
 * and how many of those kept were looked at one by one (for tests).
 */
export function referenceStats(model: ContractModel): ReferenceStats | undefined {
  return statsCache.get(model);
}
/**
 * renumbered: kept references looked at because they name a number or title an edit changed
 * (renumberedReferences); numbersRead: the kept references whose number it read to find them.
 */
interface ReferenceStats { resolved: number; taken: number; looked: number; renumbered: number; numbersRead: number }
const statsCache = new WeakMap<ContractModel, ReferenceStats>();

/**
 * What resolve() found for each reference, before the document-level checks change it: status,
 * section, leafParent and titled as section indexes (-1 for none), and flags (1: elsewhere, 2: it
 * asked numberWrittenInText).
 */
interface Resolutions { status: Uint8Array; sections: Int32Array; flags: Uint8Array }
const STATUSES: ResolvedReference['status'][] = ['ok', 'missing', 'external', 'unchecked'];

/**
 * Does reference k of the previous model, in a block the edit kept, resolve as it did? Only what
 * the edit touched can change it once the tree reads the same: the items "(b)" of the section it
 * found, when that section holds or borders re-parsed blocks, and the clause-start words when it
 * asked for its number among them.
 */
function stillResolves(model: ContractModel, was: Resolutions, k: number, base: string, parts: string[], dirtyFrom: number, dirtyTo: number, changed: Set<string> | undefined): boolean {
  if (was.flags[k] & 2 && (!changed || changed.has(base.toLowerCase()))) return false;
  const s = was.sections[3 * k];
  if (s >= 0 && parts.length) {
    const section = model.sections[s];
    if (section.firstBlock <= dirtyTo && section.lastBlock >= dirtyFrom) return false;
  }
  return true;
}

/** The previous resolution of reference k, on this model's sections; fields set in the order resolve() sets them. */
function takeResolution(model: ContractModel, was: Resolutions, k: number, ref: ResolvedReference): void {
  ref.status = STATUSES[was.status[k]];
  if (was.flags[k] & 1) ref.elsewhere = true;
  const leaf = was.sections[3 * k + 1];
  if (leaf >= 0) ref.leafParent = model.sections[leaf];
  const titled = was.sections[3 * k + 2];
  if (titled >= 0) ref.titled = model.sections[titled];
  const s = was.sections[3 * k];
  if (s >= 0) ref.section = model.sections[s];
}

interface Context {
  external: boolean;
  inAtt: RegExpExecArray | null;
  parenTitle?: string;
  titles: () => Map<string, Section>;
  /** Set when resolving asked numberWrittenInText. */
  askedText: boolean;
  /** hasItem's joined text of a section by its index, null when it writes no item mark. */
  itemTexts: Map<number, string | null>;
}

function resolve(model: ContractModel, idx: NumberIndex, ref: ResolvedReference, block: Block, ctx: Context): void {
  if (ctx.external) { ref.status = 'external'; return; }
  const sections = model.sections;
  if (ref.kind === 'attachment') {
    // "Exhibit 10.8": a filing label, not an attachment of this contract.
    if (ref.base.includes('.') || ref.parts.length) return;
    if (!idx.attachmentKinds.has(ref.word)) return; // the document holds no attachments of that kind
    const s = idx.attachments.get(`${ref.word} ${ref.base.toLowerCase()}`);
    if (s !== undefined) { ref.status = 'ok'; ref.section = sections[s]; return; }
    ref.status = 'missing';
    return;
  }
  if (!/^\d/.test(ref.base) && !/^[IVX]+$/.test(ref.base)) return; // "paragraph (a)", "Section A": unchecked
  // "paragraph 3 of Schedule 2": look inside that schedule, when it is in the document.
  let scope: Map<string, number> | undefined;
  if (ctx.inAtt) {
    const kind = ctx.inAtt[1].toLowerCase();
    const id = ctx.inAtt[2]?.toLowerCase();
    const att = id ? idx.attachments.get(`${kind} ${id}`) : sections[attachmentOf(model, block.section)]?.index;
    if (att === undefined) return;
    scope = idx.inAttachment.get(att);
    if (!scope || scope.size < 2) return;
  } else {
    const here = attachmentOf(model, block.section);
    // Inside a schedule, "paragraph 3" means the schedule's own paragraph 3 when it numbers them.
    const own = here >= 0 ? idx.inAttachment.get(here) : undefined;
    if (own && own.size >= 2 && (ref.word === 'paragraph' || own.has(ref.base))) scope = own;
    else {
      // The part of the body the reference stands in (see NumberIndex.parts).
      // Indexed: a first review resolves every reference before this is optimised, where for-of
      // allocates per step (issue 13).
      const parts = idx.parts;
      let part = parts[0];
      for (let i = 0; i < parts.length; i++) if (sections[parts[i].first].start <= block.start) part = parts[i];
      if (!part || part.count < 3) return;
      scope = part.numbers;
    }
  }
  const found = scope.get(ref.base) ?? (ref.word === 'paragraph' ? [...idx.inAttachment.values()].find((m) => m.has(ref.base))?.get(ref.base) : undefined);
  const s = found === undefined ? undefined : sections[found];
  // "clause 14" when only 14.1, 14.2 ... carry numbers (the heading of 14 lost its number).
  if (!s && numberPrefixes(scope).has(ref.base)) { ref.status = 'ok'; return; }
  if (!s) {
    // A number written inside a paragraph ("4.2 The Supplier ...") that the section builder did not keep as a section.
    ctx.askedText = true;
    if (numberWrittenInText(model, ref.base)) { ref.status = 'ok'; return; }
    ref.status = 'missing';
    // "Section 351(l)" in a contract of 15 clauses is a provision of a statute, and an amendment's
    // references are to the agreement it amends: not checked (after the majority guard has counted
    // them). Read only here, for a missing number: for every reference it was a regular expression
    // and a lookup each, in a first review that resolves thousands (issue 13).
    const top = Number(/^\d+/.exec(ref.base)?.[0] ?? NaN);
    if (top > 2 * idx.maxTop + 5 || amendsAnother(model)) { ref.elsewhere = true; return; }
    const parentNumber = ref.base.includes('.') ? ref.base.slice(0, ref.base.lastIndexOf('.')) : '';
    const parentIndex = parentNumber ? scope.get(parentNumber) : undefined;
    const parent = parentIndex === undefined ? undefined : sections[parentIndex];
    if (parent && !parent.children.some((c) => sections[c].number)) ref.leafParent = parent;
    // Sections by title only for a missing reference: building the title map is for the few.
    const titled = ctx.parenTitle ? ctx.titles().get(ctx.parenTitle.trim().toLowerCase()) : undefined;
    if (titled && titled.number) ref.titled = titled;
    return;
  }
  // The first sub-paragraph only, read without copying the list (once per reference).
  if (ref.parts.length > 0 && hasItem(model, s, ref.parts[0], ctx) === false) {
    ref.status = 'missing';
    ref.section = s;
    return;
  }
  ref.status = 'ok';
  ref.section = s;
}

/**
 * Every number that heads another number of a scope ("4" and "4.2" for "4.2.1"): whether some clause
 * is numbered under a reference's number is then one lookup, not a scan of the scope per reference.
 */
function numberPrefixes(scope: Map<string, number>): Map<string, number> {
  let out = prefixCache.get(scope);
  if (!out) {
    // Counted (how many numbers each heads), so that a scope patched for a changed number patches them (patchScope).
    out = new Map();
    for (const k of scope.keys()) for (let i = k.indexOf('.'); i >= 0; i = k.indexOf('.', i + 1)) {
      const p = k.slice(0, i);
      out.set(p, (out.get(p) ?? 0) + 1);
    }
    prefixCache.set(scope, out);
  }
  return out;
}
const prefixCache = new WeakMap<Map<string, number>, Map<string, number>>();

/** Is the document an amendment (whose references are to the agreement it amends)? Read once per model. */
function amendsAnother(model: ContractModel): boolean {
  let out = amendmentCache.get(model);
  if (out === undefined) {
    out = AMENDMENT.test(model.title) || (AMENDMENT.test(model.text.slice(0, 1500)) && AMENDING.test(model.text.slice(0, 6000)));
    amendmentCache.set(model, out);
  }
  return out;
}
const amendmentCache = new WeakMap<ContractModel, boolean>();

/**
 * Is the number written where a clause starts: at the start of a line, or after a run of spaces in
 * text flattened from a PDF ("4.2 The Supplier", "...Schedule C.   14.3 Termination")?
 */
export function numberWrittenInText(model: ContractModel, n: string): boolean {
  // A number of digits, letters and dots is looked up among the words written where a clause can
  // start (clause-starts.ts, kept per stretch of text between edits): one expression over the whole
  // text per reference to a missing number was most of the cross-reference check on a 100 KB contract.
  if (PLAIN_NUMBER.test(n)) {
    const starts = clauseStartWords(model);
    const key = n.toLowerCase();
    return starts.lineStart.has(key) || starts.afterSpaces.has(key);
  }
  const num = n.replace(/\./g, '\\.');
  const re = new RegExp(`(?:^|\\n)[ \\t>*#]*(?:(?:clause|section|article)\\s+)?${num}\\.?(?:\\s|$)|(?: {2,}|\\t)${num}\\.?\\s+[A-Z]`, 'i');
  return re.test(model.text);
}

const PLAIN_NUMBER = /^[0-9A-Za-z.]+$/;
