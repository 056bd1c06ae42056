import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { groupStats } from '../../server/src/engine/block-diagnostics';
import { runStats } from '../../server/src/engine/kept-runs';
import type { ReviewResult } from '../../server/src/engine/types';
import { tenClauses } from '../support/clause-edit';

// Issue 13 (positions): rules that keep their findings per block with block-relative spans hand the
// engine the same group for a block an edit kept or moved, and the engine keeps that group's
// diagnostics while the block starts on the same line and column. The result must still equal a
// fresh full review's, fixes included (their spans are moved to their place when first read).

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall deliver the reports in a timely manner and provide support as needed.\n\n${i}.2 The Customer shall pay the charges.\n`;
const text = tenClauses(clause);

const of = (r: ReviewResult, rule: string) => r.diagnostics.filter((d) => d.ruleId === rule);
const withoutModel = ({ model: _model, ...rest }: ReviewResult) => rest;

function twoReviews(next: string, settings = {}) {
  const inc = new IncrementalReview();
  const first = inc.review({ text, version: 1, force: true, settings });
  const got = inc.review({ text: next, version: 2, force: true, settings });
  assert.equal(inc.fullParseReason, null, 'the edit was spliced');
  const fresh = review({ text: next, version: 2, force: true, settings });
  assert.deepEqual(withoutModel(got), withoutModel(fresh));
  return { first, got, fresh };
}

describe('diagnostics of block-relative findings kept between reviews', () => {
  it('takes a moved block\'s diagnostics as the same objects after a keystroke on another line', () => {
    const { first, got } = twoReviews(text.replace('2.2 The Customer shall pay', '2.2 The Customer shall pay all'));
    const later = (r: ReviewResult) => of(r, 'vague-wording').filter((d) => d.range.start.line > 20);
    assert.ok(later(got).length >= 8);
    // Clause 7.1 moved by four characters, but none of its lines or characters did.
    for (const d of later(got)) assert.ok(later(first).includes(d), `the same diagnostic object at line ${d.range.start.line}`);
  });

  it('confirms a kept group\'s line by its line starts, without searching for it, after a keystroke', () => {
    const before = { ...groupStats };
    const copied = runStats.copied;
    twoReviews(text.replace('2.2 The Customer shall pay', '2.2 The Customer shall pay all'));
    // Kept, or copied with the previous review's entries (engine/kept-runs.ts), which kept them.
    assert.ok(groupStats.kept - before.kept + runStats.copied - copied >= 8, 'groups kept');
    assert.equal(groupStats.lineSearches, before.lineSearches, 'no line searched for');
  });

  it('moves the diagnostics by lines after a typed line break, and makes fixes at their new place', () => {
    const before = { ...groupStats };
    const next = text.replace('2.2 The Customer shall pay', '2.2 The Customer shall\npay');
    const { first, got, fresh } = twoReviews(next);
    assert.ok(groupStats.moved > before.moved, 'groups moved by lines');
    const later = of(got, 'vague-wording').filter((d) => d.range.start.line > 20);
    for (const d of later) assert.ok(!of(first, 'vague-wording').includes(d));
    // fixSpecs are read lazily: the same values as the full review's, at the new offsets.
    const i = got.diagnostics.findIndex((d) => d.ruleId === 'vague-wording' && d.range.start.line > 20);
    const span = (got.fixSpecs[i][0] as { span: { start: number; end: number } }).span;
    assert.equal(next.slice(span.start, span.end), 'in a timely manner');
    assert.deepEqual(got.fixSpecs, fresh.fixSpecs);
  });

  it('lets a caller replace the lazily made fixSpecs, as on any other result', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const got = inc.review({ text: text.replace('2.2 The Customer shall pay', '2.2 The Customer shall\npay'), version: 2, force: true });
    assert.ok(Object.getOwnPropertyDescriptor(got, 'fixSpecs')?.get, 'the fixes are made when first read');
    got.fixSpecs = [];
    assert.deepEqual(got.fixSpecs, []);
  });

  it('makes the diagnostics again when the rule\'s severity changes with the edit', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true });
    const next = text.replace('2.2 The Customer shall pay', '2.2 The Customer shall pay all');
    const settings = { severity: { 'vague-wording': 'error' as const } };
    const got = inc.review({ text: next, version: 2, force: true, settings });
    assert.equal(inc.fullParseReason, null, 'the edit was spliced');
    const fresh = review({ text: next, version: 2, force: true, settings });
    assert.deepEqual(withoutModel(got), withoutModel(fresh));
    assert.ok(of(got, 'vague-wording').every((d) => d.severity === 'error' && !of(first, 'vague-wording').includes(d)));
  });
});
