import assert from 'node:assert/strict';
import { TextPool } from '../../server/src/model/textPool';
import type { Block, Sentence } from '../../server/src/model';

const block = (...texts: string[]): Block => ({
  index: 0, kind: 'paragraph', start: 0, end: 0, text: texts.join(' '), sourceOffsets: new Int32Array(0), quoted: false, section: 0,
  sentences: texts.map((text): Sentence => ({ textStart: 0, text, from: 0, to: text.length })),
});

describe('TextPool (one string per distinct sentence text)', () => {
  it('leaves every sentence its text', () => {
    const pool = new TextPool();
    const a = block('The Supplier shall comply.', 'The Customer shall pay.');
    const b = block('The Supplier shall comply.');
    pool.share(a);
    pool.share(b);
    assert.deepEqual(b.sentences.map((s) => s.text), ['The Supplier shall comply.']);
    assert.equal(pool.size, 3, 'two sentence texts and the first block\'s text (the second block is its one sentence)');
  });

  it('forgets texts no block holds once it has grown past twice the sentence count plus the slack', () => {
    const pool = new TextPool();
    const live = block('Kept one.', 'Kept two.');
    pool.share(live);
    for (let i = 0; i < 20; i++) pool.share(block(`Typed version ${i}.`));
    pool.prune([live], 30);
    assert.equal(pool.size, 23, 'within the slack nothing is dropped');
    pool.prune([live], 5);
    assert.equal(pool.size, 3);
  });
});
