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
  private current = new Map<string, unknown>();
  private previous = new Map<string, unknown>();

  get(key: string): unknown {
    let v = this.current.get(key);
    if (v === undefined) {
      v = this.previous.get(key);
      if (v !== undefined) this.current.set(key, v);
    }
    return v;
  }

  set(key: string, value: unknown): void {
    this.current.set(key, value);
  }

  /** Ends one review: facts it did not use are forgotten at the end of the next. */
  endRound(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

let active: FactCache | null = null;

/** Runs fn with the cache active for memo(). */
export function withFactCache<T>(cache: FactCache, fn: () => T): T {
  const outer = active;
  active = cache;
  try {
    return fn();
  } finally {
    active = outer;
    cache.endRound();
  }
}

/**
 * The fact of `kind` for `key`, computed once per distinct key while a cache is active. The value
 * must be a pure function of the key and must never be mutated by callers. undefined is not a
 * valid fact (it reads as a miss).
 */
export function memo<T>(kind: string, key: string, compute: () => T): T {
  if (!active) return compute();
  const k = kind + '\u0000' + key;
  const hit = active.get(k);
  if (hit !== undefined) return hit as T;
  const value = compute();
  active.set(k, value);
  return value;
}

/** Is a fact cache active (so that callers may skip building keys otherwise)? */
export function factsActive(): boolean {
  return active !== null;
}

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A stable id for an object (a list of signals, a regular expression) to use in memo keys. */
export function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}
