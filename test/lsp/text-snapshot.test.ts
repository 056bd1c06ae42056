/**
 * A document version held as an earlier text plus the editor's edits (server/src/lsp/text-snapshot.ts),
 * and a worker job sent as those edits (job-text.ts) without the server's thread building either text:
 * the worker rebuilds exactly the new text, the edit the model gets covers every change, characters
 * and NUL checks read through the edits, and a snapshot shares the string the document builds.
 */
import { strict as assert } from 'node:assert';
import { changedRange, knownRange } from '../../server/src/model/incremental';
import { EditedDocument } from '../../server/src/lsp/edited-document';
import { KeptTexts, SentTexts } from '../../server/src/lsp/job-text';
import { editsRange, TextSnapshot, type PendingEdit } from '../../server/src/lsp/text-snapshot';
import { changedRangeOfEdit } from '../../server/src/lsp/drift';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['x', ' in a timely manner', '\n\n', '\r\n', '\u2019', '', 'é', '## 9. Extra\n\nThe Supplier shall act.\n'];
const BASE = Array.from({ length: 40 }, (_, i) => `## ${i + 1}. Clause\n\nThe Supplier shall deliver item ${i} within 30 days.\n`).join('\n');

function randomEdit(text: string, rnd: () => number): PendingEdit {
  const start = Math.floor(rnd() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(rnd() * 30 * (rnd() < 0.5 ? 0 : 1)));
  return { start, end, text: PIECES[Math.floor(rnd() * PIECES.length)] };
}

const apply = (t: string, e: PendingEdit): string => t.slice(0, e.start) + e.text + t.slice(e.end);

/** The editor's change for an edit of `text`, as an LSP range. */
function change(doc: EditedDocument, e: PendingEdit) {
  return { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.text };
}

