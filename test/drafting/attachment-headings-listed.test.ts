import assert from 'node:assert/strict';
import { reviewedEdit } from '../support/reviewed-edit';
import { attachmentHeadingStats, missingReferences, numberIndex } from '../../server/src/drafting/xrefs';

// Issue 13: the attachment headings ("Schedule 2" opening a block) that the number index reads are
// kept per model as the blocks that have one. An edit takes those few entries over and reads the
// re-parsed blocks, rather than making a list with an entry for every block of the document on
// every keystroke. The index and the references equal a fresh review's.

const clauses = Array.from({ length: 40 }, (_, i) =>
  `## ${i + 1}. Clause ${i + 1}\n\n${i + 1}.1 The Supplier shall comply with Schedule ${(i % 3) + 1} and clause ${((i + 7) % 40) + 1}.1.\n`);
const text = `# Agreement\n\n${clauses.join('\n')}\n## Schedule 1\n\nService levels.\n\n## Schedule 2\n\nCharges.\n\nSCHEDULE 3\n\nExit plan.\n`;

const edited = (from: string, to: string) => reviewedEdit(text, from, to);

describe('attachment headings kept as the blocks that have one', () => {
  it('an edit in a clause takes over the few listed headings and reads only the re-parsed blocks', () => {
    const { got, fresh } = edited('12.1 The Supplier', '12.1 The the Supplier');
    assert.ok(got.blocks.length >= 80);
    const stats = attachmentHeadingStats(got)!;
    // The three schedules' headings, not one entry per block.
    assert.equal(stats.listed, 3);
    assert.ok(stats.read >= 1 && stats.read <= 12, `${stats.read} of ${got.blocks.length} blocks read`);
    assert.deepEqual(numberIndex(got), numberIndex(fresh));
    assert.deepEqual(missingReferences(got), missingReferences(fresh));
  });

  it('an edit that writes a schedule heading lists it, and the index finds it', () => {
    const { got, fresh } = edited('Exit plan.', 'Exit plan.\n\nSCHEDULE 4\n\nContacts.');
    assert.equal(attachmentHeadingStats(got)!.listed, 4);
    assert.ok(numberIndex(got).attachments.has('schedule 4'));
    assert.deepEqual(numberIndex(got), numberIndex(fresh));
    assert.deepEqual(missingReferences(got), missingReferences(fresh));
  });
});
