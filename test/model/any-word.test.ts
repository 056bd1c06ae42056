import { strict as assert } from 'node:assert';
import { anyWordExpression } from '../../server/src/model/word-gate';
import { MEASURES, NOT_FIRST_NOTICE_WORDS } from '../../server/src/drafting/figures';
import { OPENER, OPENER_WORDS } from '../../server/src/drafting/signatures';
import { SLA_VAGUE, SLA_VAGUE_WORDS } from '../../server/src/rules/vague-terms';
import { holdsAny } from '../../server/src/model/word-gate';

// The gates the first review searches with one expression instead of lower-casing each text for
// holdsAny (issue 13): they must say "none" only where holdsAny says so, and never where the
// expression they stand before could match.
describe('anyWordExpression: a word gate as one search of the text as it is', () => {
  it('finds a literal in any ASCII case, reads "." and "-" as themselves, and finds nothing else', () => {
    const re = anyWordExpression(['l.l.c', 'up-time'], ['fee']);
    assert.equal(re.test('Acme L.L.C.'), true);
    assert.equal(re.test('Acme LXLXC'), false);
    assert.equal(re.test('UP-TIME of the service'), true);
    assert.equal(re.test('uptime'), false);
    assert.equal(re.test('a FEE'), true);
    assert.equal(re.test(''), false);
  });

  it('agrees with holdsAny over the lower-cased text for the figures\', the first notices\' and the signature openers\' words', () => {
    const lists = [MEASURES.flatMap((m) => m.gate.anyOf), [...OPENER_WORDS], [...NOT_FIRST_NOTICE_WORDS]];
    // Characters that lower-case to ASCII letters (U+0130, U+212A), one that folds to "s" only with
    // the u flag (U+017F), quotes and white space around the literals, in mixed case.
    const noise = ['\u0130', '\u212A', '\u017F', ' ', '\n', '"', '\u201C', 'x', 'I', 'n'];
    let seed = 7;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (const words of lists) {
      const re = anyWordExpression(words);
      for (let i = 0; i < 3000; i++) {
        let text = '';
        for (let k = next(4); k >= 0; k--) {
          if (next(2)) text += noise[next(noise.length)];
          else {
            const w = words[next(words.length)];
            // A literal, one of its letters changed or dropped, in upper, lower or title case.
            let piece = next(3) ? w : w.slice(0, next(w.length)) + w.slice(next(w.length) + 1);
            piece = [piece, piece.toUpperCase(), piece.charAt(0).toUpperCase() + piece.slice(1)][next(3)];
            text += piece;
          }
        }
        assert.equal(re.test(text), holdsAny(text.toLowerCase(), words), JSON.stringify(text));
      }
    }
  });

  it('finds a word wherever the expressions it gates match', () => {
    const samples = ['shall respond promptly', 'RESPOND QUICKLY', 'high availability', 'minimal downtime', 'fast response', 'IN WITNESS WHEREOF', 'Signed for and on behalf of Acme', 'Signature page', 'EXECUTION'];
    for (const [pattern, words] of [[SLA_VAGUE, SLA_VAGUE_WORDS], [OPENER, OPENER_WORDS]] as const) {
      const re = anyWordExpression(words);
      for (const text of samples) {
        pattern.lastIndex = 0;
        if (pattern.test(text)) assert.equal(re.test(text), true, `${pattern} matches ${JSON.stringify(text)}`);
      }
    }
    for (const m of MEASURES) {
      const re = anyWordExpression(m.gate.anyOf);
      for (const text of ['the total liability of the Supplier', 'may terminate for convenience', 'shall notify the Customer', 'Availability of 99.9%', 'each invoice', 'an annual fee of GBP 10', 'the Initial Term']) {
        if (m.gate.pattern.test(text)) assert.equal(re.test(text), true, `${m.id} matches ${JSON.stringify(text)}`);
      }
    }
  });
});
