import type { Block, Section, SectionKind, Span } from './types';
import { sourceOffsetAt } from './offsetBlock';
import { isMostlyUpper, titleCase } from './text';
import { isSpaceCode } from './name-search';
import { shrinkableWeakMap } from './weak-tables';
import { opensWithWord } from './word-gate';

/** What a block says about opening a section, if it opens one. */
export interface SectionStart {
  kind: Exclude<SectionKind, 'root'>;
  number?: string;
  title: string;
  titleSpan: Span;
  depth?: number;
}

// "4.2", "12.", "ARTICLE 5", "Section 3.1", "Clause 7" at the start of a block.
const NUMBER_PREFIX = /^(?:(article|section|clause|part)\s+)?((?:\d{1,3})(?:\.\d{1,3})*|[IVXLC]{1,6}(?=[.\s:-]))(\.?)(?:\s*[:\u2013\u2014-]\s+|\s+|[:-]\s*|$)/i;
/** What `/^(?:schedule|annex|appendix|exhibit|attachment)\b/i` matched, compared by code (model/word-gate.ts opensWithWord; issue 13, cold). */
const TRAILER_SCHEDULE_WORDS = ['schedule', 'annex', 'appendix', 'exhibit', 'attachment'];
const TRAILER_SIGNATURE = /^(?:signatures?|execution|signed\b|in witness whereof|agreed and accepted|executed\b)/i;

export function numberDepth(n: string): number {
  // n.split('.').length, counted without making the parts (issue 13: every numbered clause asked it
  // several times in a first review).
  let depth = 1;
  for (let i = n.indexOf('.'); i >= 0; i = n.indexOf('.', i + 1)) depth++;
  return depth;
}

/** Does this block open a section, and with what number and title? */
export function detectSectionStart(block: Block, usesMarkdownHeadings: boolean): SectionStart | null {
  if (block.quoted || block.kind === 'code' || block.kind === 'html' || block.kind === 'tableRow') return null;
  const text = block.text;
  const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
  const firstLine = text.slice(0, firstLineEnd);

  if (block.kind === 'heading') {
    const m = NUMBER_PREFIX.exec(firstLine);
    const number = m && (m[1] || /\d/.test(m[2]) || m[3]) ? m[2] : undefined;
    const titleStart = number && m ? m[0].length : 0;
    const title = cleanTitle(firstLine.slice(titleStart));
    return { kind: 'heading', number, title, titleSpan: spanIn(block, titleStart, firstLine.length), depth: block.depth };
  }

  // Paragraphs: ordered-list items and numbered clauses of text converted from Word or plain text.
  if (block.listNumber !== undefined) {
    const headingLike = looksLikeHeadingText(firstLine) && firstLineEnd === text.length;
    if (!usesMarkdownHeadings || headingLike) {
      const title = headingLike ? cleanTitle(firstLine) : leadingCapsTitle(text);
      const markerStart = Math.max(0, block.start - 0);
      return {
        kind: 'numbered',
        number: block.listNumber,
        title,
        titleSpan: title ? spanIn(block, 0, headingLike ? firstLine.length : title.length) : { start: markerStart, end: spanIn(block, 0, firstLine.length).end },
      };
    }
    return null;
  }

  const m = NUMBER_PREFIX.exec(firstLine);
  if (m) {
    const number = m[2];
    const hasWord = Boolean(m[1]);
    const multiLevel = number.includes('.');
    // A bare "5 " could be a quantity ("5 business days..."): only multi-level numbers, a trailing
    // dot or an ARTICLE/SECTION word make a clause number.
    if (hasWord || multiLevel || m[3] === '.' || /^[IVXLC]+$/.test(number)) {
      const rest = text.slice(m[0].length);
      const restFirstLine = firstLine.slice(m[0].length);
      if (/^[IVXLC]+$/.test(number) && !hasWord && !looksLikeHeadingText(restFirstLine)) return null;
      if (!hasWord && !multiLevel && usesMarkdownHeadings && !looksLikeHeadingText(restFirstLine)) return null;
      const headingLike = looksLikeHeadingText(restFirstLine) && firstLineEnd === text.length;
      const title = headingLike ? cleanTitle(restFirstLine) : leadingCapsTitle(rest);
      const tStart = m[0].length;
      return {
        kind: 'numbered',
        number: m[1] && !/\d/.test(number) ? number : number,
        title,
        titleSpan: title ? spanIn(block, tStart, tStart + (headingLike ? restFirstLine.length : title.length)) : spanIn(block, 0, Math.min(firstLine.length, tStart + 40)),
      };
    }
  }

  // An upper-case line on its own ("GOVERNING LAW") is a heading in plain-text contracts; so is a
  // short Title Case line ("Included Monthly Services") when the document has no Markdown headings.
  if (firstLineEnd === text.length && looksLikeHeadingText(text) && (isMostlyUpper(text) || (!usesMarkdownHeadings && isPlainTitleLine(text)))) {
    return { kind: 'caps', title: cleanTitle(text), titleSpan: spanIn(block, 0, text.length) };
  }
  return null;
}

