// Trains the coverage classifier: one logistic regression per category over hashed n-grams,
// by plain SGD with L2, in a fixed order from a fixed seed (the same input gives the same bytes).
// Used by scripts/train.ts (all of cuad-dev) and scripts/eval.ts (one model per fold).
import { BUCKETS } from '../../server/src/classifier/features';
import { featuresOf, type StoredClassifier, type StoredCategoryModel } from '../../server/src/classifier';
import { CUAD_CATEGORIES, type CuadCategory, type CuadDoc } from './cuad-dev';
import type { Reviewed } from './reviewed';
import { prng } from './prng';

export const SEED = 20240917;
export const EPOCHS = 6;
export const LAMBDA = 1e-5;
export const ETA0 = 0.2;
/** Positives are rare (about 1 sentence in 300): each counts this many times. */
export const POSITIVE_WEIGHT = 8;
/** Non-zero buckets kept per category (the largest weights), so the JSON stays under 2 MB. */
export const KEEP = 12000;
export const SCALE = 1000;
export const THRESHOLD = 0.8;
/**
 * Veto levels (see secondOpinion), only where cross-validation on cuad-dev showed the rules'
 * false "present" verdicts come from words in another sense and a veto keeps "missing" precise.
 * Not for limitation of liability: CUAD does not count an exclusive-remedy clause or a disclaimer,
 * which this project rates a weak limitation, so a veto there contradicts the project's own labels
 * (measured: corpus missing-precision 0.57). See docs/accuracy.md.
 */
export const VETO: Partial<Record<CuadCategory, number>> = { insurance: 0.01 };

/**
 * Headings that label the provisions under them (as LEDGAR labels provisions by their titles).
 * Stricter than the engine's anchors: a training label must be right, not merely plausible.
 */
export const LABEL_HEADINGS: Record<CuadCategory, RegExp> = {
  'governing-law': /\bgoverning law\b|\bapplicable law\b|\bchoice of law\b/i,
  'audit-rights': /\baudit/i,
  'limitation-of-liability': /\blimitations? (?:of|on) (?:liability|damages|remedies)\b|\bliability cap\b|\bexclusion of (?:certain )?damages\b/i,
  insurance: /\binsurance\b/i,
  'ip-ownership': /\bownership\b/i,
  exit: /\bpost[- ]termination\b|\btransition (?:services|assistance)\b|\beffect of (?:termination|expiration)\b|\bwind[- ]?down\b/i,
};

export interface Example { features: Uint32Array; labels: number }

/** Whitespace-folded text with a map back to source offsets, to find the experts' quotes. */
function flatten(text: string): { flat: string; offsets: number[] } {
  let flat = '';
  const offsets: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) { space = true; continue; }
    if (space && flat) { flat += ' '; offsets.push(i); }
    space = false;
    flat += text[i];
    offsets.push(i);
  }
  offsets.push(text.length);
  return { flat, offsets };
}

/** Source spans of a category's quoted clauses (a quote not found whole is found by its opening). */
export function locateSpans(text: string, quotes: string[], flattened = flatten(text)): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const q of quotes) {
    const needle = q.replace(/\s+/g, ' ').trim();
    let at = flattened.flat.indexOf(needle);
    let len = needle.length;
    if (at < 0 && needle.length > 60) { at = flattened.flat.indexOf(needle.slice(0, 60)); len = needle.length; }
    if (at < 0) continue;
    const last = Math.min(at + len, flattened.flat.length) - 1;
    out.push([flattened.offsets[at], flattened.offsets[last] + 1]);
  }
  return out;
}

/** Labelled sentences of one contract: bit k of `labels` is CUAD_CATEGORIES[k]. */
export function examplesOf(doc: CuadDoc, reviewed: Reviewed): Example[] {
  const flattened = flatten(doc.text);
  const spans = CUAD_CATEGORIES.map((c) => locateSpans(doc.text, doc.spans[c], flattened));
  return reviewed.sentences.map((s) => {
    let labels = 0;
    CUAD_CATEGORIES.forEach((c, k) => {
      const quoted = spans[k].some(([a, b]) => s.start < b && a < s.end);
      // A heading naming the category labels its provisions, where the experts agree the category is there.
      const headed = doc.labels[c] && LABEL_HEADINGS[c].test(s.titles);
      if (quoted || headed) labels |= 1 << k;
    });
    return { features: featuresOf(s.text, s.titles), labels };
  });
}

function trainOne(examples: Example[], bit: number, veto: number | undefined): StoredCategoryModel {
  const v = new Float64Array(BUCKETS);
  let scale = 1; // weights are scale * v: L2 decay without touching every bucket each step
  let bias = 0;
  const random = prng(SEED + bit);
  const order = examples.map((_, i) => i);
  let t = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const eta = ETA0 / (1 + epoch);
    for (const idx of order) {
      const ex = examples[idx];
      const y = (ex.labels >> bit) & 1;
      let z = bias;
      for (const f of ex.features) z += scale * v[f];
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * (y ? POSITIVE_WEIGHT : 1);
      scale *= 1 - eta * LAMBDA;
      const step = (eta * g) / scale;
      for (const f of ex.features) v[f] -= step;
      bias -= eta * g;
      if (scale < 1e-6) { for (let k = 0; k < BUCKETS; k++) v[k] *= scale; scale = 1; }
      t++;
    }
  }
  // Keep the largest weights, rounded; store buckets as gaps so the JSON stays small.
  const kept: Array<[number, number]> = [];
  for (let k = 0; k < BUCKETS; k++) {
    const w = Math.round(scale * v[k] * SCALE);
    if (w !== 0) kept.push([k, w]);
  }
  kept.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]);
  const top = kept.slice(0, KEEP).sort((a, b) => a[0] - b[0]);
  let prev = 0;
  return {
    bias: Number(bias.toFixed(4)),
    threshold: THRESHOLD,
    ...(veto !== undefined ? { veto } : {}),
    buckets: top.map(([k]) => { const gap = k - prev; prev = k; return gap; }),
    weights: top.map(([, w]) => w),
  };
}

export function trainClassifier(examples: Example[], trainedOn: string): StoredClassifier {
  const categories: StoredClassifier['categories'] = {};
  CUAD_CATEGORIES.forEach((c, k) => { categories[c] = trainOne(examples, k, VETO[c]); });
  return { format: 'clausewise-classifier/1', trainedOn, buckets: BUCKETS, scale: SCALE, categories };
}
