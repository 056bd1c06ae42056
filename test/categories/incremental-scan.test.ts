import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ReviewResult } from '../../server/src/engine/types';

// Issue 13: while editing, the category scans of a spliced model take over the previous model's
// matches for every sentence that reads the same, and match the others again
// (categories/scan.ts keptMatches). These cases pin down what "reads the same" must include.

const opening = '# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n';
const filler = Array.from({ length: 5 }, (_, i) => `## ${i + 3}. Charges ${i + 1}\n\nThe Customer shall pay each invoice within 30 days of receipt.\n`).join('\n');

function reviewedBoth(text: string, edited: string): { before: ReviewResult; got: ReviewResult; want: ReviewResult } {
  const inc = new IncrementalReview();
  const before = inc.review({ text, version: 1, force: true });
  const got = inc.review({ text: edited, version: 2, force: true });
  assert.equal(inc.fullParseReason, null, 'the edit was spliced');
  return { before, got, want: review({ text: edited, version: 2, force: true }) };
}

const sla = (r: ReviewResult) => r.assessments.find((a) => a.category === 'sla')!;
const reported = (r: ReviewResult) => { const { model, ...others } = r; return others; };

describe('incremental category scans (issue 13)', () => {
  it('match a re-parsed sentence again when the sentence before it changed, though its own text did not', () => {
    // "24 x 7" counts as a service-level mention only with support words in the sentence, its
    // titles or the sentence before it.
    const text = `${opening}## 1. Help Desk\n\nThe desk gives support. Help is offered 24 x 7.\n\n${filler}`;
    const { before, got, want } = reviewedBoth(text, text.replace('gives support.', 'gives snacks.'));
    assert.deepEqual(reported(got), reported(want));
    assert.notEqual(sla(before).verdict, sla(want).verdict, 'the edit changes the verdict');
  });

  it('match a moved sentence again when the title of its section changed', () => {
    // "Reports" count as service-level reporting only under a title that names service levels.
    const body = 'The Supplier shall deliver a monthly report.\n\nThe Supplier shall meet 99.9% availability of the Services.\n';
    const text = `${opening}## 1. Availability\n\nThe Services are available at all times.\n\n## 2. Reporting\n\n### 2.1 Details\n\n${body}\n${filler}`;
    const { got, want } = reviewedBoth(text, text.replace('## 2. Reporting', '## 2. Service Level Reporting'));
    assert.deepEqual(reported(got), reported(want));
  });

  it('keep the evidence objects of sentences before the edit and shift those after it', () => {
    const text = `${opening}## 1. Service Levels\n\nThe Supplier shall meet 99.9% availability, measured monthly.\n\n${filler}## 9. Support\n\nThe Supplier shall respond to Priority 1 incidents within 4 hours.\n`;
    const { before, got, want } = reviewedBoth(text, text.replace('## 5. Charges 3\n\n', '## 5. Charges 3\n\nAs agreed. '));
    assert.deepEqual(reported(got), reported(want));
    const [kept, moved] = [sla(got).evidence[0], sla(got).evidence.at(-1)!];
    assert.equal(kept, sla(before).evidence[0], 'evidence before the edit is taken over as is');
    assert.equal(moved.span.start, sla(before).evidence.at(-1)!.span.start + 'As agreed. '.length);
  });
});
