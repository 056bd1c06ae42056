import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { furnitureLines, parsePlainText } from '../../server/src/model/plain';
import { setTextCaches } from '../../server/src/model/text-caches';

// A small pseudo-random generator, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * What furnitureLines means, written the plain way for this test: page numbers, and lines of 12 or
 * more characters not ending in a stop whose key (digit runs as "#", white space runs as one space,
 * lower case) is shared by at least three lines of at most 90 characters not ending in a stop.
 */
function furnitureByKeys(lines: string[]): number[] {
  const trimmed = lines.map((l) => l.trim());
  const key = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
  const stop = (t: string) => /[.;:]$/.test(t);
  const counts = new Map<string, number>();
  for (const t of trimmed) if (t && t.length <= 90 && !stop(t)) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  const out: number[] = [];
  trimmed.forEach((t, i) => {
    if (!t) return;
    if (/^(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*-)?$/i.test(t)) out.push(i);
    else if (t.length >= 12 && !stop(t) && (counts.get(key(t)) ?? 0) >= 3) out.push(i);
  });
  return out;
}

describe('plain text: offset maps and page furniture (model/plain.ts)', () => {
  it('gives a one-shot model\'s verbatim paragraphs views of one shared array as offset maps', () => {
    // Paragraphs whose lines start at their first character (the first may be indented) and end in "\n".
    const text = 'MASTER AGREEMENT\n\n    1. The Supplier shall provide the Services\nfrom the Start Date.\n\n2. The Customer shall pay.\n';
    const model = buildContractModel(text, 0, 'plain');
    const verbatim = model.blocks.filter((b) => text.slice(b.start, b.end) === b.text);
    assert.equal(verbatim.length, 3, model.blocks.map((b) => b.text).join(' | '));
    for (const b of verbatim) {
      assert.deepEqual(Array.from(b.sourceOffsets), Array.from({ length: b.text.length + 1 }, (_, i) => b.start + i));
    }
    const buffers = new Set(verbatim.map((b) => b.sourceOffsets.buffer));
    assert.equal(buffers.size, 1, 'one array behind every verbatim map');
  });

  it('keeps maps of their own for lines joined over white space or "\\r\\n", and when the caches are on', () => {
    const text = 'The Supplier shall\r\n  provide the Services.\r\n\r\nThe Customer\n   shall pay.\n';
    const caching = setTextCaches(true);
    let cached;
    try { cached = parsePlainText(text); } finally { setTextCaches(caching); }
    const oneShot = buildContractModel(text, 0, 'plain').blocks;
    for (const blocks of [cached, oneShot]) {
      assert.deepEqual(blocks.map((b) => b.text), ['The Supplier shall\nprovide the Services.', 'The Customer\nshall pay.']);
      for (const b of blocks) {
        for (let i = 0; i < b.text.length; i++) if (b.text[i] !== '\n') assert.equal(text[b.sourceOffsets[i]], b.text[i]);
        assert.equal(b.sourceOffsets[b.text.length], b.end);
      }
    }
  });

  it('finds the same furniture as the keys themselves over random lines (case, digits, spaces, letters outside ASCII)', () => {
    const pieces = ['Acme Ltd confidential', 'ACME LTD  CONFIDENTIAL', 'acme ltd\tconfidential', 'Acme \u212A Ltd', 'Acme k Ltd', 'Acme K Ltd',
      'Page 12', 'page 3 of 9', '- 4 -', '12', ' ', '        ', '1234567890', 'Not used.', 'x', '\u00a0', '\u03a9 \u03a3', '\u03c9 \u03c3', '\u0130', 'i\u0307',
      'Exhibit 10.1', 'Source: ACME CORP, 10-K, 3/1/2019', ':', ';'];
    const next = rng(Number(process.env.CLAUSEWISE_FC_SEED ?? 7));
    let marked = 0;
    for (let n = 0; n < 4000; n++) {
      const lines: string[] = [];
      for (let j = 1 + Math.floor(next() * 14); j > 0; j--) {
        let l = '';
        for (let k = 1 + Math.floor(next() * 4); k > 0; k--) l += pieces[Math.floor(next() * pieces.length)] + (next() < 0.3 ? '   ' : next() < 0.5 ? ' ' : '');
        lines.push(l);
      }
      // A line past 90 characters is not counted, but is furniture when its key is three shorter lines'.
      if (next() < 0.3) lines.push(`Acme Ltd${' '.repeat(90)}confidential`);
      const expected = furnitureByKeys(lines);
      marked += expected.length;
      assert.deepEqual([...furnitureLines(lines)].sort((a, b) => a - b), expected, JSON.stringify(lines));
    }
    assert.ok(marked > 1000, `the generated lines hold furniture (${marked})`);
  });
});
