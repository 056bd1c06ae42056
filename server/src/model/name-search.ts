/**
 * Searching a text for a document's own names (a party's alias, the key words of its legal name)
 * with indexOf and fixed expressions, instead of an expression built around the names. V8 compiles
 * every new expression to machine code on its first use (about half a million instructions each),
 * and an expression made of one document's names serves that document alone; the CLI compiled
 * several per file in every thread (issue 13, cli). The character classes below are those that
 * `\b`, `\w` and `\s` stand for in an expression without the u flag, so a search made of these
 * finds exactly what the old expression found (the tests compare both on awkward names).
 */

/** Is the UTF-16 code one of `\w` ([A-Za-z0-9_])? NaN (outside the text) is not. */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Is the UTF-16 code one of `\s` (ECMAScript's WhiteSpace and LineTerminator)? */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

/** The code at position i of the text, or -1 outside it (no `\w`, no `\s`, no letter). */
export function codeAt(text: string, i: number): number {
  // Read only inside the text: charCodeAt outside it (NaN) deoptimises TurboFan's code once per
  // inlined call site and isolate ("out of bounds"), and each deoptimisation costs a compile of the
  // hot caller again (PartyNameSearch.next: nine compiles over cuad-dev's two threads; issue 13, clivm).
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Does `\b` hold at position i of the text (a word character on exactly one side)? */
export function atWordBoundary(text: string, i: number): boolean {
  return isWordCode(codeAt(text, i - 1)) !== isWordCode(codeAt(text, i));
}


const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Does the name stand at position p of the text? Case-insensitively as an expression with the i
 * flag and without u compares (ECMAScript's Canonicalize): for a name of ASCII characters that is
 * an ASCII letter in either case for each letter and the same character for the rest, because no
 * character above U+007F is canonicalised to one below it.
 */
function nameAt(text: string, p: number, name: string, ignoreCase: boolean): boolean {
  if (!ignoreCase) return text.startsWith(name, p);
  if (p + name.length > text.length) return false;
  for (let j = 0; j < name.length; j++) {
    const n = name.charCodeAt(j);
    const c = text.charCodeAt(p + j);
    if (isAsciiLetter(n) ? !isAsciiLetter(c) || (c | 32) !== (n | 32) : c !== n) return false;
  }
  return true;
}

/** Words after a party's name that still make it the party acting (see partyMatchers). */
const ACTING_NOUNS = ['Personnel', 'Staff', 'Representatives', 'Representative', 'Affiliates', 'Affiliate', 'Group', 'Shall', 'Will', 'Must', 'May'];

/**
 * Does `\s+(?!Personnel\b|Staff\b|Representatives?\b|Affiliates?\b|Group\b|Shall\b|Will\b|Must\b|May\b)[A-Z][a-z]`
 * match at q ("Customer Data": a capitalised noun after the name, which then names a thing)? The run
 * of white space is taken whole: a shorter one leaves white space where the letters must be.
 */
function capitalisedNounAt(text: string, q: number, ignoreCase: boolean): boolean {
  let r = q;
  while (isSpaceCode(codeAt(text, r))) r++;
  if (r === q) return false;
  const a = codeAt(text, r);
  const b = codeAt(text, r + 1);
  // Written as ranges that hold, so that -1 (past the text's end) holds none.
  if (!(ignoreCase ? isAsciiLetter(a) && isAsciiLetter(b) : a >= 65 && a <= 90 && b >= 97 && b <= 122)) return false;
  for (const w of ACTING_NOUNS) if (nameAt(text, r, w, ignoreCase) && atWordBoundary(text, r + w.length)) return false;
  return true;
}

/**
 * The first place at or after `from` where the name is written and `\b` holds before it, or -1 (a
 * name written inside a word, "us" in "business", starts no match: passed over here, in one loop).
 */
function placeAtBoundary(text: string, name: string, from: number): number {
  for (let q = text.indexOf(name, from); q >= 0; q = text.indexOf(name, q + 1)) if (atWordBoundary(text, q)) return q;
  return -1;
}

/** How far count() reads with the character loop before it searches by each name's next place. */
const COUNT_STRETCH = 16_384;

/**
 * The search that a party matcher's expression makes (model/language.ts partyMatchers):
 * `\b(?:<names>)(?:['’]s)?\b(?!\s+(?!<acting nouns>)[A-Z][a-z])`, names longest first, with or
 * without the i flag, done with string comparisons so that no expression is compiled per document.
 * Where the expression would read a name differently (an empty name; with the i flag, a name with a
 * character above U+007F, whose case variants are Unicode's), `exact` is false for that flag and
 * the caller uses the expression.
 */
export class PartyNameSearch {
  /** The end of the last match found by next(). */
  end = -1;
  /**
   * The codes a name can start with, case-sensitively and under i: a table for codes below 128 (a
   * Set's look-up per character of the text was most of a search over a whole contract, issue 13)
   * and the rest, if any, in a set.
   */
  private readonly firsts: [Uint8Array, Uint8Array];
  private readonly otherFirsts: Set<number> | null;
  private readonly ascii: boolean;
  private readonly nonEmpty: boolean;

  constructor(readonly names: readonly string[]) {
    this.nonEmpty = names.every((n) => n.length > 0);
    this.ascii = names.every((n) => /^[\0-\x7f]*$/.test(n));
    const exact = new Uint8Array(128);
    const folded = new Uint8Array(128);
    let other: Set<number> | null = null;
    for (const n of names) {
      const c = n.charCodeAt(0);
      if (!(c < 128)) {
        // An empty name (NaN) is never exact, so its first code does not matter.
        (other ??= new Set()).add(c);
        continue;
      }
      exact[c] = 1;
      folded[c] = 1;
      if (isAsciiLetter(c)) folded[c ^ 32] = 1;
    }
    this.firsts = [exact, folded];
    this.otherFirsts = other;
  }

  /** Does this search find what the expression with (ignoreCase) or without the i flag finds? */
  exact(ignoreCase: boolean): boolean {
    return this.nonEmpty && (!ignoreCase || this.ascii);
  }

  /**
   * Where the first match at or after `from` starts (its end in `end`), or -1; with `tail`, a
   * sticky expression, only a match that the tail continues from its end, as `(?:<names>...)<tail>`
   * would match, the tail's end then in `end`. Only where exact(ignoreCase). With `before`, only a
   * match that starts before it.
   */
  next(text: string, from: number, ignoreCase: boolean, tail?: RegExp, before = text.length): number {
    const firsts = this.firsts[ignoreCase ? 1 : 0];
    const other = this.otherFirsts;
    const end = Math.min(before, text.length);
    // `end` is stored on every call, the old one when nothing is found: a store reached only on a
    // match had no type feedback when a thread's first searches found nothing until TurboFan had
    // compiled this, and deoptimised it ("generic named access"; issue 13, deopts).
    let at = -1;
    let found = this.end;
    for (let p = from; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c < 128 ? firsts[c] === 0 : other === null || !other.has(c)) continue;
      if (!atWordBoundary(text, p)) continue;
      const e = this.endAt(text, p, ignoreCase, tail);
      if (e >= 0) {
        at = p;
        found = e;
        break;
      }
    }
    this.end = found;
    return at;
  }

  /** How many successive matches the text holds (each search going on from the end of the one before), counted no further than `limit`. */
  count(text: string, ignoreCase: boolean, limit: number): number {
    let n = 0;
    if (limit <= 0) return 0;
    if (ignoreCase) {
      for (let p = this.next(text, 0, true); p >= 0; p = this.next(text, this.end, true)) if (++n >= limit) break;
      return n;
    }
    // The character loop first: where the names are written early (most contracts name their parties
    // in the opening) the count is reached after a few hundred characters, while eachExact reads the
    // whole text once per name written nowhere (about 9 ms per 1 MB edit for termination-rights'
    // rolesKnown, issue 13). Past the first stretch, where a side is named rarely, by each name's
    // next place.
    const stretch = Math.min(text.length, COUNT_STRETCH);
    let from = 0;
    for (let p = this.next(text, 0, false, undefined, stretch); p >= 0; p = this.next(text, from, false, undefined, stretch)) {
      from = this.end;
      if (++n >= limit) return n;
    }
    if (stretch < text.length) this.eachExact(text, Math.max(from, stretch), () => ++n < limit);
    return n;
  }

  /** Where the last of successive matches starts (each search going on from the end of the one before), or -1. */
  last(text: string, ignoreCase: boolean): number {
    let at = -1;
    if (!ignoreCase) {
      this.eachExact(text, 0, (p) => { at = p; return true; });
      return at;
    }
    for (let p = this.next(text, 0, ignoreCase); p >= 0; p = this.next(text, this.end, ignoreCase)) at = p;
    return at;
  }

  /**
   * The successive matches without the i flag from `start` on, each passed to `visit` (which says
   * whether to go on), found by each name's next place (indexOf) instead of testing every character:
   * a match starts where one of the names is written, and these places are visited in order. Over a
   * whole contract that names a party rarely this reads the text natively, once per name (issue 13,
   * cli); but every name is first looked for to the text's end, so a count that stops early starts
   * with the character loop (see count).
   */
  private eachExact(text: string, start: number, visit: (at: number) => boolean): void {
    const names = this.names;
    const k = names.length;
    const places = new Int32Array(k);
    for (let i = 0; i < k; i++) places[i] = placeAtBoundary(text, names[i], start);
    for (;;) {
      let p = -1;
      for (let i = 0; i < k; i++) if (places[i] >= 0 && (p < 0 || places[i] < p)) p = places[i];
      if (p < 0) return;
      // From p + 1 when no match starts at p; from the match's end when one does.
      let from = p + 1;
      const e = this.endAt(text, p, false, undefined);
      if (e >= 0) {
        this.end = e;
        if (!visit(p)) return;
        from = e;
      }
      for (let i = 0; i < k; i++) if (places[i] >= 0 && places[i] < from) places[i] = placeAtBoundary(text, names[i], from);
    }
  }

  /** The first end the expression reaches from p (in its order of trying: each name, with "'s" first), that the tail continues; -1 if none. */
  private endAt(text: string, p: number, ignoreCase: boolean, tail: RegExp | undefined): number {
    for (const name of this.names) {
      if (!nameAt(text, p, name, ignoreCase)) continue;
      const q = p + name.length;
      const c = codeAt(text, q);
      const s = codeAt(text, q + 1);
      if ((c === 39 || c === 8217) && (s === 115 || (ignoreCase && s === 83))) {
        const e = this.continued(text, q + 2, ignoreCase, tail);
        if (e >= 0) return e;
      }
      const e = this.continued(text, q, ignoreCase, tail);
      if (e >= 0) return e;
    }
    return -1;
  }

  private continued(text: string, q: number, ignoreCase: boolean, tail: RegExp | undefined): number {
    if (!atWordBoundary(text, q) || capitalisedNounAt(text, q, ignoreCase)) return -1;
    if (!tail) return q;
    tail.lastIndex = q;
    return tail.test(text) ? tail.lastIndex : -1;
  }
}
