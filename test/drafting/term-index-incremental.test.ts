import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { termIndex } from '../../server/src/drafting/terms';

// Issue 13: while editing, the term index takes over the occurrences of the blocks an edit left
// alone (shifted when they moved) instead of matching every block again. It must equal the index
// of a fresh review of the same text.

const clauses = Array.from({ length: 6 }, (_, i) =>
  `## ${i + 2}. Services ${i + 1}\n\n${i + 2}.1 The Supplier shall provide the Services and protect Customer Data within 4 hours.\n`);
const text = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n## 1. Definitions\n\n"Services" means the services in Schedule 1.\n\n"Customer Data" means data the Customer provides.\n\n${clauses.join('\n')}`;

describe('term index while editing', () => {
  it('keeps the occurrences before an edit, shifts those after it, and equals a fresh index', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true });
    const before = termIndex(first.model);
    const typed = text.replace('4.1 The Supplier', '4.1 The the Supplier');
    const got = inc.review({ text: typed, version: 2, force: true });
    assert.equal(inc.fullParseReason, null);
    const after = termIndex(got.model);
    assert.deepEqual(after, termIndex(review({ text: typed, version: 2, force: true }).model));

    const edit = text.indexOf('4.1 The Supplier');
    const kept = after.occurrences.filter((o) => o.span.end < edit - 200);
    assert.ok(kept.length >= 4, 'occurrences before the edit');
    for (const o of kept) assert.ok(before.occurrences.includes(o), `"${o.text}" at ${o.span.start} is taken over as it was`);
    const moved = after.occurrences.filter((o) => o.span.start > edit + 200);
    assert.ok(moved.length >= 4, 'occurrences after the edit');
    for (const o of moved) {
      const was = before.occurrences.find((p) => p.span.start === o.span.start - 4);
      assert.ok(was && was.text === o.text && was.key === o.key, `"${o.text}" moved by the four characters typed`);
    }
  });

  it('matches every block again when the edit changes the defined terms', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const typed = text.replace('"Customer Data" means', '"Customer Data" means data, and "Charges" means');
    const got = inc.review({ text: typed, version: 2, force: true });
    assert.equal(inc.fullParseReason, null);
    const after = termIndex(got.model);
    assert.ok(after.byKey.has('Charges'));
    assert.deepEqual(after, termIndex(review({ text: typed, version: 2, force: true }).model));
  });

  it('still takes the occurrences over after releaseModelCaches (the review worker)', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true });
    const before = termIndex(first.model);
    inc.releaseModelCaches();
    const typed = text.replace('7.1 The Supplier', '7.1 The the Supplier');
    const got = inc.review({ text: typed, version: 2, force: true });
    assert.equal(inc.fullParseReason, null);
    const after = termIndex(got.model);
    assert.deepEqual(after, termIndex(review({ text: typed, version: 2, force: true }).model));
    const early = after.occurrences.filter((o) => o.span.end < text.indexOf('## 3.'));
    assert.ok(early.length >= 4 && early.every((o) => before.occurrences.includes(o)));
  });
});
