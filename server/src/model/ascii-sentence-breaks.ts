/**
 * Unicode sentence breaks (UAX #29, the rules ICU's sentence segmenter follows) for a text of ASCII
 * characters (and a few common others), in plain JavaScript. Why not always `Intl.Segmenter`: a process's first Intl
 * constructor makes V8 build its list of every ICU locale (about 800 names, each canonicalised),
 * about 20 ms of CPU whatever the locale asked for, which a one-file CLI run pays once for a few
 * sentences (docs/performance.md). Over ASCII the rules need eleven character classes and no data
 * tables, so model/sentences.ts asks this first and ICU only for texts with other characters.
 * test/model/ascii-sentence-breaks.test.ts compares the two over every short string of a
 * representative alphabet and over random and real texts.
 */

// Sentence_Break property values of the ASCII characters (Unicode's SentenceBreakProperty.txt).
const OTHER = 0;
const CR = 1;
const LF = 2;
const SP = 3;
const LOWER = 4;
const UPPER = 5;
const NUMERIC = 6;
const ATERM = 7;
const STERM = 8;
const CLOSE = 9;
const SCONTINUE = 10;

const CLASS = new Uint8Array(128);
CLASS[0x0d] = CR;
CLASS[0x0a] = LF;
for (const c of [0x09, 0x0b, 0x0c, 0x20]) CLASS[c] = SP;
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = LOWER;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = UPPER;
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = NUMERIC;
CLASS[0x2e] = ATERM;
for (const c of '!?') CLASS[c.charCodeAt(0)] = STERM;
for (const c of '"\'()[]{}') CLASS[c.charCodeAt(0)] = CLOSE;
for (const c of ',-:;') CLASS[c.charCodeAt(0)] = SCONTINUE;
/**
 * CLASS with a line break read as a space: the classes of the text model/sentences.ts flattens for
 * ICU (which also reads U+0085, U+2028 and U+2029 as spaces: see classAt and SOFT_UNKNOWN).
 */
const SOFT_CLASS = CLASS.slice();
SOFT_CLASS[0x0d] = SP;
SOFT_CLASS[0x0a] = SP;

/**
 * Characters above ASCII that contracts typed in a word processor are full of (curly quotes, dashes,
 * a no-break space, currency and section signs), with their classes; any other non-ASCII character
 * sends the text to ICU.
 */
const EXTRA = new Map<number, number>([
  [0x2018, CLOSE], [0x2019, CLOSE], [0x201c, CLOSE], [0x201d, CLOSE], [0xab, CLOSE], [0xbb, CLOSE],
  [0xa0, SP], [0x2013, SCONTINUE], [0x2014, SCONTINUE],
  [0xa3, OTHER], [0x20ac, OTHER], [0xa7, OTHER], [0xa9, OTHER], [0xae, OTHER], [0xb0, OTHER],
]);

const isParaSep = (k: number) => k === CR || k === LF;
const isSATerm = (k: number) => k === ATERM || k === STERM;

/**
 * The offsets (0 < offset < length) where a sentence starts in `text`, as `Intl.Segmenter` reports
 * them (segment starts after the first); null when the text holds a character above U+007F other
 * than those of EXTRA. With `softBreaks`, each CR and LF is read as a space: the breaks of the text
 * with its line breaks replaced by spaces (as model/sentences.ts flattens a paragraph for ICU),
 * without making that copy, and with the skip below stopping at stops only rather than at every
 * line of a paragraph as well (issue 13, sentences).
 */
