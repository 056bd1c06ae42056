import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { fullModelState, updateModelState, type ModelState } from '../../server/src/model/incremental';
import { OffsetBlock } from '../../server/src/model/offsetBlock';
import { roleWordCountsOf, roleWordPattern, SUPPLIER_ROLE_WORDS, CUSTOMER_ROLE_WORDS, VOICE_WORD } from '../../server/src/model/parties';
import { pieceCount } from '../../server/src/model/textPool';

// What a splice keeps beside the model is brought up to date from the blocks and chunks the edit
// replaced, not recounted over every block (issue 13, model): each chunk's first block, the number
// of block and sentence texts, the role-word counts of the re-read chunks, and the blocks' sections
// (moved blocks carry theirs). Each must equal what counting the whole new model gives.

const clause = (n: number) =>
  `## ${n}. Part ${n}\n\n${n}.1 The Supplier shall provide the Services. The Provider will report monthly.\n\n` +
  `### ${n}.2 Charges\n\n#### ${n}.2.1 Invoices\n\nThe Customer shall pay within thirty days (see clause ${n}.1).\n`;
const base = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${Array.from({ length: 8 }, (_, i) => clause(i + 2)).join('\n')}`;

/** The first block at or after each chunk start, counted afresh. */
function blocksPerChunk(state: ModelState): number[] {
  const blocks = state.model.blocks;
  const out: number[] = [];
  let b = 0;
  for (const start of state.chunkStarts!) {
    while (b < blocks.length && blocks[b].start < start) b++;
    out.push(b);
  }
  out.push(blocks.length);
  return out;
}

const edits: Array<[string, (t: string) => string]> = [
  ['a character typed in a nested clause', (t) => t.replace('5.2.1 Invoices\n\nThe Customer', '5.2.1 Invoices\n\nThe the Customer')],
  ['a paragraph split in two (one block more after it)', (t) => t.replace('6.1 The Supplier shall provide the Services. ', '6.1 The Supplier shall provide the Services.\n\n')],
  ['a paragraph removed (one block fewer after it)', (t) => t.replace('The Customer shall pay within thirty days (see clause 4.1).\n', '')],
  ['a heading added (a new chunk, the tree built afresh)', (t) => t.replace('### 7.2 Charges', '### 7.2 Charges\n\n### 7.3 Vendor terms\n\nThe Vendor and the Vendor and the Vendor will help you.\n\n### 7.4 More')],
  ['role words typed', (t) => t.replace('3.1 The Supplier', '3.1 The Service Provider and the Client and the Buyer and we')],
  ['a heading retitled', (t) => t.replace('### 8.2 Charges', '### 8.2 Charges and Fees')],
];

describe('what a splice keeps beside the model, brought up to date per edit', () => {
  it('equals a count over the whole model after every edit of a sequence', () => {
    let state = fullModelState(base, 1, 'markdown', 'first');
    let text = base;
    let version = 1;
    for (const [what, edit] of edits) {
      const edited = edit(text);
      assert.notEqual(edited, text, what);
      const next = updateModelState(state, edited, ++version, 'markdown');
      assert.equal(next.fullReason, null, what);
      assert.deepEqual(next.chunkBlocks, blocksPerChunk(next), `chunk blocks after ${what}`);
      assert.equal(next.pieces, pieceCount(next.model.blocks), `texts counted after ${what}`);
      const counts = roleWordCountsOf(next.model)!;
      for (const w of [...SUPPLIER_ROLE_WORDS, ...CUSTOMER_ROLE_WORDS]) {
        assert.equal(counts.count(w, edited), (edited.match(roleWordPattern(w)) ?? []).length, `${w} after ${what}`);
      }
      assert.equal(counts.voiceWords(edited), (edited.match(new RegExp(VOICE_WORD.source, 'g')) ?? []).length, `voice words after ${what}`);
      const fresh = buildContractModel(edited, version, 'markdown');
      assert.deepEqual(next.model.blocks.map((b) => b.section), fresh.blocks.map((b) => b.section), `block sections after ${what}`);
      assert.deepEqual(next.model.sections, fresh.sections, `sections after ${what}`);
      state = next;
      text = edited;
    }
  });

  it('takes a moved block\'s section over with it', () => {
    const state = fullModelState(base, 1, 'markdown', 'first');
    const block = state.model.blocks.find((b) => b.section > 3) as OffsetBlock;
    const moved = block.movedTo(block.index + 1, block.start + 5);
    assert.equal(moved.section, block.section);
  });

  it('ends the sections still open before the edit where a fresh parse does, when the edit is deep in them', () => {
    // An edit in clause 9.2.1 moves the end of 9.2.1's ancestors (9.2, 9) and of the root, and of no
    // section that closed before it.
    const state = fullModelState(base, 1, 'markdown', 'first');
    const edited = base.replace('9.2.1 Invoices\n\nThe Customer', '9.2.1 Invoices\n\nThe Customer, acting reasonably,');
    const next = updateModelState(state, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    const fresh = buildContractModel(edited, 2, 'markdown');
    assert.deepEqual(next.model.sections, fresh.sections);
    const moved = next.model.sections.filter((s, i) => i > 0 && s.end !== state.model.sections[i].end);
    assert.ok(moved.some((s) => s.title === 'Part 9'), 'an ancestor before the edit ends later');
    const closed = next.model.sections.filter((s, i) => i > 0 && state.model.sections[i].end < edited.indexOf('9.2.1 Invoices'));
    assert.ok(closed.length > 10);
    for (const s of closed) assert.equal(s, state.model.sections[s.index], 'a section closed before the edit is the previous object');
  });
  it('moves each section after the edit from its own fields, without reading its successor', () => {
    // Each section after the edit and its successor move by the same amounts, so a tree taken over
    // shifts a section's own start, end, title span and blocks (model/sections.ts movedSection)
    // instead of working its end out from the section that follows it. Counted: reads of `start`
    // and `headingBlock` of every previous section well after the edit, during the splice.
    const cases: Array<[string, (t: string) => string, number, number]> = [
      ['a character typed', (t) => t.replace('3.1 The Supplier shall provide', '3.1 The Supplier shall xprovide'), 1, 0],
      ['a paragraph split in two', (t) => t.replace('3.1 The Supplier shall provide the Services. ', '3.1 The Supplier shall provide the Services.\n\n'), 1, 1],
      ['a word replaced by one as long', (t) => t.replace('3.1 The Supplier shall provide', '3.1 The Supplier shall deliver'), 0, 0],
    ];
    for (const [what, edit, delta, blockShift] of cases) {
      const state = fullModelState(base, 1, 'markdown', 'first');
      const edited = edit(base);
      assert.notEqual(edited, base, what);
      const old = state.model.sections;
      // The sections from clause 4's first sub-section on: after the re-parsed ones (clause 3) and
      // after the first section that follows them (clause 4), whose start the re-parsed sections' ends read.
      const after = old.findIndex((s) => s.title === 'Part 4') + 1;
      assert.ok(after > 1, what);
      const reads = new Map<number, number>();
      const previous = old.slice();
      for (let i = after; i < old.length; i++) {
        old[i] = new Proxy(previous[i], {
          get(target, key, receiver) {
            if (key === 'start' || key === 'headingBlock') reads.set(i, (reads.get(i) ?? 0) + 1);
            return Reflect.get(target, key, receiver);
          },
        });
      }
      const next = updateModelState(state, edited, 2, 'markdown');
      assert.equal(next.fullReason, null, what);
      assert.equal(next.model.text.length - base.length, delta, what);
      assert.equal(next.model.blocks.length - state.model.blocks.length, blockShift, what);
      // Once each for its own fields, and at most once more where the splice halves the list to find the edited sections.
      for (let i = after; i < old.length; i++) assert.ok((reads.get(i) ?? 0) <= 3, `${what}: section ${i} read ${reads.get(i)} times`);
      const fresh = buildContractModel(edited, 2, 'markdown');
      assert.deepEqual(next.model.sections.map((s) => ({ ...s })), fresh.sections, what);
      // Nothing moved: the previous objects.
      if (delta === 0 && blockShift === 0) for (let i = after; i < old.length; i++) assert.equal(next.model.sections[i], old[i], what);
    }
  });
});
