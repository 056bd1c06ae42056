/**
 * Per-block results of a drafting check, kept per model and handed on to the next model while
 * editing (issue 13). A block the splice kept or moved has the same text and the same source as
 * the previous model's block it came from, so a result that is a function of those two alone is
 * taken over instead of read again: as it is for a block before the edit, shifted by how far the
 * block moved for a block after it. Only re-parsed blocks are read.
 *
 * Most blocks have nothing to report (no opener, no date, no placeholder), so a model keeps only
 * the blocks whose result is not `none`, ascending, with their results. An edit copies those few
 * entries rather than one entry per block of the document, and the checks walk those entries
 * rather than every block: six lists of 6,000 blocks were copied and walked per 1 MB keystroke.
 *
 * The reader must not look at anything else (the block's section, the text around it, the parties):
 * what depends on context is read per review by the caller, from these results.
 */
import type { Block, ContractModel } from '../model';
import { factsActive } from '../model/facts';
import { firstIndexAtOrAfter } from '../model/lineIndex';
import { spliceTraceOf } from '../model/trace';
import { sameTextOf } from './same-text';
import { unchangedReparsed } from './unchanged-blocks';

/** The blocks of a model whose result is not `none`, ascending, and their results (same order). */
export interface ListedResults<T> {
  readonly blocks: readonly number[];
  readonly values: readonly T[];
}

export interface BlockResultsOptions<T> {
  /** The result of a block with nothing to report; blocks with it are not listed. */
  none: T;
  /** Whether a result is `none` (for a list, also an empty list of its own); by identity if absent. */
  isNone?: (value: T) => boolean;
  /** The result of a block moved by `by` characters (new objects; absent when the result holds no offsets). */
  shift?: (value: T, by: number) => T;
}

export class BlockResults<T> {
  private built = new WeakMap<ContractModel, ListedResults<T>>();
  private dense = new WeakMap<ContractModel, T[]>();
  /** How many blocks each model's results read, and how many entries they took over from the previous model's (for tests). */
  private reads = new WeakMap<ContractModel, number>();
  private taken = new WeakMap<ContractModel, number>();
  private readonly none: T;
  private readonly isNone: (value: T) => boolean;
  private readonly shift?: (value: T, by: number) => T;

  /**
   * @param read the result for one block, from its text and source only
   * @param options what `none` is, and how to shift a moved block's result; a shift function alone
   *   (or nothing) lists every block, as before lists were kept sparse
   */
  constructor(private readonly read: (model: ContractModel, block: Block) => T, options?: BlockResultsOptions<T> | ((value: T, by: number) => T)) {
    const o: Partial<BlockResultsOptions<T>> = typeof options === 'function' ? { shift: options } : options ?? {};
    const none = o.none as T;
    this.none = none;
    this.isNone = o.isNone ?? (o.none === undefined ? () => false : (v) => v === none);
    this.shift = o.shift;
  }

  /** The blocks whose result is not `none`, ascending, with their results. Callers must not change them. */
  listed(model: ContractModel): ListedResults<T> {
    const hit = this.built.get(model);
    if (hit) return hit;
    // Outside an incremental review (the CLI, tests) there is no previous model to take from.
    const trace = factsActive() ? spliceTraceOf(model) : undefined;
    const before = trace ? this.built.get(trace.previous) : undefined;
    const blocks = model.blocks;
    const at: number[] = [];
    const values: T[] = [];
    let read = 0;
    let took = 0;
    if (!before) {
      for (let i = 0; i < blocks.length; i++) {
        const v = this.read(model, blocks[i]);
        if (!this.isNone(v)) { at.push(i); values.push(v); }
      }
      read = blocks.length;
    } else {
      // The blocks before the edit did not move and those after it all moved by the same distance
      // (see same-text.ts): the previous entries are copied, or shifted by that one distance,
      // without reading either model's blocks. Only the re-parsed blocks are read.
      const { prefix, fresh, oldAfter } = trace!;
      const delta = prefix + fresh - oldAfter;
      const was = before.blocks;
      const wasValues = before.values;
      let k = 0;
      for (; k < was.length && was[k] < prefix; k++) { at.push(was[k]); values.push(wasValues[k]); }
      // A re-parsed block that reads as the one it replaced (kind, text, source: unchanged-blocks.ts)
      // has that one's result, moved to where it now starts; not read again.
      const unchanged = unchangedReparsed(model, trace!);
      let end = k;
      while (end < was.length && was[end] < oldAfter) end++;
      const oldBlocks = trace!.previous.blocks;
      for (let i = 0; i < fresh; i++) {
        const same = unchanged[i];
        if (same >= 0) {
          for (let q = k; q < end; q++) {
            if (was[q] !== same) continue;
            const by = blocks[prefix + i].start - oldBlocks[same].start;
            at.push(prefix + i);
            values.push(by !== 0 && this.shift ? this.shift(wasValues[q], by) : wasValues[q]);
            break;
          }
          continue;
        }
        read++;
        const v = this.read(model, blocks[prefix + i]);
        if (!this.isNone(v)) { at.push(prefix + i); values.push(v); }
      }
      took = k;
      k = end;
      took += was.length - k;
      const by = k < was.length && this.shift ? sameTextOf(model, trace!).delta : 0;
      for (; k < was.length; k++) {
        at.push(was[k] + delta);
        values.push(by !== 0 ? this.shift!(wasValues[k], by) : wasValues[k]);
      }
    }
    const out = { blocks: at, values };
    this.built.set(model, out);
    this.reads.set(model, read);
    this.taken.set(model, took);
    return out;
  }

  /** The result of block b of the model (`none` for a block not listed). */
  at(model: ContractModel, b: number): T {
    const { blocks, values } = this.listed(model);
    const lo = firstIndexAtOrAfter(blocks, b);
    return lo < blocks.length && blocks[lo] === b ? values[lo] : this.none;
  }

  /** The result of every block of the model, by block index (`none` for those not listed). Callers must not change them. */
  of(model: ContractModel): T[] {
    const hit = this.dense.get(model);
    if (hit) return hit;
    const { blocks, values } = this.listed(model);
    const list = new Array<T>(model.blocks.length).fill(this.none);
    for (let k = 0; k < blocks.length; k++) list[blocks[k]] = values[k];
    this.dense.set(model, list);
    return list;
  }

  /** How many blocks the model's results were read for (the others were taken over); undefined before they are built. */
  blocksRead(model: ContractModel): number | undefined {
    return this.reads.get(model);
  }

  /** How many entries the model's results took over from the previous model's; undefined before they are built. */
  entriesTaken(model: ContractModel): number | undefined {
    return this.taken.get(model);
  }

  /** Hands the results to a copy of the model with the same blocks and text (see carry.ts). */
  carry(from: ContractModel, to: ContractModel): void {
    if (from.blocks !== to.blocks || from.text !== to.text) return;
    const b = this.built.get(from);
    if (b) this.built.set(to, b);
    const d = this.dense.get(from);
    if (d) this.dense.set(to, d);
  }
}
