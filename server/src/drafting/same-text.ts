/**
 * Where a spliced model's text is the previous model's text, worked out from the splice trace alone
 * (issue 13). The splice re-parses a region that holds the edit; every block before the region is
 * the previous model's block and every block after it moved by one distance. So:
 * - the text up to the end of the last block before the region is the same in both models;
 * - the text from the first moved block on is the previous text from its old start, shifted by
 *   `delta`, to the end.
 * A check that reads characters around a kept block (placeholders' look-back, definitions' lead and
 * trail) compares nothing when what it reads lies in either part: most blocks, where it compared
 * every character on every edit before.
 */
import type { ContractModel } from '../model';
import type { SpliceTrace } from '../model/trace';

export interface SameText {
  /** [0, before) of the text is the same in both models. */
  before: number;
  /** From `after` on, the text equals the previous text from `after - delta` on. */
  after: number;
  /** How far the blocks after the edit moved. */
  delta: number;
}

const cache = new WeakMap<ContractModel, SameText>();

export function sameTextOf(model: ContractModel, trace: SpliceTrace): SameText {
  let out = cache.get(model);
  if (out) return out;
  const old = trace.previous;
  const firstMoved = trace.prefix + trace.fresh;
  const before = trace.prefix > 0 ? old.blocks[trace.prefix - 1].end : 0;
  // With no block after the edit the tail is empty: nothing after it is claimed to be the same.
  out = firstMoved < model.blocks.length && trace.oldAfter < old.blocks.length
    ? { before, after: model.blocks[firstMoved].start, delta: model.blocks[firstMoved].start - old.blocks[trace.oldAfter].start }
    : { before, after: model.text.length, delta: model.text.length - old.text.length };
  cache.set(model, out);
  return out;
}

/**
 * Is the text [from, to) of the model the same as [from - by, to - by) of the previous model (a kept
 * block's surroundings, `by` how far the block moved)? Told by where the range lies when it can be,
 * else compared character by character.
 */
export function sameRange(model: ContractModel, trace: SpliceTrace, from: number, to: number, by: number): boolean {
  if (to <= from) return true;
  const same = sameTextOf(model, trace);
  if (by === 0 && to <= same.before) return true;
  if (by === same.delta && from >= same.after) return true;
  const old = trace.previous.text;
  const text = model.text;
  if (from - by < 0 || to - by > old.length) return false;
  compared += to - from;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== old.charCodeAt(i - by)) return false;
  return true;
}

let compared = 0;

/** How many characters sameRange has compared one by one since the process started (for tests). */
export function charactersCompared(): number {
  return compared;
}
