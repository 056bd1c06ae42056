import assert from 'node:assert/strict';
import { infoSpan, sentencesOf } from '../../server/src/categories/scan';
import { currentStep, review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ReviewInput, ReviewResult } from '../../server/src/engine/types';

// Issue 13: the sentence list of a spliced model takes over the previous list's entries of the
// blocks before the edit as a whole (categories/scan.ts keptPrefix), without visiting them.

const opening = '# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n';
// Code, a quote, list items with a lead-in and a lead-in that ends a block: the context the
// loop carries from block to block.
const clause = (i: number) => `## ${i}. Clause ${i}\n\nThe Supplier shall:\n\n- keep records of item ${i};\n- report as follows:\n\n(a) monthly; and\n\n\`\`\`\ncode ${i}\n\`\`\`\n\n> Quoted ${i}.\n\nThe Customer shall pay within ${i} days.\n`;
const text = opening + Array.from({ length: 12 }, (_, i) => clause(i + 1)).join('\n');

/** Runs the review step by step; returns the result and what `during` counted in the sentence-list step. */
function stepped(inc: IncrementalReview, input: ReviewInput, counter: { n: number }): { result: ReviewResult; inList: number } {
  const steps = inc.reviewSteps(input);
  let inList = 0;
  for (;;) {
    const before = counter.n;
    const r = steps.next();
    if (currentStep.name === 'sentence list') inList += counter.n - before;
    if (r.done) return { result: r.value, inList };
  }
}

describe('the sentence list after an edit (issue 13)', () => {
  const edits: Array<[string, string]> = [
    ['an edit in the last clause', text.replace('within 12 days', 'within twelve days')],
    ['an edit that adds a sentence after a lead-in', text.replace('(a) monthly; and\n\n```\ncode 9', '(a) monthly; and also weekly. In full.\n\n```\ncode 9')],
    ['an edit right after a code block', text.replace('> Quoted 10.', '> Quoted ten.')],
    ['an edit in the first clause', text.replace('records of item 1;', 'records of item one;')],
  ];
  for (const [name, edited] of edits) {
    it(`equals a fresh list, and keeps the entries before the edit: ${name}`, () => {
      const inc = new IncrementalReview();
      const first = inc.review({ text, version: 1, force: true });
      const got = inc.review({ text: edited, version: 2, force: true });
      assert.equal(inc.fullParseReason, null, 'the edit was spliced');
      const want = review({ text: edited, version: 2, force: true });
      assert.deepEqual(sentencesOf(got.model), sentencesOf(want.model));
      const at = [...text].findIndex((c, i) => c !== edited[i]);
      const old = sentencesOf(first.model);
      const now = sentencesOf(got.model);
      // (A splice re-reads the chunks around the edit: a clause or two.)
      for (let n = 0; n < old.length && infoSpan(first.model, old[n]).end < at - 500; n++) assert.equal(now[n], old[n], `entry ${n} before the edit is the previous object`);
    });
  }

  it('does not visit the blocks before the edit', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true });
    // Count reads of the kind of the first blocks (the loop over blocks reads it for each).
    const counter = { n: 0 };
    const watched = first.model.blocks.slice(0, 20);
    for (const block of watched) {
      let kind = block.kind;
      Object.defineProperty(block, 'kind', { get: () => (counter.n++, kind), set: (k) => { kind = k; }, enumerable: true, configurable: true });
    }
    const { result, inList } = stepped(inc, { text: text.replace('within 12 days', 'within twelve days'), version: 2, force: true }, counter);
    assert.equal(inc.fullParseReason, null, 'the edit was spliced');
    assert.equal(result.model.blocks[5], watched[5], 'the blocks before the edit are the previous objects');
    assert.equal(inList, 0, 'the sentence list read none of them');
  });

  it('takes the entries after the edit over as the same objects, without visiting their blocks, when no block was added', () => {
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true });
    const old = sentencesOf(first.model);
    // Count reads of the sentences of the last blocks (a moved block shares its sentence array).
    const counter = { n: 0 };
    const blocks = first.model.blocks;
    for (let b = blocks.length - 20; b < blocks.length; b++) {
      blocks[b].sentences = new Proxy(blocks[b].sentences, { get: (t, k, r) => (counter.n++, Reflect.get(t, k, r)) });
    }
    const edited = text.replace('records of item 1;', 'records of item one;');
    const { result, inList } = stepped(inc, { text: edited, version: 2, force: true }, counter);
    assert.equal(inc.fullParseReason, null, 'the edit was spliced');
    assert.equal(result.model.blocks.length, blocks.length);
    const now = sentencesOf(result.model);
    assert.equal(now.length, old.length);
    const at = text.indexOf('records of item 1;');
    let moved = 0;
    for (let n = 0; n < now.length; n++) {
      if (infoSpan(first.model, old[n]).start <= at + 200) continue;
      moved++;
      assert.equal(now[n], old[n], `entry ${n} after the edit is the previous object`);
      assert.equal(edited.slice(infoSpan(result.model, now[n]).start, infoSpan(result.model, now[n]).end), now[n].sentence.text);
    }
    assert.ok(moved > 50, `${moved} entries after the edit`);
    assert.equal(inList, 0, 'the sentence list read none of the last blocks');
    assert.deepEqual(now, sentencesOf(review({ text: edited, version: 2, force: true }).model));
  });

  // Issue 13 (sections): a heading's number or title changed, the section tree taken over (model/sections.ts
  // SectionChanges): the blocks after the edit are under the titles they were, so their entries are taken over too.
  for (const [name, from, to] of [['a number typed into a heading', '## 1. Clause 1', '## 1x. Clause 1'], ['a heading retitled', '## 2. Clause 2', '## 2. Second Clause']]) {
    it(`takes the entries after the edit over without visiting their blocks after ${name}`, () => {
      const inc = new IncrementalReview();
      const first = inc.review({ text, version: 1, force: true });
      const counter = { n: 0 };
      const blocks = first.model.blocks;
      for (let b = blocks.length - 20; b < blocks.length; b++) {
        blocks[b].sentences = new Proxy(blocks[b].sentences, { get: (t, k, r) => (counter.n++, Reflect.get(t, k, r)) });
      }
      const edited = text.replace(from, to);
      const { result, inList } = stepped(inc, { text: edited, version: 2, force: true }, counter);
      assert.equal(inc.fullParseReason, null, 'the edit was spliced');
      assert.equal(inList, 0, 'the sentence list read none of the last blocks');
      assert.deepEqual(sentencesOf(result.model), sentencesOf(review({ text: edited, version: 2, force: true }).model));
    });
  }
});
