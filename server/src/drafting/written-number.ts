/**
 * Is a clause number written at the start of a line, or after a run of spaces, between two offsets
 * of a text? That is: does the expression
 *   (?:^|\n|\s{2,}|\t)[ \t>*#]*(?:(?:clause|section|article)\s+)?N(?:\.0)?(?![\d]|\.\d)   (flag i)
 * match in text.slice(from, to)? The numbering check asks this for many numbers over long spans (from
 * the start of the document to a clause), and the expression, which may start anywhere, read every
 * character of the span each time: about a tenth of a review's CPU over cuad-dev. Here each
 * occurrence of the number is found with indexOf and only the characters around it are read; the
 * answer is the expression's (a property test compares the two).
 */

const KEYWORDS = ['clause', 'section', 'article'];

/** JavaScript's `\s`, one UTF-16 code unit. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** `[ \t>*#]` */
const isLead = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3e || c === 0x2a || c === 0x23;

export function numberWrittenBetween(text: string, from: number, to: number, n: string): boolean {
  // Only numbers of digits and dots are read here; anything else goes to the expression itself.
  if (!/^[\d.]+$/.test(n)) return expressionOf(n).test(text.slice(from, to));
  for (let q = text.indexOf(n, from); q >= 0 && q + n.length <= to; q = text.indexOf(n, q + 1)) {
    if (endsWell(text, q + n.length, to) && startsWell(text, from, q)) return true;
  }
  return false;
}

/** The expression itself, for numbers that are not digits and dots. */
function expressionOf(n: string): RegExp {
  return new RegExp(`(?:^|\\n|\\s{2,}|\\t)[ \\t>*#]*(?:(?:clause|section|article)\\s+)?${n.replace(/\./g, '\\.')}(?:\\.0)?(?![\\d]|\\.\\d)`, 'i');
}

/** `(?:\.0)?(?![\d]|\.\d)` after the number, inside the span (its end reads as the end of the text). */
function endsWell(text: string, e: number, to: number): boolean {
  const free = (at: number): boolean => {
    if (at >= to) return true;
    const c = text.charCodeAt(at);
    return !isDigit(c) && !(c === 0x2e && at + 1 < to && isDigit(text.charCodeAt(at + 1)));
  };
  if (e + 2 <= to && text.charCodeAt(e) === 0x2e && text.charCodeAt(e + 1) === 0x30 && free(e + 2)) return true;
  return free(e);
}

/** `(?:^|\n|\s{2,}|\t)[ \t>*#]*(?:(?:clause|section|article)\s+)?` ending at q, inside the span (its start reads as `^`). */
function startsWell(text: string, from: number, q: number): boolean {
  if (leadEndsAt(text, from, q)) return true;
  // A keyword, then white space up to the number: the keyword ends where that white space starts.
  let j = q;
  while (j > from && isSpace(text.charCodeAt(j - 1))) j--;
  if (j === q) return false;
  for (const kw of KEYWORDS) {
    const k = j - kw.length;
    if (k >= from && text.slice(k, j).toLowerCase() === kw && leadEndsAt(text, from, k)) return true;
  }
  return false;
}

/** `(?:^|\n|\s{2,}|\t)[ \t>*#]*` ending at k: some anchor, then characters of the class up to k. */
function leadEndsAt(text: string, from: number, k: number): boolean {
  for (let p = k; ; p--) {
    if (p === from) return true;
    const before = text.charCodeAt(p - 1);
    if (before === 0x0a || before === 0x09) return true;
    if (p - 2 >= from && isSpace(before) && isSpace(text.charCodeAt(p - 2))) return true;
    if (!isLead(before)) return false;
  }
}
