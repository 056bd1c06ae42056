import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { termFirstBlocks, termIndex, termIndexStats, useCount, usesBefore, type TermIndex } from '../../server/src/drafting/terms';

// Issue 13: usesBefore starts at the first block that writes a term. While editing, that table is
// patched from the previous index's (a first block before the edit stays, one after it moves, a
// re-parsed block may come first, a term whose first block the edit replaced is looked for after
// it) instead of one pass over every block's terms per edit. It must equal a fresh table.

const filler = Array.from({ length: 6 }, (_, i) =>
  `## ${i + 2}. Services ${i + 1}\n\n${i + 2}.1 The Supplier shall provide the Services to the Customer within 4 hours.\n`);
// Terms defined inline (not in a definitions section), so that the review asks usesBefore for them.
const text = [
  '# Agreement',
  'Between Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").',
  '## 1. Register',
  '1.1 The Supplier shall keep the Asset Register up to date.',
  ...filler,
  '## 8. Assets',
  '8.1 The Supplier shall keep a list of the assets it uses to provide the services (the "Asset Register") and update it monthly.',
  '8.2 The Asset Register is confidential information of the Customer.',
].join('\n\n');

/** A fresh review's index and its first blocks, built by usesBefore (not from the occurrences). */
function freshFirstBlocks(t: string): { index: TermIndex; firsts: ReadonlyMap<string, number> } {
  const index = termIndex(review({ text: t, version: 9, force: true }).model);
  [...usesBefore(index, 'Asset Register', Infinity)];
  return { index, firsts: termFirstBlocks(index)! };
}

describe('first block per term while editing', () => {
  it('is patched from the previous index on every edit and equals a fresh table', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const edits: Array<[string, string]> = [
      // Between first blocks: every first block stays or moves.
      ['4.1 The Supplier shall provide', '4.1 The Supplier shall promptly provide'],
      // Removes the first use of "Asset Register": its first block is now its definition's.
      ['1.1 The Supplier shall keep the Asset Register up to date.', '1.1 The Supplier shall keep its records up to date.'],
      // An earlier use again, in a re-parsed block before the first one.
      ['3.1 The Supplier shall provide the Services', '3.1 The Supplier shall provide the Services and the Asset Register'],
      // The edited block was the first to write the term, and still is.
      ['3.1 The Supplier shall', '3.1 The  Supplier shall'],
    ];
    let t = text;
    let version = 2;
    for (const [from, to] of edits) {
      assert.ok(t.includes(from), from);
      t = t.replace(from, to);
      const got = inc.review({ text: t, version: version++, force: true });
      assert.equal(inc.fullParseReason, null, `spliced: ${to}`);
      const after = termIndex(got.model);
      assert.equal(termIndexStats(after).firstBlocksPatched, true, `patched, not rebuilt: ${to}`);
      const fresh = freshFirstBlocks(t);
      assert.deepEqual(termFirstBlocks(after), fresh.firsts, `first blocks after "${to}"`);
      for (const key of fresh.index.byKey.keys()) {
        assert.equal(useCount(after, key), fresh.index.usesByKey.get(key)?.length ?? 0, `uses of "${key}"`);
        const end = fresh.index.byKey.get(key)![0].span.start;
        assert.deepEqual([...usesBefore(after, key, end)], fresh.index.usesByKey.get(key)!.filter((u) => u.span.start < end), `uses of "${key}" before its definition`);
      }
    }
  });
});
