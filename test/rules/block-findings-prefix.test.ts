import assert from 'node:assert/strict';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { sentencesOf, type SentenceInfo } from '../../server/src/categories';
import { spliceTraceOf } from '../../server/src/model/trace';
import { BlockFindings } from '../../server/src/rules/block-findings';
import type { ContractModel } from '../../server/src/model';
import type { RuleFinding } from '../../server/src/rules/types';
import { tenClauses } from '../support/clause-edit';

// Issue 13 (rules): when the splice took the section tree over, the blocks before the edit keep
// their findings as a whole without the sentence lists' entries being compared one by one (a
// comparison that cost a tenth of a millisecond per rule on a 1 MB contract). The lists here are
// copies (new objects, the same content), so only that reasoning, not the comparison, can take the
// blocks over; the groups must still be those of a full read.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall deliver the reports in a timely manner.\n\n${i}.2 The Customer shall pay the charges.\n`;
const text = tenClauses(clause);

/** One finding per sentence that says "timely", at the block's start (absolute spans, as a rule's reader gives them). */
function reader(model: ContractModel, infos: SentenceInfo[], blocks: number[]) {
  return (from: number, out: RuleFinding[]) => {
    const b = infos[from].block;
    blocks.push(b);
    for (let i = from; i < infos.length && infos[i].block === b; i++) {
      if (infos[i].text.includes('timely')) out.push({ span: { start: model.blocks[b].start, end: model.blocks[b].start + 1 }, message: `timely ${i - from}` });
    }
  };
}

const copies = (model: ContractModel): SentenceInfo[] => sentencesOf(model).map((info) => ({ ...info }));

describe('BlockFindings: the blocks before an edit', () => {
  it('are taken over as a whole from the splice, not by comparing the sentence lists', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true }).model;
    const store = new BlockFindings();
    const firstInfos = copies(first);
    store.groups(first, firstInfos, '', reader(first, firstInfos, []));
    const model = inc.model(text.replace('8.2 The Customer shall pay', '8.2 The Customer shall promptly pay'), 2, 'markdown');
    const trace = spliceTraceOf(model)!;
    assert.ok(trace && trace.sections && trace.prefix > 10, 'a splice that took the section tree over');
    const infos = copies(model);
    const read: number[] = [];
    const got = store.groups(model, infos, '', reader(model, infos, read));
    const stats = store.stats(model)!;
    assert.equal(stats.shared, trace.prefix, 'every block before the edit taken over');
    assert.ok(read.every((b) => b >= trace.prefix && b < trace.prefix + trace.fresh), `read only re-parsed blocks: ${read.join(' ')}`);
    const fullInfos = copies(model);
    const full = new BlockFindings().groups(model, fullInfos, '', reader(model, fullInfos, []));
    assert.deepEqual(got, full);
    assert.equal(got.blocks.length, 10);
  });

  it('are compared entry by entry when the tree was built afresh, and read where they differ', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true }).model;
    const store = new BlockFindings();
    const firstInfos = copies(first);
    store.groups(first, firstInfos, '', reader(first, firstInfos, []));
    // A new section opened: the tree is built afresh.
    const model = inc.model(text.replace('8.2 The Customer shall pay', '## 8A. Inserted\n\n8.2 The Customer shall pay'), 2, 'markdown');
    const trace = spliceTraceOf(model);
    assert.ok(trace && !trace.sections, "a splice that built the tree afresh");
    const infos = copies(model);
    const got = store.groups(model, infos, '', reader(model, infos, []));
    assert.equal(store.stats(model)!.shared, 0, 'copies are not the same entries');
    const fullInfos = copies(model);
    assert.deepEqual(got, new BlockFindings().groups(model, fullInfos, '', reader(model, fullInfos, [])));
  });
});
