import assert from 'node:assert/strict';
import { holdsAny, literalSearch } from '../../server/src/model/word-gate';
import { CHANGES_WORDS, NOT_FIRST_NOTICE_WORDS } from '../../server/src/drafting/figures';
import { LEGAL_FORM_WORDS, OPENER_WORDS } from '../../server/src/drafting/signatures';
import { SLA_VAGUE_WORDS } from '../../server/src/rules/vague-terms';

/** What holdsAny means: one of the literals is a substring of the text. */
const byIncludes = (lower: string, literals: readonly string[]) => literals.some((l) => lower.includes(l));

// A small pseudo-random generator, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('word gate: one search per list of literals (model/word-gate.ts)', () => {
  it('reads characters that expressions treat specially as themselves', () => {
    const lists: string[][] = [['l.l.c', 's.a', 'zz'], ['a|b', '(x)', '[y]'], ['c+', 'd*', 'e?'], ['^f', 'g$', '{2}'], ['\\h', 'up-time', 'i/j']];
    const texts = ['lxlxc', 'sxa', 'a', 'b', 'x', 'y', 'cc', 'dd', 'e', 'f', 'g', 'gg', 'h', 'uptime', 'up time', 'ij',
      'the l.l.c here', 'a|b', '(x)', '[y]', 'c+', 'd*', 'e?', 'see ^f', 'g$', 'x{2}', '\\h', 'up-time', 'i/j'];
    for (const list of lists) for (const text of texts) {
      assert.equal(holdsAny(text, list), byIncludes(text, list), `${JSON.stringify(text)} in ${JSON.stringify(list)}`);
      assert.equal(literalSearch(list).test(text), byIncludes(text, list), `search: ${JSON.stringify(text)} in ${JSON.stringify(list)}`);
    }
  });

  it('answers as includes does for the gates\' own lists over random texts made of their pieces', () => {
    const lists = [CHANGES_WORDS, NOT_FIRST_NOTICE_WORDS, LEGAL_FORM_WORDS, OPENER_WORDS, SLA_VAGUE_WORDS, ['', 'x', 'y'], ['é', 'ü', '\u2019s']];
    const pieces = [...new Set(lists.flat().flatMap((w) => [w, w.slice(1), w.slice(0, -1)]))].concat([' ', '.', 'the ', 'é', '\u2019', 'ss']);
    const next = rng(Number(process.env.CLAUSEWISE_FC_SEED ?? 7));
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = Math.floor(next() * 6); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      const list = lists[n % lists.length];
      assert.equal(holdsAny(text, list), byIncludes(text, list), `${JSON.stringify(text)} in ${JSON.stringify(list)}`);
    }
  });
});
