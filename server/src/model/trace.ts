import type { ContractModel } from './types';
import type { SectionChanges } from './sections';

/**
 * How a spliced model's blocks relate to the previous model's: blocks [0, prefix) are the previous
 * blocks of the same index, the next `fresh` were parsed anew, and the rest are the previous blocks
 * from `oldAfter` on, moved. Lets analyses built per model (the categories' sentence list) reuse
 * what they built for the previous model's unchanged blocks.
 */
export interface SpliceTrace {
  previous: ContractModel; prefix: number; fresh: number; oldAfter: number;
  /** What the splice changed in the section tree it took over (model/sections.ts); absent when the tree was built afresh. */
  sections?: SectionChanges;
}
const traces = new WeakMap<ContractModel, SpliceTrace>();

/** Notes how `model` was spliced; only the newest link is kept, so no model holds the chain of its predecessors. */
export function recordSplice(model: ContractModel, trace: SpliceTrace): void {
  traces.delete(trace.previous);
  traces.set(model, trace);
}

/** The splice that built this model, if it was spliced from the model before it. */
export function spliceTraceOf(model: ContractModel): SpliceTrace | undefined {
  return traces.get(model);
}

/**
 * Lets go of the link to the previous model once what needed it has been built: until the next
 * edit the kept model must not hold its predecessor and that one's analysis caches.
 */
export function forgetSpliceTrace(model: ContractModel): void {
  traces.delete(model);
}

/** The previous model's index of block `i` of a spliced model, or -1 for a re-parsed block. */
export function previousBlockIndex(trace: SpliceTrace, i: number): number {
  if (i < trace.prefix) return i;
  if (i < trace.prefix + trace.fresh) return -1;
  return i - trace.prefix - trace.fresh + trace.oldAfter;
}


/**
 * What the splice that built `model` changed in the previous model's section tree, when it took
 * that tree over (model/sections.ts SectionChanges: the same shape, with the sections whose number
 * or title changed listed, all among the re-parsed ones). Undefined when the tree was built afresh
 * or the model was not spliced (or its trace was let go): then a pass that wants to know compares
 * the trees itself. For the passes keyed on sections (numbering, cross-references, duplicate
 * titles, the sentence list) to redo only what the listed sections touch (issue 13).
 */
export function sectionChangesOf(model: ContractModel): SectionChanges | undefined {
  return traces.get(model)?.sections;
}
