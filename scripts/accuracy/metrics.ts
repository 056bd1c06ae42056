// Presence metrics per category and document-level bootstrap intervals.
import { prng } from './prng';


/** One system's presence verdicts: pred[doc][cat] and gold[doc][cat] (undefined = not labelled). */
export interface Outcomes { categories: string[]; pred: boolean[][]; gold: Array<Array<boolean | undefined>> }

export interface CategoryFigures { category: string; tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number; missingPrecision: number }

export function figures(o: Outcomes, docs: number[] = o.pred.map((_, i) => i)): CategoryFigures[] {
  return o.categories.map((category, k) => {
    let tp = 0, fp = 0, fn = 0, tn = 0;
    for (const d of docs) {
      const g = o.gold[d][k];
      if (g === undefined) continue;
      const p = o.pred[d][k];
      if (p && g) tp++; else if (p) fp++; else if (g) fn++; else tn++;
    }
    return {
      category, tp, fp, fn, tn,
      precision: tp + fp ? tp / (tp + fp) : NaN,
      recall: tp + fn ? tp / (tp + fn) : NaN,
      // A category never present and never predicted is perfectly handled.
      f1: tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn),
      // Of the "missing" verdicts, the share that are right; no "missing" verdict makes no error.
      missingPrecision: tn + fn === 0 ? 1 : tn / (tn + fn),
    };
  });
}

export const macroF1 = (f: CategoryFigures[]) => f.reduce((s, x) => s + x.f1, 0) / f.length;

export type Interval = [number, number];
export interface Intervals { macroF1: Interval; f1: Record<string, Interval>; missingPrecision: Record<string, Interval>; worstMissingPrecision: Interval }

/** 95% percentile intervals from resampling whole documents with replacement. */
export function bootstrap(o: Outcomes, resamples = 1000, seed = 9): Intervals {
  const random = prng(seed);
  const n = o.pred.length;
  const macro: number[] = [];
  const worst: number[] = [];
  const f1: Record<string, number[]> = {};
  const miss: Record<string, number[]> = {};
  for (let r = 0; r < resamples; r++) {
    const docs = Array.from({ length: n }, () => Math.floor(random() * n));
    const f = figures(o, docs);
    macro.push(macroF1(f));
    worst.push(Math.min(...f.map((x) => x.missingPrecision)));
    for (const x of f) { (f1[x.category] ??= []).push(x.f1); (miss[x.category] ??= []).push(x.missingPrecision); }
  }
  const ci = (xs: number[]): Interval => {
    const s = [...xs].sort((a, b) => a - b);
    return [s[Math.floor(0.025 * (s.length - 1))], s[Math.ceil(0.975 * (s.length - 1))]];
  };
  const map = (m: Record<string, number[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, ci(v)]));
  return { macroF1: ci(macro), worstMissingPrecision: ci(worst), f1: map(f1), missingPrecision: map(miss) };
}
