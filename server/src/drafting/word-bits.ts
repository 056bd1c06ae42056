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

/**
 * The literals (lower-case) as one alternation sharing their openings, a trie written as an expression:
 * "in(?:form|voice|itial)" for inform, invoice, initial. It matches at a position exactly the
 * literals the flat alternation matches there, the longest first (a word that ends where a longer one
 * goes on is an optional tail, tried after the longer), so as a test, or as wordBits' search, it gives
 * the same answers. V8 scans it faster: the figures' measure gate (13 words) over every sentence of
 * cuad-dev and the corpus took 45 ms as a flat list and 33 ms as this (issue 13, drafting2).
 */
export function literalTrie(words: readonly string[]): string {
  interface Node { next: Map<string, Node>; end: boolean }
  const root: Node = { next: new Map(), end: false };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let child = n.next.get(ch);
      if (child === undefined) n.next.set(ch, (child = { next: new Map(), end: false }));
      n = child;
    }
    n.end = true;
  }
  const source = (n: Node): string => {
    const alts: string[] = [];
    for (const [ch, child] of n.next) alts.push(escaped(ch) + source(child));
    if (alts.length === 0) return '';
    // A run of single letters stays plain text: "liabilit", not one group per letter.
    if (alts.length === 1 && !n.end) return alts[0];
    const body = `(?:${alts.join('|')})`;
    return n.end ? `${body}?` : body;
  };
  // The empty word would match everywhere: kept as the flat alternation gives it.
  return root.end ? `(?:${[...new Set(words)].map(escaped).join('|')})` : source(root);
}
