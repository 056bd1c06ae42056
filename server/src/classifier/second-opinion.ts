import type { ContractModel } from '../model';
import { normalizeSpace } from '../model';
import { infoSpan, infoStart, sentenceReuseOf, sentencesOf, type SentenceInfo } from '../categories/scan';
import type { CategoryAssessment, Verdict } from '../categories/types';
import { partyNameSearch, type PartyMatchers } from '../model/language';
import { featuresOf, type CoverageClassifier } from './classifier';
import { factsActive, memo } from '../model/facts';

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
    // Memoised only while editing: in a one-shot review the key and the closure were a third of the
    // getter's time over cuad-dev (issue 13, cli).
    return (this.computed ??= factsActive() ? memo(`features\u0001${this.titles}`, this.text, () => featuresOf(this.text, this.titles)) : featuresOf(this.text, this.titles));
  }
}

/** The model's sentences, each featurised once when first scored. */
export function classifierSentences(model: ContractModel): ScoredSentence[] {
  let out = cache.get(model);
  if (!out) {
    out = sentencesOf(model)
      .filter((s) => !s.inHeading && !s.isDefinition)
      .map((s) => { const span = infoSpan(model, s); return new LazySentence(s.flat, s.titles, span.start, span.end, s.section); });
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
  // The supplier's names searched case-insensitively, then the fixed rest of the expression below.
  const search = partyNameSearch(parties.supplier);
  if (search && search.exact(true)) return search.next(text, 0, true, SUPPLIER_MAY_AUDIT) >= 0;
  return supplierAudits(parties.supplier.source).test(text);
}

/** What follows the supplier's name in supplierAudits' expression, as a fixed sticky expression. */
const SUPPLIER_MAY_AUDIT = /[^.;]{0,40}\b(?:may|shall be entitled to|is entitled to|shall have the right to|has the right to|can)\b[^.;]{0,30}\b(?:audit|inspect|examine)/iy;

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
  // Indexed: a for-of loop allocates a result object per sentence until the function is optimised (issue 13).
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
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

/** Where the second opinion reads its sentences: the best one an anchor agrees with, and the one holding a position. */
interface SentenceSource {
  best(category: string, parties?: PartyMatchers): { sentence: ScoredSentence; score: number } | null;
  at(position: number): ScoredSentence | undefined;
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
  return opinion(a, {
    best: (category, withParties) => bestSentence(category, sentences, classifier, withParties),
    at: (position) => sentences.find((s) => s.start <= position && position < s.end),
  }, classifier, parties);
}

/**
 * secondOpinion over a model's sentences. While editing, the sentences an anchor agrees with and
 * their scores are kept per model and taken over by the next spliced model for every sentence that
 * reads the same (categories/scan.ts sentenceReuseOf), so an edit tests and scores only the
 * sentences it changed rather than every sentence of the document (issue 13). Otherwise (the CLI,
 * a full review) it is secondOpinion over classifierSentences.
 */
export function secondOpinionOf(a: CategoryAssessment, model: ContractModel, classifier: CoverageClassifier, parties?: PartyMatchers): CategoryAssessment {
  if (!factsActive()) return secondOpinion(a, classifierSentences(model), classifier, parties);
  const infos = sentencesOf(model);
  return opinion(a, {
    best: (category, withParties) => keptBest(model, infos, category, classifier, withParties),
    at: (position) => {
      const info = infos.find((s) => !s.inHeading && !s.isDefinition && infoStart(model, s) <= position && position < infoSpan(model, s).end);
      return info && scored(model, info);
    },
  }, classifier, parties);
}

function opinion(a: CategoryAssessment, sentences: SentenceSource, classifier: CoverageClassifier, parties?: PartyMatchers): CategoryAssessment {
  if (!DECIDES.has(a.category) || !classifier.categories.has(a.category)) return a;
  if (a.verdict !== 'missing') {
    const veto = classifier.veto(a.category);
    if (veto === null) return a;
    const best = sentences.best(a.category);
    if (best && best.score >= veto) return a;
    // Show the rules' own first sentence with its (low) score: the text the rules relied on.
    const relied = a.evidence.find((e) => !e.path && e.requirement !== 'heading') ?? a.evidence[0];
    const at = relied ? sentences.at(relied.span.start) : undefined;
    const score = at ? classifier.score(a.category, at.features) : best?.score ?? 0;
    return {
      ...a,
      verdict: 'missing',
      reason: `the rules found ${a.reason}, but the trained classifier reads no sentence as such a clause (best score ${(best?.score ?? 0).toFixed(2)})`,
      evidence: relied ? [{ ...relied, source: 'classifier', score: Number(score.toFixed(3)) }] : [],
    };
  }
  const best = sentences.best(a.category, parties);
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

/** A sentence of the list as the classifier sees it (the same fields as classifierSentences gives it). */
function scored(model: ContractModel, info: SentenceInfo): ScoredSentence {
  const span = infoSpan(model, info);
  return new LazySentence(info.flat, info.titles, span.start, span.end, info.section);
}

/**
 * The sentences of one model an anchor of one category agrees with (and that are not the wrong way
 * round, for the party names `partyKey`), in text order: infos[n[k]] scores score[k].
 */
interface Anchored { n: Int32Array; score: Float64Array; classifier: CoverageClassifier; partyKey: string }
const anchoredOf = new WeakMap<SentenceInfo[], Map<string, Anchored>>();

/** Does an anchor of the category agree with the sentence, and may it decide (bestSentence's test)? */
function agrees(category: string, info: SentenceInfo, parties: PartyMatchers | undefined): boolean {
  if (info.inHeading || info.isDefinition) return false;
  const anchor = ANCHORS[category];
  if (!anchor.word.test(info.flat) && !(anchor.heading && anchor.heading.test(info.titles))) return false;
  return !wrongWay(category, info.flat, parties);
}

function scoreOf(category: string, info: SentenceInfo, classifier: CoverageClassifier): number {
  return classifier.score(category, memo(`features\u0001${info.titles}`, info.flat, () => featuresOf(info.flat, info.titles)));
}

/**
 * bestSentence over a model's sentence list while editing: the anchored sentences of the previous
 * model are taken over where they read the same, and only the sentences an edit changed are
 * tested and scored. The first of the highest scores wins, as in bestSentence.
 */
function keptBest(model: ContractModel, infos: SentenceInfo[], category: string, classifier: CoverageClassifier, parties?: PartyMatchers): { sentence: ScoredSentence; score: number } | null {
  const anchor = ANCHORS[category];
  if (!anchor || !DECIDES.has(category) || !classifier.categories.has(category)) return null;
  // wrongWay reads the supplier's name, for audit rights only.
  const partyKey = category !== 'audit-rights' ? '' : parties ? `+${parties.supplier.source}` : '-';
  const key = `${category}\u0000${partyKey}`;
  let held = anchoredOf.get(infos);
  if (!held) anchoredOf.set(infos, (held = new Map()));
  let anchored = held.get(key);
  if (!anchored || anchored.classifier !== classifier) held.set(key, (anchored = keptAnchored(model, infos, key, category, classifier, parties, partyKey) ?? allAnchored(infos, category, classifier, parties, partyKey)));
  let bestAt = -1;
  for (let k = 0; k < anchored.n.length; k++) if (bestAt < 0 || anchored.score[k] > anchored.score[bestAt]) bestAt = k;
  return bestAt < 0 ? null : { sentence: scored(model, infos[anchored.n[bestAt]]), score: anchored.score[bestAt] };
}

function allAnchored(infos: SentenceInfo[], category: string, classifier: CoverageClassifier, parties: PartyMatchers | undefined, partyKey: string): Anchored {
  const n: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < infos.length; i++) {
    if (!agrees(category, infos[i], parties)) continue;
    n.push(i);
    score.push(scoreOf(category, infos[i], classifier));
  }
  return { n: Int32Array.from(n), score: Float64Array.from(score), classifier, partyKey };
}

/** The anchored sentences of a spliced model from the previous model's (null when there are none to take over). */
function keptAnchored(model: ContractModel, infos: SentenceInfo[], key: string, category: string, classifier: CoverageClassifier, parties: PartyMatchers | undefined, partyKey: string): Anchored | null {
  const reuse = sentenceReuseOf(model);
  const previous = reuse && reuse.infos === infos ? anchoredOf.get(reuse.previous)?.get(key) : undefined;
  if (!reuse || !previous || previous.classifier !== classifier || previous.partyKey !== partyKey) return null;
  const { flags, shift, removedFrom, removedTo } = reuse;
  const n: number[] = [];
  const score: number[] = [];
  // Sentences read again, merged in text order with the ones taken over.
  let next = flags.indexOf(1);
  const rereadUpTo = (limit: number): void => {
    for (; next >= 0 && next < limit; next = flags.indexOf(1, next + 1)) {
      if (!agrees(category, infos[next], parties)) continue;
      n.push(next);
      score.push(scoreOf(category, infos[next], classifier));
    }
  };
  for (let k = 0; k < previous.n.length; k++) {
    const old = previous.n[k];
    if (old >= removedFrom && old < removedTo) continue;
    const at = old < removedFrom ? old : old + shift;
    if (flags[at]) continue;
    rereadUpTo(at);
    n.push(at);
    score.push(previous.score[k]);
  }
  rereadUpTo(infos.length);
  return { n: Int32Array.from(n), score: Float64Array.from(score), classifier, partyKey };
}