/** The source span of a block's text [a, b) (a function, not a closure made per block read: most open no section; issue 13). */
function spanIn(block: Block, a: number, b: number): Span {
  return { start: sourceOffsetAt(block, a), end: sourceOffsetAt(block, Math.max(a, b - 1)) + (b > a ? 1 : 0) };
}

/** Short text without a full stop inside: reads as a heading rather than a sentence. */
function looksLikeHeadingText(s: string): boolean {
  const t = s.trim();
  if (t.length === 0 || t.length > 90) return false;
  // The words as t.split(/\s+/) gives them (t is trimmed: runs of other characters), read in place:
  // this runs on the first line of every paragraph, and the words, their array and two filtered
  // copies were made for each (issue 13, clialloc).
  let words = 0;
  let significant = 0;
  let capitalised = 0;
  for (let i = 0; i < t.length;) {
    let j = i + 1;
    while (j < t.length && !isSpaceCode(t.charCodeAt(j))) j++;
    words++;
    const c = t.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    if ((upper || (c >= 97 && c <= 122)) && !(j - i <= 4 && isLinkWordAt(t, i))) {
      significant++;
      if (upper) capitalised++;
    }
    i = j + 1;
    while (i < t.length && isSpaceCode(t.charCodeAt(i))) i++;
  }
  if (words > 12) return false;
  if (/[;,]$/.test(t)) return false;
  if (/\.\s+\S/.test(t)) return false; // two sentences
  if (isMostlyUpper(t)) return true;
  // Title Case: most words capitalised, and no obligation verbs.
  if (/\b(shall|will|must|may|means|is|are)\b/.test(t)) return false;
  return significant > 0 && capitalised / significant >= 0.75;
}

/** Is the word at i (ending at white space or the text's end) one of the small words a title leaves in lower case? */
function isLinkWordAt(t: string, i: number): boolean {
  LINK_WORD.lastIndex = i;
  return LINK_WORD.test(t);
}
// /^(and|or|of|the|to|for|in|on|by|with|a|an|at)$/i on the word, read in place (none is longer than 4).
const LINK_WORD = /(?:and|or|of|the|to|for|in|on|by|with|a|an|at)(?=\s|$)/iy;

/** How many words t.split(/\s+/) gives for a trimmed text (1 for an empty one). */
function wordCount(t: string): number {
  let n = 1;
  for (let i = 1; i < t.length; i++) if (isSpaceCode(t.charCodeAt(i)) && !isSpaceCode(t.charCodeAt(i - 1))) n++;
  return n;
}

/** A short Title Case line with no sentence punctuation, digits or contact details. */
function isPlainTitleLine(s: string): boolean {
  const t = s.trim();
  const words = wordCount(t);
  return words >= 1 && words <= 7 && t.length <= 60 && !/[.,;:!?@\d()]/.test(t) && /^[A-Z]/.test(t);
}

