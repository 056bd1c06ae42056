/**
 * Finds the written forms of the defined terms in a text: the matches the expression
 * `(?<![A-Za-z0-9])(?:form1|form2|...)(?![A-Za-z0-9])` (forms longest first, words separated by
 * `\s+`) finds with a global search, without the expression. A contract defines hundreds of terms,
 * and compiling that alternation of thousands of branches cost more than searching with it (about
 * two thirds of the term index's time over cuad-dev, once per document since the terms differ);
 * a trie of the forms' characters, with one edge for a run of white space, is built in a fraction
 * of that and finds the same matches. Written here because the trie must follow the expression's
 * choice exactly (the first branch in order that matches, not the longest), which general
 * multi-pattern matchers do not.
 */

/** One match: where it starts in the text and how long it is. */
export interface FormMatch { at: number; length: number }

/** Finds every match in a text, left to right, as the global expression's search does. */
export type FormMatcher = (text: string) => FormMatch[];

/**
 * formMatcher's search without an object per match: writes each match into `found` as three
 * numbers (where it starts, its length, and the index in `forms` of the form that matched) and
 * returns how many numbers it wrote. `found` is the caller's, reused from text to text (issue 13,
 * clidraft: the term index's look-up of each match by its text was most of its own time).
 */
export type FormSearch = (text: string, found: number[]) => number;

/** A matcher for `forms` (see formSearch). */
export function formMatcher(forms: readonly string[]): FormMatcher {
  const search = formSearch(forms);
  const found: number[] = [];
  return (text) => {
    const n = search(text, found);
    const out: FormMatch[] = [];
    for (let k = 0; k < n; k += 3) out.push({ at: found[k], length: found[k + 1] });
    return out;
  };
}

/** The edge code of a run of white space (beyond every UTF-16 code unit). */
const SPACE = 0x10000;

/**
 * The trie's edges, (node, code) -> child, in one open-addressing table of typed arrays: a Map
 * keyed by node * 0x10001 + code holds numbers beyond the small-integer range, which V8 hashes as
 * heap numbers, slowly and with garbage on every look-up.
 */
class EdgeTable {
  private readonly nodes: Int32Array;
  private readonly codes: Int32Array;
  private readonly targets: Int32Array;
  private readonly mask: number;

  constructor(edges: number) {
    let size = 16;
    while (size < edges * 2) size *= 2;
    this.mask = size - 1;
    this.nodes = new Int32Array(size).fill(-1);
    this.codes = new Int32Array(size);
    this.targets = new Int32Array(size);
  }

  private slot(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.mask;
  }

  /** The child of `node` on `code`, or -1. */
  get(node: number, code: number): number {
    for (let i = this.slot(node, code); ; i = (i + 1) & this.mask) {
      const n = this.nodes[i];
      if (n < 0) return -1;
      if (n === node && this.codes[i] === code) return this.targets[i];
    }
  }

  set(node: number, code: number, target: number): void {
    let i = this.slot(node, code);
    while (this.nodes[i] >= 0) i = (i + 1) & this.mask;
    this.nodes[i] = node;
    this.codes[i] = code;
    this.targets[i] = target;
  }
}

/** JavaScript's `\s`, one UTF-16 code unit. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `[A-Za-z0-9]`, one UTF-16 code unit. */
function isAlnumCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/**
 * A matcher for `forms` in the order the expression lists them (earlier wins where several match
 * at one place). Every form is modelled: one that ends with white space (the expression's `\s+`
 * then gives back a character where the look-ahead fails after the whole run) and an empty one (an
 * empty match, after which the search moves on one character), so that no expression is compiled
 * for a document's terms (issue 13, cli).
 */
