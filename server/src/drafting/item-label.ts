import { codeAt, isSpaceCode } from '../model/name-search';

/**
 * Does the text write an item labelled `label` (letters and digits: "b", "iv", "2") where an item
 * starts: `(?:^|\s)(?:\(label\)|label[.)])\s` with the i flag, as drafting/xrefs.ts hasItem asked an
 * expression built per label before (issue 13, cli: no expression compiled per reference). With the
 * i flag and without u, an ASCII letter matches only itself in either case.
 */
export function writesItem(text: string, label: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) continue;
    // codeAt past the label: a label at the text's end read outside it, which deoptimised this loop.
    // The codes after each label are read whether or not a label was found (its end is then -1, and
    // codeAt(-1) is -1, no bracket or stop): the arithmetic and calls after a found label were first
    // run when the first "(b)" or "b." of a run turned up, often after TurboFan had compiled the loop
    // without feedback for them, and deoptimised it once per form and thread (issue 13, deopts).
    // The bracketed label is looked for at every start, not only after "(", for the same reason.
    const opens = text.charCodeAt(i) === 40;
    const e = labelEnd(text, i + 1, label);
    const eCode = codeAt(text, e);
    const eSpaced = isSpaceCode(codeAt(text, e + 1));
    if (eCode === 41 && opens && eSpaced) return true;
    const f = labelEnd(text, i, label);
    const fCode = codeAt(text, f);
    const fSpaced = isSpaceCode(codeAt(text, f + 1));
    if ((fCode === 46 || fCode === 41) && fSpaced) return true;
  }
  return false;
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * An ASCII letter as its lower case, any other code as it is: two codes fold alike exactly when the
 * i flag matches one with the other. One comparison for letters and digits alike, so that a digit
 * label ("2") does not reach a comparison TurboFan has no feedback for (a deoptimisation and a
 * compile again of writesItem; issue 13, clivm).
 */
const fold = (c: number): number => (isAsciiLetter(c) ? c | 32 : c);

/** Where the label written at p ends (ASCII letters in either case), or -1. */
function labelEnd(text: string, p: number, label: string): number {
  if (p + label.length > text.length) return -1;
  for (let j = 0; j < label.length; j++) if (fold(text.charCodeAt(p + j)) !== fold(label.charCodeAt(j))) return -1;
  return p + label.length;
}
