/**
 * The classifier's second opinion in a one-shot review (the CLI, a full review; no fact cache): it
 * reads the model's sentence list in place, asks wrongWay (a search for the supplier's names) only
 * for a sentence that would become the best at or above the threshold, and stops a veto's search at
 * the first sentence reaching the veto level (issue 13, cli). Each must give what secondOpinion over
 * classifierSentences gives.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifierSentences, featuresOf, loadClassifier, secondOpinion, secondOpinionOf, shippedClassifier, type CoverageClassifier, type StoredClassifier } from '../../server/src/classifier';
import { secondOpinionCounts } from '../../server/src/classifier/second-opinion';
import type { CategoryAssessment, CategoryId } from '../../server/src/categories/types';
import { buildContractModel, type ContractModel } from '../../server/src/model';
import { partyMatchers } from '../../server/src/model/language';
import { propertyRuns, propertySeed } from '../support/property-runs';

/** A model for one category that scores exactly the given sentence high (all its features +1). */
function modelFor(category: string, sentence: string, opts: { threshold?: number; veto?: number } = {}): StoredClassifier {
  const f = [...featuresOf(sentence, '')];
  let prev = 0;
  return {
    format: 'clausewise-classifier/1', trainedOn: 'test', buckets: 1 << 18, scale: 1000,
    categories: { [category]: { bias: -4, threshold: opts.threshold ?? 0.8, ...(opts.veto !== undefined ? { veto: opts.veto } : {}), buckets: f.map((b) => { const g = b - prev; prev = b; return g; }), weights: f.map(() => 1000) } },
  };
}

const assessment = (category: string, verdict: CategoryAssessment['verdict'], at = 0): CategoryAssessment => ({
  category: category as CategoryId, verdict, reason: 'a test verdict',
  evidence: verdict === 'missing' ? [] : [{ requirement: 'mention', span: { start: at, end: at + 10 }, text: 'x', section: 1 }], requirements: {}, section: null,
});

const SITES = ['Leeds', 'York', 'Derby', 'Bath', 'Ely', 'Hull', 'Wells', 'Ripon', 'Truro', 'Exeter', 'Durham', 'Lincoln'];
const PREAMBLE = 'This Services Agreement is made between Northwind Ltd (the "Supplier") and Contoso Inc (the "Customer").\n\n';

/** The reference: secondOpinion over every sentence of classifierSentences, as a one-shot review read them before. */
const reference = (a: CategoryAssessment, model: ContractModel, c: CoverageClassifier) => secondOpinion(a, classifierSentences(model), c, partyMatchers(model));
const oneShot = (a: CategoryAssessment, model: ContractModel, c: CoverageClassifier) => secondOpinionOf(a, model, c, partyMatchers(model));

describe('the second opinion in a one-shot review', () => {
  it('asks whether the supplier is the auditor only for a sentence that would decide', () => {
    const decisive = 'The Customer may audit the records of the Supplier once a year on notice.';
    const text = `${PREAMBLE}## 1. Records\n\n${SITES.map((site) => `The Supplier keeps books and records at its ${site} office.`).join(' ')}\n\n## 2. Audit\n\n${decisive}\n`;
    const model = buildContractModel(text);
    const c = loadClassifier(modelFor('audit-rights', decisive));
    const before = { ...secondOpinionCounts };
    const got = oneShot(assessment('audit-rights', 'missing'), model, c);
    // Thirteen sentences name records or an audit; one scores at the threshold.
    assert.equal(secondOpinionCounts.scored - before.scored, SITES.length + 1);
    assert.equal(secondOpinionCounts.wrongWayAsked - before.wrongWayAsked, 1);
    assert.equal(got.verdict, 'weak');
    assert.deepEqual(got, reference(assessment('audit-rights', 'missing'), model, c));
  });

  it('stops the veto\'s search at the first sentence that reaches the veto level', () => {
    const text = `${PREAMBLE}## 1. Insurance\n\n${SITES.map((site) => `The Supplier shall insure its ${site} office against loss.`).join(' ')}\n`;
    const model = buildContractModel(text);
    // Every sentence scores about 0.018 (the bias alone), above a veto of 0.01.
    const c = loadClassifier(modelFor('insurance', 'Nothing in this document reads like this sentence.', { veto: 0.01 }));
    const before = secondOpinionCounts.scored;
    const got = oneShot(assessment('insurance', 'weak'), model, c);
    assert.equal(secondOpinionCounts.scored - before, 1);
    assert.equal(got.verdict, 'weak');
    assert.deepEqual(got, reference(assessment('insurance', 'weak'), model, c));
  });

  it('gives what secondOpinion over classifierSentences gives, on any document', () => {
    const pieces = [
      'The Customer may audit the books and records of the Supplier.', 'The Supplier may audit the Customer\'s premises.',
      'The Supplier shall maintain insurance with reputable insurers.', 'Freight insurance is paid by the buyer.',
      'This Agreement is governed by the laws of England.', 'The Supplier\'s liability for damages is limited to the fees paid.',
      'Invoices are due monthly.', 'Records are kept for seven years.', '"Records" means the books of account.',
      'Either party may inspect the deliverables.', 'Nothing here limits liability for fraud.',
    ];
    const headings = ['Audit', 'Insurance', 'Governing Law', 'Limitation of Liability', 'Fees', 'Definitions'];
    const doc = fc.array(fc.record({ heading: fc.constantFrom(...headings), sentences: fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 6 });
    const classifiers: CoverageClassifier[] = [
      shippedClassifier(),
      loadClassifier(modelFor('audit-rights', pieces[1], { threshold: 0.5 })),
      loadClassifier(modelFor('insurance', pieces[3], { veto: 0.5 })),
      loadClassifier(modelFor('insurance', pieces[2], { veto: 0.01, threshold: 0.3 })),
    ];
    fc.assert(fc.property(doc, fc.constantFrom(...classifiers), fc.constantFrom<CategoryAssessment['verdict']>('missing', 'weak', 'present'), fc.nat(400), (sections, c, verdict, at) => {
      const text = `${PREAMBLE}${sections.map((s, i) => `## ${i + 1}. ${s.heading}\n\n${s.sentences.join(' ')}\n`).join('\n')}`;
      const model = buildContractModel(text);
      for (const category of ['governing-law', 'audit-rights', 'limitation-of-liability', 'insurance']) {
        if (!c.categories.has(category)) continue;
        const a = assessment(category, verdict, Math.min(at, text.length - 10));
        assert.deepEqual(oneShot(a, buildContractModel(text), c), reference(a, model, c), `${category} ${verdict}\n${text}`);
      }
    }), { numRuns: propertyRuns(150), seed: propertySeed(1717) });
  });
});
