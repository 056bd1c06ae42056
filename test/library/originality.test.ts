import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allClauses, GLOSSARY } from '../../server/src/library';

// Originality: no run of SHINGLE words in the clause library may also appear in a public model
// contract or a filed contract we compare against (read at run time, never copied into the project).
const SHINGLE = 10;
const SHARED = resolve(__dirname, '../../../shared');
const SOURCES = [join(SHARED, 'corpus', 'contracts'), join(SHARED, 'cuad-dev')];

const words = (s: string) => s.toLowerCase().replace(/\[\[[a-z_]+\]\]|\{\{\w+\}\}/g, ' x ').replace(/[^a-z0-9']+/g, ' ').trim().split(' ').filter(Boolean);

/** Two 32-bit FNV-1a hashes of a word (different seeds and primes), computed once per distinct word. */
const wordHashes = new Map<string, readonly [number, number]>();
function wordHash(w: string): readonly [number, number] {
  let known = wordHashes.get(w);
  if (!known) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < w.length; i++) {
      h1 = Math.imul(h1 ^ w.charCodeAt(i), 16777619) >>> 0;
      h2 = Math.imul(h2 ^ w.charCodeAt(i), 2246822519) >>> 0;
    }
    known = [h1, h2];
    wordHashes.set(w, known);
  }
  return known;
}

/**
 * Calls `each` with a 52-bit hash (two 32-bit hashes combined) of every run of SHINGLE words. Each
 * half folds the run's word hashes FNV-style, with an xor-shift after each multiplication so that
 * high bits reach the low ones. Hashing each word once instead of each run's characters keeps the scan
 * of millions of reference runs quick; 52 bits make a false match between different runs practically
 * impossible (32 bits alone gave several).
 */
function eachShingle(ws: string[], each: (hash: number) => void): void {
  const hashes = ws.map(wordHash);
  for (let i = 0; i + SHINGLE <= ws.length; i++) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let k = i; k < i + SHINGLE; k++) {
      h1 = Math.imul(h1 ^ hashes[k][0], 16777619) >>> 0;
      h1 = (h1 ^ (h1 >>> 15)) >>> 0;
      h2 = Math.imul(h2 ^ hashes[k][1], 2246822519) >>> 0;
      h2 = (h2 ^ (h2 >>> 13)) >>> 0;
    }
    each(h1 * 2 ** 20 + (h2 & 0xfffff));
  }
}

function shingles(ws: string[]): Set<number> {
  const out = new Set<number>();
  eachShingle(ws, (h) => out.add(h));
  return out;
}

describe('clause library: originality', () => {
  const files = SOURCES.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => /\.(md|txt)$/.test(f)).map((f) => join(d, f)));
  before(function () {
    if (!files.length) {
      console.log(`    (skipped: no reference contracts under ${SHARED})`);
      this.skip();
    }
  });

  it(`shares no run of ${SHINGLE} words with the public model contracts and filed contracts compared against`, function () {
    this.timeout(120000);
    const copied: string[] = [];
    // The positions' wording too: their tradeoff lines, replaced and added paragraphs.
    const positions = allClauses().flatMap((c) => Object.entries(c.positions).flatMap(([p, s]) =>
      [s.tradeoff, ...Object.values(s.paragraphs ?? {}), ...(s.add ?? [])].map((text) => ({ id: `${c.id} (${p})`, text }))));
    const texts = [...allClauses().map((c) => ({ id: c.id, text: c.body })), ...positions, ...GLOSSARY.map((g) => ({ id: `glossary: ${g.term}`, text: g.definition }))];
    const sentences = texts.flatMap(({ id, text }) => text.split(/(?<=[.;:])\s+/).map((sentence) => ({ id, sentence, runs: shingles(words(sentence)) })));
    const library = new Set(sentences.flatMap((s) => [...s.runs]));
    // One pass over the reference contracts, keeping only the runs the library has too.
    const shared = new Set<number>();
    for (const f of files) eachShingle(words(readFileSync(f, 'utf8')), (h) => { if (library.has(h)) shared.add(h); });
    for (const { id, sentence, runs } of sentences) if ([...runs].some((h) => shared.has(h))) copied.push(`${id}: ${sentence.slice(0, 100)}`);
    assert.deepEqual(copied, []);
  });

  it('can tell a copied run from original text (self-check of the shingles)', () => {
    const a = shingles(words('one two three four five six seven eight nine ten eleven'));
    const b = shingles(words('zero one two three four five six seven eight nine ten'));
    const c = shingles(words('ten nine eight seven six five four three two one zero'));
    assert.ok([...a].some((h) => b.has(h)));
    assert.ok(![...a].some((h) => c.has(h)));
  });
});
