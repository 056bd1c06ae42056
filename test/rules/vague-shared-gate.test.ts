import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { ANY_VAGUE_TERM, SLA_VAGUE_GATE, SLA_VAGUE_WORDS, sentenceMayHoldVagueWords } from '../../server/src/rules/vague-terms';
import { buildContractModel } from '../../server/src/model';
import { sentencesOf, type SentenceInfo } from '../../server/src/categories';

const seed = Number(process.env.CLAUSEWISE_FC_SEED ?? 7);
/** What the two rules' own gates say of a text: the shared gate must say the same. */
const either = (text: string) => ANY_VAGUE_TERM.test(text) || SLA_VAGUE_GATE.test(text);

function assertSame(infos: SentenceInfo[]): number {
  let held = 0;
  for (let i = 0; i < infos.length; i++) {
    const got = sentenceMayHoldVagueWords(infos, i);
    assert.equal(got, either(infos[i].text), `sentence ${i}: ${JSON.stringify(infos[i].text.slice(0, 200))}`);
    // Asked again: the kept answer.
    assert.equal(sentenceMayHoldVagueWords(infos, i), got);
    if (got) held++;
  }
  return held;
}

describe('vague-wording and sla-vague-target: the one search they share before their own gates', () => {
  it('answers as the two gates do on every sentence of cuad-dev and the corpus', function () {
    this.timeout(300_000);
    const cuad = resolve(__dirname, '../../../shared/cuad-dev');
    const corpus = resolve(__dirname, '../../../shared/corpus/contracts');
    if (!existsSync(cuad) || !existsSync(corpus)) this.skip(); // the shared texts are absent: nothing to compare on
    let sentences = 0;
    let held = 0;
    for (const [dir, ext, format] of [[cuad, '.txt', 'plain'], [corpus, '.md', 'markdown']] as const) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith(ext)).sort()) {
        const infos = sentencesOf(buildContractModel(readFileSync(join(dir, f), 'utf8'), 0, format));
        sentences += infos.length;
        held += assertSame(infos);
      }
    }
    // Both answers occur, and most sentences hold neither.
    assert.ok(held > 100 && held < sentences / 4, `${held} of ${sentences}`);
  });

  it('answers as the two gates do on random texts made of their words in any case (fast-check)', () => {
    const pieces = ['timely', 'promptly', 'as soon as', 'within a reasonable', 'as needed', 'as required', 'efforts', 'endeavo', 'etc', 'and/or',
      'to be agreed', 'TBD', 'tbc', 'industry', 'best practice', 'regularly', 'periodically', 'adequate staff', ...SLA_VAGUE_WORDS,
      'as', 'so', 'on', ' ', '/', 'a', 'e', 't', 'ly', '\u212A', '\u0130', '\n', 'Service'];
    const piece = fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 0, max: 2 })).map(([p, c]) => (c === 0 ? p : c === 1 ? p.toUpperCase() : p.slice(0, Math.max(1, p.length - 1))));
    const text = fc.array(piece, { maxLength: 8 }).map((ps) => ps.join(''));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
      const infos = texts.map((t) => ({ text: t }) as SentenceInfo);
      assertSame(infos);
    }), { seed, numRuns: 2000 });
  });

  it('asks again when the list holds another text at an index it answered', () => {
    const infos = [{ text: 'The Supplier shall deliver the Services.' }, { text: 'It shall respond promptly.' }] as SentenceInfo[];
    assert.equal(sentenceMayHoldVagueWords(infos, 0), false);
    assert.equal(sentenceMayHoldVagueWords(infos, 1), true);
    infos[0] = { text: 'High availability of the Services.' } as SentenceInfo;
    infos[1] = { text: 'It shall respond within one hour.' } as SentenceInfo;
    assert.equal(sentenceMayHoldVagueWords(infos, 0), true);
    assert.equal(sentenceMayHoldVagueWords(infos, 1), false);
  });
});
