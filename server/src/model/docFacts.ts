import type { Block, DefinedTerm, Section } from './types';
import { firstSectionFrom, freshSectionStart, type SectionReuse, type SectionStart, type SectionStartOf } from './sections';
import { definedTermsInBlock, isDefinitionsTitle, sectionInDefinitions, termsDependOnSection } from './definedTerms';

/** A block's section start and where its section starts in the source (see buildSections). */
export type OpenedSection = { start: SectionStart; at: number };

/**
 * What one block contributes to the document-level model (the section it opens, the terms it
 * defines), read once and kept for as long as the block's text is
 * unchanged. The incremental model (model/incremental.ts) keeps one per block, parallel to the
 * block list, so an edit re-reads only the blocks it re-parsed: a block after the edit is only
 * moved, and what it contributes is shifted with it rather than read again (issue 13).
 *
 * Every position is kept as it was when the block was read, at `at` (the block's start then); a
 * moved block's positions are these plus (block.start - at). The remembered facts are pure functions of the block's text and kind and of
 * the flag they are keyed by, like the full parse's, so the model equals a fresh parse.
 */
export class BlockDocFacts {
  private opened: [OpenedSection | null | undefined, OpenedSection | null | undefined] = [undefined, undefined];
  private terms: [DefinedTerm[] | undefined, DefinedTerm[] | undefined] = [undefined, undefined];

  constructor(readonly at: number) {}

  /** The section this block opens with the document's heading style, placed where the block now is. */
  sectionStart(block: Block, usesMarkdownHeadings: boolean, text: string): OpenedSection | null {
    const k = usesMarkdownHeadings ? 1 : 0;
    let o = this.opened[k];
    if (o === undefined) {
      o = freshSectionStart(block, usesMarkdownHeadings, text);
      this.opened[k] = o && shiftOpened(o, this.at - block.start);
    }
    const shift = block.start - this.at;
    return o && (shift === 0 ? o : shiftOpened(o, shift));
  }

  /** The terms the block defines (some depend on its being in a definitions section). */
  definedTerms(block: Block, inDefinitions: boolean): DefinedTerm[] {
    const k = inDefinitions ? 1 : 0;
    let ts = this.terms[k];
    if (ts === undefined) this.terms[k] = ts = definedTermsInBlock(block, inDefinitions).map((t) => placeTerm(t, this.at - block.start, -1));
    return ts.length ? ts.map((t) => placeTerm(t, block.start - this.at, block.index)) : ts;
  }
}

/** buildSections' reader of section starts through the blocks' kept facts. */
export function keptSectionStarts(facts: BlockDocFacts[]): SectionStartOf {
  return (block, usesMarkdownHeadings, text) => facts[block.index].sectionStart(block, usesMarkdownHeadings, text);
}

function shiftOpened(o: OpenedSection, shift: number): OpenedSection {
  if (shift === 0) return o;
  const span = o.start.titleSpan;
  return { start: { ...o.start, titleSpan: { start: span.start + shift, end: span.end + shift } }, at: o.at + shift };
}

/** A kept term placed at a block's position (the same object when nothing moved); `block` -1 keeps the index. */
function placeTerm(t: DefinedTerm, shift: number, block: number): DefinedTerm {
  if (shift === 0 && (block < 0 || block === t.block)) return t;
  return {
    term: t.term,
    span: shift === 0 ? t.span : { start: t.span.start + shift, end: t.span.end + shift },
    definition: t.definition,
    block: block < 0 ? t.block : block,
    style: t.style,
  };
}

/**
 * What the splice of a model tells assembleModel: the previous model's parts, and which of its
 * blocks, [firstBlock, afterBlock), `fresh` re-parsed blocks replaced (model/sections.ts).
 */
export interface ModelReuse extends SectionReuse {
  definedTerms: DefinedTerm[];
  /** The previous model's topSectionDepth: a function of the section tree's shape, kept with it. */
  topSectionDepth: number | null;
}

/**
 * findDefinedTerms through the blocks' kept facts. With `reuse` (the section tree was taken over),
 * the previous model's terms of the blocks before the edit are taken as they are and those after it
 * moved, instead of visiting every block: only the re-parsed blocks are asked. That holds while no
 * section the edit re-parsed became or stopped being a definitions section (whether a block is in
 * one follows from the titles above it); otherwise every block is asked.
 */
export function keptDefinedTerms(blocks: Block[], sections: Section[], kept: BlockDocFacts[], reuse?: ModelReuse): DefinedTerm[] {
  const inDefinitions = sectionsInDefinitions(sections);
  const termsOf = (block: Block) => kept[block.index].definedTerms(block, termsDependOnSection(block) && inDefinitions(block.section));
  if (reuse && sameDefinitionSections(sections, reuse)) {
    const { definedTerms: old, firstBlock, afterBlock, fresh, delta } = reuse;
    const blockShift = fresh - (afterBlock - firstBlock);
    const terms = old.slice(0, firstAtOrAfter(old, (t) => t.block, firstBlock));
    for (let b = firstBlock; b < firstBlock + fresh; b++) for (const t of termsOf(blocks[b])) terms.push(t);
    for (let i = firstAtOrAfter(old, (t) => t.block, afterBlock); i < old.length; i++) terms.push(placeTerm(old[i], delta, old[i].block + blockShift));
    return terms;
  }
  const terms: DefinedTerm[] = [];
  for (const block of blocks) {
    const ts = termsOf(block);
    for (let i = 0; i < ts.length; i++) terms.push(ts[i]);
  }
  return terms;
}

/** Whether a section is (under) a definitions section, worked out once per section asked. */
function sectionsInDefinitions(sections: Section[]): (section: number) => boolean {
  const known: Array<boolean | undefined> = [];
  return (section) => {
    let d = known[section];
    if (d === undefined) known[section] = d = sectionInDefinitions(section, sections);
    return d;
  };
}

/**
 * Is every section opened by the re-parsed blocks a definitions section exactly when it was before
 * (the tree being taken over, so section i is the previous section i)? A title typed in, as most
 * edits of a heading are, leaves that so, and with it every block's terms. Only the re-parsed
 * blocks' sections are looked at; they lie in [firstBlock, firstBlock + fresh) in block order.
 */
function sameDefinitionSections(sections: Section[], reuse: ModelReuse): boolean {
  const old = reuse.sections;
  if (old.length !== sections.length) return false;
  const end = reuse.firstBlock + reuse.fresh;
  // The re-parsed sections form one run of indexes; start at the first whose heading is not before the edit.
  for (let i = firstSectionFrom(sections, reuse.firstBlock); i < sections.length && sections[i].headingBlock < end; i++) {
    const title = sections[i].title;
    const was = old[i].title;
    if (title !== was && isDefinitionsTitle(title) !== isDefinitionsTitle(was)) return false;
  }
  return true;
}

/** The first index whose key is at least `at`, in a list sorted by key. */
function firstAtOrAfter<T>(list: T[], key: (x: T) => number, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
