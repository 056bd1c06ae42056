/**
 * Features of the coverage classifier: hashed word unigrams and bigrams of a sentence, plus the
 * words of its section titles (a provision's heading says much about it, as in LEDGAR). Hashing
 * keeps the model a fixed-size vector with no vocabulary to ship.
 */

/** Number of hash buckets (2^18). */
export const BUCKETS = 1 << 18;
const MASK = BUCKETS - 1;

/** FNV-1a, 32-bit: small, fast and stable across platforms (no dependency needed for 10 lines). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-case word tokens; every number becomes "0" so amounts and clause numbers generalise. */
export function tokens(text: string): string[] {
  return (text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z][a-z']*|\d+(?:[.,]\d+)*/g) ?? []).map((t) => (/^\d/.test(t) ? '0' : t.replace(/'s?$/, '')));
}

/**
 * Sorted, de-duplicated bucket indexes of a sentence (binary features). Long sentences are cut
 * at 120 words: the start of a provision carries its subject.
 */
export function featuresOf(text: string, titles: string): Uint32Array {
  const set = new Set<number>();
  const words = tokens(text).slice(0, 120);
  for (let i = 0; i < words.length; i++) {
    set.add(fnv1a(`u:${words[i]}`) & MASK);
    if (i + 1 < words.length) set.add(fnv1a(`b:${words[i]} ${words[i + 1]}`) & MASK);
  }
  for (const w of tokens(titles).slice(0, 20)) set.add(fnv1a(`t:${w}`) & MASK);
  return Uint32Array.from([...set].sort((a, b) => a - b));
}
