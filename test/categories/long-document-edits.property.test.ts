import assert from 'node:assert/strict';
import fc from 'fast-check';
import { review } from '../../server/src/engine';
import type { ReviewInput } from '../../server/src/engine/types';
import { figuresOf, figureStats } from '../../server/src/drafting/figures';
import { sentenceLookCount } from '../../server/src/categories/incorporation';
import { keptCounts } from '../../server/src/categories/kept-assessments';
import { generateContract } from '../../scripts/bench-contract';
import { propertyRuns, propertySeed } from '../support/property-runs';
import { applyTextEdit, eachEditStep, isTextEdit, reported, where, type TextEdit } from '../support/edit-steps';

// Issue 13, passes: the whole-document passes an edit's review took over from the previous model
// (the incorporation search's sentence looks, the figures of inconsistent-figure) are used only on a
// document long enough to be prefiltered (150 sentences or more), which the short documents of the
// incremental-equals-full property (test/engine/incremental.test.ts) never are. Here random edits of
// a long generated contract, with sentences that name other documents and state figures, must give
// what a fresh full review gives after every step.

const SEED = propertySeed(20261206);

const SENTENCE = fc.constantFrom(
  'The Supplier shall meet the service levels in the Service Level Agreement attached as Schedule 3.',
  'The Supplier shall comply with the Information Security Policy set forth in Annex B.',
  'Incidents are handled in accordance with the Incident Response Plan in Schedule 5.',
  'The Customer shall pay each invoice within 45 days of receipt of the invoice.',
  'The Supplier shall ensure that the Availability of the Platform is at least 99.5% in each month.',
  'The Customer may terminate this Agreement for convenience on 60 days written notice.',
  'The Supplier shall keep the site tidy.',
  'This Statement of Work is governed by the Master Services Agreement.',
);

type Edit =
  | TextEdit
  | { kind: 'heading'; at: number }
  | { kind: 'number'; at: number; how: 'type' | 'digit' | 'delete' | 'change' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: where, what: fc.constantFrom('x', ' ', '.', '\n\n', '9', 'Schedule 3 ', ' if any') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: where, length: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), at: where, what: SENTENCE }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('heading' as const), at: where }) },
  // An edit in the number of a numbered heading ("## 5. Audit") or clause ("5.2 The Customer ..."):
  // the bench's costliest kind of keystroke (issue 13, evidence).
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('number' as const), at: where, how: fc.constantFrom('type' as const, 'digit' as const, 'delete' as const, 'change' as const) }) },
);

/** The next numbered heading or clause at or after `at` (wrapping round): where its number's last digit is. */
const NUMBERED = /^(?:#{1,6} )?\d+(?:\.\d+)*/gm;
function lastDigitOfNumber(text: string, at: number): number {
  NUMBERED.lastIndex = at;
  let m = NUMBERED.exec(text);
  if (!m) {
    NUMBERED.lastIndex = 0;
    m = NUMBERED.exec(text);
  }
  return m ? m.index + m[0].length - 1 : -1;
}

function apply(text: string, e: Edit): string {
  // The shared edits (typed, insert, delete, paragraph: test/support/edit-steps.ts); `typed` is
  // appended to every sequence below.
  if (isTextEdit(e)) return applyTextEdit(text, e);
  const at = Math.floor(e.at * (text.length + 1));
  switch (e.kind) {
    case 'number': {
      const d = lastDigitOfNumber(text, at);
      if (d < 0) return text;
      const put = e.how === 'type' ? `${text[d]}x` : e.how === 'digit' ? `${text[d]}7` : e.how === 'delete' ? '' : text[d] === '9' ? '1' : String(Number(text[d]) + 1);
      return text.slice(0, d) + put + text.slice(d + 1);
    }
    // A paragraph made a heading, or a heading made a paragraph: sections open, close and retitle.
    case 'heading': {
      const s = text.lastIndexOf('\n', at - 1) + 1;
      return text.startsWith('## ', s) ? text.slice(0, s) + text.slice(s + 3) : `${text.slice(0, s)}## ${text.slice(s)}`;
    }
  }
}

describe('long documents: incremental review equals a full review (issue 13, passes)', function () {
  this.timeout(300000);
  const base = generateContract(30_000).split('\n\n');
  // A few sentences that name other documents, spread through the contract.
  const start = base.map((p, i) => (i % 25 === 12 ? `${p}\n\nThe Supplier shall comply with the Information Security Policy set forth in Annex B.` : p)).join('\n\n');

  it('after every step of random edit sequences', () => {
    let taken = 0;
    const assessed = { ...keptCounts };
    fc.assert(
      // Every sequence ends with two typed characters, so that each seed reaches the take-over of the
      // assessments (the first edit's review records them, the next one can take them over), whatever
      // the random edits before them did.
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }).map((es): Edit[] => [...es, { kind: 'typed' }, { kind: 'typed' }]), (edits) => {
        eachEditStep(start, edits, apply, (inc, text, version, label) => {
          const input: ReviewInput = { text, version, force: true, path: 'contract.md' };
          const got = inc.review(input);
          const want = review(input);
          assert.deepEqual(reported(got), reported(want), `review differs after ${label}`);
          assert.deepEqual(JSON.parse(JSON.stringify(figuresOf(got.model))), JSON.parse(JSON.stringify(figuresOf(want.model))), `figures differ after ${label}`);
          assert.equal(sentenceLookCount(got.model), sentenceLookCount(want.model), `looks differ after ${label}`);
          const stats = figureStats(got.model);
          if (inc.fullParseReason === null && stats && stats.read < 50) taken++;
        });
      }),
      { numRuns: propertyRuns(6), seed: SEED, endOnFailure: true },
    );
    // The edits took the previous figures over rather than reading the document again.
    assert.ok(taken > 5, `${taken} edits took the figures over`);
    // And category assessments were taken over (categories/kept-assessments.ts), not only run.
    assert.ok(keptCounts.takenOver - assessed.takenOver > 50, `${keptCounts.takenOver - assessed.takenOver} assessments taken over`);
  });
});
