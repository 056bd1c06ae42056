/**
 * The coverage classifier (issue 9): features, scoring, and how its opinion combines with the
 * rules' verdicts, on hand-built models whose behaviour is known, then on the shipped weights.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { classifierSentences, featuresOf, loadClassifier, secondOpinion, shippedClassifier, type ScoredSentence, type StoredClassifier } from '../../server/src/classifier';
import { tokens } from '../../server/src/classifier/features';
import type { CategoryAssessment, CategoryId } from '../../server/src/categories/types';
import { review } from '../../server/src/engine';
import { buildContractModel } from '../../server/src/model';
import fc from 'fast-check';
import { propertyRuns } from '../support/property-runs';

const ROOT = resolve(__dirname, '..', '..');

/** A model for one category that scores exactly the given sentence high (all its features +1). */
function modelFor(category: string, sentence: string, opts: { threshold?: number; veto?: number; titles?: string } = {}): StoredClassifier {
  const f = [...featuresOf(sentence, opts.titles ?? '')];
  let prev = 0;
  return {
    format: 'clausewise-classifier/1', trainedOn: 'test', buckets: 1 << 18, scale: 1000,
    categories: { [category]: { bias: -4, threshold: opts.threshold ?? 0.8, ...(opts.veto !== undefined ? { veto: opts.veto } : {}), buckets: f.map((b) => { const g = b - prev; prev = b; return g; }), weights: f.map(() => 1000) } },
  };
}

const sentence = (text: string, titles = '', start = 0): ScoredSentence => ({ text, titles, start, end: start + text.length, section: 1, features: featuresOf(text, titles) });
const assessment = (category: string, verdict: CategoryAssessment['verdict']): CategoryAssessment => ({ category: category as CategoryId, verdict, reason: 'no choice of law', evidence: verdict === 'missing' ? [] : [{ requirement: 'mention', span: { start: 0, end: 10 }, text: 'x', section: 1 }], requirements: {}, section: null });

const GOVERNED = 'Ruritanian statutes, the laws the parties chose, decide every question about this deal.';

describe('classifier features', () => {
  it('are the same for the same text and differ for different words', () => {
    assert.deepEqual([...featuresOf(GOVERNED, 'Law')], [...featuresOf(GOVERNED, 'Law')]);
    assert.notDeepEqual([...featuresOf(GOVERNED, '')], [...featuresOf('The supplier keeps insurance cover.', '')]);
  });
  it('fold numbers and case, so amounts and clause numbers generalise', () => {
    assert.deepEqual(tokens('Pay USD 2,000,000 under Clause 12.1'), ['pay', 'usd', '0', 'under', 'clause', '0']);
    assert.deepEqual([...featuresOf('within 30 days', '')], [...featuresOf('WITHIN 90 days', '')]);
  });
  it('include the section titles, so a heading counts', () => {
    assert.notDeepEqual([...featuresOf(GOVERNED, 'Governing Law')], [...featuresOf(GOVERNED, '')]);
  });
});

describe('classifier tokens and sentences', () => {
  // The regular expressions tokens() used per token before it tested characters instead.
  const reference = (text: string) => (text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z][a-z']*|\d+(?:[.,]\d+)*/g) ?? []).map((t) => (/^\d/.test(t) ? '0' : t.replace(/'s?$/, '')));

  it('drop a trailing apostrophe or "\'s" and turn numbers into 0', () => {
    assert.deepEqual(tokens("The Supplier's staff, the parties' 12.5 days and its'' 3,000 fees"), ['the', 'supplier', 'staff', 'the', 'parties', '0', 'days', 'and', "its'", '0', 'fees']);
  });

  it('are those of the per-token regular expressions on any text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'S', 's', "'", '\u2019', '1', '.', ',', ' ', 'x'), { maxLength: 30 }), (chars) => {
      const text = chars.join('');
      assert.deepEqual(tokens(text), reference(text));
    }), { numRuns: propertyRuns(300) });
  });

  // featuresOf as it was written over tokens(), before it read the words in one pass (issue 13, cli).
  const FNV = (h: number, s: string) => { for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193); return h; };
  const referenceFeatures = (text: string, titles: string): number[] => {
    const words = tokens(text).slice(0, 120);
    const out: number[] = [];
    for (let i = 0; i < words.length; i++) {
      out.push((FNV(0x811c9dc5, `u:${words[i]}`) >>> 0) & ((1 << 18) - 1));
      if (i + 1 < words.length) out.push((FNV(0x811c9dc5, `b:${words[i]} ${words[i + 1]}`) >>> 0) & ((1 << 18) - 1));
    }
    for (const w of tokens(titles).slice(0, 20)) out.push((FNV(0x811c9dc5, `t:${w}`) >>> 0) & ((1 << 18) - 1));
    return [...new Set(out)].sort((a, b) => a - b);
  };

  it('are the hashes of the tokens\' words and pairs, on any text', () => {
    const piece = fc.constantFrom('a', 'S', 's', "'", '\u2018', '\u2019', '1', '.', ',', ' ', 'x', 'İ', '\u212A', 'Σ', 'é', '\n', 'supplier', 'the ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.array(piece, { maxLength: 8 }), (chars, title) => {
      const text = chars.join('');
      assert.deepEqual([...featuresOf(text, title.join(''))], referenceFeatures(text, title.join('')));
    }), { numRuns: propertyRuns(500) });
    // Cut at 120 words.
    const long = Array.from({ length: 200 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ');
    assert.deepEqual([...featuresOf(long, 'Fees')], referenceFeatures(long, 'Fees'));
    // Titles cut at 20 words; the same titles again (kept), then none.
    assert.deepEqual([...featuresOf('The fees.', long)], referenceFeatures('The fees.', long));
    assert.deepEqual([...featuresOf('The fees are due.', long)], referenceFeatures('The fees are due.', long));
    assert.deepEqual([...featuresOf('The fees are due.', '')], referenceFeatures('The fees are due.', ''));
  });

  it('give each sentence of a model the features of its text and titles, computed when first read', () => {
    const model = buildContractModel('# Agreement\n\n## 5. Audit\n\nThe Customer may audit the books. Records are kept for 7 years.\n\n## 6. Law\n\nThe laws of Ohio govern.\n');
    const sentences = classifierSentences(model);
    assert.ok(sentences.length >= 3);
    for (const s of sentences) assert.deepEqual([...s.features], [...featuresOf(s.text, s.titles)], s.text);
  });
});

