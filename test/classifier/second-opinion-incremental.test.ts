import assert from 'node:assert/strict';
import { featuresOf, loadClassifier, type CoverageClassifier, type StoredClassifier } from '../../server/src/classifier';
import { sentencesOf } from '../../server/src/categories/scan';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ReviewResult } from '../../server/src/engine/types';
import { buildContractModel } from '../../server/src/model';

// Issue 13: while editing, the classifier's second opinion takes over the previous model's
// anchored sentences and their scores for every sentence that reads the same, and tests and
// scores only the others (classifier/second-opinion.ts secondOpinionOf).

/** A model for audit rights that scores exactly the given sentence under the given titles high. */
function auditModel(sentence: string, titles: string, veto?: number): StoredClassifier {
  const f = [...featuresOf(sentence, titles)];
  let prev = 0;
  return {
    format: 'clausewise-classifier/1', trainedOn: 'test', buckets: 1 << 18, scale: 1000,
    categories: { 'audit-rights': { bias: -4, threshold: 0.8, ...(veto !== undefined ? { veto } : {}), buckets: f.map((b) => { const g = b - prev; prev = b; return g; }), weights: f.map(() => 1000) } },
  };
}

/** The classifier with its calls to score() counted. */
function counted(c: CoverageClassifier): CoverageClassifier & { calls: number } {
  const out = { categories: c.categories, threshold: c.threshold, veto: c.veto, calls: 0, score: (category: string, f: Uint32Array) => (out.calls++, c.score(category, f)) };
  return out;
}

const opening = '# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n';
const reported = (r: ReviewResult) => { const { model, ...others } = r; return others; };
const audit = (r: ReviewResult) => r.assessments.find((a) => a.category === 'audit-rights')!;

function reviewedBoth(text: string, edited: string, classifier: CoverageClassifier): { before: ReviewResult; got: ReviewResult; want: ReviewResult } {
  const inc = new IncrementalReview();
  const before = inc.review({ text, version: 1, force: true, classifier });
  const got = inc.review({ text: edited, version: 2, force: true, classifier });
  assert.equal(inc.fullParseReason, null, 'the edit was spliced');
  return { before, got, want: review({ text: edited, version: 2, force: true, classifier }) };
}

describe('the classifier\'s second opinion while editing (issue 13)', () => {
  const LOOK = 'The Customer may look at everything the Supplier keeps about the Services.';

  it('scores only the sentences an edit changed, and finds what a full review finds', () => {
    // Thirty sentences an anchor agrees with ("inspect"); a veto level makes the rules' verdict ask too.
    const sections = Array.from({ length: 30 }, (_, i) => `## ${i + 1}. Clause ${i + 1}\n\nThe Customer may inspect the Supplier's site number ${i + 1} on notice.\n`);
    const text = `${opening}${sections.join('\n')}`;
    const edited = text.replace('site number 12 on', 'site number 12 only on');
    const classifier = counted(loadClassifier(auditModel("The Customer may inspect the Supplier's site number 12 only on notice.", 'Clause 12', 0.5)));
    const inc = new IncrementalReview();
    const before = inc.review({ text, version: 1, force: true, classifier });
    assert.ok(classifier.calls >= 30, `the first review scores every anchored sentence (${classifier.calls})`);
    classifier.calls = 0;
    const got = inc.review({ text: edited, version: 2, force: true, classifier });
    assert.equal(inc.fullParseReason, null, 'the edit was spliced');
    assert.ok(classifier.calls >= 1 && classifier.calls <= 4, `an edit scores the sentences it changed, not all thirty (${classifier.calls})`);
    const want = review({ text: edited, version: 2, force: true, classifier });
    assert.deepEqual(reported(got), reported(want));
    assert.equal(audit(before).verdict, 'present', 'the best sentence scores above the veto level');
  });

  it('tests a moved sentence again when the title of its section changed', () => {
    // No audit word in the sentence: only a heading naming records lets the classifier decide.
    const body = `## 7. Files\n\n### 7.1 Details\n\n${LOOK}\n`;
    const filler = Array.from({ length: 5 }, (_, i) => `## ${i + 1}. Charges ${i + 1}\n\nThe Customer shall pay each invoice within 30 days of receipt.\n`).join('\n');
    const text = `${opening}${filler}\n${body}`;
    const retitled = text.replace('## 7. Files', '## 7. Records');
    const titles = sentencesOf(buildContractModel(retitled)).find((s) => s.flat === LOOK)!.titles;
    const classifier = loadClassifier(auditModel(LOOK, titles));
    const on = reviewedBoth(text, retitled, classifier);
    assert.deepEqual(reported(on.got), reported(on.want));
    assert.equal(audit(on.before).verdict, 'missing');
    assert.equal(audit(on.want).verdict, 'weak', 'the retitled section lets the classifier decide');
    const off = reviewedBoth(retitled, text, classifier);
    assert.deepEqual(reported(off.got), reported(off.want));
    assert.equal(audit(off.got).verdict, 'missing');
  });

  it('places a taken-over best sentence after an edit that adds a sentence before it', () => {
    const filler = Array.from({ length: 5 }, (_, i) => `## ${i + 1}. Charges ${i + 1}\n\nThe Customer shall pay each invoice within 30 days of receipt.\n`).join('\n');
    const text = `${opening}${filler}\n## 7. Records\n\n${LOOK}\n`;
    const classifier = loadClassifier(auditModel(LOOK, 'Records'));
    const added = ' Late payments bear interest.';
    const { before, got, want } = reviewedBoth(text, text.replace('of receipt.', `of receipt.${added}`), classifier);
    assert.deepEqual(reported(got), reported(want));
    assert.equal(audit(got).evidence[0].span.start, audit(before).evidence[0].span.start + added.length);
  });
});
