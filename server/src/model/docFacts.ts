import type { Block, CrossReference, DefinedTerm } from './types';
import { freshSectionStart, type SectionStart, type SectionStartOf } from './sections';
import { definedTermsInBlock } from './definedTerms';
import { crossReferencesInBlock } from './crossReferences';

/** A block's section start and where its section starts in the source (see buildSections). */
export type OpenedSection = { start: SectionStart; at: number };

/**
 * What one block contributes to the document-level model (the section it opens, the terms it
 * defines, the references it makes), read once and kept for as long as the block's text is
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
  private refs: CrossReference[] | undefined;

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

  crossReferences(block: Block): CrossReference[] {
    let rs = this.refs;
    if (rs === undefined) this.refs = rs = crossReferencesInBlock(block).map((r) => placeRef(r, this.at - block.start));
    const shift = block.start - this.at;
    return shift === 0 || !rs.length ? rs : rs.map((r) => placeRef(r, shift));
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

function placeRef(r: CrossReference, shift: number): CrossReference {
  return shift === 0 ? r : { kind: r.kind, target: r.target, start: r.start + shift, end: r.end + shift };
}
