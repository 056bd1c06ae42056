/**
 * Source positions of a block's text, as the drafting checks read them. Every drafting extractor
 * maps an offset in `block.text` to the source through these two functions rather than indexing
 * `block.sourceOffsets` itself, so that the model can later keep a moved block's offsets relative
 * to a base (and shift them here) without the checks noticing (issue 13; see docs/performance.md).
 */
import type { Block, Span } from '../model';

/** The source offset of character `i` of the block's text. */
export function sourceOffsetAt(block: Block, i: number): number {
  return block.sourceOffsets[i];
}

/** The source span of the block's text [from, to) (`to` > `from`): up to just after its last character. */
export function sourceSpanOf(block: Block, from: number, to: number): Span {
  const o = block.sourceOffsets;
  return { start: o[from], end: o[to - 1] + 1 };
}

/**
 * The first character of the block's text (or its end, text.length) whose source offset is at or
 * after `offset`; -1 when there is none.
 */
export function firstIndexFrom(block: Block, offset: number): number {
  for (let i = 0; i <= block.text.length; i++) if (sourceOffsetAt(block, i) >= offset) return i;
  return -1;
}
