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
 * Beside the compressed form it keeps where a hover can find anything (HoverSpots), so that a hover
 * elsewhere answers null without expanding it (issue 13, hoverkept).
 */
import { copyResult, type ReviewResult } from '../engine';
import { carryTermIndex, termIndex } from '../drafting/terms';
import { offsetAt } from '../model';
import type { Position } from 'vscode-languageserver/node';
import { headingArea, headingSpan } from './outline';
import { compressResult, ExpandedResults, KeptResult } from './result-transfer';

interface Kept {
  version: number;
  /** As objects, while the document keeps its incremental state or was read recently. */
  result: ReviewResult | null;
  /** Otherwise compressed. */
  compressed: KeptResult | null;
  /** With the compressed form: where a hover on it can answer anything. */
  spots: HoverSpots | null;
}

/** Whether a range of `ranges` (four numbers each: start line and character, end line and character) holds `pos`, ends included (as outline.ts contains()). */
function inAny(ranges: Int32Array, pos: Position): boolean {
  for (let i = 0; i < ranges.length; i += 4) {
    if (pos.line < ranges[i] || pos.line > ranges[i + 2]) continue;
    if ((pos.line > ranges[i] || pos.character >= ranges[i + 1]) && (pos.line < ranges[i + 2] || pos.character <= ranges[i + 3])) return true;
  }
  return false;
}

/**
 * Where a hover on a review can find something (./outline.ts hoverAt, then ./terms.ts termHover):
 * a finding's range, a section's heading (a contract's only; as outline.ts headingAt finds it), a
 * defined term's occurrence. Made when a review is compressed, from its objects, so that a hover anywhere else
 * answers null at once: expanding a 1 MB contract's review took about 40 to 55 ms of the worker's
 * CPU on a quiet machine (scripts/hover-kept-probe.ts), the next job of the document waits for the
 * hover's answer (./review-thread.ts answered), and about 60% of lsp-trace's hover positions on the
 * bench contract find nothing. A hover that may find something expands the review as before, so
 * every answer is the one the whole review gives. About 260 KB of typed arrays per 1 MB contract, beside its 0.6 MB compressed.
 */
export class HoverSpots {
  /** Per finding: start line, start character, end line, end character. */
  private readonly findings: Int32Array;
  /** Per section heading: the area a hover finds it in, as for findings (none when the review is not of a contract). */
  private readonly headings: Int32Array;
  /** Per term occurrence, in document order: source start and end offsets. */
  private readonly terms: Int32Array;
  private readonly lineStarts: Int32Array;
  private readonly textLength: number;

  constructor(result: ReviewResult) {
    const { model, diagnostics } = result;
    this.findings = new Int32Array(diagnostics.length * 4);
    diagnostics.forEach((d, i) => this.findings.set([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], i * 4));
    const headings: number[] = [];
    if (result.isContract) {
      for (const s of model.sections) {
        if (s.kind === 'root') continue;
        const span = headingSpan(model, s);
        if (!span) continue;
        // The area a hover finds the heading in (outline.ts headingAt); a whole line's end fits an Int32Array as its largest value.
        const { start, end } = headingArea(model, s, span);
        headings.push(start.line, start.character, end.line, Math.min(end.character, 0x7fffffff));
      }
    }
    this.headings = Int32Array.from(headings);
    // Built here if no request built them before: a few ms, once per compression.
    const occurrences = termIndex(model).occurrences;
    this.terms = new Int32Array(occurrences.length * 2);
    occurrences.forEach((o, i) => { this.terms[2 * i] = o.span.start; this.terms[2 * i + 1] = o.span.end; });
    this.lineStarts = Int32Array.from(model.lineStarts);
    this.textLength = model.text.length;
  }

  /** False when a hover at `pos` finds nothing in the review (it answers null); true when it may. */
  mayFind(pos: Position): boolean {
    if (inAny(this.findings, pos) || inAny(this.headings, pos)) return true;
    // The term occurrence at the position's offset, found as drafting/terms.ts occurrenceAt finds it.
    const offset = offsetAt(this.lineStarts as unknown as number[], this.textLength, pos);
    const t = this.terms;
    let lo = 0;
    let hi = t.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < t[2 * mid]) hi = mid - 1;
      else if (offset > t[2 * mid + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }
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
    this.kept.set(uri, { version, result: copyResult(result, { model }), compressed: null, spots: null });
  }

  /** The document's kept review (expanded if it was compressed), or undefined. */
  get(uri: string): { version: number; result: ReviewResult } | undefined {
    const k = this.kept.get(uri);
    if (!k) return undefined;
    if (k.result) return { version: k.version, result: k.result };
    return k.compressed ? { version: k.version, result: k.compressed.get() } : undefined;
  }

  /**
   * True when the document's review is kept compressed (and not expanded by a recent request) and a
   * hover at `pos` finds nothing in it: the hover's answer is null, known without expanding it.
   */
  hoverFindsNothing(uri: string, pos: Position): boolean {
    const k = this.kept.get(uri);
    return !!k && !k.result && !this.expanded.has(uri) && !!k.spots && !k.spots.mayFind(pos);
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
      k.spots = new HoverSpots(k.result);
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
