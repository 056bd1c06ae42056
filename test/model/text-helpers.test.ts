import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collapseSpace, foldQuotes, matchesIn, normalizeSpace } from '../../server/src/model/text';

// What normalizeSpace must give: white-space runs folded to one space, ends trimmed.
const reference = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('model: collapseSpace', () => {
  // What it must give: every white-space run as one space, as the expression it replaces in the scans.
  const folded = (s: string) => s.replace(/\s+/g, ' ');

  it('folds every run of white space to one space, ends included, and keeps single spaces', () => {
    for (const [input, want] of [
      ['a b', 'a b'], [' a ', ' a '], ['a  b', 'a b'], ['a\tb', 'a b'], ['a\r\nb', 'a b'], ['a \nb', 'a b'], ['a\n b', 'a b'],
      ['a \u00a0b', 'a b'], ['a\u00a0b', 'a b'], ['a\u2028b', 'a b'], ['\ufeffa', ' a'], ['  ', ' '], ['', ''], ['a\u200bb', 'a\u200bb'],
    ]) assert.equal(collapseSpace(input), want, JSON.stringify(input));
  });

  it('returns a text without other white space than single spaces as it is (no new string to make)', () => {
    const flat = 'The Supplier shall provide the Services in accordance with this Agreement.';
    assert.equal(collapseSpace(flat), flat);
  });

  it('equals replacing every white-space run on arbitrary strings', () => {
    const char = fc.constantFrom('a', 'B', '.', ' ', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085');
    fc.assert(fc.property(fc.array(char, { maxLength: 14 }).map((cs) => cs.join('')), (s) => collapseSpace(s) === folded(s)), { numRuns: 5000 });
  });
});

describe('model: normalizeSpace', () => {
  it('folds runs of any white space and trims, leaving text already normal as it is', () => {
    for (const [input, want] of [
      ['a b', 'a b'], [' a', 'a'], ['a ', 'a'], ['a  b', 'a b'], ['a\tb', 'a b'], ['a\nb', 'a b'], ['a \u00a0b', 'a b'],
      ['a\u2028b', 'a b'], ['\ufeffa', 'a'], ['', ''], [' ', ''], ['a\u200bb', 'a\u200bb'],
    ]) assert.equal(normalizeSpace(input), want, JSON.stringify(input));
  });

  it('equals folding and trimming on arbitrary strings of letters and white space', () => {
    const char = fc.constantFrom('a', 'B', '.', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085');
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), (s) => normalizeSpace(s) === reference(s)), { numRuns: 5000 });
  });
});

describe('model: foldQuotes', () => {
  it('straightens every curly quote and prime, keeping the length, and leaves other text as it is', () => {
    const reference = (s: string) => s.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");
    const char = fc.constantFrom('a', ' ', '"', "'", '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2020');
    fc.assert(fc.property(fc.array(char, { maxLength: 10 }).map((cs) => cs.join('')), (s) => foldQuotes(s) === reference(s) && foldQuotes(s).length === s.length), { numRuns: 3000 });
    assert.equal(foldQuotes('the \u201CSupplier\u201D\u2019s'), 'the "Supplier"\'s');
  });
});

describe('model: collapseSpace on unusual white space', () => {
  it('equals replacing every white-space run with one space, on arbitrary strings of letters and white space', () => {
    const reference = (s: string) => s.replace(/\s+/g, ' ');
    const char = fc.constantFrom('a', 'B', '.', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085', '\u2028');
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), (s) => collapseSpace(s) === reference(s)), { numRuns: 5000 });
    for (const [input, want] of [['a b', 'a b'], ['a  b', 'a b'], [' a ', ' a '], ['a\nb', 'a b'], ['a \tb', 'a b'], ['a\u00a0b', 'a b'], ['', '']]) assert.equal(collapseSpace(input), want, JSON.stringify(input));
  });
});

describe('model: matchesIn', () => {
  const same = (a: readonly RegExpExecArray[], b: RegExpExecArray[]) =>
    a.length === b.length && a.every((m, i) => m.index === b[i].index && JSON.stringify([...m]) === JSON.stringify([...b[i]]) && JSON.stringify(m.groups) === JSON.stringify(b[i].groups));

  it('gives what matchAll gives, empty matches, code points, sticky and named groups included', () => {
    const patterns = [/\bshall\b/gi, /x*/g, /(?=a)/g, /\u{1F600}|/gu, /a|/gy, /(?<n>\d+)(?:\.(\d+))?/g, /\b(clauses?|sections?)\s+(\d+)/gi];
    const piece = fc.constantFrom('a', 'x', 'shall', 'Shall', ' ', '4.2', 'clause 3', '\u{1F600}', '\ud83d', '.', '');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((ps) => ps.join('')), fc.constantFrom(...patterns), (text, re) => same(matchesIn(re, text), [...text.matchAll(re)])), { numRuns: 5000 });
  });

  it('starts from the expression\'s lastIndex as matchAll does, and leaves it as it was', () => {
    const re = /a/g;
    re.lastIndex = 2;
    assert.deepEqual(matchesIn(re, 'aaaa').map((m) => m.index), [2, 3]);
    assert.equal(re.lastIndex, 2);
    re.lastIndex = 0;
    assert.equal(matchesIn(re, 'bbb').length, 0);
    assert.equal(re.lastIndex, 0);
  });

  it('refuses an expression that is not global, as matchAll does', () => {
    assert.throws(() => matchesIn(/a/, 'a'), TypeError);
  });

  it('copies no expression (matchAll makes one per call, through the species constructor)', () => {
    const re = /\bshall\b/g;
    let made = 0;
    class Counted extends RegExp {
      constructor(...args: ConstructorParameters<typeof RegExp>) {
        super(...args);
        made++;
      }
    }
    Object.defineProperty(re, 'constructor', { value: { [Symbol.species]: Counted } });
    assert.equal([...'shall'.matchAll(re)].length, 1);
    assert.equal(made, 1, 'the counting constructor sees matchAll\'s copy');
    let found = 0;
    for (let i = 0; i < 10; i++) found += matchesIn(re, 'The Supplier shall and shall not.').length;
    assert.equal(found, 20);
    assert.equal(made, 1);
  });
});
