/**
 * How many times each defined term is used, sent by the review worker with its result so that a
 * term hover in the server's thread does not index the whole document again (issue 13, hover).
 *
 * A result copied from the worker is a new model: the term index the worker built for it
 * (drafting/terms.ts, memoised per model) does not come with it, and building it here read every
 * block of the document on the first term hover after each review. The hover needs only the term
 * under the cursor (read from its block), the term's definitions (in the model) and its number of
 * uses, which is the one whole-document figure: the worker has it at hand and sends it.
 */
import type { ContractModel } from '../model';
import { termIndex } from '../drafting/terms';

/** Uses (occurrences that are not definitions) per defined term, as [term key, count] pairs. */
export type TermUseCounts = Array<[string, number]>;

/** In the worker: the model's use counts (its term index is already built by the review's drafting rules, or built now). */
export function termUseCounts(model: ContractModel): TermUseCounts {
  return [...termIndex(model).usesByKey].map(([key, uses]): [string, number] => [key, uses.length]);
}

const received = new WeakMap<ContractModel, Map<string, number>>();

/** In the server's thread: the counts the worker sent with the model. */
export function adoptTermUseCounts(model: ContractModel, counts: TermUseCounts | undefined): void {
  if (counts && !received.has(model)) received.set(model, new Map(counts));
}

/** The counts sent with the model, when it came from the worker. */
export function receivedTermUseCounts(model: ContractModel): Map<string, number> | undefined {
  return received.get(model);
}
