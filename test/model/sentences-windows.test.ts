import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { icuBreaks, icuBreaksOfMany, sentenceBounds } from '../../server/src/model/sentences';
import { propertyRuns, propertySeed } from '../support/property-runs';

// A long text is segmented in windows (V8's segment iterator slows down with the string's length, so
// one huge paragraph took seconds). The windows must give exactly the breaks of one pass.
const onePass = (t: string) => icuBreaks(t, Infinity, 0);

// Pieces that exercise the sentence-break rules: stops, abbreviations, numbers, closing quotes and
// brackets, runs of spaces and digits, lowercase after a stop, other scripts and a surrogate pair.
const PIECES = ['The Supplier', ' shall', ' pay', '.', '. ', '? ', '! ', 'e.g. ', 'No. 4', ' 1.2. ', '"', ')', '( ', '\u201D ',
  '   ', '12345 ', 'etc. ', 'a', ' Customer', '...', ' caf\u00E9', ' \u65E5\u672C\u3002', ' \u{1F600}', '- ', ';', ', and'];

describe('model: sentence breaks of a long text, found in windows', () => {
  it('are the breaks of one pass, on random text with small windows', () => {
    const fcRuns = propertyRuns(300);
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), fc.integer({ min: 24, max: 90 }), fc.integer({ min: 4, max: 20 }), (parts, window, margin) => {
      const text = parts.join('');
      assert.deepEqual(icuBreaks(text, window, margin), onePass(text));
    }), { numRuns: fcRuns, seed: propertySeed(13) });
  });

  it('are the breaks of one pass wherever a window ends, also where ICU needs to look past it', () => {
    // Alone, "Pay now. 123" breaks after "now. "; followed by "45 and more" it does not (lowercase
    // after the number): a window ending inside the number must not keep that break.
    const text = 'Pay now. 12345 and more. Then etc. 42 items follow. See cl. 7 (a) here! '.repeat(12);
    const expected = onePass(text);
    for (let window = 12; window <= 80; window++) {
      for (const margin of [0, 3]) assert.deepEqual(icuBreaks(text, window, margin), expected, `window ${window}, margin ${margin}`);
    }
  });

  it('are the breaks of one pass when a window holds no letter (falls back to the rest whole)', () => {
    const text = `Pay now. ${'1234567890 '.repeat(40)}. Then stop. Again.`;
    assert.deepEqual(icuBreaks(text, 64, 8), onePass(text));
    assert.ok(onePass(text).length >= 2, 'the text has breaks to compare');
  });

  it('are the breaks of one pass on the example contracts joined into one paragraph', () => {
    const root = resolve(__dirname, '../..');
    const text = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(root, 'examples', f), 'utf8')).join(' ').replace(/\s+/g, ' ');
    const breaks = icuBreaks(text, 2_000, 200);
    assert.ok(breaks.length > 100, `only ${breaks.length} breaks`);
    assert.deepEqual(breaks, onePass(text));
  });

  it('are the breaks of one pass on real contracts (../shared)', function () {
    const dir = resolve(__dirname, '../../../shared/cuad-dev');
    if (!existsSync(dir)) {
      console.log(`      skipped: ../shared/cuad-dev not found at ${dir}`);
      return this.skip();
    }
    // Each file flattened to one paragraph, windows of 3,000 characters: every window boundary is a test.
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, 12)) {
      const text = readFileSync(join(dir, f), 'utf8').slice(0, 60_000).replace(/\s+/g, ' ');
      assert.deepEqual(icuBreaks(text, 3_000, 300), onePass(text), f);
    }
  });

  it('keeps a 300,000-character paragraph\u2019s sentences whole and in order', () => {
    const sentence = 'The Supplier shall provide the services with reasonable care and skill. ';
    const text = sentence.repeat(Math.ceil(300_000 / sentence.length));
    const bounds = sentenceBounds(text);
    assert.equal(bounds.length, Math.ceil(300_000 / sentence.length));
    assert.deepEqual(bounds.slice(0, 2), [[0, sentence.length - 1], [sentence.length, 2 * sentence.length - 1]]);
  });
});

// Short texts are segmented several at a time, joined by paragraph separators (one call of the
// segmenter has a fixed cost). Each text must get exactly the breaks it gets alone.
describe('model: sentence breaks of many short texts, found together', () => {
  const alone = (texts: string[]) => texts.map((t) => icuBreaks(t));

  it('are the breaks of each text alone, on random texts and batch sizes', () => {
    const fcRuns = propertyRuns(300);
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.array(text, { maxLength: 12 }), fc.integer({ min: 1, max: 400 }), (texts, batch) => {
      assert.deepEqual(icuBreaksOfMany(texts, batch), alone(texts));
    }), { numRuns: fcRuns, seed: propertySeed(13) });
  });

  it('are the breaks of each text alone where a text ends in a stop, spaces, a quote or a number', () => {
    // The ends where a following text could matter if the separator did not stop ICU's look-ahead.
    const texts = ['Pay now. ', 'and more.', 'It ends "here." ', 'Pay now. 12345', 'and then.)', 'e.g.', 'Done!', '12 items.', 'lower case after.'];
    for (let batch = 1; batch <= 120; batch += 7) assert.deepEqual(icuBreaksOfMany(texts, batch), alone(texts), `batch ${batch}`);
    assert.ok(alone(texts).some((b) => b.length > 0), 'some texts have breaks to compare');
  });

  it('are the breaks of each paragraph alone on real contracts (../shared)', function () {
    const dir = resolve(__dirname, '../../../shared/cuad-dev');
    if (!existsSync(dir)) {
      console.log(`      skipped: ../shared/cuad-dev not found at ${dir}`);
      return this.skip();
    }
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, 12)) {
      const paragraphs = readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).map((p) => p.replace(/\s/g, ' ')).filter((p) => /[.?!]/.test(p));
      assert.deepEqual(icuBreaksOfMany(paragraphs), alone(paragraphs), f);
    }
  });
});
