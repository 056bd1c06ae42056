import type { Block, BlockKind, Sentence } from './types';
import type { RawBlock } from './markdown';
import { shrinkableWeakMap } from './weak-tables';

/**
 * A block of the incremental model (model/incremental.ts). Its source offsets are kept as the array
 * they were read into (`base`, shared with the parse cache or the block it was moved from) plus how
 * far the block has moved since (`shift`), and copied only when something reads `sourceOffsets`.
 * An edit moves every block after it, and copying each one's offsets was the largest part of
 * splicing a 1 MB model (issue 13; docs/performance.md). Readers that want a few offsets call
 * sourceOffsetAt, which never copies.
 *
 * Every block of a spliceable model is one of these, with its fields set in one order, so code that
 * reads blocks sees the same shape whether a block was re-parsed, moved or kept.
 */
export class OffsetBlock implements Block {
  index: number;
  kind: BlockKind;
  start: number;
  end: number;
  text: string;
  quoted: boolean;
  section: number;
  sentences: Sentence[];
  declare depth?: number;
  declare listNumber?: string;
  #base: Int32Array;
  #shift: number;
  #copy: Int32Array | null;

  constructor(index: number, kind: BlockKind, start: number, end: number, text: string, quoted: boolean, sentences: Sentence[], base: Int32Array, shift: number) {
    this.index = index;
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.text = text;
    this.quoted = quoted;
    this.section = 0;
    this.sentences = sentences;
    this.#base = base;
    this.#shift = shift;
    this.#copy = shift === 0 ? base : null;
  }

  /** A parsed block whose offsets are `raw`'s plus `shift` (a chunk-local parse placed in the document). */
  static fromRaw(raw: RawBlock, index: number, shift: number): OffsetBlock {
    const b = new OffsetBlock(index, raw.kind, raw.start + shift, raw.end + shift, raw.text, raw.quoted, [], raw.sourceOffsets, shift);
    copyOptional(raw, b);
    return b;
  }

  /**
   * A parsed block already placed in the document (its start and end are the document's) whose
   * offsets are `raw.sourceOffsets` moved by `shift`: a cached chunk's array, shared rather than copied.
   */
  static placed(raw: RawBlock, index: number, shift: number): OffsetBlock {
    const b = new OffsetBlock(index, raw.kind, raw.start, raw.end, raw.text, raw.quoted, [], raw.sourceOffsets, shift);
    copyOptional(raw, b);
    return b;
  }

  /**
   * This block at another index and start, sharing its text and offsets. A new object, never this
   * one: building sections assigns block.section, and the previous review (held for hovers) keeps its own.
   * It keeps this block's section: the right one when the section tree is taken over (section
   * indexes are then unchanged, model/sections.ts reusedSections), and set anew when it is rebuilt.
   */
  movedTo(index: number, start: number): OffsetBlock {
    const delta = start - this.start;
    // Sentences are placed relative to their block (see Sentence), so the moved block shares them.
    const b = new OffsetBlock(index, this.kind, start, this.end + delta, this.text, this.quoted, this.sentences, this.#base, this.#shift + delta);
    b.section = this.section;
    copyOptional(this, b);
    return b;
  }

  get sourceOffsets(): Int32Array {
    let copy = this.#copy;
    if (copy === null) {
      const base = this.#base;
      const shift = this.#shift;
      copy = new Int32Array(base.length);
      for (let i = 0; i < copy.length; i++) copy[i] = base[i] + shift;
      this.#copy = copy;
    }
    return copy;
  }

  set sourceOffsets(offsets: Int32Array) {
    this.#base = offsets;
    this.#shift = 0;
    this.#copy = offsets;
  }

  /** sourceOffsets[i], without copying the offsets. */
  offsetAt(i: number): number {
    return this.#base[i] + this.#shift;
  }

  /**
   * The source offset of text[0] when the offsets run on one by one over the whole text (the block
   * is the source verbatim), else -1. Worked out once per base array, whatever the block's moves.
   */
  contiguousStart(): number {
    const base = this.#base;
    let first = contiguous.get(base);
    if (first === undefined) contiguous.set(base, (first = contiguousFirst(base)));
    return first === null || base.length !== this.text.length + 1 ? -1 : first + this.#shift;
  }

  /** The offset arrays this block holds (its base, and its copy when it made one), for the memory accounting of offsetArraysOf. */
  heldOffsets(): Int32Array[] {
    const copy = this.#copy;
    return copy === null || copy === this.#base ? [this.#base] : [this.#base, copy];
  }

  /** A plain copy of the block (for copying across threads, which keeps no class and no accessor). */
  toPlain(): Block {
    const b: Block = { index: this.index, kind: this.kind, start: this.start, end: this.end, text: this.text, sourceOffsets: this.sourceOffsets, quoted: this.quoted, section: this.section, sentences: this.sentences };
    copyOptional(this, b);
    return b;
  }
}

// Optional keys are set only when the parse set them, so a block equals a freshly parsed one key for key.
function copyOptional(from: { depth?: number; listNumber?: string }, to: { depth?: number; listNumber?: string }): void {
  if ('depth' in from) to.depth = from.depth;
  if ('listNumber' in from) to.listNumber = from.listNumber;
}

// Shrinkable: an entry per block's offsets (./weak-tables.ts).
const contiguous = shrinkableWeakMap<Int32Array, number | null>();

function contiguousFirst(offsets: Int32Array): number | null {
  const first = offsets[0];
  for (let i = 1; i < offsets.length; i++) if (offsets[i] !== first + i) return null;
  return first;
}

/** block.sourceOffsets[i], without copying a moved block's offsets. */
export function sourceOffsetAt(block: Block, i: number): number {
  return block instanceof OffsetBlock ? block.offsetAt(i) : block.sourceOffsets[i];
}

/**
 * The source offset of the block's first character when its text is the source verbatim (its
 * offsets run on one by one over the whole text), else -1; the text itself is not compared.
 */
export function contiguousStart(block: Block): number {
  if (block instanceof OffsetBlock) return block.contiguousStart();
  const so = block.sourceOffsets;
  if (so.length !== block.text.length + 1) return -1;
  const first = contiguousFirst(so);
  return first === null ? -1 : first;
}

/**
 * The distinct buffers behind the blocks' offset arrays and their bytes (issue 13, memory: what a
 * kept model's offsets cost, whatever blocks share). For tests and probes.
 */
export function offsetBytesOf(blocks: readonly Block[]): { buffers: number; bytes: number } {
  // By array, not by buffer: reading an on-heap typed array's buffer moves it off the heap.
  const seen = new Set<Int32Array>();
  let bytes = 0;
  for (const b of blocks) {
    for (const a of b instanceof OffsetBlock ? b.heldOffsets() : [b.sourceOffsets]) {
      if (seen.has(a)) continue;
      seen.add(a);
      bytes += a.byteLength;
    }
  }
  return { buffers: seen.size, bytes };
}

/** The block as plain data (an OffsetBlock copied, any other block as it is). */
export function plainBlock(block: Block): Block {
  return block instanceof OffsetBlock ? block.toPlain() : block;
}
