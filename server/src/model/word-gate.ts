/**
 * Plain searches before a rule's expressions. V8 compiles a regular expression on its first run,
 * and a cold CLI run on a small contract compiled 290 of them, 184 for nothing (they matched no
 * sentence of it): about half of the compiling, itself a sixth of the run (docs/performance.md).
 * A rule that keeps, beside an expression, lower-case literals one of which every match holds
 * (ASCII letters folded, as `/i` folds them without `u`) runs it only on a text that holds one: a
 * text without any cannot match, so skipping it changes no result. Tests check each list against
 * what reading its expression gives (test/rules/word-gate.test.ts). It lives in the model, the
 * ground layer, because drafting facts gate their expressions with it as well as rules.
 */

/** Whether `lower` (a text lower-cased by String#toLowerCase) holds one of the lower-case literals. */
export function holdsAny(lower: string, literals: readonly string[]): boolean {
  if (literals.length < ONE_SEARCH_FROM) {
    for (let i = 0; i < literals.length; i++) if (lower.includes(literals[i])) return true;
    return false;
  }
  let search = searches.get(literals);
  if (search === undefined) searches.set(literals, (search = literalSearch(literals)));
  return search.test(lower);
}

/**
 * A list of three or more literals is searched in one pass, an expression of the literals as
 * alternatives (no flags: code units compared exactly, as `includes` compares them). One
 * `includes` per literal costs a call into the runtime each, and most gated texts hold none of the
 * literals, so every one of them was tried: a first 1 MB review made 124,000 calls here, about 30 ms
 * (issue 13, model; replayed, the same calls took about half of that as one search per list).
 * Made once per list (the callers' lists are constants), kept beside it while it lives.
 */
const ONE_SEARCH_FROM = 3;
const searches = new WeakMap<readonly string[], RegExp>();

/** The one-pass search for any of `literals` (exported for tests). */
export function literalSearch(literals: readonly string[]): RegExp {
  return new RegExp(literals.map(escaped).join('|'));
}
const escaped = (literal: string): string => literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * One case-insensitive search for any of one or more gates' lower-case literals, run on a text as it
 * is. A gate that lower-cases each text for holdsAny pays for a copy of the text as well as the
 * search: over the first review of the 1 MB bench contract the figures' gate lower-cased 10,184
 * sentences and searched each for 13 literals, about five times what this one search costs (issue 13,
 * drafting). Used, like holdsAny, only before an expression every match of which holds one of the
 * literals with ASCII letters folded (what /i does without the u flag, and what this search does):
 * where it finds none, that expression cannot match, so skipping it changes no result.
 */
export function anyWordExpression(...lists: ReadonlyArray<readonly string[]>): RegExp {
  const words = new Set<string>();
  for (const list of lists) for (const w of list) words.add(w);
  return new RegExp([...words].map(escaped).join('|'), 'i');
}

/**
 * Whether a code unit is one `\s` matches (NaN, past a text's end, is not one; the test compares
 * every code unit with the expression). Structural gates skip white space with it.
 */
export function isSpaceLike(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first index from `i` that is not white space (isSpaceLike). */
export function skipSpaceLike(text: string, i: number): number {
  while (isSpaceLike(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether `text` at `at` opens with one of `words` (lower-case ASCII), ASCII capitals read as small
 * letters (as `/i` without `u` folds them), and, with `whole`, no ASCII letter, digit or "_" right
 * after it (a `\b` after a word ending in a letter). For gates before anchored expressions such as
 * `/^\s*(?:schedule|annex)\b/i`: compared by code, no expression to compile (issue 13, cold).
 */
export function opensWithWord(text: string, at: number, words: readonly string[], whole = false): boolean {
  // Indexed loops and no closures: these run cold, in the interpreter (issue 13, cold).
  for (let k = 0; k < words.length; k++) if (opensWithOne(text, at, words[k], whole)) return true;
  return false;
}

/** opensWithWord for one word. */
export function opensWithOne(text: string, at: number, w: string, whole = false): boolean {
  if (at + w.length > text.length) return false;
  for (let i = 0; i < w.length; i++) {
    const c = text.charCodeAt(at + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== w.charCodeAt(i)) return false;
  }
  return !(whole && isWordCode(text.charCodeAt(at + w.length)));
}

/** Whether `text` holds one of `literals` as written (indexed `includes`, no expression compiled). */
export function includesAny(text: string, literals: readonly string[]): boolean {
  for (let k = 0; k < literals.length; k++) if (text.includes(literals[k])) return true;
  return false;
}

const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
