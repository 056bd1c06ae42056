import assert from 'node:assert/strict';
import { runStats } from '../../server/src/engine/kept-runs';
import { keptCounts } from '../../server/src/categories/kept-assessments';
import type { ReviewResult } from '../../server/src/engine/types';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { tenClauses } from '../support/clause-edit';

// Issue 13 (rulesengine): the engine copies a grouped rule's entries for the groups before and after
// an edit from the previous review (engine/kept-runs.ts) instead of visiting each group and finding.
// The result must equal a fresh full review's, fixes and word ownership included.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall deliver the reports in a timely manner and provide support as needed.\n\n${i}.2 The Customer shall pay the charges, etc., at a rate TBD.\n`;
const text = tenClauses(clause);
const withoutModel = ({ model: _model, ...rest }: ReviewResult) => rest;

/** The text reviewed, then edited and reviewed again; what the second review copied and made. */
function edited(from: string, to: string, release: boolean | 'edit caches' = false) {
  const inc = new IncrementalReview();
  const first = inc.review({ text, version: 1, force: true });
  if (release) inc.releaseModelCaches();
  if (release === 'edit caches') inc.releaseEditCaches();
  const next = text.replace(from, to);
  const before = { ...runStats };
  const taken = keptCounts.takenOver;
  const got = inc.review({ text: next, version: 2, force: true });
  const counted = { copied: runStats.copied - before.copied, made: runStats.made - before.made, takenOver: keptCounts.takenOver - taken };
  assert.equal(inc.fullParseReason, null, 'the edit was spliced');
  const fresh = review({ text: next, version: 2, force: true });
  assert.deepEqual(withoutModel(got), withoutModel(fresh));
  assert.deepEqual(got.fixSpecs, fresh.fixSpecs);
  return { first, got, ...counted };
}

describe('grouped rules\' findings copied from the previous review for the blocks an edit left alone', () => {
  it('copies the groups before and after a keystroke, with the previous diagnostics', () => {
    const { first, got, copied, made } = edited('5.2 The Customer shall pay', '5.2 The Customer shall pay all');
    // vague-wording has two groups in each of the ten clauses and placeholder one: all but the
    // edited clause's (and the first after it, checked) are copied.
    assert.ok(copied >= 24, `copied ${copied}`);
    assert.ok(made <= 6, `made ${made}`);
    const later = (r: ReviewResult) => r.diagnostics.filter((d) => d.ruleId === 'vague-wording' && d.range.start.line > 36);
    assert.ok(later(got).length >= 5);
    for (const d of later(got)) assert.ok(later(first).includes(d), `the same diagnostic object at line ${d.range.start.line}`);
  });

  it('copies only the groups before a typed line break (the diagnostics after it move by a line)', () => {
    const { first, got, copied } = edited('5.2 The Customer shall pay', '5.2 The Customer shall\npay');
    assert.ok(copied >= 8 && copied < 24, `copied ${copied}`);
    const later = (r: ReviewResult) => r.diagnostics.filter((d) => d.ruleId === 'vague-wording' && d.range.start.line > 36);
    for (const d of later(got)) assert.ok(!later(first).includes(d), 'moved by a line, not copied');
  });

  it('copies after releaseModelCaches (the review worker), and when the edit removes a finding', () => {
    assert.ok(edited('5.1 The Supplier shall deliver the reports in a timely manner', '5.1 The Supplier shall deliver the reports', true).copied >= 24);
  });

  it('copies nothing after releaseEditCaches (a document not being edited lets go of what only the next edit reads), and still equals a full review', () => {
    const kept = edited('5.2 The Customer shall pay', '5.2 The Customer shall pay all', true);
    assert.ok(kept.copied >= 24 && kept.takenOver > 0, `with the model's caches: copied ${kept.copied}, assessments taken over ${kept.takenOver}`);
    const released = edited('5.2 The Customer shall pay', '5.2 The Customer shall pay all', 'edit caches');
    assert.equal(released.copied, 0);
    assert.equal(released.takenOver, 0);
  });
});
