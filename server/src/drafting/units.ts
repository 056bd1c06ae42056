/**
 * Periods written without their unit: "within fourteen (14) of invoice", "no later than 30 after
 * notice". A deadline with no unit can be read as days, business days or months.
 */
import type { ContractModel, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { foldQuotes } from '../model';
import { matchesIn } from '../model/text';
import { BlockResults } from './perBlock';
import { isSpaceLike } from '../model/word-gate';

export interface UnitlessNumber {
  span: Span;
  /** The number as written: "fourteen (14)". */
  number: string;
}

const WORD_NUMBER = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|hundred|one hundred(?: and)? (?:twenty|eighty))';
const NUMBER = String.raw`(?:${WORD_NUMBER}(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?\s*\(\d{1,3}\)|\d{1,3}|${WORD_NUMBER})`;
// A time trigger, the number, then straight into the event it counts from, with no unit between.
export const UNITLESS = new RegExp(String.raw`\b(?:within|no later than|not later than|no more than|not more than|at least|no less than|not less than|for a period of|a period of|up to)\s+(${NUMBER})\s+(?=(?:of|after|following|from|before|prior to)\s+(?:the\s+|such\s+|its\s+|their\s+|any\s+|each\s+|a\s+|an\s+|receipt|written|invoice|notice|request|delivery|termination|expiry|expiration|completion|acceptance|signature|execution|payment|demand|notification|discovery|the date))`, 'gi');

/** Whether UNITLESS has run in this process (then compiled, so the gate below no longer pays). */
let unitlessCompiled = false;
/** For tests: asks the gate again, as in a fresh process. */
export function forgetUnitlessRun(): void {
  unitlessCompiled = false;
}

/** UNITLESS's time triggers, lower case: every match opens with one of them. */
export const UNITLESS_TRIGGERS = ['within', 'no later than', 'not later than', 'no more than', 'not more than', 'at least', 'no less than', 'not less than', 'for a period of', 'a period of', 'up to'];
/** How each word NUMBER may open with starts, lower case (WORD_NUMBER's alternatives all open with one of these). */
export const UNITLESS_NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'ninety', 'hundred'];
/** The words UNITLESS's look-ahead opens with, after the number and white space. */
export const UNITLESS_AFTER = ['of', 'after', 'following', 'from', 'before', 'prior to'];

/**
 * A cheap necessary condition for UNITLESS to match `text`: one of its triggers, white space, then
 * either a word that NUMBER may open with, or one to three digits, white space and one of the words
 * the look-ahead opens with ("within 30 days" and "no more than once" are ruled out here). Letters
 * are compared lower-cased (ASCII, as `/i` without `u` folds them); white space is read as a
 * what `\s` matches, so the test can only let through more than the expression matches.
 */
export function mayHoldUnitless(text: string): boolean {
  const lower = text.toLowerCase();
  for (let t = 0; t < UNITLESS_TRIGGERS.length; t++) {
    const trigger = UNITLESS_TRIGGERS[t];
    for (let at = lower.indexOf(trigger); at >= 0; at = lower.indexOf(trigger, at + 1)) {
      let p = at + trigger.length;
      if (!isSpaceLike(lower.charCodeAt(p))) continue;
      while (isSpaceLike(lower.charCodeAt(p))) p++;
      const c = lower.charCodeAt(p);
      if (c >= 48 && c <= 57) {
        let q = p;
        while (q < lower.length && q - p < 4 && lower.charCodeAt(q) >= 48 && lower.charCodeAt(q) <= 57) q++;
        // \d{1,3} then \s+: a fourth digit right after three cannot be followed by the white space.
        if (q - p > 3 || !isSpaceLike(lower.charCodeAt(q))) continue;
        while (isSpaceLike(lower.charCodeAt(q))) q++;
        if (startsWithAny(lower, q, UNITLESS_AFTER)) return true;
      } else if (startsWithAny(lower, p, UNITLESS_NUMBER_WORDS)) {
        return true;
      }
    }
  }
  return false;
}

/** Whether `lower` at `at` opens with one of `words` (indexed, no closure: this runs cold). */
function startsWithAny(lower: string, at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (lower.startsWith(words[k], at)) return true;
  return false;
}

export function unitlessNumbers(model: ContractModel): UnitlessNumber[] {
  const out: UnitlessNumber[] = [];
  // Only the blocks that hold one are listed (perBlock.ts): no walk over every block.
  const { blocks, values } = blockUnitless.listed(model);
  for (let k = 0; k < blocks.length; k++) {
    const found = values[k];
    const block = model.blocks[blocks[k]];
    for (const [at, number] of found) {
      out.push({ span: { start: sourceOffsetAt(block, at), end: sourceOffsetAt(block, at + number.length - 1) + 1 }, number });
    }
  }
  return out;
}

const NONE: Array<[number, string]> = [];

/**
 * Each block's numbers without a unit, in offsets of its text: a function of the text alone, so
 * while editing a block the splice kept or moved keeps its list (drafting/perBlock.ts), and only
 * re-parsed blocks are read (a fact lookup per block per edit before).
 */
const blockUnitless = new BlockResults<Array<[at: number, number: string]>>(
  (_model, block) => (block.kind === 'code' || block.kind === 'html' || !block.text ? NONE : unitlessIn(block.text)),
  { none: NONE, isNone: (found) => found.length === 0 },
);

/** Hands the per-block lists to a copy of the model with the same blocks (drafting/carry.ts). */
export function carryUnitlessNumbers(from: ContractModel, to: ContractModel): void {
  blockUnitless.carry(from, to);
}

/** Numbers without a unit in one block's text, by offset in it. */
function unitlessIn(blockText: string): Array<[at: number, number: string]> {
  const out: Array<[number, string]> = [];
  // The expression is about 960 characters: compiling it was the dearest of a cold run's
  // expressions that never match (issue 13, cold). Until it has run once in this process, a text
  // without a trigger followed by something that may start its number is skipped.
  if (!unitlessCompiled) {
    if (!mayHoldUnitless(blockText)) return out;
    unitlessCompiled = true;
  }
  const text = foldQuotes(blockText);
  for (const m of matchesIn(UNITLESS, text)) {
    const at = m.index! + m[0].indexOf(m[1]);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
    // "within 30 of the Products", "at least 5 of the Services": a count of things, not a period.
    if (!/^(?:after|following|before|prior to|from)\b/i.test(after) && !/^of\s+(?:the\s+|its\s+|their\s+|such\s+|any\s+|a\s+|an\s+)?(?:(?:date|receipt|invoice|notice|request|delivery|termination|expiry|expiration|completion|acceptance|signature|execution|payment|demand|notification|discovery|occurrence|written notice|the (?:date|end|start))\b)/i.test(after)) continue;
    out.push([at, m[1]]);
  }
  return out;
}