describe('lsp: text snapshots and jobs sent as the editor\'s edits', () => {
  it('reads characters through the edits, builds the same text, and bounds the change of several edits', () => {
    const rnd = lcg(7);
    for (let round = 0; round < 200; round++) {
      const edits: PendingEdit[] = [];
      let text = BASE;
      for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) {
        const e = randomEdit(text, rnd);
        edits.push(e);
        text = apply(text, e);
      }
      const snap = new TextSnapshot(BASE, edits, text.length);
      for (let i = -1; i <= text.length; i += 1 + Math.floor(rnd() * 7)) assert.equal(Number.isNaN(snap.charCodeAt(i)) ? NaN : snap.charCodeAt(i), text.charCodeAt(i), `offset ${i}`);
      assert.equal(snap.builtText, undefined, 'reading characters builds nothing');
      const r = editsRange(edits, BASE.length);
      const exact = changedRange(BASE, text);
      assert.equal(r.newEnd - r.oldEnd, text.length - BASE.length);
      if (text !== BASE) assert.ok(r.start <= exact.start && r.oldEnd - r.start >= exact.oldEnd - exact.start, JSON.stringify({ r, exact }));
      assert.equal(BASE.slice(0, r.start) + text.slice(r.start, r.newEnd) + BASE.slice(r.oldEnd), text);
      // A one-edit mapping read from the snapshot is the one read from the built text.
      const e = randomEdit(text, rnd);
      assert.deepEqual(changedRangeOfEdit(snap, e.start, e.end, e.text), changedRangeOfEdit(text, e.start, e.end, e.text));
      assert.equal(snap.text, text);
    }
  });

  it('sends the edits since the last job, which the worker applies in order, without building either text here', () => {
    const rnd = lcg(11);
    const sent = new SentTexts();
    const kept = new KeptTexts();
    const uri = 'file:///a.md';
    const doc = new EditedDocument(uri, 'markdown', 1, BASE);
    let expected = BASE;
    const first = doc.snapshot();
    assert.ok('text' in sent.wire(uri, 1, first));
    assert.equal(kept.receive(uri, 1, { text: BASE }), BASE);
    sent.sentTo(uri, 1, first);
    let multi = 0;
    let lazy = 0;
    for (let version = 2; version < 60; version++) {
      // One to three keystrokes between two jobs (the worker's queue keeps only the newest job).
      const n = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) {
        const e = randomEdit(expected, rnd);
        doc.update([change(doc, e)], version);
        expected = apply(expected, e);
      }
      const snap = doc.snapshot();
      const wire = sent.wire(uri, version, snap);
      assert.ok('edit' in wire);
      if (wire.edit.more) multi++;
      // (A CR LF pair made or split by an edit has the document count its lines from the whole text: then it is built.)
      if (snap.builtText === undefined) lazy++;
      const got = kept.receiveJob(uri, version, wire);
      assert.ok(got, `version ${version}: the worker applied the edits`);
      assert.equal(got.text, expected);
      // The model takes the edit as the changed range (model/incremental.ts knownRange).
      assert.ok(got.edit);
      const r = knownRange(got.edit, got.edit.before, got.text.length);
      assert.ok(r, 'the edit is one the model accepts');
      assert.equal(got.edit.before.slice(0, r.start) + got.edit.insert + got.edit.before.slice(r.oldEnd), got.text);
      sent.sentTo(uri, version, snap);
    }
    assert.ok(multi > 5, 'several edits travelled in one job');
    assert.ok(lazy > 30, `most new texts are not built to send them (${lazy} of 58)`);
  });

  it('shares the string the document builds, and checks for NUL characters only in what an edit inserts', () => {
    const doc = new EditedDocument('file:///b.md', 'markdown', 1, BASE);
    doc.noteNulFree(true);
    doc.update([change(doc, { start: 10, end: 10, text: 'x' })], 2);
    const snap = doc.snapshot();
    assert.equal(doc.snapshot(), snap, 'one snapshot per version');
    assert.equal(snap.mayHoldNul(), false);
    assert.equal(snap.builtText, undefined, 'the NUL check read only the inserted text');
    const text = doc.getText();
    assert.equal(snap.builtText, text, 'the document\'s text is the snapshot\'s string');
    doc.update([change(doc, { start: 5, end: 5, text: 'a\0b' })], 3);
    assert.equal(doc.snapshot().mayHoldNul(), true);
    doc.update([change(doc, { start: 5, end: 8, text: '' })], 4);
    assert.ok(!doc.getText().includes('\0'));
    assert.equal(doc.snapshot().mayHoldNul(), false, 'read whole once built');
    // A text built from the snapshot first is the one the document then reads.
    doc.update([change(doc, { start: 0, end: 0, text: 'y' })], 5);
    const s5 = doc.snapshot();
    assert.equal(doc.getText(), s5.text);
    assert.ok(Object.is(doc.getText(), s5.text));
    assert.equal(doc.editSinceSnapshot(s5), undefined);
    doc.update([change(doc, { start: 3, end: 3, text: 'z' })], 6);
    assert.deepEqual(doc.editSinceSnapshot(s5), { start: 3, end: 3, text: 'z' });
  });

  it('lets go of the text before the edits once the text is built, when idle, and the next job is still sent as its edit', () => {
    const uri = 'file:///settle.md';
    const doc = new EditedDocument(uri, 'markdown', 1, BASE);
    const sent = new SentTexts();
    sent.sentTo(uri, 1, doc.snapshot());
    doc.update([change(doc, { start: 5, end: 5, text: 'x' })], 2);
    doc.update([change(doc, { start: 9, end: 9, text: 'y' })], 3);
    const snap = doc.snapshot();
    assert.ok('edit' in sent.wire(uri, 3, snap));
    sent.sentTo(uri, 3, snap);
    const built = snap.text; // a job sent whole, or a request that read the text
    assert.equal(snap.base, BASE, 'before settling, the snapshot holds the text before the edits too');
    doc.settleText();
    assert.equal(snap.base, built, 'the snapshot\'s base is the built text');
    assert.equal(snap.edits.length, 0);
    assert.equal(snap.text, built);
    assert.equal(snap.charCodeAt(9), 'y'.charCodeAt(0));
    assert.equal(doc.getText(), built, 'the document reads the same string');
    assert.equal(doc.getText(), apply(apply(BASE, { start: 5, end: 5, text: 'x' }), { start: 9, end: 9, text: 'y' }));
    // The next keystroke travels as its edit of the text sent, not as a comparison of whole texts.
    doc.update([change(doc, { start: 2, end: 2, text: 'z' })], 4);
    const next = doc.snapshot();
    assert.deepEqual(next.editsSince(snap), [{ start: 2, end: 2, text: 'z' }]);
    const wire = sent.wire(uri, 4, next);
    assert.ok('edit' in wire && wire.edit.start === 2 && wire.edit.insert === 'z', JSON.stringify(wire));
    assert.equal(next.builtText, undefined, 'nothing was built for it');
    // A snapshot whose text was never built keeps its base and edits.
    doc.settleText();
    assert.equal(next.base, built);
    assert.equal(next.edits.length, 1);
  });
});
