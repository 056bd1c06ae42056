/**
 * Re-parsed blocks that read as a block they replaced (issue 13). The splice re-parses a region
 * around the edit, about ten blocks of the bench's 1 MB contract for a one-character edit, of which
 * nine come out with the same kind, text and source as before. A pass whose per-block result is a
 * function of those (xrefs' written references, the term matcher's terms, BlockResults' readers)
 * takes such a block's result from the previous model's instead of reading it again. The facts
 * cache (model/facts.ts) does not help here: it forgets what a review did not ask for, and the
 * previous review took these blocks over without asking.
 *
 * The region is matched from both ends (block i of the region against the replaced block with as
 * many blocks before it, then with as many after it), which finds every unchanged block of an edit
 * inside one block or one that adds or removes whole blocks at one place.
 */
import type { ContractModel } from '../model';
import type { SpliceTrace } from '../model/trace';

const cache = new WeakMap<ContractModel, Int32Array>();

/**
 * For each re-parsed block (index i - trace.prefix for block i), the previous model's block it
 * equals in kind, quoting, list number, depth, text and source (its index there), or -1.
 */
export function unchangedReparsed(model: ContractModel, trace: SpliceTrace): Int32Array {
  let out = cache.get(model);
  if (out) return out;
  const { prefix, fresh, oldAfter, previous } = trace;
  const old = previous.blocks;
  const now = model.blocks;
  out = new Int32Array(fresh).fill(-1);
  const replaced = oldAfter - prefix;
  for (let i = 0; i < fresh; i++) {
    let j = prefix + i;
    if (i >= replaced || !sameBlock(model, trace, now[prefix + i], old[j])) {
      j = oldAfter - (fresh - i);
      if (j < prefix || !sameBlock(model, trace, now[prefix + i], old[j])) continue;
    }
    out[i] = j;
  }
  cache.set(model, out);
  return out;
}

function sameBlock(model: ContractModel, trace: SpliceTrace, a: ContractModel['blocks'][number], b: ContractModel['blocks'][number]): boolean {
  return a.kind === b.kind && a.quoted === b.quoted && a.listNumber === b.listNumber && a.depth === b.depth
    && a.end - a.start === b.end - b.start && a.text === b.text && a.sourceOffsets.length === b.sourceOffsets.length
    && model.text.startsWith(trace.previous.text.slice(b.start, b.end), a.start) && sameOffsets(a, b);
}

/** The same source offsets relative to each block's start (the same source and text nearly always map alike; checked, not assumed). */
function sameOffsets(a: ContractModel['blocks'][number], b: ContractModel['blocks'][number]): boolean {
  const x = a.sourceOffsets;
  const y = b.sourceOffsets;
  const by = a.start - b.start;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k] + by) return false;
  return true;
}

/** How many re-parsed blocks of the model were found unchanged (for tests; undefined before asked). */
export function unchangedCount(model: ContractModel): number | undefined {
  const m = cache.get(model);
  if (!m) return undefined;
  let n = 0;
  for (const j of m) if (j >= 0) n++;
  return n;
}
