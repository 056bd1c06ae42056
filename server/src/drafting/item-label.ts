import { codeAt, isSpaceCode } from '../model/name-search';

/**
 * Does the text write an item labelled `label` (letters and digits: "b", "iv", "2") where an item
 * starts: `(?:^|\s)(?:\(label\)|label[.)])\s` with the i flag, as drafting/xrefs.ts hasItem asked an
 * expression built per label before (issue 13, cli: no expression compiled per reference). With the
 * i flag and without u, an ASCII letter matches only itself in either case.
 */
export function writesItem(text: string, label: string): boolean {
  // Only where the label's first character is written, found natively (indexOf, in both cases of a
  // letter), not character by character: a long section's text kept one call of the character loop
  // running while TurboFan compiled it, and it was compiled a second time on the stack (OSR) in
  // each thread (issue 13, deopts). An empty label (never written by a reference, but allowed) is
  // looked for at every position.
  if (label.length === 0) {
    for (let q = 0; q < text.length; q++) if (itemAt(text, q, label)) return true;
    return false;
  }
  const c = label.charCodeAt(0);
  if (itemFrom(text, String.fromCharCode(c), label)) return true;
  return isAsciiLetter(c) && itemFrom(text, String.fromCharCode(c ^ 32), label);
}

/** Is the label, whose first character is `first`, written as an item anywhere in the text? */
function itemFrom(text: string, first: string, label: string): boolean {
  for (let q = text.indexOf(first); q >= 0; q = text.indexOf(first, q + 1)) if (itemAt(text, q, label)) return true;
  return false;
}

/**
 * Is an item labelled `label` written with the label at q: "(label)" after white space or at the
 * text's start, or "label." or "label)" there, then white space?
 */
function itemAt(text: string, q: number, label: string): boolean {
  // Everything is read and compared whether the label is there or not (then its end is -1, and
  // codeAt(-1) is -1, no bracket, stop or space), and only the answers are combined: a comparison or
  // call first reached when the first "(b)" or "b." of a run turned up, or at the text's start, often
  // came after TurboFan had compiled this without feedback for it, and deoptimised it once per form
  // and thread (issue 13, deopts). codeAt outside the text: a read there deoptimised it too.
  const end = labelEnd(text, q, label);
  const found = end >= 0;
  const before = codeAt(text, q - 1);
  const after = codeAt(text, end);
  const spaceBefore = isSpaceCode(before);
  const spaceBeforeBracket = isSpaceCode(codeAt(text, q - 2));
  const spaceAfter = isSpaceCode(codeAt(text, end + 1));
  const textStart = q === 0;
  const bracketAtTextStart = q === 1;
  const opened = before === 40;
  const stop = after === 46;
  const closed = after === 41;
  const atStart = spaceBefore || textStart;
  const bracketAtStart = spaceBeforeBracket || bracketAtTextStart;
  return found && spaceAfter && ((atStart && (stop || closed)) || (opened && closed && bracketAtStart));
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