describe('classifier scoring', () => {
  it('rejects weights in another format with a clear error', () => {
    assert.throws(() => loadClassifier({ ...modelFor('governing-law', GOVERNED), buckets: 1024 }), /unsupported classifier weights/);
  });
  it('scores the sentence it was built for above one it was not', () => {
    const c = loadClassifier(modelFor('governing-law', GOVERNED));
    assert.ok(c.score('governing-law', featuresOf(GOVERNED, '')) > 0.99);
    assert.ok(c.score('governing-law', featuresOf('Invoices are due monthly.', '')) < 0.5);
  });
});

describe('secondOpinion: combining the classifier with the rules', () => {
  const c = loadClassifier(modelFor('governing-law', GOVERNED));

  it('turns "missing" into a verdict when the score is high and a word of the category agrees, showing the sentence and score', () => {
    const a = secondOpinion(assessment('governing-law', 'missing'), [sentence('Invoices are due monthly.'), sentence(GOVERNED, '', 40)], c);
    assert.equal(a.verdict, 'present');
    assert.equal(a.evidence.length, 1);
    assert.equal(a.evidence[0].source, 'classifier');
    assert.equal(a.evidence[0].span.start, 40);
    assert.ok((a.evidence[0].score ?? 0) >= 0.8);
    assert.match(a.reason, /trained classifier recognises a clause \(score/);
  });

  it('gives "weak" rather than "present" where the rules check quality (a clause found in words the rules cannot check)', () => {
    const ins = 'Each party keeps cover with reputable insurers for the whole term.';
    const a = secondOpinion(assessment('insurance', 'missing'), [sentence(ins)], loadClassifier(modelFor('insurance', ins)));
    assert.equal(a.verdict, 'weak');
  });

  it('keeps "missing" when no anchor agrees, however high the score', () => {
    const noAnchor = 'Ruritanian statutes decide every question about this deal.';
    const a = secondOpinion(assessment('governing-law', 'missing'), [sentence(noAnchor)], loadClassifier(modelFor('governing-law', noAnchor)));
    assert.equal(a.verdict, 'missing');
  });

  it('accepts a heading naming the category as the anchor', () => {
    const noAnchor = 'The Customer may look at everything the Supplier keeps about the Services.';
    const a = secondOpinion(assessment('audit-rights', 'missing'), [sentence(noAnchor, 'Audit')], loadClassifier(modelFor('audit-rights', noAnchor, { titles: 'Audit' })));
    assert.equal(a.verdict, 'weak');
  });

  it('does not take a heading as the anchor for governing law: a choice of courts under it names no law', () => {
    const courts = 'The courts of Ruritania have exclusive jurisdiction over this Agreement.';
    const a = secondOpinion(assessment('governing-law', 'missing'), [sentence(courts, 'Governing Law')], loadClassifier(modelFor('governing-law', courts, { titles: 'Governing Law' })));
    assert.equal(a.verdict, 'missing');
  });

  it('does not let a right of the supplier to audit the customer decide audit rights', () => {
    const parties = { supplier: /\bthe Supplier\b/i, customer: /\bthe Customer\b/i };
    const wrong = "The Supplier may audit the Customer's records of software use once a year.";
    const right = "The Customer may audit the Supplier's records of the Services once a year.";
    const c = loadClassifier(modelFor('audit-rights', wrong));
    assert.equal(secondOpinion(assessment('audit-rights', 'missing'), [sentence(wrong)], c, parties).verdict, 'missing');
    const c2 = loadClassifier(modelFor('audit-rights', right));
    assert.equal(secondOpinion(assessment('audit-rights', 'missing'), [sentence(right)], c2, parties).verdict, 'weak');
  });

  it('keeps "missing" below the threshold', () => {
    const strictModel = loadClassifier(modelFor('governing-law', GOVERNED, { threshold: 0.999999999 }));
    assert.equal(secondOpinion(assessment('governing-law', 'missing'), [sentence(GOVERNED)], strictModel).verdict, 'missing');
  });

  it('leaves the rules\' "present" and "weak" alone where the category has no veto', () => {
    for (const v of ['present', 'weak'] as const) {
      assert.equal(secondOpinion(assessment('governing-law', v), [sentence('Invoices are due monthly.')], c).verdict, v);
    }
  });

  it('vetoes a rules verdict where the category has a veto level and no sentence scores above it', () => {
    const ins = 'Each party keeps cover with reputable insurers for the whole term.';
    const vetoing = loadClassifier(modelFor('insurance', ins, { veto: 0.5 }));
    const vetoed = secondOpinion(assessment('insurance', 'weak'), [sentence('Freight insurance is paid by the buyer.')], vetoing);
    assert.equal(vetoed.verdict, 'missing');
    assert.equal(vetoed.evidence[0]?.source, 'classifier');
    assert.match(vetoed.reason, /reads no sentence as such a clause/);
    // The near miss: a real duty to hold cover in the contract keeps the rules' verdict.
    assert.equal(secondOpinion(assessment('insurance', 'weak'), [sentence(ins)], vetoing).verdict, 'weak');
  });

  it('leaves categories it has no model for to the rules', () => {
    assert.equal(secondOpinion(assessment('sla', 'missing'), [sentence(GOVERNED)], c).verdict, 'missing');
  });
});

describe('the engine with the classifier', () => {
  const text = `# Hosting Agreement\n\nThis agreement is between Acme Ltd (the "Supplier") and Beta Ltd (the "Customer").\n\n## 1. Services\n\nThe Supplier shall host the Customer's website.\n\n## 2. Miscellaneous\n\n${GOVERNED}\n`;

  it('reports the classifier\'s verdict and evidence in coverage and assessments', () => {
    const r = review({ text, force: true, classifier: loadClassifier(modelFor('governing-law', GOVERNED, { titles: 'Miscellaneous' })) });
    assert.equal(r.coverage['governing-law'], 'present');
    const a = r.assessments.find((x) => x.category === 'governing-law')!;
    assert.equal(a.evidence[0].source, 'classifier');
    assert.equal(text.slice(a.evidence[0].span.start, a.evidence[0].span.end).trim(), GOVERNED);
  });

  it('uses the rules alone when the classifier is null', () => {
    assert.equal(review({ text, force: true, classifier: null }).coverage['governing-law'], 'missing');
  });
});

describe('the shipped classifier', () => {
  it('weights are committed as JSON within 2 MB', () => {
    assert.ok(statSync(join(ROOT, 'server/src/classifier/weights.json')).size <= 2 * 1024 * 1024);
  });
  it('has a model for each of the six CUAD-mapped categories', () => {
    assert.deepEqual([...shippedClassifier().categories].sort(), ['audit-rights', 'exit', 'governing-law', 'insurance', 'ip-ownership', 'limitation-of-liability']);
  });
  it('recognises plainly worded clauses and not unrelated sentences', () => {
    const c = shippedClassifier();
    const cases: Array<[string, string, string]> = [
      ['governing-law', 'This Agreement and any dispute arising from it shall be governed by the laws of the State of Delaware.', 'The Customer shall pay each invoice within thirty days of receipt.'],
      ['insurance', 'The Contractor shall maintain, at its own expense, commercial general liability insurance with limits of not less than $2,000,000 per occurrence.', 'The Contractor shall deliver the goods to the address stated in the order.'],
      ['audit-rights', 'The Company may, upon ten days notice, audit the books and records of the Distributor relating to the sales of the Products.', 'The Distributor shall promote the Products throughout the Territory.'],
    ];
    for (const [cat, yes, no] of cases) {
      assert.ok(c.score(cat, featuresOf(yes, '')) >= c.threshold(cat), `${cat}: ${yes}`);
      assert.ok(c.score(cat, featuresOf(no, '')) < 0.5, `${cat}: ${no}`);
    }
  });
});
