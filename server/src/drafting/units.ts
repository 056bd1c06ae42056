/**
 * Periods written without their unit: "within fourteen (14) of invoice", "no later than 30 after
 * notice". A deadline with no unit can be read as days, business days or months.
 */
import type { ContractModel, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { foldQuotes } from '../model';
import { matchesIn } from '../model/text';
import { BlockResults } from './perBlock';

export interface UnitlessNumber {
  span: Span;
  /** The number as written: "fourteen (14)". */
  number: string;
}

const WORD_NUMBER = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|hundred|one hundred(?: and)? (?:twenty|eighty))';
const NUMBER = String.raw`(?:${WORD_NUMBER}(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?\s*\(\d{1,3}\)|\d{1,3}|${WORD_NUMBER})`;
// A time trigger, the number, then straight into the event it counts from, with no unit between.
const UNITLESS = new RegExp(String.raw`\b(?:within|no later than|not later than|no more than|not more than|at least|no less than|not less than|for a period of|a period of|up to)\s+(${NUMBER})\s+(?=(?:of|after|following|from|before|prior to)\s+(?:the\s+|such\s+|its\s+|their\s+|any\s+|each\s+|a\s+|an\s+|receipt|written|invoice|notice|request|delivery|termination|expiry|expiration|completion|acceptance|signature|execution|payment|demand|notification|discovery|the date))`, 'gi');

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
