import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLAUSES, GLOSSARY } from '../../server/src/library';

// Originality: no run of SHINGLE words in the clause library may also appear in a public model
// contract or a filed contract we compare against (read at run time, never copied into the project).
const SHINGLE = 10;
const SHARED = resolve(__dirname, '../../../shared');
const SOURCES = [join(SHARED, 'corpus', 'contracts'), join(SHARED, 'cuad-dev')];

const words = (s: string) => s.toLowerCase().replace(/\[\[[a-z_]+\]\]|\{\{\w+\}\}/g, ' x ').replace(/[^a-z0-9']+/g, ' ').trim().split(' ').filter(Boolean);

/**
 * 52-bit hashes (two 32-bit FNV-1a variants combined) of every run of SHINGLE words: numbers keep the
 * reference set of millions of runs small, and 52 bits make a false match between different runs
 * practically impossible (32 bits alone gave several).
 */
function shingles(ws: string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= ws.length; i++) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (const ch of ws.slice(i, i + SHINGLE).join(' ')) {
      const c = ch.charCodeAt(0);
      h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
      h2 = Math.imul(h2 ^ c, 2246822519) >>> 0;
    }
    out.add(h1 * 2 ** 20 + (h2 & 0xfffff));
  }
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
    const reference = new Set<number>();
    for (const f of files) for (const h of shingles(words(readFileSync(f, 'utf8')))) reference.add(h);
    const copied: string[] = [];
    // The positions' wording too: their tradeoff lines, replaced and added paragraphs.
    const positions = CLAUSES.flatMap((c) => Object.entries(c.positions).flatMap(([p, s]) =>
      [s.tradeoff, ...Object.values(s.paragraphs ?? {}), ...(s.add ?? [])].map((text) => ({ id: `${c.id} (${p})`, text }))));
    const texts = [...CLAUSES.map((c) => ({ id: c.id, text: c.body })), ...positions, ...GLOSSARY.map((g) => ({ id: `glossary: ${g.term}`, text: g.definition }))];
    for (const { id, text } of texts) {
      for (const sentence of text.split(/(?<=[.;:])\s+/)) {
        const ws = words(sentence);
        if ([...shingles(ws)].some((h) => reference.has(h))) copied.push(`${id}: ${sentence.slice(0, 100)}`);
      }
    }
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
