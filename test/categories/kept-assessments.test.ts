import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ReviewResult } from '../../server/src/engine/types';
import { keptCounts } from '../../server/src/categories/kept-assessments';
import { generateContract } from '../../scripts/bench-contract';
import { reported } from '../support/edit-steps';

// Issue 13, scan: while editing, a category's assessment is the previous model's with its evidence
// moved when the edit left its signal lists' matches, its headings and every section as they were
// (categories/kept-assessments.ts). Each step below must equal a fresh full review; the counts say
// which assessments were taken over rather than run.

const assessment = (r: ReviewResult, id: string) => r.assessments.find((a) => a.category === id)!;

/** Reviews `texts` in turn as the review worker does (releasing the model's caches after each); returns per step the review, the full review and the counts. */
function steps(texts: string[]): Array<{ got: ReviewResult; want: ReviewResult; taken: number; run: number }> {
  const inc = new IncrementalReview();
  return texts.map((text, version) => {
    const before = { ...keptCounts };
    const got = inc.review({ text, version, force: true, path: 'contract.md' });
    const counts = { taken: keptCounts.takenOver - before.takenOver, run: keptCounts.run - before.run };
    inc.releaseModelCaches();
    const want = review({ text, version, force: true, path: 'contract.md' });
    assert.deepEqual(reported(got), reported(want), `review differs at step ${version}`);
    return { got, want, ...counts };
  });
}

describe('category assessments taken over while editing (issue 13, scan)', function () {
  this.timeout(120000);
  const base = generateContract(30_000);
  const typed = (text: string, at: number, what: string) => { const i = text.indexOf('. ', at); return text.slice(0, i) + what + text.slice(i); };

  it('takes over the assessments a keystroke leaves alone, with the evidence after it moved', () => {
    const one = typed(base, 12_000, 'x');
    const [first, edited] = steps([base, one]);
    assert.equal(first.taken, 0);
    assert.ok(edited.taken >= 15, `${edited.taken} of ${edited.taken + edited.run} taken over`);
    // Evidence after the keystroke moved by one character, evidence before it is where it was.
    const at = one.indexOf('x. ', 12_000);
    const moved = edited.got.assessments.flatMap((a) => a.evidence).filter((e) => e.span.start > at);
    const stayed = edited.got.assessments.flatMap((a) => a.evidence).filter((e) => e.span.end <= at);
    assert.ok(moved.length > 0 && stayed.length > 0);
  });

  it('carries the matches of lists left alone through several edits, then reads them when an edit changes them', () => {
    let text = base;
    const texts = [text];
    for (const at of [5_000, 20_000, 9_000, 26_000]) texts.push((text = typed(text, at, 'x')));
    // A new service-level sentence after all of them: the service levels' lists change.
    texts.push((text = typed(text, 27_000, '. The Supplier shall pay service credits of 5% of the monthly fees for each missed service level')));
    texts.push((text = typed(text, 3_000, 'x')));
    const runs = steps(texts);
    for (const r of runs.slice(1, 5)) assert.ok(r.taken >= 15, `${r.taken} taken over`);
    assert.ok(runs[5].run >= 1, 'the changed category is assessed again');
    assert.notDeepEqual(assessment(runs[5].want, 'sla').requirements, assessment(runs[4].want, 'sla').requirements, 'the edit changes the service levels');
  });

  it('assesses again a category whose assessment reads one that changed', () => {
    // Deliverables read the service levels' numbers: a scope without acceptance or dates is weak
    // unless the service levels have numbers.
    const doc = (sla: string) => `# Services Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n## 1. Services\n\nThe Supplier shall provide the hosting services. The Supplier shall provide the support services.\n\n## 2. Service Levels\n\nThe Supplier shall provide the service levels.\n\n${sla}\n\n## 3. Charges\n\nThe Customer shall pay each invoice within 30 days of receipt.\n`;
    const runs = steps([doc('Support is offered.'), doc('Priority 1 incidents are resolved within 4 hours.')]);
    assert.notEqual(assessment(runs[0].want, 'deliverables').verdict, assessment(runs[1].want, 'deliverables').verdict, 'the edit changes the deliverables');
  });

  it('takes over the assessments an edit in a heading\'s number leaves alone, and assesses again those its new title concerns (issue 13, evidence)', () => {
    // "## 5. Audit" typed into reads as the title "5x. Audit": the section and its clauses read
    // another title, every other section is as it was.
    const at = base.indexOf('## 5. Audit');
    assert.ok(at > 0);
    const number = (text: string, from: string, to: string) => text.slice(0, at) + text.slice(at).replace(from, to);
    const typed = number(base, '## 5. Audit', '## 5x. Audit');
    const texts = [base, typed, number(typed, '## 5x. Audit', '## 5. Audit'), number(base, '## 5. Audit', '## . Audit'), number(base, '## 5. Audit', '## 5. Audits and inspections')];
    const runs = steps(texts);
    for (const [i, r] of runs.slice(1).entries()) {
      assert.ok(r.taken >= 15, `edit ${i + 1}: ${r.taken} of ${r.taken + r.run} taken over`);
      assert.ok(r.run >= 1, `edit ${i + 1}: the audit rights, under the retitled section, are assessed again`);
    }
  });

  it('assesses again a category whose heading expression a retitled section matches now or matched before (issue 13, evidence)', () => {
    // "Reporting" (a heading of the communication and performance categories) becomes "4x. Payment"
    // (one of the charges'), and back: the anchor sections move, though most sentences are as they were.
    const at = base.indexOf('## 4. Reporting');
    const retitled = base.slice(0, at) + base.slice(at).replace('## 4. Reporting', '## 4x. Payment');
    const runs = steps([base, retitled, base]);
    assert.notEqual(assessment(runs[0].want, 'communication').section, assessment(runs[1].want, 'communication').section, 'the old title anchored the communication');
    for (const r of runs.slice(1)) assert.ok(r.taken >= 15 && r.run >= 1, `${r.taken} taken over, ${r.run} run`);
  });

  it('assesses every category again when an edit opens a section', () => {
    const at = base.indexOf('\n\n', 15_000) + 2;
    const runs = steps([base, `${base.slice(0, at)}## Notices\n\n${base.slice(at)}`]);
    assert.equal(runs[1].taken, 0);
  });
});
