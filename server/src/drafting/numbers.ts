/**
 * Numbers written in words and in figures that disagree: "thirty (60) days", "60 (thirty) days",
 * "ten per cent (15%)", "one hundred thousand pounds (£10,000)".
 */
import type { Block, ContractModel, Span } from '../model';
import { BlockResults } from './perBlock';
import { sourceOffsetAt } from './offsets';
import { NUMBER_WORDS_SOURCE, wordsToNumber } from './words';
import { blockMemo } from '../model/facts';
import { isSpaceLike, opensWithWord, skipSpaceLike } from '../model/word-gate';

export interface NumberMismatch {
  /** The whole "thirty (60)". */
  span: Span;
  /** The words ("thirty") and the figure ("60"), each with its span and value. */
  words: { span: Span; text: string; value: number };
  figure: { span: Span; text: string; value: number };
}

const UNIT = String.raw`(?:\s+(?:per\s*cent|percent|pounds?(?:\s+sterling)?|dollars?|euros?|US\s+dollars?))?`;
// The currency signs £ and € as \u escapes (the expression reads them so): the CLI bundle stays ASCII (esbuild.mjs).
const FIGURE = String.raw`(?:[\u00A3$\u20AC]|(?:GBP|USD|EUR|US\$)\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[\u00A3$\u20AC]|(?:GBP|USD|EUR|US\$)\s?)?\d+(?:\.\d+)?`;
// "thirty (60)", "ten per cent (15%)", "ten thousand pounds (£10,000)"
const WORDS_FIRST = new RegExp(String.raw`(?<![A-Za-z-])(${NUMBER_WORDS_SOURCE})(${UNIT})\s*\(\s*(${FIGURE})\s*(?:%|per\s*cent)?\s*\)`, 'gi');
// "60 (thirty)", "£10,000 (ten thousand pounds)"
const FIGURE_FIRST = new RegExp(String.raw`(?<![\w.,])(${FIGURE})\s*%?\s*\(\s*(${NUMBER_WORDS_SOURCE})(${UNIT})\s*\)`, 'gi');

function figureValue(s: string): number {
  return Number(s.replace(/[£$€,\s]|GBP|USD|EUR|US/g, ''));
}

/** A mismatch as one block's text writes it, by offset in that text: a pure function of the text. */
interface WrittenMismatch {
  at: number; length: number; wordsAt: number; words: string; value: number; figAt: number; figure: string; fig: number;
  /** "60 (thirty)" rather than "thirty (60)". */
  figureFirst: boolean;
}

/**
 * What a match of each expression holds, tested first: an opening bracket before a figure (words
 * first), or a figure before an opening bracket (figure first). The expressions' look-behinds and
 * long alternations of number words are tried at every position of a block; these are not.
 */
/**
 * What `/\(\s*(?:[£$€]|(?:GBP|USD|EUR|US\$)\s?)?\d/i` finds, by code from each "(": the two
 * expressions of this pair were compiled on every cold run for a test (issue 13, cold).
 */
export function figureInBrackets(text: string): boolean {
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) {
    const j = skipSpaceLike(text, i + 1);
    const c = text.charCodeAt(j);
    if (isDigitCode(c)) return true;
    if ((c === 0xa3 || c === 36 || c === 0x20ac) && isDigitCode(text.charCodeAt(j + 1))) return true;
    if (opensWithWord(text, j, CURRENCY_CODES)) {
      const k = j + 3;
      if (isDigitCode(text.charCodeAt(k)) || (isSpaceLike(text.charCodeAt(k)) && isDigitCode(text.charCodeAt(k + 1)))) return true;
    }
  }
  return false;
}
const CURRENCY_CODES = ['gbp', 'usd', 'eur', 'us$'];

/** What `/\d\s*%?\s*\(/` finds, by code back from each "(". */
export function figureThenBracket(text: string): boolean {
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) {
    let j = i - 1;
    while (isSpaceLike(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) === 37) j--;
    while (isSpaceLike(text.charCodeAt(j))) j--;
    if (isDigitCode(text.charCodeAt(j))) return true;
  }
  return false;
}
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

