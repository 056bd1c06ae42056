/**
 * The server's open documents (server/src/lsp/edited-document.ts) and the mapping made from a
 * document's pending edit (drift.ts TextDrift.ofEdit), issue 13 hover:
 * - after any changes, an EditedDocument gives the text, offsets, positions, line count, line ranges
 *   and line ends that vscode-languageserver-textdocument gives after the same changes;
 * - a change leaves the new text unbuilt: positions, offsets and the line count are read without it;
 * - the mapping from the reviewed text through the pending edit is the mapping from the two texts.
 * Behaviour only, no timing.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditedDocument } from '../../server/src/lsp/edited-document';
import { changedRangeOfEdit, sideOf, TextDrift } from '../../server/src/lsp/drift';
import { changedRange } from '../../server/src/model/incremental';
import { computeLineStarts } from '../../server/src/model';

const seed = process.env.CLAUSEWISE_FC_SEED ? Number(process.env.CLAUSEWISE_FC_SEED) : undefined;
/** Texts made of few characters, line breaks of every kind among them, so edits meet repeats and CR LF pairs. */
const textArb = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '\u2019'), { maxLength: 40 }).map((xs) => xs.join(''));
/** A change as a client sends it: a range of the text (two offsets, as fractions of its length, in either order) and its new text; now and then the whole text. */
const changeArb = fc.oneof(
  { weight: 9, arbitrary: fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ whole: textArb }) },
);
type ChangeSpec = { from: number; to: number; text: string } | { whole: string };

/** The change in positions of the document as it is (a range within its text, possibly reversed). */
function changeOf(spec: ChangeSpec, doc: TextDocument): TextDocumentContentChangeEvent {
  if ('whole' in spec) return { text: spec.whole };
  const length = doc.getText().length;
  return { range: { start: doc.positionAt(Math.round(spec.from * length)), end: doc.positionAt(Math.round(spec.to * length)) }, text: spec.text };
}

