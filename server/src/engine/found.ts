/**
 * The findings of one review on their way into the result (issue 13, engine): one entry per finding
 * in parallel arrays rather than an object each, in runs (one per rule, in the order the rule gave
 * them). The result's order (by position, then end line, rule id and message) is the runs merged:
 * each rule's findings come in block order, so a run is nearly always in order already and the
 * merge compares mostly two numbers per finding, where sorting every finding (the engine's way
 * before) called a comparator on objects about log2(n) times per finding. Ownership (ownership.ts)
 * reads only the few findings that name a kind of words. The order is the one a stable sort of the
 * runs' concatenation gives: a run out of order is sorted first, and ties go to the earlier run.
 */
import type { WordKind, FixSpec } from '../rules/types';
import type { ReviewDiagnostic } from './types';
import { compareIds } from '../model/compare-ids';

export class FoundFindings {
  /** Where each finding is in the text (offsets). */
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly diag: ReviewDiagnostic[] = [];
  /** Its fixes as offered, with spans `by` characters before their place (block-relative ones). */
  readonly fixes: FixSpec[][] = [];
  readonly by: number[] = [];
  /** The findings that name a kind of words (RuleFinding.words), few: their index and kind. */
  readonly worded: number[] = [];
  readonly words: WordKind[] = [];
  /** Where each run ends (exclusive); run r starts where run r - 1 ends. */
  private readonly runEnds: number[] = [];

  get size(): number {
    return this.start.length;
  }

  add(start: number, end: number, diag: ReviewDiagnostic, fixes: FixSpec[], by: number, words: WordKind | undefined): void {
    if (words !== undefined) {
      this.worded.push(this.start.length);
      this.words.push(words);
    }
    this.start.push(start);
    this.end.push(end);
    this.diag.push(diag);
    this.fixes.push(fixes);
    this.by.push(by);
  }

  /** Ends the run of one rule (an empty run is dropped). */
  endRun(): void {
    const n = this.start.length;
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

  /**
   * The indexes of the findings `drop` leaves, in the result's order: each run sorted (when it is
   * not in order already), then the runs merged two by two, the earlier run first on ties.
   */
  ordered(drop?: ReadonlySet<number>): number[] {
    this.endRun();
    const n = this.size;
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
    const out: number[] = [];
    const all = runs[0] ?? new Int32Array(0);
    for (let k = 0; k < n; k++) {
      const i = all[k];
      if (!drop?.has(i)) out.push(i);
    }
    return out;
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
