// Finds which cuad-dev contract a corpus contract was converted from (the corpus holds eight CUAD
// contracts rewritten as Markdown), by shared 8-word shingles, so the evaluation can score it with a
// fold model that never saw it.
const shingles = (text: string): Set<number> => {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<number>();
  // Hashed (FNV-1a) rather than kept as strings: 252 contracts' shingles would not fit in memory.
  for (let i = 0; i + 8 <= words.length; i += 1) {
    let h = 0x811c9dc5;
    for (const ch of words.slice(i, i + 8).join(' ')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    out.add(h >>> 0);
  }
  return out;
};

/** For each text, the index of the candidate sharing at least 30% of its shingles, else -1. */
export function sameDocument(texts: string[], candidates: string[]): number[] {
  const cand = candidates.map(shingles);
  return texts.map((t) => {
    const s = shingles(t);
    let best = -1, bestShare = 0.3;
    cand.forEach((c, i) => {
      let shared = 0;
      for (const x of s) if (c.has(x)) shared++;
      const share = s.size ? shared / s.size : 0;
      if (share >= bestShare) { best = i; bestShare = share; }
    });
    return best;
  });
}
