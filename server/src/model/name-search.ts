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

/** Does `\b` hold at position i of the text (a word character on exactly one side)? */
export function atWordBoundary(text: string, i: number): boolean {
  return isWordCode(text.charCodeAt(i - 1)) !== isWordCode(text.charCodeAt(i));
}

