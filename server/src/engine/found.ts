/**
 * The findings of one review on their way into the result (issue 13, engine): one entry per finding
 * in parallel arrays rather than an object each, in runs (one per rule, in the order the rule gave
 * them). The result's order (by position, then end line, rule id and message) is the runs merged:
 * each rule's findings come in block order, so a run is nearly always in order already and the
 * merge compares mostly two numbers per finding, where sorting every finding (the engine's way
 * before) called a comparator on objects about log2(n) times per finding. Ownership (ownership.ts)
 * reads only the few findings that name a kind of words. The order is the one a stable sort of the
 * runs' concatenation gives: a run out of order is sorted first, and ties go to the earlier run.
 * That is the order of (compare, index): entries are added run after run.
 *
 * While editing, most entries are the previous review's, copied whole (engine/kept-runs.ts) and
 * still in the order that review found for them (an edit moves the offsets after it all alike).
 * ordered() then takes that order over, checks it with one comparison of neighbours (mostly two
 * numbers), and places only the new entries, found by binary search (issue 13, findings): merging
 * every run again compared each of the 1 MB contract's 3,880 findings about six times per edit.
 */
import type { WordKind, FixSpec } from '../rules/types';
import type { ReviewDiagnostic } from './types';
import { compareIds } from '../model/compare-ids';

/**
 * Working lists of takenOrder(), kept between reviews (a review's ordering runs to its end without
 * yielding): two arrays of the findings' count were made per 1 MB keystroke (issue 13, editengine).
 */
let scratchNow: Int32Array<ArrayBuffer> = new Int32Array(0);
let scratchKept: Int32Array<ArrayBuffer> = new Int32Array(0);
const atLeast = (a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> => (a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2)));

/** Counts for tests: orders taken over from the previous review, and merged from the runs. */
export const orderStats = { taken: 0, merged: 0 };

export class FoundFindings {
  /**
   * Where each finding is in the text (offsets), and its fixes' offset (block-relative fixes are
   * `by` characters before their place): typed arrays of `capacity` entries, grown by doubling,
   * so that the entries of every review are not pushed into arrays grown many times (issue 13).
   */
  start: Int32Array;
  end: Int32Array;
  by: Int32Array;
  readonly diag: ReviewDiagnostic[];
  /** Its fixes as offered, with spans `by` characters before their place (block-relative ones). */
  readonly fixes: FixSpec[][];
  /** The findings that name a kind of words (RuleFinding.words), few: their index and kind. */
  readonly worded: number[] = [];
  readonly words: WordKind[] = [];
  /** Where each run ends (exclusive); run r starts where run r - 1 ends. */
  private readonly runEnds: number[] = [];
  private n = 0;
  /**
   * The findings whose entries copy() took (a previous review's), until ordered() has read their
   * order: null once entries came from two of them (then the runs are merged as without).
   */
  private source: FoundFindings | null | undefined;
  /** The stretches copy() took: where they went, where they came from, how many (three numbers each). */
  private copies: number[] = [];
  /** Every entry in the result's order (none dropped), once ordered() has run: the next review's start. */
  private order: Int32Array | undefined;

  /** `capacity`: how many findings to expect (the previous review's count while editing). */
  constructor(capacity = 64) {
    const c = Math.max(16, capacity);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.by = new Int32Array(c);
    this.diag = new Array<ReviewDiagnostic>(c);
    this.fixes = new Array<FixSpec[]>(c);
  }

  get size(): number {
    return this.n;
  }

  add(start: number, end: number, diag: ReviewDiagnostic, fixes: FixSpec[], by: number, words: WordKind | undefined): void {
    const i = this.n;
    if (i === this.start.length) this.grow(i + 1);
    if (words !== undefined) {
      this.worded.push(i);
      this.words.push(words);
    }
    this.start[i] = start;
    this.end[i] = end;
    this.diag[i] = diag;
    this.fixes[i] = fixes;
    this.by[i] = by;
    this.n = i + 1;
  }

