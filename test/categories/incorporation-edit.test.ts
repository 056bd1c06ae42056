import assert from 'node:assert/strict';
import { sentencesOf } from '../../server/src/categories/scan';
import { sentenceLookReads } from '../../server/src/categories/incorporation';
import { review } from '../../server/src/engine';
import { runSteps } from '../../server/src/engine/review';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { generateContract } from '../../scripts/bench-contract';

// Issue 13, alloc: after an edit, the incorporation search finds the place of each sentence it reads
// for the first time in the sentence list from its block's entries (categories/scan.ts
// sentenceIndexOf), rather than from a map of every entry made per edit.

describe('incorporation by reference after an edit (issue 13, alloc)', () => {
  const base = generateContract(150_000).split('\n\n');
  const text = base.map((p, i) => (i % 40 === 20 ? `${p}\n\nThe Supplier shall comply with the Information Security Policy set forth in Annex B.` : p)).join('\n\n');
  const at = text.indexOf('. ', Math.floor(text.length * 0.6)) + 1;
  const edits = [
    // A new sentence naming a document, and one that names none, in the middle of the contract.
    text.slice(0, at) + ' The Supplier shall meet the service levels set out in the Service Level Agreement attached as Schedule 3.' + text.slice(at),
    text.slice(0, at) + ' The Supplier shall keep the site tidy.' + text.slice(at),
  ];

  for (const [i, edited] of edits.entries()) {
    it(`reads a handful of the list's entries, and finds what a full review finds (edit ${i + 1})`, () => {
      const inc = new IncrementalReview();
      inc.review({ text, version: 1, force: true });
      const model = inc.model(edited, 2, 'markdown');
      assert.equal(inc.fullParseReason, null, 'the edit was spliced');
      // Every entry's sentence, read through a counter while the review runs (the search runs in the
      // step of the first category assessment that asks for it).
      let reads = 0;
      const infos = sentencesOf(model);
      for (const info of infos) {
        const sentence = info.sentence;
        Object.defineProperty(info, 'sentence', { get: () => { reads++; return sentence; }, enumerable: true });
      }
      const r = { value: runSteps(inc.reviewSteps({ text: edited, version: 2, force: true }, 'markdown', model)) };
      assert.ok(infos.length > 1000, `a long list (${infos.length} entries)`);
      assert.ok(reads < infos.length / 10, `${reads} of ${infos.length} entries read`);
      const full = review({ text: edited, version: 2, force: true });
      assert.deepEqual(r.value.assessments.map((a) => a.incorporatedFrom ?? null), full.assessments.map((a) => a.incorporatedFrom ?? null));
      assert.deepEqual(r.value.diagnostics, full.diagnostics);
    });
  }

  it('takes the looks of the blocks an edit kept or moved from the previous model, reading only the re-parsed blocks (issue 13, passes)', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true });
    assert.ok(sentenceLookReads(first.model).read > 1000, 'the first review reads every sentence');
    for (const [i, edited] of edits.entries()) {
      // The second edit as the review worker makes it: after releaseModelCaches (the looks are carried to the copy it keeps).
      if (i === 1) inc.releaseModelCaches();
      const got = inc.review({ text: edited, version: 2 + i, force: true });
      assert.equal(inc.fullParseReason, null, 'the edit was spliced');
      const { read, sentences } = sentenceLookReads(got.model);
      assert.ok(read < 30 && sentences > 1000, `${read} of ${sentences} sentences read (edit ${i + 1})`);
      const full = review({ text: edited, version: 2 + i, force: true });
      assert.deepEqual(got.assessments.map((a) => a.incorporatedFrom ?? null), full.assessments.map((a) => a.incorporatedFrom ?? null));
      assert.deepEqual(got.diagnostics, full.diagnostics);
    }
  });
});
