import { isSpaceCode } from '../model/name-search';

/**
 * Does the text write an item labelled `label` (letters and digits: "b", "iv", "2") where an item
 * starts: `(?:^|\s)(?:\(label\)|label[.)])\s` with the i flag, as drafting/xrefs.ts hasItem asked an
 * expression built per label before (issue 13, cli: no expression compiled per reference). With the
 * i flag and without u, an ASCII letter matches only itself in either case.
 */
export function writesItem(text: string, label: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) continue;
    const e = text.charCodeAt(i) === 40 ? labelEnd(text, i + 1, label) : -1;
    if (e >= 0 && text.charCodeAt(e) === 41 && isSpaceCode(text.charCodeAt(e + 1))) return true;
    const f = labelEnd(text, i, label);
    if (f >= 0 && (text.charCodeAt(f) === 46 || text.charCodeAt(f) === 41) && isSpaceCode(text.charCodeAt(f + 1))) return true;
  }
  return false;
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Where the label written at p ends (ASCII letters in either case), or -1. */
function labelEnd(text: string, p: number, label: string): number {
  if (p + label.length > text.length) return -1;
  for (let j = 0; j < label.length; j++) {
    const n = label.charCodeAt(j);
    const c = text.charCodeAt(p + j);
    if (isAsciiLetter(n) ? !isAsciiLetter(c) || (c | 32) !== (n | 32) : c !== n) return -1;
  }
  return p + label.length;
}
