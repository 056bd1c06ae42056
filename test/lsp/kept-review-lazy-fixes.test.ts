import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { KeptReviews } from '../../server/src/lsp/kept-reviews';
import { tenClauses } from '../support/clause-edit';

// Issue 13 (editrules): the worker keeps each review (lsp/kept-reviews.ts). A review's fixSpecs are
// made when first read (engine/review.ts withLazyFixSpecs); keeping the review must not read them
// (a spread did: every kept group's fixes moved again on every 1 MB keystroke), and when a code
// action reads them later they are those of a fresh review.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall deliver the reports in a timely manner and provide support as needed.\n\n${i}.2 The Customer shall pay the charges, etc., at a rate TBD.\n`;
const text = tenClauses(clause);

describe('a kept review leaves its fixes unread until asked', () => {
  it('keeps fixSpecs lazy, and reads them equal to a fresh review\'s', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const next = text.replace('5.2 The Customer shall pay', '5.2 The Customer shall pay all');
    const got = inc.review({ text: next, version: 2, force: true });
    // The edit leaves groups after it whose fixes are relative to their blocks: the result's fixes are lazy.
    assert.equal(typeof Object.getOwnPropertyDescriptor(got, 'fixSpecs')?.get, 'function', 'the review\'s fixes are made when read');
    const kept = new KeptReviews();
    kept.set('file:///a.md', 2, got);
    assert.equal(typeof Object.getOwnPropertyDescriptor(got, 'fixSpecs')?.get, 'function', 'keeping the review did not read its fixes');
    const held = kept.get('file:///a.md')!.result;
    assert.equal(typeof Object.getOwnPropertyDescriptor(held, 'fixSpecs')?.get, 'function', 'the kept copy\'s fixes are lazy too');
    const fresh = review({ text: next, version: 2, force: true });
    assert.deepEqual(held.fixSpecs, fresh.fixSpecs);
    assert.deepEqual(held.diagnostics, fresh.diagnostics);
    assert.notEqual(held.model, got.model, 'the kept model is a copy');
    assert.equal(held.model.text, next);
  });
});
