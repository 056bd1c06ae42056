import assert from 'node:assert/strict';
import { buildContractModel, sentenceSpan, type ContractModel } from '../../server/src/model';
import { fullModelState, updateModelState } from '../../server/src/model/incremental';
import { infoSpan, sentencesOf } from '../../server/src/categories/scan';

// An edit shares the objects of the blocks it did not re-read with the previous model (issue 13):
// blocks before the edit are the previous objects, blocks after it are new objects holding the
// previous sentence objects, whose positions are relative to their block (Sentence.from/to). Both
// models stay valid: the language server answers requests from the previous one while the next is built.
const clauses = Array.from({ length: 8 }, (_, i) => `## ${i + 1}. Services ${i + 1}\n\n${i + 1}.1 The Supplier shall provide the Services. It shall do so with **reasonable** care.\n\n${i + 1}.2 The Customer shall pay the Charges within thirty days.\n`);
const text = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${clauses.join('\n')}`;

/** Each sentence's source span in the model, and the source text there. */
const placed = (m: ContractModel) => m.blocks.flatMap((b) => b.sentences.map((s) => ({ block: b.index, ...sentenceSpan(b, s), source: m.text.slice(sentenceSpan(b, s).start, sentenceSpan(b, s).end), text: s.text })));
/** What a reader of the model sees of its blocks and sections, as plain data. */
const snapshot = (m: ContractModel) => JSON.parse(JSON.stringify({ blocks: m.blocks.map((b) => ({ index: b.index, start: b.start, end: b.end, section: b.section, sentences: b.sentences })), sections: m.sections, placed: placed(m) }));

describe('objects shared by a spliced model and the one it was spliced from', () => {
  it('keeps the sentence objects of a block the edit only moved, at offsets right in both models', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    const before = snapshot(prev.model);
    const at = text.indexOf('3.1 The Supplier') + 4;
    const edited = text.slice(0, at) + 'Also, ' + text.slice(at);
    const next = updateModelState(prev, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    // A block after the edit: moved by six characters, a new block object, the same sentence objects.
    const oldBlock = prev.model.blocks.find((b) => b.text.startsWith('7.2 The Customer'))!;
    const newBlock = next.model.blocks.find((b) => b.text.startsWith('7.2 The Customer'))!;
    assert.notEqual(newBlock, oldBlock);
    assert.equal(newBlock.start, oldBlock.start + 6);
    assert.equal(newBlock.sentences, oldBlock.sentences);
    for (let i = 0; i < newBlock.sentences.length; i++) assert.equal(newBlock.sentences[i], oldBlock.sentences[i]);
    // Its sentences slice the new text where they are, as a fresh parse places them...
    const fresh = buildContractModel(edited, 2, 'markdown');
    assert.deepEqual(placed(next.model), placed(fresh));
    for (const p of placed(next.model)) if (p.block === newBlock.index) assert.equal(p.source, p.text);
    // ...and the previous model still reads the old text at the old places.
    assert.deepEqual(snapshot(prev.model), before);
    for (const p of placed(prev.model)) if (p.block === oldBlock.index) assert.equal(p.source, p.text);
    // The category scans' sentence list places them in the model it was built for.
    const infos = sentencesOf(next.model).filter((info) => newBlock.sentences.includes(info.sentence));
    assert.equal(infos.length, newBlock.sentences.length);
    for (const info of infos) {
      assert.equal(info.block, newBlock.index);
      const span = infoSpan(next.model, info);
      assert.equal(span.start, newBlock.start + info.sentence.from);
      assert.equal(edited.slice(span.start, span.end), info.sentence.text);
    }
  });

  it('takes the blocks before the edit over as they are', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    const at = text.indexOf('6.2 The Customer') + 4;
    const next = updateModelState(prev, text.slice(0, at) + 'x' + text.slice(at), 2, 'markdown');
    assert.equal(next.fullReason, null);
    const firstEdited = next.model.blocks.findIndex((b) => b.text.startsWith('6.2 x'));
    assert.ok(firstEdited > 10);
    // Every block of the chunks before the re-read ones (the chunk before the edit, "## 5.", is re-read too).
    const reread = text.indexOf('## 5.');
    const shared = next.model.blocks.filter((b, i) => b === prev.model.blocks[i]);
    assert.deepEqual(shared.map((b) => b.index), prev.model.blocks.filter((b) => b.start < reread).map((b) => b.index));
    assert.ok(shared.length >= firstEdited - 5);
  });

  it('leaves the previous model as it was when an edit builds the section tree afresh', () => {
    // Two headings in all: un-heading the second one switches the document to numbered-text
    // sections, so the tree is built afresh and every block's section is worked out again.
    const two = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n1. SERVICES\n\n1.1 The Supplier shall provide the Services.\n\n2. CHARGES\n\n2.1 The Customer shall pay the Charges.\n\n## Schedule 1\n\nService levels apply.\n`;
    const prev = fullModelState(two, 1, 'markdown', 'first');
    assert.equal(prev.model.usesMarkdownHeadings, true);
    const before = snapshot(prev.model);
    const edited = two.replace('## Schedule 1', 'Schedule 1');
    const next = updateModelState(prev, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    assert.equal(next.model.usesMarkdownHeadings, false);
    const fresh = buildContractModel(edited, 2, 'markdown');
    assert.deepEqual(next.model.blocks.map((b) => b.section), fresh.blocks.map((b) => b.section));
    assert.deepEqual(snapshot(prev.model), before);
  });
});
