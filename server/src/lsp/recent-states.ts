/**
 * The incremental states (model and per-block facts) the review worker keeps between jobs: only
 * those of the few documents reviewed most recently. A 1 MB contract's state is about 50 MB of heap,
 * so keeping one for every open document made the server's memory grow with the number of documents
 * open rather than with those being edited (issue 13). A document that loses its state is parsed
 * whole on its next review, which gives the same result (test/engine/incremental.test.ts), only later.
 */

/** How many documents keep their incremental state by default: enough for a contract and its schedules being edited together. */
export const DEFAULT_KEPT_STATES = 3;

export class RecentStates<T> {
  /** In order of use, the least recent first (a Map keeps insertion order). */
  private readonly states = new Map<string, T>();
  private readonly capacity: number;

  constructor(capacity: number = DEFAULT_KEPT_STATES) {
    this.capacity = Math.max(1, Math.floor(capacity));
  }

  /**
   * The document's state, made the most recent (created when it has none); the least recently used
   * states beyond the capacity are dropped.
   */
  take(uri: string, create: () => T): T {
    let state = this.states.get(uri);
    if (state === undefined) state = create();
    else this.states.delete(uri);
    this.states.set(uri, state);
    for (const oldest of this.states.keys()) {
      if (this.states.size <= this.capacity) break;
      this.states.delete(oldest);
    }
    return state;
  }

  has(uri: string): boolean {
    return this.states.has(uri);
  }

  delete(uri: string): void {
    this.states.delete(uri);
  }

  clear(): void {
    this.states.clear();
  }

  get size(): number {
    return this.states.size;
  }

  /** The documents holding a state, least recently used first. */
  uris(): string[] {
    return [...this.states.keys()];
  }
}
