import assert from 'node:assert/strict';
import { impossibleDateReads, impossibleDates } from '../../server/src/drafting/dates';
import { editedReview, tenClauses } from '../support/clause-edit';

// Issue 13: while editing, each block's impossible dates (days a month lacks, periods that end
// before they start) are taken over from the previous model for the blocks an edit kept or moved;
// only re-parsed blocks are read, and the results equal a fresh review's.

const text = tenClauses((i) => `## ${i}. Clause ${i}\n\n${i}.1 The term runs from 1 May 2026 to 30 April 2026. Payment is due on 31 April 2027.\n\n${i}.2 The Supplier shall report monthly.\n`)
  + '\n## 11. Definitions\n\n"Commencement Date" means 1 June 2026.\n\n"Expiry Date" means 1 January 2026.\n';

const results = (r: { model: Parameters<typeof impossibleDates>[0] }) => impossibleDates(r.model).map((d) => ({ ...d }));

describe('impossible dates while editing', () => {
  it('reads only the re-parsed blocks, and moved blocks keep fresh spans', () => {
    const { got, fresh } = editedReview(text, '3.2 The Supplier shall', '3.2 Then the Supplier shall');
    assert.deepEqual(results(got), results(fresh));
    assert.equal(results(fresh).filter((d) => d.kind === 'ends-before-start').length, 11);
    assert.equal(results(fresh).filter((d) => d.kind === 'no-such-day').length, 10);
    // The splice re-parses the edited clause's section (its heading and two paragraphs, and the
    // blank-line neighbours it takes along), not the other 40 or so blocks.
    const read = impossibleDateReads(got.model)!;
    assert.ok(read >= 1 && read <= 6 && got.model.blocks.length > 30, `read ${read} of ${got.model.blocks.length} blocks`);
  });

  it('reads an edited block again: a date mended, or a period broken', () => {
    const mended = editedReview(text, '5.1 The term runs from 1 May 2026 to 30 April 2026. Payment is due on 31 April 2027.', '5.1 The term runs from 1 May 2026 to 30 April 2027. Payment is due on 30 April 2027.');
    assert.deepEqual(results(mended.got), results(mended.fresh));
    assert.equal(results(mended.fresh).length, 19);
    const moved = editedReview(text, '"Expiry Date" means 1 January 2026.', '"Expiry Date" means 1 January 2027.');
    assert.deepEqual(results(moved.got), results(moved.fresh));
    assert.equal(results(moved.fresh).length, 20);
  });

  it('after releaseModelCaches (the review worker)', () => {
    const { got, fresh } = editedReview(text, '7.2 The Supplier', '7.2 Later the Supplier', true);
    assert.deepEqual(results(got), results(fresh));
    assert.ok(impossibleDateReads(got.model)! <= 6);
  });
});
