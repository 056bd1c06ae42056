import type { ContractModel } from '../model';
import { normalizeSpace } from '../model';
import { sentencesOf } from '../categories/scan';
import type { CategoryAssessment, Verdict } from '../categories/types';
import type { PartyMatchers } from '../model/language';
import { featuresOf, type CoverageClassifier } from './classifier';
import { memo } from '../model/facts';

/** A sentence as the classifier sees it: its text, its section titles and where it is. */
export interface ScoredSentence {
  text: string;
  titles: string;
  start: number;
  end: number;
  section: number;
  features: Uint32Array;
}

/**
 * What must agree with the classifier before it may overrule "missing": a word of the category in
 * the sentence itself, or a heading naming the category above it. A high score alone is not enough,
 * so a sentence that merely reads like a clause (same register, other subject) cannot flip a verdict.
 */
const ANCHORS: Record<string, { word: RegExp; heading: RegExp | null }> = {
  // A choice of law must name the law: under a "Governing Law" heading, a choice of courts is not one.
  'governing-law': { word: /\blaws?\b/i, heading: null },
  'audit-rights': { word: /\baudit|\binspect|\bexamin|\bbooks\b|\brecords\b/i, heading: /\baudit|\binspection|\brecords\b/i },
  'limitation-of-liability': { word: /\bliab|\bdamages\b/i, heading: /\blimitation|\bliabilit/i },
  insurance: { word: /\binsur/i, heading: /\binsurance\b/i },
  'ip-ownership': { word: /\bown|\btitle\b|\bassign|\bintellectual property|\bproprietary|\bcopyright|\bwork made for hire/i, heading: /\bownership|\bintellectual property|\bproprietary rights|\bwork product/i },
  exit: { word: /\bterminat|\bexpir|\btransition|\bwind[- ]?down|\bsell[- ]?off/i, heading: /\btermination|\btransition|\bexit\b|\bexpiration/i },
};

/** Verdict given when the classifier overrules "missing": the rules could not check the terms. */
const UPGRADE: Record<string, Verdict> = {
  // A choice of law has no quality to check: found is present.
  'governing-law': 'present',
};

/**
 * Categories on which the classifier may overrule the rules. Exit and ip-ownership have models
 * (measured in `npm run eval`) but no say: CUAD's labels for them are looser than this project's
 * categories (post-termination refunds are not exit assistance), and their upgrades removed
 * hand-judged correct "exit missing" findings (see docs/accuracy.md).
 */
const DECIDES = new Set(['governing-law', 'audit-rights', 'limitation-of-liability', 'insurance']);

const cache = new WeakMap<ContractModel, ScoredSentence[]>();

/**
 * A sentence whose features are computed when first read: only sentences an anchor agrees with
 * are scored (bestSentence), a few in a hundred, so featurising every sentence was mostly waste.
 */
class LazySentence implements ScoredSentence {
  private computed: Uint32Array | undefined;
  constructor(readonly text: string, readonly titles: string, readonly start: number, readonly end: number, readonly section: number) {}
  get features(): Uint32Array {
    return (this.computed ??= memo(`features\u0001${this.titles}`, this.text, () => featuresOf(this.text, this.titles)));
  }
}

/** The model's sentences, each featurised once when first scored. */
export function classifierSentences(model: ContractModel): ScoredSentence[] {
  let out = cache.get(model);
  if (!out) {
    out = sentencesOf(model)
      .filter((s) => !s.inHeading && !s.isDefinition)
      .map((s) => new LazySentence(s.flat, s.titles, s.start, s.end, s.section));
    cache.set(model, out);
  }
  return out;
}

/**
 * Audit rights here are the customer's right to audit the supplier; CUAD (and so the classifier)
 * counts either direction. A sentence giving the supplier the right to audit cannot decide.
 */
function wrongWay(category: string, text: string, parties: PartyMatchers | undefined): boolean {
  if (category !== 'audit-rights' || !parties) return false;
  return supplierAudits(parties.supplier.source).test(text);
}