function mismatchesIn(text: string): WrittenMismatch[] {
  const out: WrittenMismatch[] = [];
  if (figureInBrackets(text)) for (const m of text.matchAll(WORDS_FIRST)) {
    const value = wordsToNumber(m[1]);
    const fig = figureValue(m[3]);
    if (value === null || !Number.isFinite(fig) || value === fig) continue;
    const at = m.index!;
    const figAt = at + m[0].indexOf(m[3], m[1].length + m[2].length);
    out.push({ at, length: m[0].length, wordsAt: at, words: m[1], value, figAt, figure: m[3], fig, figureFirst: false });
  }
  if (figureThenBracket(text)) for (const m of text.matchAll(FIGURE_FIRST)) {
    const value = wordsToNumber(m[2]);
    const fig = figureValue(m[1]);
    if (value === null || !Number.isFinite(fig) || value === fig) continue;
    const at = m.index!;
    const wordsAt = at + m[0].indexOf(m[2], m[1].length);
    out.push({ at, length: m[0].length, wordsAt, words: m[2], value, figAt: at, figure: m[1], fig, figureFirst: true });
  }
  return out;
}

export function numberMismatches(model: ContractModel): NumberMismatch[] {
  const out: NumberMismatch[] = [];
  // Indexed loops: a for-of loop allocates a result object per block until the function is optimised (issue 13).
  // Only the blocks that hold one are listed (perBlock.ts): no walk over every block.
  const lists = blockMismatches.listed(model).values;
  for (let b = 0; b < lists.length; b++) for (let k = 0; k < lists[b].length; k++) out.push(lists[b][k]);
  return out.sort((a, b) => a.span.start - b.span.start);
}

const NONE: NumberMismatch[] = [];

/** One block's mismatches with their source spans: a function of its text and source (BlockResults). */
function readBlockMismatches(model: ContractModel, block: Block): NumberMismatch[] {
  if (block.kind === 'code' || block.kind === 'html') return NONE;
  // What the text writes is memoised per block text as well (a block re-parsed unchanged).
  const written = blockMemo(model, block, 'number-mismatches', () => (/\(/.test(block.text) ? mismatchesIn(block.text) : []));
  if (!written.length) return NONE;
  const out: NumberMismatch[] = [];
  const src = (a: number, b: number): Span => ({ start: sourceOffsetAt(block, a), end: sourceOffsetAt(block, b - 1) + 1 });
  for (const w of written) {
    // Only a mismatch of the same block can overlap: blocks' sources do not.
    if (w.figureFirst && out.some((o) => o.span.start <= sourceOffsetAt(block, w.at) && sourceOffsetAt(block, w.at) < o.span.end)) continue;
    out.push({
      span: src(w.at, w.at + w.length),
      words: { span: src(w.wordsAt, w.wordsAt + w.words.length), text: w.words, value: w.value },
      figure: { span: src(w.figAt, w.figAt + w.figure.length), text: w.figure, value: w.fig },
    });
  }
  return out.length ? out : NONE;
}

const moved = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/** Each block's mismatches, taken over from the previous model for blocks an edit kept or moved. */
const blockMismatches = new BlockResults<NumberMismatch[]>(readBlockMismatches, {
  none: NONE,
  isNone: (found) => found.length === 0,
  shift: (found, by) => found.map((m) => ({ span: moved(m.span, by), words: { ...m.words, span: moved(m.words.span, by) }, figure: { ...m.figure, span: moved(m.figure.span, by) } })),
});

/** Hands the per-block mismatches on to a copy of the model (see carry.ts). */
export function carryNumberMismatches(from: ContractModel, to: ContractModel): void {
  blockMismatches.carry(from, to);
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 60 -> "sixty", 125 -> "one hundred and twenty-five", 10000 -> "ten thousand" (British style). */
export function numberToWords(n: number): string | null {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) return null;
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : '');
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${numberToWords(n % 100)}` : ''}`;
  for (const [scale, name] of [[1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']] as const) {
    if (n >= scale) {
      const rest = n % scale;
      const head = `${numberToWords(Math.floor(n / scale))} ${name}`;
      if (!rest) return head;
      return `${head}${rest < 100 ? ' and ' : ' '}${numberToWords(rest)}`;
    }
  }
  return null;
}

/** The words in the capitalisation of `like` ("Thirty" -> "Sixty", "THIRTY" -> "SIXTY"). */
export function matchCase(words: string, like: string): string {
  if (like === like.toUpperCase() && /[A-Z]/.test(like)) return words.toUpperCase();
  if (/^[A-Z]/.test(like)) return words[0].toUpperCase() + words.slice(1);
  return words;
}
