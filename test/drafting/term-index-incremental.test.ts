import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { spliceTraceOf } from '../../server/src/model/trace';
import { termIndex, termIndexStats, useCount, usesBefore, type TermIndex } from '../../server/src/drafting/terms';

// Issue 13: while editing, the term index takes over the terms of the blocks an edit left alone
// (kept per block, in offsets of the block's text) instead of matching every block again, keeps
// how often each term is written by patching the previous counts, and builds occurrence objects
// only when they are asked for. It must equal the index of a fresh review of the same text.

const clauses = Array.from({ length: 6 }, (_, i) =>
  `## ${i + 2}. Services ${i + 1}\n\n${i + 2}.1 The Supplier shall provide the Services and protect Customer Data within 4 hours.\n`);
const text = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\nThe Charges are set out below.\n\n## 1. Definitions\n\n"Services" means the services in Schedule 1.\n\n"Customer Data" means data the Customer provides.\n\n"Charges" means the fees in Schedule 2.\n\n${clauses.join('\n')}`;

/** The index as a fresh review builds it, with its occurrences. */
function freshIndex(t: string): TermIndex {
  return termIndex(review({ text: t, version: 9, force: true }).model);
}

/** The counts and early uses the rules read must agree with the occurrences. */
function assertQueriesAgree(idx: TermIndex, fresh: TermIndex): void {
  for (const key of new Set([...fresh.byKey.keys(), ...fresh.usesByKey.keys()])) {
    assert.equal(useCount(idx, key), fresh.usesByKey.get(key)?.length ?? 0, `uses of "${key}"`);
    const end = fresh.byKey.get(key)?.[0].span.start ?? Infinity;
    assert.deepEqual([...usesBefore(idx, key, end)], (fresh.usesByKey.get(key) ?? []).filter((u) => u.span.start < end), `uses of "${key}" before its definition`);
  }
}

describe('term index while editing', () => {
  it('reads only the re-parsed blocks, builds no occurrences during the review, and equals a fresh index', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const typed = text.replace('4.1 The Supplier', '4.1 The the Supplier');
    const got = inc.review({ text: typed, version: 2, force: true });
    assert.equal(inc.fullParseReason, null);
    const after = termIndex(got.model);
    const stats = termIndexStats(after);
    assert.equal(stats.occurrencesBuilt, false, 'the rules read counts and early uses, not occurrence objects');
    // The splice re-parses the edited block with a neighbour or two; every other block is taken over.
    assert.ok(got.model.blocks.length >= 19);
    assert.ok(stats.blocksRead >= 1 && stats.blocksRead <= 4, `the blocks around the edit re-read, not ${stats.blocksRead} of ${got.model.blocks.length}`);
    const fresh = freshIndex(typed);
    assertQueriesAgree(after, fresh);
    assert.deepEqual(after, fresh);
    assert.ok(after.occurrences.length >= 20);
  });

  it('visits only the re-parsed blocks one by one; the others\' terms are copied in bulk', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    for (const [version, typed] of [[2, text.replace('4.1 The Supplier', '4.1 The the Supplier')], [3, text.replace('7.1 The Supplier', '7.1 The Supplier Supplier')]] as const) {
      const got = inc.review({ text: typed, version, force: true });
      assert.equal(inc.fullParseReason, null);
      const stats = termIndexStats(termIndex(got.model));
      assert.ok(got.model.blocks.length >= 19);
      // The splice re-parses the edited block with a neighbour or two.
      assert.ok(stats.blocksVisited! >= 1 && stats.blocksVisited! <= 4, `the re-parsed blocks, not ${stats.blocksVisited} of ${got.model.blocks.length}`);
      assert.deepEqual(termIndex(got.model), freshIndex(typed));
      inc.review({ text, version: version + 10, force: true });
    }
  });

  it('keeps the counts right when an edit removes and adds uses', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    let t = text;
    const edits: Array<[string, string]> = [
      ['3.1 The Supplier shall provide the Services', '3.1 The Supplier shall provide the work'],
      ['5.1 The Supplier', '5.1 The Customer and the Supplier'],
      ['The Charges are set out below.', 'The fees are set out below.'],
      ['7.1 The Supplier shall', '7.1 The Supplier and the Charges shall'],
    ];
    let version = 2;
    for (const [from, to] of edits) {
      t = t.replace(from, to);
      const got = inc.review({ text: t, version: version++, force: true });
      assert.equal(inc.fullParseReason, null);
      const after = termIndex(got.model);
      assert.ok(termIndexStats(after).blocksRead <= 4);
      const fresh = freshIndex(t);
      assertQueriesAgree(after, fresh);
      assert.deepEqual(after, fresh);
    }
  });

  it('finds an early use of a term defined later without building the occurrences', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const typed = text.replace('## 3. Services 2', '## 3. Services 22');
    const got = inc.review({ text: typed, version: 2, force: true });
    const after = termIndex(got.model);
    const def = after.byKey.get('Charges')![0];
    const early = [...usesBefore(after, 'Charges', def.span.start)];
    assert.equal(early.length, 1);
    assert.equal(typed.slice(early[0].span.start, early[0].span.end), 'Charges');
    assert.ok(early[0].span.start < typed.indexOf('## 1.'));
    assert.equal(termIndexStats(after).occurrencesBuilt, false);
  });

  it('matches every block again when the edit changes the defined terms', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const typed = text.replace('"Customer Data" means', '"Customer Data" means data, and "Fees" means');
    const got = inc.review({ text: typed, version: 2, force: true });
    assert.equal(inc.fullParseReason, null);
    const after = termIndex(got.model);
    assert.ok(after.byKey.has('Fees'));
    assert.equal(termIndexStats(after).blocksRead, got.model.blocks.length);
    const fresh = freshIndex(typed);
    assertQueriesAgree(after, fresh);
    assert.deepEqual(after, fresh);
  });

  it('still takes the terms over after releaseModelCaches (the review worker)', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    inc.releaseModelCaches();
    const typed = text.replace('7.1 The Supplier', '7.1 The the Supplier');
    const got = inc.review({ text: typed, version: 2, force: true });
    assert.equal(inc.fullParseReason, null);
    const after = termIndex(got.model);
    assert.ok(termIndexStats(after).blocksRead <= 4);
    const fresh = freshIndex(typed);
    assertQueriesAgree(after, fresh);
    assert.deepEqual(after, fresh);
  });

  it('builds the occurrences on request, in document order with definitions marked', () => {
    const idx = freshIndex(text);
    assert.equal(spliceTraceOf(review({ text, version: 1 }).model), undefined);
    const starts = idx.occurrences.map((o) => o.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const defs = idx.occurrences.filter((o) => o.isDefinition).map((o) => o.key);
    assert.deepEqual(defs, ['Customer', 'Supplier', 'Services', 'Customer Data', 'Charges']);
    assert.equal(useCount(idx, 'Services'), idx.usesByKey.get('Services')!.length);
  });
});
