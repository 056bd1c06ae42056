import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { vagueFindingStats } from '../../server/src/rules/vague-wording';
import { editedReview, tenClauses } from '../support/clause-edit';

// Issue 13 (editrules): a BlockFindings rule (vague-wording here) walks only the blocks an edit
// re-parsed, takes the entry of a re-parsed block that reads as the block it replaced, and keeps
// its entries as stretches of the previous lists rather than a new list as long as the document.
// Its findings must equal a fresh review's.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall deliver the reports in a timely manner and provide support as needed.\n\n${i}.2 The Customer shall pay the charges.\n`;
const text = tenClauses(clause);
const vague = (r: ReturnType<typeof review>) => r.diagnostics.filter((d) => d.ruleId === 'vague-wording');

describe('BlockFindings while editing: re-parsed blocks that did not change, and the entries as stretches', () => {
  it('reads only the edited block and takes the entry of an unchanged re-parsed block as it was', () => {
    const { first, got, fresh } = editedReview(text, '6.2 The Customer shall pay', '6.2 The Customer shall promptly pay');
    assert.deepEqual(vague(got), vague(fresh));
    const stats = vagueFindingStats(got.model)!;
    assert.equal(stats.read, 1, 'only 6.2 is read');
    // 6.1 is re-parsed with the edited section but reads as before: its entry, findings and all, is the previous one.
    const b = got.model.blocks.findIndex((x) => x.text.startsWith('6.1 '));
    const after = stats.perBlock[b]!;
    assert.equal(after.findings.length, 2);
    assert.equal(after, vagueFindingStats(first.model)!.perBlock[b]);
  });

  it('keeps its entries as a few stretches of the previous lists over many edits, with the findings of a fresh review', () => {
    const inc = new IncrementalReview();
    let t = text;
    inc.review({ text: t, version: 1, force: true });
    for (let k = 0; k < 40; k++) {
      const clauseNo = (k * 7) % 10 + 1;
      // A vague word typed into a clause, or taken out again.
      const plain = `${clauseNo}.2 The Customer shall pay`;
      const vaguer = `${clauseNo}.2 The Customer shall promptly pay`;
      t = t.includes(plain) ? t.replace(plain, vaguer) : t.replace(vaguer, plain);
      const got = inc.review({ text: t, version: k + 2, force: true });
      assert.equal(inc.fullParseReason, null);
      const stats = vagueFindingStats(got.model)!;
      assert.ok(stats.pieces > 1 && stats.pieces <= 17, `stretches ${stats.pieces}`);
      assert.equal(stats.perBlock.length, got.model.blocks.length);
      if (k % 8 === 7) assert.deepEqual(vague(got), vague(review({ text: t, version: k + 2, force: true })));
    }
  });
});
