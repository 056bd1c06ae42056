import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { wordBits } from '../../server/src/drafting/word-bits';
import { CHANGES_WORDS, MEASURES } from '../../server/src/drafting/figures';
import { TERM_WORD_LISTS } from '../../server/src/rules/vague-wording';
import { holdsAny } from '../../server/src/model/word-gate';
import { buildContractModel } from '../../server/src/model';
import { sentencesOf } from '../../server/src/categories/scan';
import { generateContract } from '../../scripts/bench-contract';
import { propertyRuns, propertySeed } from '../support/property-runs';

/** The gate lists that inconsistent-figure and vague-wording read as bits of one search. */
const CALLERS: Array<{ name: string; lists: ReadonlyArray<readonly string[]> }> = [
  { name: 'figures (measures, CHANGES)', lists: [...MEASURES.map((m) => m.gate.anyOf), CHANGES_WORDS] },
  { name: 'vague-wording (terms, SLA words, bounds)', lists: TERM_WORD_LISTS },
];

const escaped = (w: string) => w.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
/** What the bits must be: list i holds a literal the text matches with ASCII letters folded (one expression per literal). */
function expected(lists: ReadonlyArray<readonly string[]>, text: string): number {
  let bits = 0;
  lists.forEach((list, i) => {
    if (list.some((w) => new RegExp(escaped(w), 'i').test(text))) bits |= 1 << i;
  });
  return bits;
}
/** The gates as the rules asked them before: holdsAny of the lower-cased text, per list. */
function lowerCased(lists: ReadonlyArray<readonly string[]>, text: string): number {
  const lower = text.toLowerCase();
  let bits = 0;
  lists.forEach((list, i) => {
    if (holdsAny(lower, list)) bits |= 1 << i;
  });
  return bits;
}
/** The two characters whose lower case is ASCII (see drafting/word-bits.ts). */
const FOLDS_TO_ASCII = /[\u0130\u212A]/;

/** Real sentences: the bench's 1 MB contract's first 200 KB and the corpus contracts. */
function realSentences(): string[] {
  const texts = [generateContract(200_000)];
  const dir = path.resolve(__dirname, '../../../shared/corpus/contracts');
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) if (/\.(?:md|txt)$/.test(f)) texts.push(fs.readFileSync(path.join(dir, f), 'utf8'));
  const out: string[] = [];
  for (const text of texts) for (const s of sentencesOf(buildContractModel(text))) out.push(s.text, s.flat);
  return out;
}

describe('word bits: several word gates in one search (drafting/word-bits.ts)', () => {
  it('the callers\' literals are lower case', () => {
    for (const { name, lists } of CALLERS) for (const list of lists) for (const w of list) assert.equal(w, w.toLowerCase(), `${name}: "${w}"`);
  });

  it('finds literals that overlap or that start where a longer one does', () => {
    const bits = wordBits([['initial'], ['liabilit'], ['as soon as'], ['as soon as possible'], ['within'], ['within a reasonable']]);
    // "initial" and "liability" share the "l": a search going on after each match would miss "liabilit".
    assert.equal(bits('the initialiability'), 0b11);
    // At one position the longer literal is taken, and with it every literal that is a prefix of it.
    assert.equal(bits('As Soon As Possible'), 0b1100);
    assert.equal(bits('as soon as may be'), 0b100);
    assert.equal(bits('WITHIN A REASONABLE time'), 0b110000);
    assert.equal(bits('nothing here'), 0);
  });

  it('over the real sentences of the bench contract and the corpus, the bits are what holdsAny of the lower-cased text gave', () => {
    const sentences = realSentences();
    assert.ok(sentences.length > 2000, `${sentences.length} sentences`);
    for (const { name, lists } of CALLERS) {
      const bits = wordBits(lists);
      let some = 0;
      for (const s of sentences) {
        const b = bits(s);
        if (b) some++;
        assert.equal(b, lowerCased(lists, s), `${name}: ${JSON.stringify(s.slice(0, 200))}`);
      }
      // The gates pass some sentences and not others (so the comparison says something).
      assert.ok(some > 100 && some < sentences.length, `${name}: ${some} of ${sentences.length}`);
    }
  });

  it('over generated texts, each bit is set exactly where its list matches case-insensitively; holdsAny differs only through the two characters lower-cased to ASCII', () => {
    for (const { lists } of CALLERS) {
      const bits = wordBits(lists);
      const literals = [...new Set(lists.flat())];
      // Two literals run together where the end of one is the start of the other ("initialiabilit").
      const overlaps: string[] = [];
      for (const a of literals) for (const b of literals) for (let k = 1; k < Math.min(a.length, b.length); k++) if (a.endsWith(b.slice(0, k))) overlaps.push(a + b.slice(k));
      assert.ok(overlaps.length > 0);
      // Pieces of literals, whole literals in any case, and characters that fold oddly, run together.
      const piece = fc.oneof(
        fc.constantFrom(...literals).chain((w) => fc.tuple(fc.nat(w.length), fc.nat(w.length)).map(([a, b]) => w.slice(Math.min(a, b), Math.max(a, b) + 1))),
        fc.constantFrom(...literals).map((w) => w.toUpperCase()),
        fc.constantFrom(...overlaps),
        fc.constantFrom(...literals).chain((w) => fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((up) => [...w].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''))),
        fc.constantFrom(' ', '-', '/', '.', '\n', 'a', 'e', 'i', 's', 'I', '\u0130', '\u212A', '\u017F', '\u0131', 'ü'),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
          const text = pieces.join('');
          const b = bits(text);
          assert.equal(b, expected(lists, text), JSON.stringify(text));
          const viaLower = lowerCased(lists, text);
          // A text that matches a literal lower-cases to one that holds it; the other way only through
          // "\u0130" or the Kelvin sign.
          assert.equal(b & ~viaLower, 0, JSON.stringify(text));
          if (!FOLDS_TO_ASCII.test(text)) assert.equal(b, viaLower, JSON.stringify(text));
        }),
        { numRuns: propertyRuns(400), seed: propertySeed(20261207) },
      );
    }
  });
});
