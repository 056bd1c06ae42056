/**
 * Per-block results of a drafting check, kept per model and handed on to the next model while
 * editing (issue 13). A block the splice kept or moved has the same text and the same source as
 * the previous model's block it came from, so a result that is a function of those two alone is
 * taken over instead of read again: as it is for a block before the edit, shifted by how far the
 * block moved for a block after it. Only re-parsed blocks are read. An edit then costs one array
 * read per block instead of a fact lookup by text (or a regular expression) per block.
 *
 * The reader must not look at anything else (the block's section, the text around it, the parties):
 * what depends on context is read per review by the caller, from these results.
 */
import type { Block, ContractModel } from '../model';
import { factsActive } from '../model/facts';
import { spliceTraceOf } from '../model/trace';
import { sameTextOf } from './same-text';

export class BlockResults<T> {
  private built = new WeakMap<ContractModel, T[]>();
  /** How many blocks each model's results read rather than took over (for tests). */
  private reads = new WeakMap<ContractModel, number>();

  /**
   * @param read the result for one block, from its text and source only
   * @param shift the result of a block moved by `by` characters (new objects; absent when the
   *   result holds no offsets)
   */
  constructor(
    private readonly read: (model: ContractModel, block: Block) => T,
    private readonly shift?: (value: T, by: number) => T,
  ) {}

  /** The result of every block of the model, by block index. Callers must not change them. */
  of(model: ContractModel): T[] {
    const hit = this.built.get(model);
    if (hit) return hit;
    // Outside an incremental review (the CLI, tests) there is no previous model to take from.
    const trace = factsActive() ? spliceTraceOf(model) : undefined;
    const before = trace ? this.built.get(trace.previous) : undefined;
    const blocks = model.blocks;
    let list: T[];
    let read = 0;
    if (!before) {
      list = new Array(blocks.length);
      for (let i = 0; i < blocks.length; i++) list[i] = this.read(model, blocks[i]);
      read = blocks.length;
    } else {
      // The blocks before the edit did not move and those after it all moved by the same distance
      // (see same-text.ts): the previous results are copied in bulk (slice, concat), or shifted by
      // that one distance, without reading either model's blocks. Only the re-parsed blocks are read.
      const { prefix, fresh, oldAfter } = trace!;
      const readNow: T[] = new Array(fresh);
      for (let i = 0; i < fresh; i++) readNow[i] = this.read(model, blocks[prefix + i]);
      read = fresh;
      const by = sameTextOf(model, trace!).delta;
      if (by !== 0 && this.shift) {
        list = before.slice(0, prefix).concat(readNow);
        for (let i = oldAfter; i < before.length; i++) list.push(this.shift(before[i], by));
      } else list = before.slice(0, prefix).concat(readNow, before.slice(oldAfter));
    }
    this.built.set(model, list);
    this.reads.set(model, read);
    return list;
  }

  /** How many blocks the model's results were read for (the others were taken over); undefined before they are built. */
  blocksRead(model: ContractModel): number | undefined {
    return this.reads.get(model);
  }

  /** Hands the results to a copy of the model with the same blocks and text (see carry.ts). */
  carry(from: ContractModel, to: ContractModel): void {
    const b = this.built.get(from);
    if (b && from.blocks === to.blocks && from.text === to.text) this.built.set(to, b);
  }
}
