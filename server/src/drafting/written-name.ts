import { isSpaceCode, isWordCode } from '../model/name-search';

/**
 * How often a name is written in a text as `(?<![\w-])<name>(?![\w-])` with each run of white space
 * in the name read as `\s+` would count it (a global search, each match going on from the end of the
 * one before): with startsWith and character tests, so that no expression is compiled per name
 * (the name is a mention read from the document: issue 13, cli). The tests compare both on awkward
 * names.
 */
export function countWrittenName(text: string, name: string): number {
  // The name's words; an empty first or last one when it starts or ends with white space.
  const words = name.split(/\s+/);
  let n = 0;
  for (let p = 0; p <= text.length;) {
    // A match starts with the first word: jump to its next place.
    if (words[0] !== '' && (p = text.indexOf(words[0], p)) < 0) break;
    const end = writtenNameEnd(text, p, words);
    if (end < 0) { p++; continue; }
    n++;
    // An empty match moves on one code unit, as the global search does (no u flag).
    p = end === p ? p + 1 : end;
  }
  return n;
}

/** Is the code one of `[\w-]`? NaN (outside the text) is not. */
const isWordOrHyphen = (c: number): boolean => isWordCode(c) || c === 45;

/** The length of the run of white space at p (0 if none). */
function spaceRunAt(text: string, p: number): number {
  let q = p;
  while (isSpaceCode(text.charCodeAt(q))) q++;
  return q - p;
}

/**
 * Where the name's match starting at p ends, or -1. Each `\s+` before a word is taken whole (a word
 * never starts with white space, so a shorter run leaves white space where it must start); a last
 * `\s+` (the name ends with white space) gives back one character when the look-ahead fails after
 * the whole run, as the expression's backtracking does.
 */
function writtenNameEnd(text: string, p: number, words: string[]): number {
  if (isWordOrHyphen(text.charCodeAt(p - 1)) || !text.startsWith(words[0], p)) return -1;
  let q = p + words[0].length;
  for (let k = 1; k < words.length; k++) {
    const run = spaceRunAt(text, q);
    if (run === 0) return -1;
    if (k === words.length - 1 && words[k] === '') {
      if (!isWordOrHyphen(text.charCodeAt(q + run))) return q + run;
      return run >= 2 ? q + run - 1 : -1;
    }
    q += run;
    if (!text.startsWith(words[k], q)) return -1;
    q += words[k].length;
  }
  return isWordOrHyphen(text.charCodeAt(q)) ? -1 : q;
}
