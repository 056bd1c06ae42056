/**
 * The last completed review of each document the review worker reviews, kept in the worker so that
 * it answers requests on them (./worker-queries.ts) and the server's thread never holds a large
 * document's result (issue 13).
 *
 * Memory: a document that keeps its incremental state (./recent-states.ts) keeps its result as
 * objects, which share the state's blocks and sections, so it costs little more than its findings.
 * A document whose state was dropped keeps its result compressed (./result-transfer.ts: about 0.6 MB
 * for a 1 MB contract, against about 14 MB as objects), its text deflated with it (2 MB as a string);
 * a request on it expands it again, and the few read most recently stay expanded (ExpandedResults).
 */
import { copyResult, type ReviewResult } from '../engine';
import { carryTermIndex } from '../drafting/terms';
import { compressResult, ExpandedResults, KeptResult } from './result-transfer';

interface Kept {
  version: number;
  /** As objects, while the document keeps its incremental state or was read recently. */
  result: ReviewResult | null;
  /** Otherwise compressed. */
  compressed: KeptResult | null;
}

export class KeptReviews {
  private readonly kept = new Map<string, Kept>();
  /** Compressed results expanded by a recent request: kept so while among the most recently read. */
  private readonly expanded = new ExpandedResults();

  /**
   * The document's newest review. The model is kept as a shallow copy: the review's own model
   * object carries the memoised facts of its rules (keyed by the model), which are garbage once
   * the review is done; the term index, which the term requests read, goes along (shared).
   */
  set(uri: string, version: number, result: ReviewResult): void {
    const model = { ...result.model };
    carryTermIndex(result.model, model);
    this.expanded.forget(uri);
    this.kept.set(uri, { version, result: copyResult(result, { model }), compressed: null });
  }

  /** The document's kept review (expanded if it was compressed), or undefined. */
  get(uri: string): { version: number; result: ReviewResult } | undefined {
    const k = this.kept.get(uri);
    if (!k) return undefined;
    if (k.result) return { version: k.version, result: k.result };
    return k.compressed ? { version: k.version, result: k.compressed.get() } : undefined;
  }

  /** Which version the document's kept review is of (without expanding it). */
  versionOf(uri: string): number | undefined {
    return this.kept.get(uri)?.version;
  }

  delete(uri: string): void {
    this.kept.delete(uri);
    this.expanded.forget(uri);
  }

  clear(): void {
    for (const uri of [...this.kept.keys()]) this.delete(uri);
  }

  /**
   * Compresses the results of the documents that no longer keep an incremental state (`keepsState`
   * false): their objects no longer share anything with a state, so as objects they would cost
   * their whole model.
   */
  compressIdle(keepsState: (uri: string) => boolean): void {
    for (const [uri, k] of this.kept) {
      if (!k.result || keepsState(uri)) continue;
      // The text goes into the compressed bytes too: nothing else in the worker holds it once the state is gone.
      k.compressed = new KeptResult(uri, compressResult(k.result), undefined, this.expanded);
      k.result = null;
    }
  }

  get size(): number {
    return this.kept.size;
  }

  /** How many compressed results keep their text beside them as a string (for tests: none since the text is compressed too). */
  get textsBeside(): number {
    let n = 0;
    for (const k of this.kept.values()) if (k.compressed?.keepsText) n++;
    return n;
  }

  /** How many results are held as objects (not compressed, or expanded by a request): for tests. */
  get objectCount(): number {
    let n = 0;
    for (const [uri, k] of this.kept) if (k.result || this.expanded.has(uri)) n++;
    return n;
  }
}
