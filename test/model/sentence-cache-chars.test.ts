import assert from 'node:assert/strict';
import { keptSentenceBounds, keptSentenceEntries, SENTENCE_CACHE_CHARS, sentenceBounds } from '../../server/src/model/sentences';
import { setTextCaches } from '../../server/src/model/text-caches';

// Issue 13, memory: the sentence cache was bounded by its number of texts only (20,000), so a
// contract written in long paragraphs, a new text per edit, could fill it with tens of millions of
// characters. It is bounded by characters too now; a text it let go of is split again, the same way.

const keptChars = () => {
  let chars = 0;
  for (const [text] of keptSentenceEntries()) chars += text.length;
  return chars;
};

/** A paragraph of about `length` characters, different for each `n`, with a few kinds of sentence. */
function paragraph(n: number, length: number): string {
  const parts: string[] = [];
  for (let i = 0; parts.join(' ').length < length; i++) {
    parts.push(i % 3 === 0
      ? `The Supplier shall deliver report no. ${n}.${i} (e.g. the monthly one) to the Customer within ${i + 2} days.`
      : i % 3 === 1 ? `Clause ${n}.${i}. applies to J. Smith and Acme Ltd. and their "Affiliates".` : `Each party shall keep item ${n}-${i} confidential; save as required by law.`);
  }
  return parts.join(' ');
}

describe('model: the sentence cache is bounded in characters', () => {
  let was = true;
  before(() => { was = setTextCaches(true); });
  after(() => setTextCaches(was));

  it('keeps at most SENTENCE_CACHE_CHARS characters of texts, fewer texts than its count bound', () => {
    // 1.4 times the bound in 700 texts of 5,000 characters: far under 20,000 texts.
    const texts = Array.from({ length: Math.ceil((SENTENCE_CACHE_CHARS * 1.4) / 5000) }, (_, n) => paragraph(n, 5000));
    assert.ok(texts.length < 20000);
    const first = texts.map((t) => sentenceBounds(t));
    assert.ok(keptChars() <= SENTENCE_CACHE_CHARS, `kept ${keptChars()} characters in ${keptSentenceBounds()} texts`);
    assert.ok(keptSentenceBounds() < 20000);
    // Split again with the first texts let go of, and with no cache: the same bounds.
    const again = texts.map((t) => sentenceBounds(t));
    setTextCaches(false);
    const fresh = texts.map((t) => sentenceBounds(t));
    setTextCaches(true);
    assert.deepEqual(first, fresh);
    assert.deepEqual(again, fresh);
    assert.ok(fresh.every((b) => b.length > 10), 'each text has many sentences');
  });

  it('takes an empty text (counted as one character)', () => {
    assert.deepEqual(sentenceBounds(''), []);
    assert.deepEqual(sentenceBounds(''), []);
  });
});
