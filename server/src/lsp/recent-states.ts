/**
 * The incremental states (model and per-block facts) the review worker keeps between jobs: only
 * those of the few documents reviewed most recently, up to a total size of text. A 1 MB contract's state is about 50 MB of heap,
 * so keeping one for every open document made the server's memory grow with the number of documents
 * open rather than with those being edited (issue 13). A document that loses its state is parsed
 * whole on its next review, which gives the same result (test/engine/incremental.test.ts), only later.
 */

/**
 * How much text (characters) the kept states may cover together by default: a state costs about 50
 * bytes of heap per character, so about 125 MB: two 1 MB contracts or one 2 MB contract. The
 * document being reviewed always keeps its state, whatever its size.
 */
export const DEFAULT_KEPT_CHARS = 2_500_000;

export class RecentStates<T> {
  /** In order of use, the least recent first (a Map keeps insertion order), with the size of each document. */
  private readonly states = new Map<string, { state: T; size: number }>();
  private readonly capacity: number;
  private total = 0;

  /** `dropped`, when given, is told of each document whose state goes (made room for, deleted or cleared). */
  constructor(capacity: number = DEFAULT_KEPT_CHARS, private readonly dropped?: (uri: string) => void) {
    this.capacity = Math.max(0, capacity);
  }

  /**
   * The document's state, made the most recent (created when it has none) and noted at `size`; the
   * least recently used states are dropped while all of them together are larger than the capacity.
   */
  take(uri: string, create: () => T, size = 1): T {
    const kept = this.states.get(uri);
    const state = kept ? kept.state : create();
    if (kept) {
      this.states.delete(uri);
      this.total -= kept.size;
    }
    this.states.set(uri, { state, size });
    this.total += size;
    for (const [oldest, entry] of this.states) {
      if (this.total <= this.capacity || oldest === uri) break;
      this.states.delete(oldest);
      this.total -= entry.size;
      this.dropped?.(oldest);
    }
    return state;
  }

  has(uri: string): boolean {
    return this.states.has(uri);
  }

  delete(uri: string): void {
    const kept = this.states.get(uri);
    if (!kept) return;
    this.states.delete(uri);
    this.total -= kept.size;
    this.dropped?.(uri);
  }

  clear(): void {
    const uris = [...this.states.keys()];
    this.states.clear();
    this.total = 0;
    if (this.dropped) for (const uri of uris) this.dropped(uri);
  }

  get size(): number {
    return this.states.size;
  }

  /** The states of the documents other than `uri`, without changing their order of use. */
  othersThan(uri: string): T[] {
    const out: T[] = [];
    for (const [u, entry] of this.states) if (u !== uri) out.push(entry.state);
    return out;
  }

  /** The documents holding a state, least recently used first. */
  uris(): string[] {
    return [...this.states.keys()];
  }
}
