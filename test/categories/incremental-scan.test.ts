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

  it('match a retitled heading again and keep the answers of moved headings', () => {
    // A "Service Levels" heading alone makes the service levels weak rather than missing.
    const text = `${opening}## 1. Scope\n\nThe Supplier shall perform the work.\n\n${filler}## 9. Service Levels\n\nTo be agreed.\n`;
    const retitled = reviewedBoth(text, text.replace('## 9. Service Levels', '## 9. Help Desk'));
    assert.deepEqual(reported(retitled.got), reported(retitled.want));
    assert.equal(sla(retitled.before).verdict, 'weak');
    assert.equal(sla(retitled.want).verdict, 'missing');
    const moved = reviewedBoth(text, text.replace('perform the work.', 'perform all of the work.'));
    assert.deepEqual(reported(moved.got), reported(moved.want));
    assert.equal(sla(moved.got).evidence[0].span.start, sla(moved.before).evidence[0].span.start + 'all of '.length);
  });
});

describe('the first sentence a rule looks for, while editing (issue 13)', () => {
  const sections = Array.from({ length: 8 }, (_, i) => `## ${i + 1}. Clause ${i + 1}\n\nThe Supplier shall perform duty ${i + 1}.\n`);
  const withHint = (i: number) => sections.map((s, k) => (k === i ? s.replace('.\n', '. It is an ICT third-party service provider under DORA.\n') : s));
  const doc = (parts: string[]) => `${opening}${parts.join('\n')}`;
  const dora = (r: ReviewResult) => r.diagnostics.filter((d) => d.ruleId === 'dora-profile-hint').map((d) => d.range.start.line);

  // Each pair: the text before and after one edit. The hint is before, in, or after the edit, or
  // only in the replaced text, or nowhere.
  const cases: Array<[string, string, string]> = [
    ['an edit after the sentence found', doc(withHint(1)), doc(withHint(1)).replace('duty 6', 'duty six')],
    ['an edit before it moves it', doc(withHint(5)), doc(withHint(5)).replace('duty 2.', 'duty 2.\n\nIt is done well.')],
    ['an edit that removes it finds none', doc(withHint(3)), doc(sections)],
    ['an edit that removes it finds the next one', doc(withHint(3)).replace('duty 7.', 'duty 7 under DORA.'), doc(sections).replace('duty 7.', 'duty 7 under DORA.')],
    ['an edit that writes one finds it', doc(sections), doc(withHint(4))],
    ['an edit that writes one before the one found finds the new one', doc(withHint(6)), doc(withHint(6)).replace('duty 2.', 'duty 2 under DORA.')],
  ];
  for (const [name, text, edited] of cases) {
    it(name, () => {
      const { before, got, want } = reviewedBoth(text, edited);
      assert.deepEqual(reported(got), reported(want));
      assert.deepEqual(dora(got), dora(want));
      if (name.includes('moves')) assert.notDeepEqual(dora(before), dora(got));
    });
  }
});
