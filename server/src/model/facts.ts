import type { Block, ContractModel } from './types';
import { shrinkableWeakMap } from './weak-tables';
/**
 * Per-block facts memoised by the text they depend on, for the incremental review of an open
 * document (engine/incremental.ts). A fact is a pure function of its key (a sentence's text, its
 * section titles, the party names...), never of offsets, so a block that an edit moved but did not
 * change is not read again, and a memoised review equals a fresh one by construction.
 *
 * Outside withFactCache (the CLI, tests, a plain review()), memo() just computes: a one-shot review
 * gains nothing from it. The cache keeps the facts used by the last review and drops the rest, so
 * its size follows the document and not the history of edits.
 */
export class FactCache {
  // Keyed first by the text a fact is about (usually a block's or sentence's own string, whose hash
  // V8 keeps, so a lookup does not re-read it), then by the kind of fact and its context. Each entry
  // notes the last round that used it: one map kept from round to round is far cheaper than
  // copying every used entry into a new map each review (tens of thousands of insertions).
  private entries = new Map<string, { used: number; facts: Map<string, unknown> }>();
  private round = 0;
  /** The texts whose entries this round has used, each once (see endRound). */
  private touched: string[] = [];

  get(text: string, kind: string): unknown {
    const e = this.entries.get(text);
    if (!e) return undefined;
    this.use(text, e);
    return e.facts.get(kind);
  }

  set(text: string, kind: string, value: unknown): void {
    let e = this.entries.get(text);
    if (!e) this.entries.set(text, (e = { used: -1, facts: new Map() }));
    this.use(text, e);
    e.facts.set(kind, value);
  }

  private use(text: string, e: { used: number }): void {
    if (e.used === this.round) return;
    e.used = this.round;
    this.touched.push(text);
  }

  /**
   * The facts of every block of a model, looked up by text once per model and round: the checks
   * that read each block (party names, terms, dates...) then skip a lookup by text each.
   */
  blockFacts(model: ContractModel, block: Block): Map<string, unknown> {
    let held = this.byModel.get(model);
    if (!held || held.round !== this.round) this.byModel.set(model, (held = { round: this.round, facts: [] }));
    let facts = held.facts[block.index];
    if (!facts) {
      let e = this.entries.get(block.text);
      if (!e) this.entries.set(block.text, (e = { used: -1, facts: new Map() }));
      this.use(block.text, e);
      facts = held.facts[block.index] = e.facts;
    }
    return facts;
  }
  private byModel = new WeakMap<ContractModel, { round: number; facts: Array<Map<string, unknown>> }>();

  /** Ends one review: the facts it did not use are forgotten. */
  endRound(): void {
    const round = this.round++;
    const used = this.touched;
    this.touched = [];
    if (used.length === this.entries.size) return;
    if (used.length * 2 < this.entries.size) {
      // Most went unused: the first edit after a full review, whose incremental path takes what the
      // blocks it kept hold over from the previous model instead of looking their facts up (on a
      // 1 MB contract it uses about 600 of 16,000 texts). The used ones are put in a new map: the
      // rest deleted one by one, in code the open had not run, was several ms of that edit (issue
      // 13, firstedit).
      const kept = new Map<string, { used: number; facts: Map<string, unknown> }>();
      for (const text of used) kept.set(text, this.entries.get(text)!);
      this.entries = kept;
      return;
    }
    for (const [text, e] of this.entries) if (e.used < round) this.entries.delete(text);
  }

  clear(): void {
    this.entries = new Map();
    this.touched = [];
    this.byModel = new WeakMap();
  }

  /** Number of texts with facts (for tests and the benchmark). */
  get size(): number {
    return this.entries.size;
  }
}

let active: FactCache | null = null;

/** Runs fn with the cache active for memo(). */
export function withFactCache<T>(cache: FactCache, fn: () => T): T {
  try {
    return inFactRound(cache, fn);
  } finally {
    cache.endRound();
  }
}

/**
 * Runs fn with the cache active without ending its round: one step of a review run in steps
 * (IncrementalReview.reviewSteps, engine/incremental.ts), whose caller ends the round once, after
 * the last step. Requests answered between two steps run with no cache active.
 */
export function inFactRound<T>(cache: FactCache, fn: () => T): T {
  const outer = active;
  active = cache;
  try {
    return fn();
  } finally {
    active = outer;
  }
}

/**
 * The fact of `kind` about `text`, computed once per distinct pair while a cache is active. `kind`
 * names the computation and everything besides the text that it reads (a regular expression's id,
 * section titles...). The value must be a pure function of the two and is never to be mutated by
 * callers; undefined is not a valid fact (it reads as a miss).
 */
export function memo<T>(kind: string, text: string, compute: () => T): T {
  if (!active) return compute();
  const hit = active.get(text, kind);
  if (hit !== undefined) return hit as T;
  const value = compute();
  active.set(text, kind, value);
  return value;
}

/** memo() of a fact about one block's text, for checks that visit every block of a model. */
export function blockMemo<T>(model: ContractModel, block: Block, kind: string, compute: () => T): T {
  if (!active) return compute();
  const facts = active.blockFacts(model, block);
  const hit = facts.get(kind);
  if (hit !== undefined) return hit as T;
  const value = compute();
  facts.set(kind, value);
  return value;
}

/** Is a fact cache active (so that callers may skip building keys otherwise)? */
export function factsActive(): boolean {
  return active !== null;
}

// Shrinkable: an entry per sentence's facts (./weak-tables.ts).
const ids = shrinkableWeakMap<object, number>();
let nextId = 1;

/** A stable id for an object (a list of signals, a regular expression) to use in memo keys. */
export function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}