export function asciiSentenceBreaks(text: string, softBreaks = false): number[] | null {
  // One pass, classes read as it goes: a text is read once rather than three times (classes, the
  // look-ahead table, the rules), which was a few per cent of reading a plain-text contract.
  const n = text.length;
  if (n === 0) return [];
  // Any character without a class sends the whole text to ICU: asked once, natively, so that the
  // loop below may step over the characters it need not look at (see SKIP).
  if ((softBreaks ? SOFT_UNKNOWN : UNKNOWN).test(text)) return null;
  const classes = softBreaks ? SOFT_CLASS : CLASS;
  const skip = softBreaks ? SKIP_STOPS : SKIP;
  let after = classAt(text, 0, classes);
  const out: number[] = [];
  // The sequence "SATerm Close* Sp*" ending at the character before the boundary, if any: its
  // terminator's class (0: none) and whether it reached the spaces yet.
  let term = 0;
  let spaced = false;
  let beforeBefore = OTHER;
  // SB8's look-ahead: the first position at or after the last one asked about whose class is a
  // letter, a paragraph separator or a sentence terminator (`stopAt`, n when none; `stopClass`, OTHER
  // when none). It moves forward only, so the look-aheads of a text read each character once.
  let stopAt = -1;
  let stopClass = OTHER;
  for (let i = 1; i < n; i++) {
    let before = after;
    if (before !== ATERM && before !== STERM && before !== CR && before !== LF && (term === 0 || (before !== CLOSE && before !== SP))) {
      // No sentence is open here, and none can break before the next terminator or line break: the
      // positions up to it change nothing but the classes read, so they are skipped (issue 13: this
      // loop read all of a 1 MB contract's text, character by character).
      skip.lastIndex = i;
      skip.test(text);
      const p = skip.lastIndex;
      if (p >= n) return out;
      if (p > i) {
        i = p;
        before = classAt(text, p - 1, classes);
      }
      term = 0;
    }
    after = classAt(text, i, classes);
    if (after < 0) return null;
    if (isSATerm(before)) {
      term = before;
      spaced = false;
    } else if (term && before === CLOSE && !spaced) {
      // still "SATerm Close*"
    } else if (term && before === SP) spaced = true;
    else term = 0;
    const twoBefore = beforeBefore;
    beforeBefore = before;
    // SB3, SB4: CR x LF; a break after any other paragraph separator.
    if (before === CR && after === LF) continue;
    if (isParaSep(before)) {
      out.push(i);
      continue;
    }
    // SB6, SB7: "3.5", "U.S.A".
    if (before === ATERM && after === NUMERIC) continue;
    if (before === ATERM && after === UPPER && i >= 2 && (twoBefore === UPPER || twoBefore === LOWER)) continue;
    if (!term) continue; // SB998
    // SB8: after a full stop, no break before a lower-case word (other characters between).
    if (term === ATERM) {
      if (stopAt < i) {
        let j = i;
        let k = after;
        while (j < n) {
          if (j > i) {
            k = classAt(text, j, classes);
            if (k < 0) return null;
          }
          if (k === LOWER || k === UPPER || isParaSep(k) || isSATerm(k)) break;
          j++;
        }
        stopAt = j;
        stopClass = j < n ? k : OTHER;
      }
      if (stopClass === LOWER) continue;
    }
    // SB8a, SB9, SB10.
    if (after === SCONTINUE || isSATerm(after)) continue;
    if (!spaced && after === CLOSE) continue;
    if (after === SP || isParaSep(after)) continue;
    out.push(i); // SB11
  }
  return out;
}

/** A character above ASCII that EXTRA does not list. */
const UNKNOWN = new RegExp(`[^\\0-\\x7f${[...EXTRA.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`);
/** The line breaks above ASCII that a flattened text has as spaces. */
const isSoftBreakAbove = (c: number) => c === 0x85 || c === 0x2028 || c === 0x2029;
/** UNKNOWN where those line breaks are spaces. */
const SOFT_UNKNOWN = new RegExp(`[^\\0-\\x7f\\u0085\\u2028\\u2029${[...EXTRA.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`);
/** Everything up to the next full stop, question or exclamation mark, or line break (read for where it ends). */
const SKIP = /[^.!?\r\n]*/y;
/** Everything up to the next full stop, question or exclamation mark (SKIP where line breaks are spaces). */
const SKIP_STOPS = /[^.!?]*/y;

/** The class of the character at i; -1 for a character above ASCII not in EXTRA (nor a line break read as a space). */
function classAt(text: string, i: number, classes: Uint8Array): number {
  const c = text.charCodeAt(i);
  if (c < 128) return classes[c];
  return EXTRA.get(c) ?? (classes === SOFT_CLASS && isSoftBreakAbove(c) ? SP : -1);
}