/** The supplier-may-audit expression per supplier pattern, made once rather than once per sentence. */
const supplierAuditRes = new Map<string, RegExp>();
function supplierAudits(supplier: string): RegExp {
  let re = supplierAuditRes.get(supplier);
  if (!re) {
    if (supplierAuditRes.size >= 64) supplierAuditRes.clear();
    re = new RegExp(`(?:${supplier})[^.;]{0,40}\\b(?:may|shall be entitled to|is entitled to|shall have the right to|has the right to|can)\\b[^.;]{0,30}\\b(?:audit|inspect|examine)`, 'i');
    supplierAuditRes.set(supplier, re);
  }
  return re;
}

/** The best-scoring sentence that an anchor agrees with, if any. */
export function bestSentence(category: string, sentences: ScoredSentence[], classifier: CoverageClassifier, parties?: PartyMatchers): { sentence: ScoredSentence; score: number } | null {
  const anchor = ANCHORS[category];
  if (!anchor || !DECIDES.has(category) || !classifier.categories.has(category)) return null;
  let best: { sentence: ScoredSentence; score: number } | null = null;
  // The sentences of a section share their titles: the heading is tested once per run of them.
  let titles: string | null = null;
  let headingAgrees = false;
  for (const s of sentences) {
    if (!anchor.word.test(s.text)) {
      if (!anchor.heading) continue;
      if (s.titles !== titles) {
        titles = s.titles;
        headingAgrees = anchor.heading.test(titles);
      }
      if (!headingAgrees) continue;
    }
    if (wrongWay(category, s.text, parties)) continue;
    const score = classifier.score(category, s.features);
    if (!best || score > best.score) best = { sentence: s, score };
  }
  return best;
}

/**
 * Combines the rules' verdict with the classifier's. The rules decide, with two exceptions, each
 * showing the deciding sentence and its score as evidence (source 'classifier'):
 * - "missing" is overruled when the classifier scores a sentence at or above its threshold and an
 *   anchor agrees; the category is then "weak" (present for governing law): a clause is there, in
 *   words the rules could not check.
 * - "present"/"weak" is overruled, for categories with a veto level, when no sentence that an
 *   anchor agrees with scores above it: the rules matched a word used in another sense (freight
 *   insurance, "such time as is necessary").
 */
export function secondOpinion(a: CategoryAssessment, sentences: ScoredSentence[], classifier: CoverageClassifier, parties?: PartyMatchers): CategoryAssessment {
  if (!DECIDES.has(a.category) || !classifier.categories.has(a.category)) return a;
  if (a.verdict !== 'missing') {
    const veto = classifier.veto(a.category);
    if (veto === null) return a;
    const best = bestSentence(a.category, sentences, classifier);
    if (best && best.score >= veto) return a;
    // Show the rules' own first sentence with its (low) score: the text the rules relied on.
    const relied = a.evidence.find((e) => !e.path && e.requirement !== 'heading') ?? a.evidence[0];
    const at = relied ? sentences.find((s) => s.start <= relied.span.start && relied.span.start < s.end) : undefined;
    const score = at ? classifier.score(a.category, at.features) : best?.score ?? 0;
    return {
      ...a,
      verdict: 'missing',
      reason: `the rules found ${a.reason}, but the trained classifier reads no sentence as such a clause (best score ${(best?.score ?? 0).toFixed(2)})`,
      evidence: relied ? [{ ...relied, source: 'classifier', score: Number(score.toFixed(3)) }] : [],
    };
  }
  const best = bestSentence(a.category, sentences, classifier, parties);
  if (!best || best.score < classifier.threshold(a.category)) return a;
  const { sentence, score } = best;
  return {
    ...a,
    verdict: UPGRADE[a.category] ?? 'weak',
    reason: `the rules found ${a.reason}, but the trained classifier recognises a clause (score ${score.toFixed(2)}); check its terms`,
    evidence: [{ requirement: 'classifier', span: { start: sentence.start, end: sentence.end }, text: normalizeSpace(sentence.text).slice(0, 300), section: sentence.section, source: 'classifier', score: Number(score.toFixed(3)) }],
    section: sentence.section > 0 ? sentence.section : a.section,
  };
}
