/**
 * Which of several word gates a text passes, in one search of the text as it is (issue 13,
 * firstrules). A check that lower-cased each sentence and asked holdsAny (model/word-gate.ts) once
 * per list paid for the copy and a search per list: the first review of the 1 MB bench contract did
 * that for 2,992 sentences in inconsistent-figure (eight lists) and 1,196 in vague-wording (sixteen).
 *
 * Bit i of the answer is set exactly when the text holds one of lists[i] with ASCII letters folded,
 * what a case-insensitive expression without the u flag matches (anyWordExpression's test, per
 * list): the search tries every position (it goes on one character after each match, not after
 * the match), and at a position it takes the longest literal that matches there, whose mask holds
 * the bits of every literal that is a prefix of it (all the literals that match at that position).
 * Lower-casing turns two other characters into ASCII ("\u0130" into "i" and a combining dot, the
 * Kelvin sign into "k"); apart from those, a bit is set exactly when holdsAny of the lower-cased
 * text is true. Where holdsAny finds a literal only through one of them, an expression gated on the
 * literals (case-insensitive without u, or case-sensitive) cannot match either, so as a gate it
 * changes no result (test/drafting/word-bits.test.ts). The literals are
 * lower-case.
 */
export interface WordBits {
  /** The gates' bits that `text` passes. */
  (text: string): number;
}

export function wordBits(lists: ReadonlyArray<readonly string[]>): WordBits {
  if (lists.length > 31) throw new Error('at most 31 lists');
  const own = new Map<string, number>();
  lists.forEach((list, i) => {
    for (const w of list) own.set(w, (own.get(w) ?? 0) | (1 << i));
  });
  // Longest first: at a position where several literals match, the alternation takes the first.
  const words = [...own.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const maskOf = new Map<string, number>();
  for (const w of words) {
    let mask = 0;
    for (const v of words) if (w.startsWith(v)) mask |= own.get(v)!;
    maskOf.set(w, mask);
  }
  const search = new RegExp(words.map(escaped).join('|'), 'gi');
  return (text: string): number => {
    let found = 0;
    search.lastIndex = 0;
    for (let m = search.exec(text); m !== null; m = search.exec(text)) {
      // A match is ASCII folded to one literal (/i without u folds nothing else onto ASCII).
      found |= maskOf.get(m[0].toLowerCase())!;
      search.lastIndex = m.index + 1;
    }
    return found;
  };
}

const escaped = (literal: string): string => literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
