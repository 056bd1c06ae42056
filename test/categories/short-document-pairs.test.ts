import assert from 'node:assert/strict';
import { mayHold, pairsOf } from '../../server/src/categories/short-document-gate';
import { review } from '../../server/src/engine';
import { generateContract } from '../../scripts/bench-contract';

/** A small deterministic generator (no Math.random: the same cases on every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('categories/short-document-gate: adjacent pairs rule out absent literals before a search', () => {
  it('never rules out a literal the text holds (pairs read by low byte; non-Latin-1 characters included)', () => {
    const alphabet = ['a', 'b', 'c', ' ', '-', '\u2019', '\u0161', '\u0100', 'a\u0301', '\n', 'z'];
    for (const seed of [1, 7, 42, 1234]) {
      const rnd = lcg(seed);
      const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      for (let k = 0; k < 300; k++) {
        const text = pick(1 + Math.floor(rnd() * 40));
        const pairs = pairsOf(text);
        for (let j = 0; j < 20; j++) {
          const lit = rnd() < 0.5 ? text.slice(Math.floor(rnd() * text.length), Math.floor(rnd() * text.length) + 4) : pick(1 + Math.floor(rnd() * 4));
          if (text.includes(lit)) assert.ok(mayHold(pairs, lit), `${JSON.stringify(lit)} in ${JSON.stringify(text)}`);
        }
      }
    }
  });

  it('rules out a literal one of whose pairs is missing, and keeps one-character literals', () => {
    const pairs = pairsOf('the supplier shall process personal data');
    assert.equal(mayHold(pairs, 'gdpr'), false);
    assert.equal(mayHold(pairs, 'escrow'), false);
    assert.equal(mayHold(pairs, 'personal data'), true);
    assert.equal(mayHold(pairs, 'q'), true, 'no pair to rule it out: the search decides');
  });

  it('the bench\'s small contract makes a few hundred searches of its joined text, not one per literal of the table', () => {
    const text = generateContract(4_000);
    const includes = String.prototype.includes;
    let long = 0;
    String.prototype.includes = function (this: string, s: string, at?: number) {
      if (this.length > 2_000) long++;
      return includes.call(this, s, at);
    };
    try {
      review({ text, force: true });
    } finally {
      String.prototype.includes = includes;
    }
    // About 2,200 without the pairs (one per literal of the needs the categories ask), about 320 with them.
    assert.ok(long > 0 && long < 800, `${long} searches of a long text`);
  });
});
