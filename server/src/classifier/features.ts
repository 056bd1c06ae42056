/**
 * Features of the coverage classifier: hashed word unigrams and bigrams of a sentence, plus the
 * words of its section titles (a provision's heading says much about it, as in LEDGAR). Hashing
 * keeps the model a fixed-size vector with no vocabulary to ship.
 */

/** Number of hash buckets (2^18). */
export const BUCKETS = 1 << 18;
const MASK = BUCKETS - 1;

/** FNV-1a, 32-bit: small, fast and stable across platforms (no dependency needed for 10 lines). */
const FNV_OFFSET = 0x811c9dc5;
/** The FNV-1a state after `s`, continuing from `h`: a feature's hash is fed piece by piece, with no string built for it. */
function fnvFeed(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
const U = fnvFeed(FNV_OFFSET, 'u:');
const B = fnvFeed(FNV_OFFSET, 'b:');
const T = fnvFeed(FNV_OFFSET, 't:');

/** Lower-case word tokens; every number becomes "0" so amounts and clause numbers generalise. */
export function tokens(text: string): string[] {
  return (text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z][a-z']*|\d+(?:[.,]\d+)*/g) ?? []).map(token);
}

/** One matched token as a feature word: a number is "0"; a trailing "'" or "'s" is dropped. */
function token(t: string): string {
  // Character tests, not a regular expression per token (this runs on every word of a contract).
  const first = t.charCodeAt(0);
  if (first >= 48 && first <= 57) return '0';
  const n = t.length;
  if (t.charCodeAt(n - 1) === 39) return t.slice(0, n - 1);
  if (n >= 2 && t.charCodeAt(n - 1) === 115 && t.charCodeAt(n - 2) === 39) return t.slice(0, n - 2);
  return t;
}

/** The tokens of the last section titles featurised: every sentence of a section has the same. */
let lastTitles = '';
let lastTitleWords: string[] = [];

/**
 * Sorted, de-duplicated bucket indexes of a sentence (binary features). Long sentences are cut
 * at 120 words: the start of a provision carries its subject.
 */
export function featuresOf(text: string, titles: string): Uint32Array {
  const words = tokens(text).slice(0, 120);
  if (titles !== lastTitles) {
    lastTitleWords = tokens(titles).slice(0, 20);
    lastTitles = titles;
  }
  const titleWords = lastTitleWords;
  const out = new Uint32Array(2 * words.length + titleWords.length);
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    // "u:word" and "b:word next" (the hash of "b:word " is shared by the bigram's start).
    out[n++] = (fnvFeed(U, words[i]) >>> 0) & MASK;
    if (i + 1 < words.length) out[n++] = (fnvFeed(fnvFeed(fnvFeed(B, words[i]), ' '), words[i + 1]) >>> 0) & MASK;
  }
  for (const w of titleWords) out[n++] = (fnvFeed(T, w) >>> 0) & MASK;
  // Sorted and de-duplicated, in place.
  const sorted = out.subarray(0, n).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i];
  return sorted.slice(0, k);
}
