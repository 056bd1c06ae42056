import assert from 'node:assert/strict';
import { review, setUpStats } from '../../server/src/engine/review';
import type { ReviewResult, ReviewSettings } from '../../server/src/engine/types';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { tenClauses } from '../support/clause-edit';

// Issue 13 (editengine): the per-rule set-up of a review (severity, citations, the diagnostics'
// maker) is kept between reviews whose profiles and severity settings are the same, and made again
// when either changes; the findings are those of a review that made its own.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall deliver the reports in a timely manner and provide support as needed.\n\n${i}.2 The Customer shall pay the charges, etc., at a rate TBD.\n`;
const text = tenClauses(clause);
const withoutModel = ({ model: _model, ...rest }: ReviewResult) => rest;

/** A review of `t` under `settings`, and whether it kept the earlier set-up or made one. */
function counted(run: () => ReviewResult): { result: ReviewResult; kept: number; made: number } {
  const kept = setUpStats.kept;
  const made = setUpStats.made;
  const result = run();
  return { result, kept: setUpStats.kept - kept, made: setUpStats.made - made };
}

const severities = (r: ReviewResult, ruleId: string) => r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.severity);

describe('the per-rule set-up kept between reviews with the same settings', () => {
  it('is kept for equal settings given as other objects, and the findings are unchanged', () => {
    const a = counted(() => review({ text, force: true, settings: { severity: { 'vague-wording': 'error' } } }));
    const b = counted(() => review({ text, force: true, settings: { severity: { 'vague-wording': 'error' } } }));
    assert.equal(b.kept, 1);
    assert.equal(b.made, 0);
    assert.deepEqual(withoutModel(b.result), withoutModel(a.result));
    assert.ok(severities(b.result, 'vague-wording').length > 0);
    assert.ok(severities(b.result, 'vague-wording').every((s) => s === 'error'));
  });

  it('is made again when a severity setting changes, also in place, and when the profiles change', () => {
    const settings: ReviewSettings = { severity: { 'vague-wording': 'error' } };
    counted(() => review({ text, force: true, settings }));
    settings.severity!['vague-wording'] = 'information';
    const changed = counted(() => review({ text, force: true, settings }));
    assert.equal(changed.made, 1, 'a severity changed in the same object');
    assert.ok(severities(changed.result, 'vague-wording').every((s) => s === 'information'));
    const off = counted(() => review({ text, force: true, settings: { severity: { 'vague-wording': 'off' } } }));
    assert.equal(off.made, 1);
    assert.deepEqual(severities(off.result, 'vague-wording'), []);
    const plain = counted(() => review({ text, force: true }));
    assert.equal(plain.made, 1, 'no severity settings');
    const profiles = counted(() => review({ text, force: true, settings: { profiles: ['it-outsourcing', 'dora-ict'] } }));
    assert.equal(profiles.made, 1, 'other profiles');
    const again = counted(() => review({ text, force: true, settings: { profiles: ['it-outsourcing', 'dora-ict'] } }));
    assert.equal(again.kept, 1);
    // Each equals a review that made its set-up afresh (after one under other settings).
    for (const [r, s] of [[changed.result, { severity: { 'vague-wording': 'information' } }], [plain.result, {}], [again.result, { profiles: ['it-outsourcing', 'dora-ict'] }]] as Array<[ReviewResult, ReviewSettings]>) {
      review({ text, force: true, settings: { severity: { 'numbering': 'error' } } });
      const fresh = counted(() => review({ text, force: true, settings: s }));
      assert.equal(fresh.made, 1);
      assert.deepEqual(withoutModel(r), withoutModel(fresh.result));
    }
  });

  it('is kept while editing, and the edits equal full reviews', () => {
    const inc = new IncrementalReview();
    let t = text;
    inc.review({ text: t, version: 1, force: true, settings: { severity: { 'sla-vague-target': 'error' } } });
    for (let v = 2; v < 8; v++) {
      t = t.replace(`${v}.1 The Supplier shall deliver`, `${v}.1 The Supplier shall promptly deliver`);
      const got = counted(() => inc.review({ text: t, version: v, force: true, settings: { severity: { 'sla-vague-target': 'error' } } }));
      assert.equal(got.kept, 1);
      assert.deepEqual(withoutModel(got.result), withoutModel(review({ text: t, version: v, force: true, settings: { severity: { 'sla-vague-target': 'error' } } })));
    }
  });
});