/** "INCLUDED SERVICES. It is agreed..." -> "INCLUDED SERVICES" (titles run into the clause text). */
function leadingCapsTitle(s: string): string {
  // A stop or colon before white space or the text's end (the expression once read `s + ' '`, a copy of the text).
  const m = /^((?:[A-Z][A-Z'&/,-]*\s+){0,8}[A-Z][A-Z'&/-]+)[.:](?:\s|$)/.exec(s);
  if (m && isMostlyUpper(m[1]) && m[1].replace(/[^A-Z]/g, '').length >= 4) return m[1];
  // "Governing Law. This Agreement is governed..." (bold run-in titles)
  const t = /^((?:(?:[A-Z][\w'&/,-]*|and|or|of|the|to|for|in|on|by|with)\s+){0,7}[A-Z][\w'&/-]*)\.\s+(?:[A-Z("\u201C]|$)/.exec(s);
  if (t && looksLikeHeadingText(t[1]) && t[1].split(/\s+/).length <= 8) return t[1];
  return '';
}

function cleanTitle(s: string): string {
  return titleCase(s.replace(/[.:]\s*$/, '').replace(/\s+/g, ' ').trim());
}

export function trailerKind(title: string): Section['trailer'] {
  if (opensWithWord(title, 0, TRAILER_SCHEDULE_WORDS, true)) return 'schedule';
  if (TRAILER_SIGNATURE.test(title)) return 'signature';
  return null;
}

/**
 * Builds the section tree. Markdown headings nest by depth; numbered clauses nest by their number
 * ("4.2" sits under "4"), and under the nearest unnumbered heading when no numbered parent exists.
 */
export function buildSections(blocks: Block[], text: string, usesMarkdownHeadings: boolean, startOf: SectionStartOf = freshSectionStart): Section[] {
  const textLength = text.length;
  const root: Section = {
    index: 0, parent: -1, children: [], kind: 'root', level: 0, title: '', headingBlock: -1,
    titleSpan: { start: 0, end: 0 }, start: 0, end: textLength, firstBlock: 0, lastBlock: blocks.length, trailer: null,
  };
  const sections: Section[] = [root];
  const stack: Section[] = [root];

  // Indexed: a for-of loop allocates a result object per step until it is optimised (issue 13).
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const opened = startOf(block, usesMarkdownHeadings, text);
    if (opened) {
      const start = opened.start;
      const level = levelFor(start, stack);
      while (stack.length > 1 && stack[stack.length - 1].level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      const section: Section = {
        index: sections.length, parent: parent.index, children: [], kind: start.kind, level,
        number: start.number, title: start.title, headingBlock: block.index, titleSpan: start.titleSpan,
        start: opened.at, end: textLength, firstBlock: block.index, lastBlock: blocks.length,
        trailer: trailerKind(start.title),
      };
      parent.children.push(section.index);
      sections.push(section);
      stack.push(section);
    }
    block.section = stack[stack.length - 1].index;
  }

  // A section ends where the next section at its level or above begins.
  for (let i = 1; i < sections.length; i++) {
    const s = sections[i];
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j].level <= s.level) {
        s.end = sections[j].start;
        s.lastBlock = sections[j].headingBlock;
        break;
      }
    }
  }
  // Trailers are inherited: a sub-section of a schedule is part of the schedule.
  for (let i = 1; i < sections.length; i++) {
    const s = sections[i];
    if (!s.trailer && s.parent > 0 && sections[s.parent].trailer) s.trailer = sections[s.parent].trailer;
  }
  return sections;
}

/** A block's section start and where the section really starts (see markerStart), or null. */
export type SectionStartOf = (block: Block, usesMarkdownHeadings: boolean, text: string) => { start: SectionStart; at: number } | null;

/** The section start of a block read afresh (the incremental model passes one that remembers it). */
export function freshSectionStart(block: Block, usesMarkdownHeadings: boolean, text: string): { start: SectionStart; at: number } | null {
  const start = detectSectionStart(block, usesMarkdownHeadings);
  return start && { start, at: markerStart(text, block.start) };
}

/** What levelFor reads of a section on the stack. */
type StackEntry = Pick<Section, 'kind' | 'number' | 'level'>;

function levelFor(start: Pick<SectionStart, 'kind' | 'number' | 'depth'>, stack: readonly StackEntry[]): number {
  if (start.kind === 'heading') return start.depth ?? 1;
  if (start.kind === 'caps') {
    // An upper-case line sits one below the nearest Markdown heading, or at the top in plain text.
    for (let i = stack.length - 1; i > 0; i--) if (stack[i].kind === 'heading') return stack[i].level + 1;
    return 1;
  }
  const n = start.number!;
  const depth = /\d/.test(n) ? numberDepth(n) : 1;
  for (let i = stack.length - 1; i >= 0; i--) {
    const s = stack[i];
    if (s.kind === 'root') return depth;
    if (s.number && /\d/.test(s.number)) {
      const sDepth = numberDepth(s.number);
      if (n.length > s.number.length && n.charCodeAt(s.number.length) === 46 && n.startsWith(s.number)) return s.level + (depth - sDepth);
      if (sDepth === depth) return s.level;
      if (sDepth > depth) continue;
      return s.level + (depth - sDepth);
    }
    if (s.kind === 'heading' || s.kind === 'caps') return s.level + 1;
  }
  return depth;
}

/**
 * Where a section really starts: a list item's paragraph begins after its "12. " marker and a
 * heading's text after its "##", so the section starts at the line start when only markers,
 * quote marks and spaces stand before the block on its line.
 */
function markerStart(text: string, blockStart: number): number {
  const lineStart = text.lastIndexOf('\n', blockStart - 1) + 1;
  return /^[\s>#*+-]*(?:\d{1,9}[.)])?[\s>]*$/.test(text.slice(lineStart, blockStart)) ? lineStart : blockStart;
}

/**
 * The index of the first section (not the root) whose heading is at or after `block`, or
 * sections.length: found by halving, since in a long document most sections lie before an edit.
 * Sections are in block order, so the sections an edit's re-parsed blocks open start here.
 */
export function firstSectionFrom(sections: readonly Section[], block: number): number {
  let lo = 1;
  for (let hi = sections.length; lo < hi;) {
    const mid = (lo + hi) >>> 1;
    if (sections[mid].headingBlock < block) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What an edit changed, for reusedSections: the previous model's sections and blocks, and which of
 * its blocks, [firstBlock, afterBlock), were replaced by `fresh` re-parsed blocks, `delta`
 * characters longer or shorter.
 */
export interface SectionReuse {
  sections: Section[];
  blocks: Block[];
  usesMarkdownHeadings: boolean;
  firstBlock: number;
  afterBlock: number;
  fresh: number;
  delta: number;
}

/**
 * What a splice that took the previous section tree over (reusedSections) changed in it, for the
 * passes that read a spliced model's sections (issue 13). Read it with model/trace.ts
 * sectionChangesOf(model) while the model's splice trace is kept (during its review). When a model
 * has one, its tree has the previous tree's shape: the same number of sections, and each section
 * the same parent, children, kind, level and trailer, opened by the block its previous heading block
 * became (before the edit the same index, after it moved by `blockShift`, or a re-parsed one). Only
 * the sections the re-parsed blocks open, [first, after), can differ otherwise, and of those only
 * in their number and title (and positions): the ones whose number or title changed are listed.
 * A model without one had its tree built afresh (or was not spliced): compare it yourself.
 */
export interface SectionChanges {
  /** The sections the re-parsed blocks open: indexes [first, after), in block order. */
  first: number;
  after: number;
  /** How many blocks the edit added (negative: removed); a section after the edit opens this many blocks later. */
  blockShift: number;
  /** Indexes, ascending, of the sections whose number changed (a number typed into, deleted from or changed in a heading or clause). */
  renumbered: readonly number[];
  /** Indexes, ascending, of the sections whose title changed. */
  retitled: readonly number[];
}

/**
 * Whether, in a tree taken over with `changes`, every block from block `from` on is under the same
 * titles as before (each section on its path kept its title): no retitled section reaches it. A
 * section's blocks, its sub-sections' included, are [headingBlock, lastBlock).
 */
export function titlesKeptFrom(sections: readonly Section[], changes: SectionChanges, from: number): boolean {
  for (const r of changes.retitled) if (sections[r].lastBlock > from) return false;
  return true;
}

// Keyed by the tree reusedSections returned; the splice moves it onto the model's trace.
const changesOf = new WeakMap<Section[], SectionChanges>();

/** What reusedSections changed in the tree it returned (model/incremental.ts puts it on the splice trace). */
export function sectionChangesOfTree(sections: Section[]): SectionChanges | undefined {
  return changesOf.get(sections);
}

/**
 * The section tree of a spliced model taken over from the previous model's when the re-parsed
 * blocks open the same sections as the blocks they replace (kind, heading depth, a title of the same
 * trailer kind, and a number that leaves every level as it was), as they do for almost every
 * keystroke: the tree's shape, levels and trailers are then those of before, and only positions and
 * the re-parsed sections' titles and numbers change. Sections wholly before the edit are the
 * previous objects; the others are copies with their positions moved. Sets block.section as
 * buildSections does for the re-parsed blocks; the blocks before them must be the previous model's
 * and those after them copies that kept their section (OffsetBlock.movedTo), as the splice makes
 * them. Returns null (build afresh) when the edit opens or closes a section, renames one into or out
 * of a schedule or the signatures, or changes a number in a way that could move a section to
 * another level (see numbersKeepLevels). What changed is noted (SectionChanges). The result equals
 * buildSections' (test/engine/incremental.test.ts compares the trees after every random edit, one
 * of its properties with frequent edits of heading and clause numbers).
 */
export function reusedSections(blocks: Block[], text: string, usesMarkdownHeadings: boolean, startOf: SectionStartOf, reuse: SectionReuse): Section[] | null {
  const { sections: old, firstBlock, afterBlock, fresh, delta } = reuse;
  if (usesMarkdownHeadings !== reuse.usesMarkdownHeadings) return null;
  const blockShift = fresh - (afterBlock - firstBlock);
  // Sections the replaced blocks opened: [sFirst, sAfter), in block order (found by halving: the
  // sections before the edit are most of a long document's).
  const sFirst = firstSectionFrom(old, firstBlock);
  let sAfter = sFirst;
  while (sAfter < old.length && old[sAfter].headingBlock < afterBlock) sAfter++;
  const opened: Array<{ start: SectionStart; at: number; block: number }> = [];
  let renumbered: number[] | null = null;
  let retitled: number[] | null = null;
  for (let b = firstBlock; b < firstBlock + fresh; b++) {
    const o = startOf(blocks[b], usesMarkdownHeadings, text);
    if (!o) continue;
    const i = sFirst + opened.length;
    const was = old[i];
    if (i >= sAfter || was.kind !== o.start.kind || (was.kind === 'heading' && was.level !== (o.start.depth ?? 1))) return null;
    // A retitled section (typing in a heading) keeps its place in the tree: levels follow from kinds,
    // numbers and depths. Its trailer, which its sub-sections inherit, must stay the same.
    if (was.title !== o.start.title) {
      if (trailerKind(was.title) !== trailerKind(o.start.title)) return null;
      (retitled ??= []).push(i);
    }
    // A renumbered one too, when no level changes with the number (checked below, once all are known).
    if (was.number !== o.start.number) (renumbered ??= []).push(i);
    opened.push({ start: o.start, at: o.at, block: b });
  }
  if (sFirst + opened.length !== sAfter) return null;

  const n = old.length;
  // Each section ends where the next section at its level or above begins: the same one as before,
  // the shape being unchanged, so that successor is worked out once per shape and handed on.
  const next = sectionSuccessors(old);
  // A numbered clause's or upper-case line's level follows from the sections above it, which are
  // unchanged unless a number changed.
  if (renumbered && !numbersKeepLevels(old, next, sFirst, opened, renumbered)) return null;
  const textLength = text.length;
  const lastBlockAtEnd = blocks.length;
  // A section before the edit whose successor is too (so not an ancestor of the last section before
  // the edit) keeps its place and its end: the previous object, copied over with the list.
  const out: Section[] = old.slice();
  const root = old[0];
  out[0] = {
    index: 0, parent: -1, children: root.children, kind: 'root', level: 0, title: '', headingBlock: -1,
    titleSpan: root.titleSpan, start: 0, end: textLength, firstBlock: 0, lastBlock: lastBlockAtEnd, trailer: null,
  };
  // Where section j now starts and which block opens it, read without building per-section arrays
  // (issue 13: this runs per keystroke over every section): before the edit as before, re-parsed as
  // opened, after it moved.
  const startAt = (j: number): number => (j < sFirst ? old[j].start : j < sAfter ? opened[j - sFirst].at : old[j].start + delta);
  const headingAt = (j: number): number => (j < sFirst ? old[j].headingBlock : j < sAfter ? opened[j - sFirst].block : old[j].headingBlock + blockShift);
  const place = (i: number): void => {
    const s = old[i];
    const j = next[i];
    const end = j < 0 ? textLength : startAt(j);
    const lastBlock = j < 0 ? lastBlockAtEnd : headingAt(j);
    const start = startAt(i);
    const headingBlock = headingAt(i);
    let titleSpan = s.titleSpan;
    let title = s.title;
    let number = s.number;
    if (i >= sFirst && i < sAfter) {
      // A re-parsed section that did not change keeps the previous object (title span equal by value).
      ({ titleSpan, title, number } = opened[i - sFirst].start);
      if (titleSpan.start === s.titleSpan.start && titleSpan.end === s.titleSpan.end) titleSpan = s.titleSpan;
    }
    else if (i >= sAfter && delta !== 0) titleSpan = { start: titleSpan.start + delta, end: titleSpan.end + delta };
    if (start === s.start && end === s.end && headingBlock === s.headingBlock && lastBlock === s.lastBlock && titleSpan === s.titleSpan && title === s.title && number === s.number) return;
    // The fields in buildSections' order, so the objects share one shape.
    out[i] = {
      index: i, parent: s.parent, children: s.children, kind: s.kind, level: s.level,
      number, title, headingBlock, titleSpan,
      start, end, firstBlock: headingBlock, lastBlock,
      trailer: s.trailer,
    };
  };
  // Before the edit, only the sections still open there can end elsewhere: the last one and its ancestors.
  for (let i = sFirst - 1; i > 0; i = old[i].parent) place(i);
  for (let i = sFirst; i < sAfter; i++) place(i);
  // After the re-parsed sections, each section and its successor moved by the same amounts, so its
  // own fields are shifted as they are, without looking its successor up (this is the per-keystroke
  // loop over about half of a long document's sections). Unmoved (an edit of the same length that
  // adds no block), they are the previous objects, as `place` would find.
  if (delta !== 0 || blockShift !== 0) for (let i = sAfter; i < n; i++) out[i] = movedSection(old[i], i, delta, blockShift);
  successorsOf.set(out, next);

  // block.section: a re-parsed block is in the section it opens, else in its predecessor's. The
  // others keep theirs, section indexes being unchanged: a block before the edit is the previous
  // model's object, one after it a copy that took its section over (OffsetBlock.movedTo), so this
  // is not a pass over every block.
  let k = 0;
  for (let b = firstBlock; b < firstBlock + fresh; b++) {
    if (k < opened.length && opened[k].block === b) blocks[b].section = sFirst + k++;
    else blocks[b].section = b > 0 ? blocks[b - 1].section : 0;
  }
  changesOf.set(out, { first: sFirst, after: sAfter, blockShift, renumbered: renumbered ?? NONE, retitled: retitled ?? NONE });
  return out;
}
const NONE: readonly number[] = Object.freeze([]);

/**
 * A section after the edit, in a tree taken over: its successor is after the edit too, so its end
 * and last block move with its start and heading block (the text's end and the block count, for a
 * section that runs to the end, move by the same amounts). The fields in buildSections' order, so
 * the objects share one shape; the title span is the previous object when no character moved.
 */
function movedSection(s: Section, index: number, delta: number, blockShift: number): Section {
  const span = s.titleSpan;
  return {
    index, parent: s.parent, children: s.children, kind: s.kind, level: s.level,
    number: s.number, title: s.title, headingBlock: s.headingBlock + blockShift,
    titleSpan: delta === 0 ? span : { start: span.start + delta, end: span.end + delta },
    start: s.start + delta, end: s.end + delta, firstBlock: s.firstBlock + blockShift, lastBlock: s.lastBlock + blockShift,
    trailer: s.trailer,
  };
}

/**
 * Whether the new numbers of the `renumbered` sections (re-parsed, opened as `opened` says, the first
 * of which is section sFirst) leave every section at its previous level, the tree's shape then being
 * the previous one. A Markdown heading's level is its depth, whatever its number; a numbered
 * clause's follows from its number's depth and the numbers on the stack above it (levelFor). So the
 * levels to check are those of the renumbered clauses themselves and of every numbered clause that
 * opens while a renumbered section is on the stack: its descendants and the section that ends it.
 * Each is worked out as buildSections would, on the previous tree's stack with the new numbers; by
 * induction over the sections in order, where every level before a section is unchanged, so is its
 * stack. Proportional to the renumbered sections' subtrees, not to the document.
 */
function numbersKeepLevels(old: Section[], next: Int32Array, sFirst: number, opened: ReadonlyArray<{ start: SectionStart }>, renumbered: readonly number[]): boolean {
  const sAfter = sFirst + opened.length;
  const numberOf = (j: number): string | undefined => (j >= sFirst && j < sAfter ? opened[j - sFirst].start.number : old[j].number);
  const stack: StackEntry[] = [];
  // The level numbered clause j gets: the stack is its predecessor and that one's ancestors.
  const levelAt = (j: number): number => {
    stack.length = 0;
    for (let i = j - 1; i >= 0; i = old[i].parent) stack.push({ kind: old[i].kind, number: numberOf(i), level: old[i].level });
    stack.reverse();
    return levelFor({ kind: 'numbered', number: numberOf(j) }, stack);
  };
  let checked = 0;
  for (const r of renumbered) {
    const last = next[r] < 0 ? old.length - 1 : next[r];
    for (let j = Math.max(r, checked + 1); j <= last; j++) {
      if (old[j].kind === 'numbered' && levelAt(j) !== old[j].level) return false;
    }
    checked = Math.max(checked, last);
  }
  return true;
}

// Shrinkable: one entry per model version alive.
const successorsOf = shrinkableWeakMap<Section[], Int32Array>();

/**
 * For each section, the index of the next section at its level or above (-1: none), where it ends.
 * Worked out once per tree shape: a tree taken over (reusedSections) has the shape of the one it
 * came from and is entered with the same array.
 */
export function sectionSuccessors(sections: Section[]): Int32Array {
  let next = successorsOf.get(sections);
  if (next) return next;
  const n = sections.length;
  next = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (let i = n - 1; i >= 1; i--) {
    while (stack.length && sections[stack[stack.length - 1]].level > sections[i].level) stack.pop();
    if (stack.length) next[i] = stack[stack.length - 1];
    stack.push(i);
  }
  successorsOf.set(sections, next);
  return next;
}
