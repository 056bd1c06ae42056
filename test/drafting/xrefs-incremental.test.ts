import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { numberIndex, resolvedReferences } from '../../server/src/drafting/xrefs';

// Issue 13: while editing, cross-references take what each untouched block writes from the previous
// model, but resolve every reference against the new model: an edit elsewhere can make a reference
// in an untouched block resolve, or break.

const clauses = Array.from({ length: 6 }, (_, i) =>
  `## ${i + 1}. Clause ${i + 1}\n\n${i + 1}.1 The Supplier shall comply with clause ${((i + 3) % 6) + 1}.1 and Schedule 2.\n`);
const text = `# Agreement\n\n${clauses.join('\n')}\n## Schedule 1\n\nService levels.\n`;

function compare(edited: string): void {
  const inc = new IncrementalReview();
  inc.review({ text, version: 1, force: true });
  const got = inc.review({ text: edited, version: 2, force: true });
  assert.equal(inc.fullParseReason, null);
  const fresh = review({ text: edited, version: 2, force: true }).model;
  assert.deepEqual(resolvedReferences(got.model), resolvedReferences(fresh));
  assert.deepEqual(numberIndex(got.model), numberIndex(fresh));
}

describe('cross-references while editing', () => {
  it('resolves references in untouched blocks against the edited document', () => {
    const schedule2 = (t: string) => resolvedReferences(review({ text: t, force: true }).model).filter((r) => r.target === '2').map((r) => r.status);
    assert.ok(!schedule2(text).includes('ok'));
    // Retitling the schedule at the end makes "Schedule 2" in every clause resolve.
    const edited = text.replace('## Schedule 1', '## Schedule 2');
    assert.deepEqual(schedule2(edited), Array(6).fill('ok'));
    compare(edited);
  });

  it('shifts references after a keystroke and breaks those to a clause whose number goes', () => {
    compare(text.replace('3.1 The Supplier', '3.1 The the Supplier'));
    const dropped = text.replace('4.1 The Supplier', 'The Supplier');
    assert.ok(resolvedReferences(review({ text: dropped, force: true }).model).some((r) => r.target === '4.1' && r.status === 'missing'));
    compare(dropped);
  });
});
