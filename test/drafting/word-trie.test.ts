import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { literalTrie } from '../../server/src/drafting/word-bits';
import { MEASURES, MEASURE_WORDS } from '../../server/src/drafting/figures';
import { anyWordExpression } from '../../server/src/model/word-gate';
import { buildContractModel } from '../../server/src/model';
import { sentencesOf } from '../../server/src/categories/scan';
import { generateContract } from '../../scripts/bench-contract';
import { propertyRuns, propertySeed } from '../support/property-runs';

const escaped = (w: string) => w.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
/** Every match of the words, trying each position in turn (as wordBits does), with the longest literal there. */
function matches(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(`${m.index}:${m[0]}`);
    re.lastIndex = m.index + 1;
  }
  return out;
}
/** The flat alternation, longest literal first: what wordBits searched with before. */
const flat = (words: readonly string[]) => new RegExp([...new Set(words)].sort((a, b) => b.length - a.length).map(escaped).join('|'), 'gi');
const trie = (words: readonly string[]) => new RegExp(literalTrie(words), 'gi');

describe('literalTrie: word lists as one alternation sharing openings (drafting/word-bits.ts)', () => {
  it('takes the longest literal at a place, also where a shorter one ends inside it', () => {
    const words = ['fee', 'fees', 'feed', 'in', 'inform', 'invoice', 'up-time', 'a.b', '(x)'];
    for (const text of ['FEEDS and fees', 'fee', 'information in invoices', 'UP-TIME uptime', 'a.b axb (x) x', 'infee']) {
      assert.deepEqual(matches(trie(words), text), matches(flat(words), text), text);
    }
    assert.deepEqual(matches(trie(words), 'Feeds'), ['0:Feed']);
    assert.deepEqual(matches(trie(words), 'axb'), []);
  });

  it('over random word lists and texts, finds what the flat alternation finds, at the same places', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'ab', '-', '.', '?', 'é'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    const text = fc.array(fc.constantFrom('a', 'A', 'b', 'B', 'ab', '-', '.', '?', ' ', 'é', 'É'), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), text, (words, t) => {
        assert.deepEqual(matches(trie(words), t), matches(flat(words), t), JSON.stringify({ words, t }));
        assert.equal(new RegExp(literalTrie(words), 'i').test(t), anyWordExpression(words).test(t));
      }),
      { numRuns: propertyRuns(500), seed: propertySeed(20261207) },
    );
  });

  it('the figures\' measure gate answers as the flat list of the measures\' words, over real sentences and made-up ones', () => {
    const words = MEASURES.flatMap((m) => m.gate.anyOf);
    const before = anyWordExpression(words);
    const texts = [generateContract(200_000)];
    const dir = path.resolve(__dirname, '../../../shared/corpus/contracts');
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) if (/\.(?:md|txt)$/.test(f)) texts.push(fs.readFileSync(path.join(dir, f), 'utf8'));
    let passed = 0, all = 0;
    for (const text of texts) for (const s of sentencesOf(buildContractModel(text))) {
      all++;
      if (MEASURE_WORDS.test(s.flat)) passed++;
      assert.equal(MEASURE_WORDS.test(s.flat), before.test(s.flat), s.flat.slice(0, 200));
    }
    assert.ok(passed > 100 && passed < all, `${passed} of ${all}`);
    const piece = fc.oneof(
      fc.constantFrom(...words).chain((w) => fc.tuple(fc.nat(w.length), fc.nat(w.length)).map(([a, b]) => w.slice(Math.min(a, b), Math.max(a, b) + 1))),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(' ', '-', 'up', 'in', 'a', 'UP-', '\u0130', '\u212A'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const t = pieces.join('');
        assert.equal(MEASURE_WORDS.test(t), before.test(t), JSON.stringify(t));
      }),
      { numRuns: propertyRuns(500), seed: propertySeed(20261207) },
    );
  });
});
