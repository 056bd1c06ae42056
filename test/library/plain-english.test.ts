import assert from 'node:assert/strict';
import { CLAUSES } from '../../server/src/library';
import { VAGUE_TERMS } from '../../server/src/rules/vague-terms';

// Measures the library's sentences: length, passive voice and vague words.
// Target (issue 10): at most 25 words per sentence on average and none over 40. The library is not
// there yet, so the length checks hold the line where it stands today and fail on any regression;
// lower LIMITS as clauses are rewritten, until they reach the target.
const LIMITS = { averageWords: 25.7, sentencesOver40: 62, passiveShare: 0.21 };
const TARGET = { averageWords: 25, sentencesOver40: 0 };

/** Sentences of the clause bodies, with placeholders read as one word and table rows left out. */
function sentences(body: string): string[] {
  const text = body
    .replace(/^\|.*$/gm, '')
    .replace(/\{\{n\}\}\.\d+ /g, '')
    .replace(/\[\[[a-z_]+\]\]/g, 'N')
    .replace(/\{\{\w+\}\}/g, 'Party');
  return text.split(/(?<=[.;:])\s+(?=[A-Z(])|\n+/).map((s) => s.trim()).filter((s) => /[a-z]/.test(s));
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
// "is/are/be/been ... given" and friends, without a following "by" agent check: a rough but steady measure.
const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b/i;

function measure() {
  const all = CLAUSES.flatMap((c) => sentences(c.body).map((s) => ({ id: c.id, s, words: wordCount(s) })));
  const average = all.reduce((n, x) => n + x.words, 0) / all.length;
  const over40 = all.filter((x) => x.words > 40);
  const passive = all.filter((x) => PASSIVE.test(x.s)).length / all.length;
  return { all, average, over40, passive };
}

describe('clause library: plain English', () => {
  const m = measure();
  after(() => {
    console.log(`    (library: ${m.all.length} sentences, ${m.average.toFixed(1)} words on average, ${m.over40.length} over 40 words, ${(m.passive * 100).toFixed(0)}% passive; target ${TARGET.averageWords} and ${TARGET.sentencesOver40})`);
  });

  it('does not lengthen sentences beyond where the library stands', () => {
    assert.ok(m.average <= LIMITS.averageWords, `average sentence length ${m.average.toFixed(1)} words > ${LIMITS.averageWords}`);
    assert.ok(m.over40.length <= LIMITS.sentencesOver40, `${m.over40.length} sentences over 40 words > ${LIMITS.sentencesOver40}:\n${m.over40.slice(0, 5).map((x) => `${x.id}: ${x.s}`).join('\n')}`);
  });

  it('writes mostly in the active voice', () => {
    assert.ok(m.passive <= LIMITS.passiveShare, `${(m.passive * 100).toFixed(0)}% of sentences are passive`);
  });

  it('uses no vague words without a measurable anchor', () => {
    const found: string[] = [];
    for (const c of CLAUSES) for (const t of VAGUE_TERMS) for (const x of c.body.matchAll(new RegExp(t.pattern.source, t.pattern.flags))) found.push(`${c.id}: "${x[0]}"`);
    assert.deepEqual(found, []);
  });

  it('measures what it claims (self-check)', () => {
    assert.deepEqual(sentences('{{n}}.1 The Supplier shall pay. It is agreed by both.'), ['The Supplier shall pay.', 'It is agreed by both.']);
    assert.ok(PASSIVE.test('The notice is received at noon.'));
    assert.ok(!PASSIVE.test('The Supplier receives the notice.'));
  });
});
