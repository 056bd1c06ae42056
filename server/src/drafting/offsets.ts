/**
 * Source positions of a block's text, as the drafting checks read them. Every drafting extractor
 * maps an offset in `block.text` to the source through these two functions rather than indexing
 * `block.sourceOffsets` itself: a moved block of the incremental model keeps its offsets relative
 * to a base and copies them only when `sourceOffsets` is read (model/offsetBlock.ts), and these
 * read one offset without that copy (issue 13; see docs/performance.md).
 */
import { sourceOffsetAt, type Block, type Span } from '../model';

export { sourceOffsetAt };

/** The source span of the block's text [from, to) (`to` > `from`): up to just after its last character. */
export function sourceSpanOf(block: Block, from: number, to: number): Span {
  return { start: sourceOffsetAt(block, from), end: sourceOffsetAt(block, to - 1) + 1 };
}

/**
 * The first character of the block's text (or its end, text.length) whose source offset is at or
 * after `offset`; -1 when there is none.
 */
export function firstIndexFrom(block: Block, offset: number): number {
  for (let i = 0; i <= block.text.length; i++) if (sourceOffsetAt(block, i) >= offset) return i;
  return -1;
}