  /**
   * Adds the entries [from, to) of another review's findings (engine/kept-runs.ts), their offsets
   * moved by `shift`: the same diagnostics and fixes, no finding object read.
   */
  copy(src: FoundFindings, from: number, to: number, shift: number): void {
    if (to <= from) return;
    if (this.source === undefined) this.source = src;
    else if (this.source !== src) this.source = null;
    this.copies.push(this.n, from, to - from);
    const base = this.n - from;
    if (this.n + to - from > this.start.length) this.grow(this.n + to - from);
    // The worded entries in [from, to): src.worded ascends.
    let w = 0;
    let hi = src.worded.length;
    while (w < hi) {
      const mid = (w + hi) >> 1;
      if (src.worded[mid] < from) w = mid + 1;
      else hi = mid;
    }
    for (; w < src.worded.length && src.worded[w] < to; w++) {
      this.worded.push(src.worded[w] + base);
      this.words.push(src.words[w]);
    }
    const { start, end, diag, fixes, by } = this;
    if (shift === 0) {
      start.set(src.start.subarray(from, to), this.n);
      end.set(src.end.subarray(from, to), this.n);
      by.set(src.by.subarray(from, to), this.n);
    } else {
      for (let i = from; i < to; i++) {
        start[i + base] = src.start[i] + shift;
        end[i + base] = src.end[i] + shift;
        by[i + base] = src.by[i] + shift;
      }
    }
    for (let i = from; i < to; i++) {
      diag[i + base] = src.diag[i];
      fixes[i + base] = src.fixes[i];
    }
    this.n += to - from;
  }

  /** Room for at least `need` entries. */
  private grow(need: number): void {
    const c = Math.max(need, this.start.length * 2);
    const widened = (a: Int32Array): Int32Array => {
      const out = new Int32Array(c);
      out.set(a.subarray(0, this.n));
      return out;
    };
    this.start = widened(this.start);
    this.end = widened(this.end);
    this.by = widened(this.by);
  }

  /** Ends the run of one rule (an empty run is dropped). */
  endRun(): void {
    const n = this.n;
    if (n > (this.runEnds.length ? this.runEnds[this.runEnds.length - 1] : 0)) this.runEnds.push(n);
  }

  /** The result's order of findings i and j (negative: i first). */
  compare(i: number, j: number): number {
    const d = this.start[i] - this.start[j];
    if (d !== 0) return d;
    const a = this.diag[i];
    const b = this.diag[j];
    return a.range.end.line - b.range.end.line || compareIds(a.ruleId, b.ruleId) || a.message.localeCompare(b.message);
  }

  /** Whether entry i comes before entry j in the result (the earlier entry first on ties). */
  private before(i: number, j: number): boolean {
    const d = this.start[i] - this.start[j];
    if (d !== 0) return d < 0;
    const c = this.compare(i, j);
    return c < 0 || (c === 0 && i < j);
  }

  /**
   * The indexes of the findings `drop` leaves, in the result's order: the previous review's order
   * for its entries copied here, with the others placed in it (see the module's comment), or else
   * each run sorted (when it is not in order already) and the runs merged two by two, the earlier
   * run first on ties.
   */
  ordered(drop?: ReadonlySet<number>): Int32Array {
    this.endRun();
    const n = this.size;
    const all = this.takenOrder() ?? this.mergedOrder();
    // Kept for the next review; the previous review is let go (no chain of reviews stays alive).
    this.order = all;
    this.source = undefined;
    this.copies = [];
    // The kept order itself when nothing is dropped (no one writes to it): a list of every index
    // made per review was 31 KB per 1 MB keystroke (issue 13, editengine).
    if (!drop?.size) return all;
    const out = new Int32Array(n);
    let m = 0;
    for (let k = 0; k < n; k++) {
      const i = all[k];
      if (!drop.has(i)) out[m++] = i;
    }
    return out.subarray(0, m);
  }

