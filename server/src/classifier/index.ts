/**
 * The trained coverage classifier: a second opinion on six categories, combined with the rules by
 * secondOpinion(). Weights come from `npm run train` (scripts/train.ts) and ship in weights.json.
 */
import stored from './weights.json';
import { loadClassifier, type CoverageClassifier, type StoredClassifier } from './classifier';

export { CLASSIFIED_CATEGORIES, loadClassifier, featuresOf, type ClassifiedCategory, type CoverageClassifier, type StoredClassifier, type StoredCategoryModel } from './classifier';
export { secondOpinion, secondOpinionOf, classifierSentences, bestSentence, type ScoredSentence } from './second-opinion';

let shipped: CoverageClassifier | undefined;
/** The classifier trained on all of cuad-dev, as committed. */
export function shippedClassifier(): CoverageClassifier {
  return (shipped ??= loadClassifier(stored as StoredClassifier));
}
