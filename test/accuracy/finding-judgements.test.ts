/**
 * The hand-made verdicts behind the finding precision (issue 9, point 7; scripts/eval-findings.ts)
 * stay usable: every entry names a real rule and profile, a review that is listed, a valid verdict
 * and a short anchor (no long quotes from the contracts), and there are at least 200 verdicts on
 * error- and warning-level findings. The precision itself is checked by `npm run eval`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROFILES, RULES } from '../../server/src/engine';
import type { JudgementFile } from '../../scripts/eval-findings';

const PATH = join(resolve(__dirname, '..', '..'), 'test', 'accuracy', 'finding-judgements.json');

describe('finding judgements (test/accuracy/finding-judgements.json)', () => {
  const data = JSON.parse(readFileSync(PATH, 'utf8')) as JudgementFile;
  const ruleIds = new Set(RULES.map((r) => r.meta.id));
  const reviews = new Set(data.reviews.map((r) => `${r.file}\u0000${r.profile}`));

  it('lists reviews of contracts under ../shared with known profiles, each once', () => {
    assert.ok(data.reviews.length > 0);
    assert.equal(reviews.size, data.reviews.length, 'duplicate review');
    for (const r of data.reviews) {
      assert.match(r.file, /^(?:corpus\/contracts\/[^/]+\.md|cuad-dev\/[^/]+\.txt)$/, r.file);
      assert.ok(PROFILES[r.profile], `unknown profile ${r.profile}`);
    }
  });

  it('has a valid verdict, rule, severity and short anchor in every entry, for a listed review', () => {
    for (const j of data.judgements) {
      const where = `${j.file} [${j.profile}] ${j.ruleId} ${j.anchor}`;
      assert.ok(ruleIds.has(j.ruleId), `unknown rule: ${where}`);
      assert.ok(j.verdict === 'tp' || j.verdict === 'fp', `verdict must be tp or fp: ${where}`);
      assert.ok(j.severity === 'error' || j.severity === 'warning', `severity must be error or warning: ${where}`);
      assert.ok(reviews.has(`${j.file}\u0000${j.profile}`), `not a listed review: ${where}`);
      const m = /^L(\d+): (.*)$/.exec(j.anchor);
      assert.ok(m && Number(m[1]) >= 1, `anchor must be "L<line>: <words>": ${where}`);
      assert.ok(m![2].split(/\s+/).filter(Boolean).length <= 8, `anchor quotes at most 8 words: ${where}`);
      assert.ok(j.reason.trim().length > 0 && j.reason.length <= 200, `a short reason of one's own: ${where}`);
    }
  });

  it('judges each finding once', () => {
    const keys = data.judgements.map((j) => `${j.file}\u0000${j.profile}\u0000${j.ruleId}\u0000${j.anchor}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('holds at least 200 verdicts on error- and warning-level findings, of both kinds', () => {
    const graded = data.judgements.filter((j) => j.severity === 'error' || j.severity === 'warning');
    assert.ok(graded.length >= 200, `${graded.length} verdicts`);
    assert.ok(graded.some((j) => j.verdict === 'tp') && graded.some((j) => j.verdict === 'fp'));
  });
});