function assertSame(mine: EditedDocument, theirs: TextDocument): void {
  assert.equal(mine.version, theirs.version);
  assert.equal(mine.lineCount, theirs.lineCount);
  const length = theirs.getText().length;
  for (let o = -1; o <= length + 1; o++) assert.deepEqual(mine.positionAt(o), theirs.positionAt(o), `positionAt(${o})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    for (let character = -1; character <= 14; character++) assert.equal(mine.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
    assert.deepEqual(mine.getLineRange(line), theirs.getLineRange(line), `getLineRange(${line})`);
    assert.equal(mine.getEOLCharacters(line), theirs.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
  assert.equal(mine.getText(), theirs.getText());
}

describe('lsp: the server\'s open documents', () => {
  it('read as vscode-languageserver-textdocument after any changes, with the text read or not between them', () => {
    fc.assert(fc.property(textArb, fc.array(fc.tuple(fc.array(changeArb, { minLength: 1, maxLength: 3 }), fc.boolean()), { maxLength: 6 }), (text, steps) => {
      const mine = EditedDocument.create('file:///a.md', 'markdown', 1, text);
      const theirs = TextDocument.create('file:///a.md', 'markdown', 1, text);
      let version = 1;
      for (const [specs, read] of steps) {
        version++;
        // One notification's changes, each in the positions of the text the ones before it made.
        const scratch = TextDocument.create('file:///a.md', 'markdown', 0, theirs.getText());
        const changes = specs.map((spec) => {
          const change = changeOf(spec, scratch);
          TextDocument.update(scratch, [change], 0);
          return change;
        });
        EditedDocument.update(mine, changes, version);
        TextDocument.update(theirs, changes, version);
        if (read) assertSame(mine, theirs);
        else assert.equal(mine.offsetAt({ line: 1, character: 2 }), theirs.offsetAt({ line: 1, character: 2 }));
      }
      assertSame(mine, theirs);
    }), { numRuns: 300, ...(seed !== undefined ? { seed } : {}) });
  });

  it('keeps a change as an edit: positions, offsets and the line count are read without building the new text', () => {
    const before = 'Alpha clause.\nThe Supplier shall act promptly.\nOmega clause.\n';
    const doc = EditedDocument.create('file:///a.md', 'markdown', 1, before);
    assert.equal(doc.getText(), before);
    EditedDocument.update(doc, [{ range: { start: { line: 1, character: 23 }, end: { line: 1, character: 23 } }, text: 'very ' }], 2);
    assert.deepEqual(doc.positionAt(60), { line: 2, character: 8 });
    assert.equal(doc.offsetAt({ line: 1, character: 40 }), 51);
    assert.equal(doc.lineCount, 4);
    assert.deepEqual(doc.editSince(before), { start: 37, end: 37, text: 'very ' }, 'still the edit of the text before');
    assert.equal(doc.getText(), before.replace('act ', 'act very '));
    assert.equal(doc.editSince(before), undefined, 'the text built, no edit is pending');
  });

  it('makes its line offsets ahead of the first change when asked (issue 13, firstedit): the same reads after, and no pending edit built', () => {
    fc.assert(fc.property(textArb, fc.array(changeArb, { minLength: 1, maxLength: 4 }), (text, specs) => {
      const mine = EditedDocument.create('file:///a.md', 'markdown', 1, text);
      const theirs = TextDocument.create('file:///a.md', 'markdown', 1, text);
      mine.prepareLineOffsets();
      let version = 1;
      for (const spec of specs) {
        const change = changeOf(spec, theirs);
        version++;
        EditedDocument.update(mine, [change], version);
        TextDocument.update(theirs, [change], version);
        mine.prepareLineOffsets();
      }
      assertSame(mine, theirs);
    }), { numRuns: 200, ...(seed !== undefined ? { seed } : {}) });
    // A change that makes a CR LF pair across its end leaves the offsets to be counted again from the text.
    const before = 'Alpha clause.\nThe Supplier shall act promptly.\n';
    const doc = EditedDocument.create('file:///a.md', 'markdown', 1, before);
    EditedDocument.update(doc, [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 13 } }, text: ' x\r' }], 2);
    doc.prepareLineOffsets();
    assert.deepEqual(doc.editSince(before), { start: 13, end: 13, text: ' x\r' }, 'the edit still pending: no text was built');
    assert.equal(doc.lineCount, 3);
  });

  it('maps through a pending edit as through the two texts', () => {
    fc.assert(fc.property(textArb, fc.nat(), fc.nat(), textArb, (before, a, b, insert) => {
      const start = Math.min(a, b) % (before.length + 1);
      const end = Math.min(before.length, start + (Math.max(a, b) % 4));
      const after = before.slice(0, start) + insert + before.slice(end);
      assert.deepEqual(changedRangeOfEdit(before, start, end, insert), changedRange(before, after));
      const beforeSide = sideOf(before, computeLineStarts(before));
      const afterSide = sideOf(after, computeLineStarts(after));
      const fromTexts = new TextDrift(beforeSide, afterSide);
      const fromEdit = TextDrift.ofEdit(beforeSide, { ...afterSide, get text(): string { throw new Error('the new text is not read'); } }, { start, end, text: insert });
      assert.equal(fromEdit.identical, fromTexts.identical);
      const lines = Math.max(before.split('\n').length, after.split('\n').length) + 1;
      for (let line = 0; line <= lines; line++) {
        for (let character = 0; character <= 12; character++) {
          const pos = { line, character };
          assert.deepEqual(fromEdit.toBefore(pos), fromTexts.toBefore(pos));
          const range = { start: { line: Math.max(0, line - 1), character }, end: pos };
          assert.deepEqual(fromEdit.exact(range), fromTexts.exact(range));
          assert.deepEqual(fromEdit.locate(range), fromTexts.locate(range));
          assert.deepEqual(fromEdit.rangeToBefore(range), fromTexts.rangeToBefore(range));
        }
      }
    }), { numRuns: 300, ...(seed !== undefined ? { seed } : {}) });
  });
});
