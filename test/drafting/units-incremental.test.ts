import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { unitlessNumbers } from '../../server/src/drafting/units';

// Issue 13: while editing, each block's periods without a unit are taken over from the previous
// model for the blocks an edit kept or moved (drafting/perBlock.ts); their spans must still be
// those of a fresh review, and a re-parsed block is read again.

const clauses = Array.from({ length: 6 }, (_, i) => `## ${i + 1}. Clause ${i + 1}\n\n${i + 1}.1 The Customer shall pay within ${10 + i} of invoice.\n`);
const text = `# Agreement\n\n${clauses.join('\n')}`;

function both(edited: string, release = false): { got: ReturnType<typeof unitlessNumbers>; want: ReturnType<typeof unitlessNumbers> } {
  const inc = new IncrementalReview();
  inc.review({ text, version: 1, force: true });
  if (release) inc.releaseModelCaches();
  const got = inc.review({ text: edited, version: 2, force: true });
  assert.equal(inc.fullParseReason, null);
  return { got: unitlessNumbers(got.model), want: unitlessNumbers(review({ text: edited, version: 2, force: true }).model) };
}

describe('periods without a unit while editing', () => {
  it('shifts the spans of moved blocks and keeps those before the edit', () => {
    const { got, want } = both(text.replace('1.1 The Customer', '1.1 Then the Customer'));
    assert.equal(want.length, 6);
    assert.deepEqual(got, want);
  });

  it('reads an edited block again: a unit typed in, or a number without one', () => {
    const fixed = both(text.replace('within 13 of', 'within 13 days of'));
    assert.deepEqual(fixed.got, fixed.want);
    assert.equal(fixed.want.length, 5);
    const added = both(text.replace('4.1 The Customer shall pay', '4.1 The Supplier shall report no later than 5 after notice. The Customer shall pay'));
    assert.deepEqual(added.got, added.want);
    assert.equal(added.want.length, 7);
  });

  it('after releaseModelCaches (the review worker)', () => {
    const { got, want } = both(text.replace('within 15 of', 'within 15 days of'), true);
    assert.deepEqual(got, want);
    assert.equal(want.length, 5);
  });
});
