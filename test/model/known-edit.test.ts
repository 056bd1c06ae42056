import assert from 'node:assert/strict';
import { buildContractModel, type ContractModel } from '../../server/src/model';
import { fullModelState, updateModelState, type KnownEdit } from '../../server/src/model/incremental';
import { spliceTraceOf } from '../../server/src/model/trace';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { KeptTexts, textEdit } from '../../server/src/lsp/job-text';
import * as fs from 'node:fs';
import * as path from 'node:path';

// An edit the caller already knows (the review worker gets each job's text as an edit of the
// previous job's, lsp/job-text.ts) is taken as the splice's changed range, so the model does not
// compare the two texts again. Told apart from a comparison by an edit wider than the change: its
// range re-reads from where it starts, where a comparison would find only the changed character.
const clauses = Array.from({ length: 12 }, (_, i) => `## ${i + 1}. Services ${i + 1}\n\n${i + 1}.1 The Supplier shall provide the Services. It shall do so with reasonable care.\n\n${i + 1}.2 The Customer shall pay the Charges within thirty days.\n`);
const text = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${clauses.join('\n')}`;

/** What a reader sees of a model, as plain data (version aside). */
const seen = (m: ContractModel) => JSON.parse(JSON.stringify({ blocks: m.blocks.map((b) => ({ index: b.index, start: b.start, end: b.end, kind: b.kind, text: b.text, section: b.section, sentences: b.sentences })), sections: m.sections, lineStarts: m.lineStarts, terms: m.definedTerms, parties: m.parties }));

/** The index of clause n's heading. */
const headingOf = (m: ContractModel, n: number) => m.blocks.findIndex((b) => b.text.startsWith(`${n}. Services`));

/** The text with one character typed in clause 10.2, and an edit for it that starts back in clause 3 (a correct edit, wider than the change). */
function wideEdit(before: string): { after: string; edit: KnownEdit; typedAt: number } {
  const typedAt = before.indexOf('10.2 The Customer') + 5;
  const after = before.slice(0, typedAt) + 'x' + before.slice(typedAt);
  const start = before.indexOf('## 3.');
  return { after, edit: { before, start, oldEnd: typedAt, insert: after.slice(start, typedAt + 1) }, typedAt };
}

describe('a known edit taken as the changed range', () => {
  it('re-reads from where the given range starts, and the model equals a fresh parse', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    const { after, edit } = wideEdit(text);
    const given = updateModelState(prev, after, 2, 'markdown', edit);
    const compared = updateModelState(fullModelState(text, 1, 'markdown', 'first'), after, 2, 'markdown');
    assert.equal(given.fullReason, null);
    assert.equal(compared.fullReason, null);
    const fresh = seen(buildContractModel(after, 2, 'markdown'));
    assert.deepEqual(seen(given.model), fresh);
    assert.deepEqual(seen(compared.model), fresh);
    // The given range starts at clause 3's heading: the blocks from before clause 2 on were parsed
    // again (the chunk before the edited one is re-read too). The comparison finds the one character
    // in clause 10, and re-reads from clause 9.
    const kept = (m: ContractModel) => spliceTraceOf(m)!.prefix;
    assert.ok(kept(given.model) <= headingOf(prev.model, 2));
    assert.equal(kept(compared.model), headingOf(prev.model, 9));
  });

  it('is not used when it was made against another text than the previous model\'s', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    const { after, edit } = wideEdit(text);
    // The same characters in another string object, one character longer: not the model's text.
    const other = { ...edit, before: text + ' ' };
    const next = updateModelState(prev, after, 2, 'markdown', other);
    assert.equal(spliceTraceOf(next.model)!.prefix, headingOf(prev.model, 9));
    assert.deepEqual(seen(next.model), seen(buildContractModel(after, 2, 'markdown')));
    // An edit whose lengths do not add up to the new text's is not used either.
    const wrong = updateModelState(prev, after, 2, 'markdown', { ...edit, insert: edit.insert + 'y' });
    assert.deepEqual(seen(wrong.model), seen(buildContractModel(after, 2, 'markdown')));
  });

  it('reaches the model from a review job through IncrementalReview and the worker\'s kept texts', () => {
    const review = new IncrementalReview();
    review.model(text, 1, 'markdown');
    // The worker's side: the job's text rebuilt from the kept one, with the edit that made it.
    const kept = new KeptTexts();
    kept.receiveJob('file:///a.md', 1, { text });
    const { after, typedAt } = wideEdit(text);
    const received = kept.receiveJob('file:///a.md', 2, { edit: textEdit(1, text, after) })!;
    assert.equal(received.text, after);
    assert.deepEqual(received.edit, { before: text, start: typedAt, oldEnd: typedAt, insert: 'x' });
    assert.equal(received.edit!.before, text);
    // Given to the model wider than it is, to see that it is what the splice reads.
    const { edit } = wideEdit(review.model(text, 1, 'markdown').text);
    const model = review.model(after, 2, 'markdown', edit);
    assert.ok(spliceTraceOf(model)!.prefix <= headingOf(model, 2));
    // A known edit that changes nothing: the same model, at the new version.
    const same = review.model(after, 3, 'markdown', { before: model.text, start: 5, oldEnd: 5, insert: '' });
    assert.equal(same.version, 3);
    assert.equal(same.blocks, model.blocks);
  });

  it('gives a fresh parse\'s model over random edits, each given as an edit wider than the change', () => {
    let s = 20_241_205;
    const rnd = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const pieces = ['x', ' promptly', '\n\n', '## 4. New\n\nThe Supplier shall act.\n', '', '- item\n', '\u2019'];
    let before = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'weak-msa.md'), 'utf8');
    let state = fullModelState(before, 1, 'markdown', 'first');
    let spliced = 0;
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(rnd() * before.length);
      const end = Math.min(before.length, at + Math.floor(rnd() * 30));
      const after = before.slice(0, at) + pieces[i % pieces.length] + before.slice(end);
      // The true change's range, widened on both sides by up to 300 characters (still a correct edit).
      const r = textEdit(0, before, after);
      const start = Math.max(0, r.start - Math.floor(rnd() * 300));
      const grow = Math.min(before.length - r.end, Math.floor(rnd() * 300));
      const edit: KnownEdit = { before, start, oldEnd: r.end + grow, insert: after.slice(start, r.start + r.insert.length + grow) };
      state = updateModelState(state, after, i + 2, 'markdown', edit);
      if (state.fullReason === null) spliced++;
      assert.deepEqual(seen(state.model), seen(buildContractModel(after, i + 2, 'markdown')), `edit ${i}`);
      before = after;
    }
    // Most of them spliced (edits in the first chunk or the front matter are parsed whole).
    assert.ok(spliced >= 30, `${spliced} of 60 spliced`);
  });
});
