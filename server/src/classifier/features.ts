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

/**
 * The last section titles featurised and their words' features ("t:word"): every sentence of a
 * section has the same. Kept as hashes read from the titles in one pass (wordsOf), not as
 * `tokens(titles)`: that array had one map when empty and another when not, and featuresOf was
 * deoptimised ("wrong map") and compiled again when a thread met the other (issue 13, clicats).
 */
let lastTitles = '';
let titleFeatures: Uint32Array = new Uint32Array(0);
/** Title words featurised. */
const TITLE_WORDS = 20;

/*
 * A sentence's words as ranges of its lower-cased text, read in one pass (wordsOf): `tokens` built
 * each word as a string (a match array, then a mapped one) and featuresOf hashed them, which was
 * 1.3% of a CLI thread over cuad-dev (issue 13, cli). Reused between sentences; a number's range is
 * marked by a negative end, since its word is "0". The hashes are those of the words `tokens` gives.
 */
const WORDS = 120;
const wordStart = new Int32Array(WORDS);
const wordEnd = new Int32Array(WORDS);

const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A quote as `tokens` reads it: ' and the curly single quotes it turns into one. */
const isQuote = (c: number): boolean => c === 39 || c === 0x2018 || c === 0x2019;

/**
 * The first `limit` words of `lower` (a lower-cased text) into wordStart/wordEnd, as `tokens` finds
 * them ([a-z][a-z']* or \d+(?:[.,]\d+)*, leftmost first) and cuts them; returns how many.
 */
function wordsOf(lower: string, limit: number): number {
  let n = 0;
  const length = lower.length;
  let i = 0;
  while (i < length && n < limit) {
    const c = lower.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      for (let d = j < length ? lower.charCodeAt(j) : 0; j < length && (isLetter(d) || isQuote(d)); d = ++j < length ? lower.charCodeAt(j) : 0);
      // A trailing quote, or a trailing quote and "s", is dropped (as `token` does).
      let end = j;
      if (isQuote(lower.charCodeAt(end - 1))) end--;
      else if (end - i >= 2 && lower.charCodeAt(end - 1) === 115 && isQuote(lower.charCodeAt(end - 2))) end -= 2;
      wordStart[n] = i;
      wordEnd[n++] = end;
      i = j;
    } else if (isDigit(c)) {
      let j = i + 1;
      for (;;) {
        while (j < length && isDigit(lower.charCodeAt(j))) j++;
        const sep = j < length ? lower.charCodeAt(j) : 0;
        if ((sep === 46 || sep === 44) && j + 1 < length && isDigit(lower.charCodeAt(j + 1))) j += 2;
        else break;
      }
      wordStart[n] = i;
      wordEnd[n++] = -1;
      i = j;
    } else {
      i++;
    }
  }
  return n;
}

/** fnvFeed of word k of wordsOf (the quotes read as '). */
function feedWord(h: number, lower: string, k: number): number {
  const end = wordEnd[k];
  if (end < 0) return Math.imul(h ^ 48, 0x01000193);
  for (let i = wordStart[k]; i < end; i++) {
    const c = lower.charCodeAt(i);
    h ^= c === 0x2018 || c === 0x2019 ? 39 : c;
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The features of the first TITLE_WORDS words of section titles, "t:" and the word as `tokens` gives it. */
function titleFeaturesOf(titles: string): Uint32Array {
  const lower = titles.toLowerCase();
  const words = wordsOf(lower, TITLE_WORDS);
  const out = new Uint32Array(words);
  for (let k = 0; k < words; k++) out[k] = (feedWord(T, lower, k) >>> 0) & MASK;
  return out;
}

/**
 * Sorted, de-duplicated bucket indexes of a sentence (binary features). Long sentences are cut
 * at WORDS (120) words: the start of a provision carries its subject.
 */
export function featuresOf(text: string, titles: string): Uint32Array {
  // The titles first: wordsOf's ranges are then the sentence's.
  if (titles !== lastTitles) {
    titleFeatures = titleFeaturesOf(titles);
    lastTitles = titles;
  }
  const titleWords = titleFeatures;
  const lower = text.toLowerCase();
  const words = wordsOf(lower, WORDS);
  const out = new Uint32Array(Math.max(0, 2 * words - 1) + titleWords.length);
  let n = 0;
  for (let i = 0; i < words; i++) {
    // "u:word" and "b:word next" (the hash of "b:word " is shared by the bigram's start).
    out[n++] = (feedWord(U, lower, i) >>> 0) & MASK;
    if (i + 1 < words) out[n++] = (feedWord(Math.imul(feedWord(B, lower, i) ^ 32, 0x01000193), lower, i + 1) >>> 0) & MASK;
  }
  for (let k = 0; k < titleWords.length; k++) out[n++] = titleWords[k];
  // Sorted and de-duplicated, in place.
  const sorted = out.subarray(0, n).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i];
  return sorted.slice(0, k);
}
