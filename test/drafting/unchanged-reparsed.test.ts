import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { FactCache, inFactRound } from '../../server/src/model/facts';
import { recordSplice, spliceTraceOf } from '../../server/src/model/trace';
import { BlockResults } from '../../server/src/drafting/perBlock';
import { unchangedCount, unchangedReparsed } from '../../server/src/drafting/unchanged-blocks';
import { termIndex, termIndexStats } from '../../server/src/drafting/terms';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ContractModel } from '../../server/src/model';

// Issue 13 (editrules): the splice re-parses a region around an edit, and most of its blocks come
// out as they were. Per-block results of those are taken from the block they replaced (moved to
// where the block now starts), not read again; the results equal a fresh read's.

const NONE: number[] = [];
const widgets = () => new BlockResults<number[]>(
  (_model, block) => (block.text.includes('Widget') ? [block.start + block.text.indexOf('Widget')] : NONE),
  { none: NONE, isNone: (found) => found.length === 0, shift: (found, by) => found.map((at) => at + by) },
);
const clauses = (n: number, edit: (i: number) => string | null) => Array.from({ length: n }, (_, i) => edit(i) ?? `${i + 1}. ${i === 32 ? 'The Widget is supplied.' : 'The Supplier reports monthly.'}`).filter((s) => s !== '').join('\n\n');

/** `before` and `after` with the splice recorded as re-parsing blocks [from, from + fresh) of `after` for [from, oldAfter) of `before`. */
function spliced(before: ContractModel, after: ContractModel, from: number, fresh: number, oldAfter: number): void {
  recordSplice(after, { previous: before, prefix: from, fresh, oldAfter });
}

describe('re-parsed blocks that read as the blocks they replaced', () => {
  it('takes their results over, moved, and reads only the changed block', () => {
    const before = buildContractModel(clauses(80, () => null));
    const after = buildContractModel(clauses(80, (i) => (i === 30 ? '31. The Supplier reports each month.' : null)));
    const edited = before.blocks.findIndex((b, i) => b.text !== after.blocks[i].text);
    // A region of six blocks around the edit, the Widget block among those after it.
    spliced(before, after, edited - 2, 6, edited + 4);
    const results = widgets();
    const got = inFactRound(new FactCache(), () => { results.listed(before); return results.listed(after); });
    assert.deepEqual([...unchangedReparsed(after, spliceTraceOf(after)!)], [edited - 2, edited - 1, -1, edited + 1, edited + 2, edited + 3]);
    assert.equal(results.blocksRead(after), 1, 'only the edited block is read');
    assert.deepEqual(got, widgets().listed(after), 'the same as a fresh read');
    assert.equal(got.values[0][0], after.text.indexOf('Widget'), 'the Widget block inside the region was moved with its block');
  });

  it('matches from the end of the region when the edit removed a block', () => {
    const before = buildContractModel(clauses(80, () => null));
    const after = buildContractModel(clauses(80, (i) => (i === 30 ? '' : null)));
    const removed = before.blocks.findIndex((b, i) => b.text !== after.blocks[i].text);
    spliced(before, after, removed - 1, 4, removed + 4);
    const results = widgets();
    const got = inFactRound(new FactCache(), () => { results.listed(before); return results.listed(after); });
    // "31." is gone: the blocks after it are numbered as before, so every block of the region reads as one replaced.
    assert.equal(unchangedCount(after), 4);
    assert.equal(results.blocksRead(after), 0);
    assert.deepEqual(got, widgets().listed(after));
  });

  it('keeps a block whose source differs (markup) out, though its text is the same', () => {
    const before = buildContractModel(clauses(40, () => null));
    const after = buildContractModel(clauses(40, (i) => (i === 20 ? '21. The Supplier reports *monthly*.' : null)));
    const edited = before.blocks.findIndex((b, i) => b.start !== after.blocks[i].start || b.end !== after.blocks[i].end);
    assert.equal(before.blocks[edited].text, after.blocks[edited].text, 'the same text');
    spliced(before, after, edited, 1, edited + 1);
    inFactRound(new FactCache(), () => assert.equal(unchangedReparsed(after, spliceTraceOf(after)!)[0], -1));
  });

  it('in a review: the term index reads only the changed block, and the review equals a fresh one', () => {
    const body = Array.from({ length: 60 }, (_, i) => `## ${i + 1}. Clause ${i + 1}\n\n${i + 1}.1 The Supplier shall provide the Services under clause ${(i % 7) + 1}.\n\n${i + 1}.2 The Customer shall pay the Charges on time.\n`).join('\n');
    const text = `# Agreement\n\n## Definitions\n\n"Services" means the services.\n\n"Charges" means the fees.\n\n${body}`;
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const next = text.replace('30.2 The Customer shall pay', '30.2 The Customer shall promptly pay');
    const got = inc.review({ text: next, version: 2, force: true });
    assert.equal(inc.fullParseReason, null, 'spliced');
    // The splice re-parsed the edited block and some around it that read as before.
    assert.ok((unchangedCount(got.model) ?? 0) >= 2, `unchanged ${unchangedCount(got.model)}`);
    assert.equal(termIndexStats(termIndex(got.model)).blocksRead, 1, 'the term index read only the edited block');
    const fresh = review({ text: next, version: 2, force: true });
    const { model: _a, ...gotRest } = got;
    const { model: _b, ...wantRest } = fresh;
    assert.deepEqual(gotRest, wantRest);
    assert.deepEqual(got.fixSpecs, fresh.fixSpecs);
  });
});
