import assert from 'node:assert/strict';
import fc from 'fast-check';
import { capInlineMarkup, MAX_INLINE_MARKUP } from '../../server/src/model/nesting';

// capInlineMarkup (model/nesting.ts) turns inline markup past MAX_INLINE_MARKUP per paragraph into
// look-alike text. Issue 13: it copies only the paragraphs that change and finds paragraph breaks
// without matchAll; the result must be what rebuilding the text from every paragraph gave.

/** The text rebuilt from every paragraph, each capped on its own (what capInlineMarkup returned before). */
function rebuilt(text: string): string {
  let out = '';
  let from = 0;
  const flush = (end: number) => {
    const paragraph = text.slice(from, end);
    let seen = 0;
    out += paragraph.length < MAX_INLINE_MARKUP ? paragraph : paragraph.replace(/[*_]+|[[\]]/g, (m) => {
      if (++seen <= MAX_INLINE_MARKUP) return m;
      return m === '[' ? '\uFF3B' : m === ']' ? '\uFF3D' : m.replace(/\*/g, '\u2217').replace(/_/g, '\uFF3F');
    });
    from = end;
  };
  for (const m of text.matchAll(/\n[ \t]*(?:\r?\n|$)/g)) flush(m.index! + m[0].length);
  flush(text.length);
  return out;
}

describe('model: inline markup capped per paragraph', () => {
  it('equals the text rebuilt from every capped paragraph', () => {
    const piece = fc.constantFrom('a', 'word ', '*', '**', '_', '[', ']', '[x]', '\n', '\n\n', '\n \t\n', '\r\n\r\n', ' ', '\t');
    // Long paragraphs of markup, so that some pass the cap and some stop just short of it.
    const paragraph = fc.tuple(fc.constantFrom(0, MAX_INLINE_MARKUP - 1, MAX_INLINE_MARKUP, MAX_INLINE_MARKUP + 3), fc.constantFrom('*', '[', '_ ', 'a')).map(([n, s]) => s.repeat(n));
    fc.assert(fc.property(fc.array(fc.oneof(piece, paragraph), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.equal(capInlineMarkup(text), rebuilt(text));
    }), { numRuns: 400 });
  });

  it('caps a long paragraph between unchanged ones, and leaves a text within the cap as it is', () => {
    const long = '[x] '.repeat(MAX_INLINE_MARKUP);
    const text = `First paragraph *here*.\n\n${long}\n\nLast [one].`;
    const capped = capInlineMarkup(text);
    assert.equal(capped, rebuilt(text));
    assert.notEqual(capped, text);
    assert.equal(capped.length, text.length);
    assert.ok(capped.startsWith('First paragraph *here*.\n\n[x] ') && capped.endsWith('\n\nLast [one].'));
    const within = `Only *a little* [markup].\n\n${'[x] '.repeat(100)}`;
    assert.equal(capInlineMarkup(within), within);
  });

  it('finds the paragraph breaks without matchAll', () => {
    const real = String.prototype.matchAll;
    let calls = 0;
    String.prototype.matchAll = function (this: string, re: RegExp) {
      calls++;
      return real.call(this, re);
    } as typeof real;
    try {
      capInlineMarkup('One.\n\nTwo.\n\nThree.\n');
    } finally {
      String.prototype.matchAll = real;
    }
    assert.equal(calls, 0);
  });
});
