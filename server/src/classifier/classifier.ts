import { BUCKETS, featuresOf } from './features';

/** The six coverage categories CUAD's expert labels map onto; only these have a trained model. */
export const CLASSIFIED_CATEGORIES = ['governing-law', 'audit-rights', 'limitation-of-liability', 'insurance', 'ip-ownership', 'exit'] as const;
export type ClassifiedCategory = (typeof CLASSIFIED_CATEGORIES)[number];

/** One category's linear model as stored in JSON: sparse, delta-encoded buckets, integer weights. */
export interface StoredCategoryModel {
  bias: number;
  /** Sentence probability at or above which the classifier vouches for a clause. */
  threshold: number;
  /**
   * When set: if no sentence of the contract scores above this, the classifier overrules a rules
   * verdict of present or weak (the rules matched a word used in another sense).
   */
  veto?: number;
  /** Buckets with a non-zero weight, as gaps from the previous bucket (the first from 0). */
  buckets: number[];
  /** Weights, multiplied by `scale` and rounded. */
  weights: number[];
}

export interface StoredClassifier {
  format: 'clausewise-classifier/1';
  /** What it was trained on, how, and with which seed (free text, shown in docs). */
  trainedOn: string;
  buckets: number;
  scale: number;
  categories: Partial<Record<ClassifiedCategory, StoredCategoryModel>>;
}

/** A loaded classifier: sentence probabilities per category. */
export interface CoverageClassifier {
  categories: ReadonlySet<string>;
  threshold(category: string): number;
  /** Probability below which, for every sentence, a rules "present"/"weak" is overruled; null for never. */
  veto(category: string): number | null;
  /** Probability that the sentence (under the given section titles) states the category's clause. */
  score(category: string, features: Uint32Array): number;
}

export function loadClassifier(stored: StoredClassifier): CoverageClassifier {
  if (stored.format !== 'clausewise-classifier/1' || stored.buckets !== BUCKETS) {
    throw new Error(`unsupported classifier weights (format ${String(stored.format)}, ${stored.buckets} buckets; expected clausewise-classifier/1 with ${BUCKETS})`);
  }
  // Dense vectors, built on first use: one array lookup per feature when scoring.
  const dense = new Map<string, { bias: number; threshold: number; veto: number | null; w: Float32Array }>();
  const modelOf = (category: string) => {
    let m = dense.get(category);
    if (!m) {
      const s = stored.categories[category as ClassifiedCategory];
      if (!s) throw new Error(`no classifier for category ${category}`);
      const w = new Float32Array(BUCKETS);
      let b = 0;
      for (let i = 0; i < s.buckets.length; i++) {
        b += s.buckets[i];
        w[b] = s.weights[i] / stored.scale;
      }
      m = { bias: s.bias, threshold: s.threshold, veto: s.veto ?? null, w };
      dense.set(category, m);
    }
    return m;
  };
  return {
    categories: new Set(Object.keys(stored.categories)),
    threshold: (category) => modelOf(category).threshold,
    veto: (category) => modelOf(category).veto,
    score(category, features) {
      const m = modelOf(category);
      let z = m.bias;
      for (let i = 0; i < features.length; i++) z += m.w[features[i]];
      return 1 / (1 + Math.exp(-z));
    },
  };
}

export { featuresOf };