  /**
   * The result's order made from the previous review's (module comment), or undefined when this
   * review copied too little from one previous review, or its entries are not in that order now.
   */
  private takenOrder(): Int32Array | undefined {
    const src = this.source;
    const was = src?.order;
    const n = this.n;
    if (!src || !was || was.length !== src.n) return undefined;
    const copies = this.copies;
    let copied = 0;
    for (let c = 2; c < copies.length; c += 3) copied += copies[c];
    // Placing many new entries one by one costs more than merging the runs.
    if (copied < n / 2) return undefined;
    const now = (scratchNow = atLeast(scratchNow, src.n)).fill(-1, 0, src.n);
    for (let c = 0; c < copies.length; c += 3) {
      const at = copies[c];
      const from = copies[c + 1];
      for (let k = 0, len = copies[c + 2]; k < len; k++) now[from + k] = at + k;
    }
    // The copied entries in the previous order: each must still come before the next.
    const kept = (scratchKept = atLeast(scratchKept, copied));
    let m = 0;
    for (let k = 0; k < was.length; k++) {
      const i = now[was[k]];
      if (i < 0) continue;
      if (m === copied || (m > 0 && !this.before(kept[m - 1], i))) return undefined;
      kept[m++] = i;
    }
    if (m !== copied) return undefined;
    // The new entries (between the copied stretches, which were taken in increasing place), sorted.
    const fresh: number[] = [];
    let next = 0;
    for (let c = 0; c <= copies.length; c += 3) {
      const end = c < copies.length ? copies[c] : n;
      for (let i = next; i < end; i++) fresh.push(i);
      if (c < copies.length) next = copies[c] + copies[c + 2];
    }
    if (fresh.length + copied !== n) return undefined;
    fresh.sort((a, b) => (this.before(a, b) ? -1 : 1));
    const all = new Int32Array(n);
    let k = 0;
    let p = 0;
    for (const f of fresh) {
      // The first copied entry after f, from where the previous new entry went.
      let lo = p;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.before(kept[mid], f)) lo = mid + 1;
        else hi = mid;
      }
      all.set(kept.subarray(p, lo), k);
      k += lo - p;
      p = lo;
      all[k++] = f;
    }
    all.set(kept.subarray(p, m), k);
    orderStats.taken++;
    return all;
  }

  /** The result's order from the runs: each sorted when it is not in order, then merged two by two. */
  private mergedOrder(): Int32Array {
    let runs: Int32Array[] = [];
    let from = 0;
    for (const to of this.runEnds) {
      const run = new Int32Array(to - from);
      let sorted = true;
      for (let i = from; i < to; i++) {
        run[i - from] = i;
        if (i > from && sorted && this.compare(i - 1, i) > 0) sorted = false;
      }
      // Array.prototype.sort is stable, as is the merge: equal findings keep the rule's order.
      if (!sorted) run.set(Array.from(run).sort((a, b) => this.compare(a, b)));
      runs.push(run);
      from = to;
    }
    while (runs.length > 1) {
      const next: Int32Array[] = [];
      for (let r = 0; r + 1 < runs.length; r += 2) next.push(this.merged(runs[r], runs[r + 1]));
      if (runs.length % 2) next.push(runs[runs.length - 1]);
      runs = next;
    }
    orderStats.merged++;
    return runs[0] ?? new Int32Array(0);
  }

  /** Two ordered runs merged; on a tie the finding of `a` (the earlier rule) comes first. */
  private merged(a: Int32Array, b: Int32Array): Int32Array {
    const out = new Int32Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    // Where every finding of b comes after every one of a (runs of rules that report on different
    // blocks), the merge is a copy.
    if (!a.length || !b.length || this.compare(a[a.length - 1], b[0]) <= 0) {
      out.set(a, 0);
      out.set(b, a.length);
      return out;
    }
    while (i < a.length && j < b.length) out[k++] = this.compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
    while (i < a.length) out[k++] = a[i++];
    while (j < b.length) out[k++] = b[j++];
    return out;
  }
}
