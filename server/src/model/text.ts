/** Small text helpers shared by the model, the assessors and the rules. */
import { distance as levenshtein } from 'fastest-levenshtein';

/** Fold curly quotes and apostrophes to straight ones, keeping string length unchanged. */
export function foldQuotes(s: string): string {
  // One test for both kinds first: most sentences hold neither, and each replacement reads the whole string.
  return CURLY.test(s) ? s.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'") : s;
}
const CURLY = /[\u201C\u201D\u201E\u201F\u2033\u2018\u2019\u201A\u201B\u2032]/;

/**
 * `s.replace(/\s+/g, ' ')`, the same string, made with fewer replacements: a run that is already one
 * space is not matched (so an already flat text is returned as is, without a new string). The runs
 * matched start at a white space other than a space, or at a space followed by more white space, and
 * take the rest of their run, so each run the plain expression replaces is replaced whole, and one
 * space stays one space. Called per sentence by the one-shot review (issue 13: `replace` of every
 * single space was a tenth of what a CLI review allocated, and twice this one's time).
 */
export function collapseSpace(s: string): string {
  return s.replace(SPACE_RUN, ' ');
}
const SPACE_RUN = /[^\S ]\s*| \s+/g;

/**
 * The matches of a global expression in a text, as `text.matchAll(re)` gives them (from the
 * expression's lastIndex, which is left as it was), in an array. matchAll copies the expression and
 * makes an iterator on every call: about 1.5 microseconds each, and a first review of a 1 MB contract
 * calls it for most patterns on every sentence (76,000 calls). A text with no match gets a shared
 * empty array, which callers only read.
 */
export function matchesIn(re: RegExp, text: string): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesIn needs a global expression: ${String(re)}`);
  const from = re.lastIndex;
  let out: RegExpExecArray[] | null = null;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      (out ??= []).push(m);
      // As matchAll does: an empty match moves on by one character (one code point with u or v).
      if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode || re.flags.includes('v'));
    }
  } finally {
    re.lastIndex = from;
  }
  return out ?? NO_MATCHES;
}
const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}

export function normalizeSpace(s: string): string {
  // Most sentences are already normal (single spaces, none at the ends): one test without building a
  // new string, where the replacement always built one; about half the time over cuad-dev's sentences.
  return NOT_NORMAL_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}
/** White space other than a single space between two other characters (trim removes exactly \s). */
const NOT_NORMAL_SPACE = /[^\S ]| \s|^\s|\s$/;

/** "GOVERNING LAW" -> "Governing Law"; other text is returned as is. */
export function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/\b([a-z])/g, (m) => m.toUpperCase()).replace(/\b(And|Or|Of|The|To|For|In|On|By|With)\b/g, (m, _w, i) => (i === 0 ? m : m.toLowerCase()));
}

/** Is the text mostly upper-case letters (a plain-text heading like "GOVERNING LAW")? */
export function isMostlyUpper(s: string): boolean {
  // The ASCII letters and capitals counted in place: two replacements made a copy of the letters and
  // one of the capitals for every line a section start or title asked about (issue 13, climodel).
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  if (letters < 3) return false;
  return upper / letters >= 0.85;
}

/** A cheap, stable string hash (FNV-1a, 32 bit) used for caches and fingerprints. */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Levenshtein distance (fastest-levenshtein's), the project's one edit distance: "did you mean"
 * suggestions on misspelt ids and options, and misspelt names and terms in the drafting checks.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  // With a max, the lengths alone rule most pairs out (max + 1 means "more than max"): hot loops,
  // such as every phrase against every defined term, skip the full distance for them.
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return levenshtein(a, b);
}

/** Known ids close to a misspelt one (edit distance, or one containing the other), best first. */
export function closeIds(name: string, candidates: Iterable<string>, max = 3): string[] {
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const d = editDistance(name, c);
    const limit = Math.max(2, Math.floor(c.length / 4));
    if (d <= limit) scored.push([c, d]);
    else if (name.length >= 3 && (c.includes(name) || name.includes(c))) scored.push([c, limit + 1]);
  }
  return scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([c]) => c);
}