export function formSearch(forms: readonly string[]): FormSearch {
  let chars = 0;
  for (const form of forms) chars += form.length;
  const edges = new EdgeTable(chars);
  // rank[node]: the first form (by order) that ends there.
  const rank: number[] = [-1];
  for (let r = 0; r < forms.length; r++) {
    const form = forms[r];
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      let code = form.charCodeAt(i);
      if (isSpaceCode(code)) {
        while (i + 1 < form.length && isSpaceCode(form.charCodeAt(i + 1))) i++;
        code = SPACE;
      }
      let next = edges.get(node, code);
      if (next < 0) {
        next = rank.length;
        rank.push(-1);
        edges.set(node, code, next);
      }
      node = next;
    }
    if (rank[node] < 0) rank[node] = r;
  }
  // An empty form matches at the root: wherever the look-behind and look-ahead hold, the end too.
  const emptyRank = rank[0];
  // The root's children by ASCII code, read without the edge table's hashing: every walk takes its
  // first step there, and most end at their second (issue 13, clidraft).
  const rootChild = new Int32Array(128);
  for (let c = 0; c < 128; c++) rootChild[c] = edges.get(0, c);
  // The codes below 128 that some form starts with (white space for a form that starts with it),
  // and whether any starts with a code above: most places in a text start no form, and are told
  // so by one table read instead of a look-up in the edges (issue 13, cli).
  const starts = new Uint8Array(128);
  let otherStarts = false;
  for (const form of forms) {
    const c = form.charCodeAt(0);
    if (isSpaceCode(c)) {
      for (let k = 0; k < 128; k++) if (isSpaceCode(k)) starts[k] = 1;
      otherStarts = true;
    } else if (c < 128) starts[c] = 1;
    else if (c === c) otherStarts = true;
  }
  // Without an empty form, the places a match can start are found by one expression of the first
  // characters (with the look-behind) rather than by a loop over every character of the text: in
  // the first review of the 1 MB bench contract that loop ran before it was optimised and held most
  // of duplicate-definition (issue 13). The expression finds the same places the loop keeps.
  // Every form that matches at p lies on the one path read from p (a run of white space is one edge,
  // read whole: a form's next word never starts with white space). The walk keeps the best-ranked
  // form that passes the look-ahead (no letter or digit after it; a form ending with white space that
  // fails it after the whole run matches one character shorter, if the run has two); it returns that
  // form's end, or -1, starting from `best`/`end` (the empty form's match, if any).
  // The rank of the form walk's last answer ends (-1 with it).
  let walked = -1;
  const walk = (text: string, p: number, best: number, end: number): number => {
    const n = text.length;
    let node = 0;
    let i = p;
    while (i < n) {
      let code = text.charCodeAt(i);
      let step = 1;
      if (isSpaceCode(code)) {
        while (i + step < n && isSpaceCode(text.charCodeAt(i + step))) step++;
        code = SPACE;
      }
      const next = node === 0 && code < 128 ? rootChild[code] : edges.get(node, code);
      if (next < 0) break;
      node = next;
      i += step;
      const r = rank[node];
      if (r >= 0 && (best < 0 || r < best)) {
        if (i === n || !isAlnumCode(text.charCodeAt(i))) {
          best = r;
          end = i;
        } else if (code === SPACE && step >= 2) {
          best = r;
          end = i - 1;
        }
      }
    }
    walked = best;
    return best < 0 ? -1 : end;
  };
  const finder = emptyRank < 0 ? startFinder(starts, otherStarts) : null;
  if (finder) {
    return (text, found) => {
      let n = 0;
      finder.lastIndex = 0;
      while (finder.test(text)) {
        const p = finder.lastIndex - 1;
        const end = walk(text, p, -1, -1);
        // No match here: the search goes on from the next code unit (lastIndex is already there).
        if (end < 0) continue;
        found[n++] = p;
        found[n++] = end - p;
        found[n++] = walked;
        // Without an empty form every match is at least one code unit long.
        finder.lastIndex = end;
      }
      return n;
    };
  }
  return (text, found) => {
    let count = 0;
    const n = text.length;
    let p = 0;
    while (p < n || (p === n && emptyRank >= 0)) {
      // The look-behind: a match starts where no letter or digit comes before.
      if (p > 0 && isAlnumCode(text.charCodeAt(p - 1))) {
        p++;
        continue;
      }
      const first = text.charCodeAt(p);
      if (emptyRank < 0 && (first < 128 ? starts[first] === 0 : !otherStarts)) {
        p++;
        continue;
      }
      const atEnd = p === n || !isAlnumCode(text.charCodeAt(p));
      const end = walk(text, p, emptyRank >= 0 && atEnd ? emptyRank : -1, emptyRank >= 0 && atEnd ? p : -1);
      if (end < 0) {
        p++;
        continue;
      }
      found[count++] = p;
      found[count++] = end - p;
      found[count++] = walked;
      // After an empty match the search moves on one code unit (no u flag).
      p = end === p ? p + 1 : end;
    }
    return count;
  };
}

/**
 * `(?<![A-Za-z0-9])[...]`, written `[...](?<![A-Za-z0-9][\s\S])`: a code unit some form starts
 * with (below 128 as `starts` marks them; any from 128 up when `otherStarts`), with no letter or
 * digit before it. Kept per set of first characters (documents' terms share most), so few are
 * compiled.
 */
function startFinder(starts: Uint8Array, otherStarts: boolean): RegExp {
  let cls = '';
  for (let c = 0; c < 128; c++) if (starts[c]) cls += '\\x' + c.toString(16).padStart(2, '0');
  if (otherStarts) cls += '\\u0080-\\uffff';
  let re = finders.get(cls);
  if (!re) {
    if (finders.size > 1000) finders.clear();
    // An empty class never matches: no form starts anywhere (no forms at all). The class comes
    // before the look-behind (which then looks past the class's code unit: `[\s\S]`, since `.`
    // would not match a line break in the class): V8 then scans for the class's code units instead
    // of testing the look-behind at every place, about three times faster over cuad-dev (69 ->
    // 24 ms for its 484,669 places; issue 13, cliengine). The same places, and lastIndex after each.
    finders.set(cls, (re = new RegExp(cls ? `[${cls}](?<![A-Za-z0-9][\\s\\S])` : '[^\\s\\S]', 'g')));
  }
  return re;
}
const finders = new Map<string, RegExp>();
