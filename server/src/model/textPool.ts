import type { Block } from './types';

/**
 * One string object for each distinct block and sentence text of a spliced model (model/incremental.ts).
 * The incremental review memoises facts by block and sentence text (model/facts.ts), and a Map lookup whose
 * key is equal to, but not the same object as, the stored key compares the two strings' contents.
 * For sentence texts, slices of their block's text, V8 does that about thirty times slower than a
 * lookup of the stored object itself (measured: about 1.5 µs against 50 ns). A contract repeats
 * many sentences (boilerplate, schedules built from one template); every review paid that compare
 * for each repeat and each kind of fact. Sharing one object per text makes those lookups identity
 * hits. Only blocks parsed anew pass through the pool; moved blocks keep their strings.
 */
export class TextPool {
  private texts = new Map<string, string>();

  /** Gives the block and its sentences the pooled string of their text. */
  share(block: Block): void {
    const texts = this.texts;
    const text = texts.get(block.text);
    if (text === undefined) texts.set(block.text, block.text);
    else block.text = text;
    for (const s of block.sentences) {
      const pooled = texts.get(s.text);
      if (pooled === undefined) texts.set(s.text, s.text);
      else s.text = pooled;
    }
  }

  /**
   * Forgets texts the model no longer holds once the pool has grown well past the model's block and
   * sentence count (each edit adds the texts it typed), so the pool follows the document, not its history.
   */
  prune(blocks: Block[], slack = 1024, count = pieceCount(blocks)): void {
    if (this.texts.size <= 2 * count + slack) return;
    const texts = new Map<string, string>();
    for (const b of blocks) {
      texts.set(b.text, b.text);
      for (const s of b.sentences) texts.set(s.text, s.text);
    }
    this.texts = texts;
  }

  /** Number of distinct texts held (for tests). */
  get size(): number {
    return this.texts.size;
  }
}

/**
 * How many texts the blocks hold, their own and their sentences' (what TextPool.prune compares the
 * pool with). The splice keeps it up to date from the blocks it replaces and re-reads instead of
 * counting every block's sentences per edit (model/incremental.ts).
 */
export function pieceCount(blocks: readonly Block[], from = 0, to = blocks.length): number {
  let count = to - from;
  for (let i = from; i < to; i++) count += blocks[i].sentences.length;
  return count;
}
