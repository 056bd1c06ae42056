import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { vagueFindingStats } from '../../server/src/rules/vague-wording';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { editedReview, tenClauses } from '../support/clause-edit';

// Issue 13: while editing, vague-wording keeps each block's findings and takes them over for the
// blocks an edit kept or moved (the same objects: spans are relative to the block), reading only the
// re-parsed blocks' sentences. The findings must equal a fresh review's.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall deliver the reports in a timely manner and provide support as needed.\n\n${i}.2 The Customer shall pay the charges.\n`;
const text = tenClauses(clause);

const vague = (r: ReturnType<typeof review>) => r.diagnostics.filter((d) => d.ruleId === 'vague-wording');

const edited = (from: string, to: string, release = false) => editedReview(text, from, to, release);

describe('vague-wording while editing', () => {
  it('keeps the findings of the blocks before the edit as the same objects and reads only the re-parsed blocks', () => {
    const { first, got, fresh } = edited('6.2 The Customer shall pay', '6.2 The Customer shall promptly pay');
    assert.deepEqual(vague(got), vague(fresh));
    assert.equal(vague(fresh).length, 21);
    const read = vagueFindingStats(got.model)!.read;
    assert.ok(read >= 1 && read <= 8 && got.model.blocks.length > 30, `read ${read} of ${got.model.blocks.length} blocks`);
    const before = vagueFindingStats(first.model)!.perBlock;
    const after = vagueFindingStats(got.model)!.perBlock;
    // Block 4 is clause 1.1, far before the edit.
    const b = got.model.blocks.findIndex((x) => x.text.startsWith('1.1 '));
    assert.ok(after[b]!.findings.length === 2);
    assert.equal(after[b]!.findings[0], before[b]!.findings[0], 'the same finding object');
  });

  it('takes over the entries and groups of every block before the edit as a whole, the sentence list having taken theirs', () => {
    const { first, got, fresh } = edited('8.2 The Customer shall pay', '8.2 The Customer shall promptly pay');
    assert.deepEqual(vague(got), vague(fresh));
    const stats = vagueFindingStats(got.model)!;
    const clause7 = got.model.blocks.findIndex((x) => x.text.startsWith('7. '));
    // Clauses 1 to 6 at least (the splice re-parses the edited section and may take the one before in).
    assert.ok(stats.shared >= clause7 && stats.shared <= got.model.blocks.findIndex((x) => x.text.startsWith('8.2 ')), `shared ${stats.shared}`);
    const b = got.model.blocks.findIndex((x) => x.text.startsWith('3.1 '));
    assert.equal(stats.perBlock[b], vagueFindingStats(first.model)!.perBlock[b]);
  });

  it('keeps a moved block\'s entry as it is, with or without findings: spans are relative to the block', () => {
    const { first, got, fresh } = edited('2.2 The Customer shall pay', '2.2 The Customer shall pay all');
    assert.deepEqual(vague(got), vague(fresh));
    const before = vagueFindingStats(first.model)!.perBlock;
    const after = vagueFindingStats(got.model)!.perBlock;
    // Clause 7.2 moved (the edit is before it) and has no findings; clause 7.1 moved with two.
    const quiet = got.model.blocks.findIndex((x) => x.text.startsWith('7.2 '));
    const loud = got.model.blocks.findIndex((x) => x.text.startsWith('7.1 '));
    assert.notEqual(got.model.blocks[quiet].start, first.model.blocks[quiet].start, 'the block moved');
    assert.equal(after[quiet]!.findings.length, 0);
    assert.equal(after[quiet], before[quiet], 'the same entry');
    assert.equal(after[loud], before[loud], 'the same entry, findings and all');
    assert.equal(after[loud]!.findings.length, 2);
    // Relative to the block: the finding's absolute place is the block's start plus its span.
    const abs = got.model.blocks[loud].start + after[loud]!.findings[0].span.start;
    assert.ok(vague(fresh).some((d) => got.model.lineStarts[d.range.start.line] + d.range.start.character === abs));
  });

  it('takes over the entries and groups of every block after the edit as a whole when the section tree is unchanged', () => {
    const { first, got, fresh } = edited('2.2 The Customer shall pay', '2.2 The Customer shall pay all');
    assert.deepEqual(vague(got), vague(fresh));
    const stats = vagueFindingStats(got.model)!;
    const clause3 = got.model.blocks.findIndex((x) => x.text.startsWith('3. '));
    // Clause 3 on (the splice re-parses the edited section and may take the one before in).
    assert.equal(stats.moved, got.model.blocks.length - clause3, `moved ${stats.moved}`);
    assert.ok(stats.read <= 6, `read ${stats.read}`);
    const b = got.model.blocks.findIndex((x) => x.text.startsWith('9.1 '));
    assert.equal(stats.perBlock[b], vagueFindingStats(first.model)!.perBlock[b]);
    // A retitled section whose blocks were all re-parsed: the blocks after the edit are under the
    // titles they were under, so they are taken over as a whole too (the tree was taken over).
    const retitled = edited('## 2. Clause 2', '## 2. Deliverables');
    assert.deepEqual(vague(retitled.got), vague(retitled.fresh));
    assert.equal(vagueFindingStats(retitled.got.model)!.moved, retitled.got.model.blocks.length - clause3);
  });

  it('walks the moved blocks of a retitled section, and takes over those after it, when a heading\'s number changes', () => {
    // Section 2 holds sub-headings, each a chunk of its own: retitling it re-parses its heading, not
    // the sub-sections, whose titles then read differently ("Deliverables" makes "as needed" count
    // without "shall").
    const subs = '### 2.3 Reports\n\nReports are provided as needed.\n\n### 2.4 Meetings\n\nMeetings are held as needed.\n';
    const nested = text.replace('## 3. Clause 3', `${subs}\n## 3. Clause 3`);
    const retitled = editedReview(nested, '## 2. Clause 2', '## 2. Deliverables');
    assert.deepEqual(vague(retitled.got), vague(retitled.fresh));
    assert.ok(vague(retitled.fresh).length > vague(review({ text: nested, version: 1, force: true })).length, 'the new title adds findings');
    assert.equal(vagueFindingStats(retitled.got.model)!.moved, 0);
    // A number typed into a heading (the tree is taken over, renumbered): these rules read titles, not numbers.
    const renumbered = editedReview(nested, '## 5. Clause 5', '## 51. Clause 5');
    assert.deepEqual(vague(renumbered.got), vague(renumbered.fresh));
    const clause6 = renumbered.got.model.blocks.findIndex((x) => x.text.startsWith('6. '));
    assert.equal(vagueFindingStats(renumbered.got.model)!.moved, renumbered.got.model.blocks.length - clause6);
  });

  it('moves the findings of blocks after the edit, and reads a block whose section title changes its reading', () => {
    const longer = edited('3.2 The Customer shall pay', '3.2 The Customer shall pay all');
    assert.deepEqual(vague(longer.got), vague(longer.fresh));
    // A sentence without "shall" counts only in a section whose title names deliverables: retitling reads it again.
    const base = text.replace('8.2 The Customer shall pay the charges.\n', '8.2 The Customer shall pay the charges.\n\nThe parties met.\n\nThe parties met again.\n\nThe parties met once more.\n\nReports are provided as needed.\n');
    const inc = new IncrementalReview();
    inc.review({ text: base, version: 1, force: true });
    const retitled = base.replace('## 8. Clause 8', '## 8. Services');
    const got = inc.review({ text: retitled, version: 2, force: true });
    assert.equal(inc.fullParseReason, null);
    const fresh = review({ text: retitled, version: 2, force: true });
    assert.deepEqual(vague(got), vague(fresh));
    assert.equal(vague(fresh).length, vague(review({ text: base, version: 1, force: true })).length + 1);
  });

  it('reports each finding of a block of several sentences once, in a full review and while editing', () => {
    const two = text.replace('4.2 The Customer shall pay the charges.', '4.2 The Customer shall pay promptly. The Supplier shall report as needed. The Supplier shall act in a timely manner.');
    const full = vague(review({ text: two, version: 1, force: true }));
    assert.equal(full.length, 23);
    assert.equal(new Set(full.map((d) => JSON.stringify(d.range))).size, full.length, 'no finding twice');
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    assert.deepEqual(vague(inc.review({ text: two, version: 2, force: true })), full);
  });

  it('after releaseModelCaches (the review worker)', () => {
    const { got, fresh } = edited('9.2 The Customer shall pay', '9.2 The Customer shall pay as required', true);
    assert.deepEqual(vague(got), vague(fresh));
    assert.ok(vagueFindingStats(got.model)!.read <= 8);
  });
});
