/**
 * Dates that cannot be right: a day the month does not have (31 April, 30 February, 29 February
 * in a year that is not a leap year) and a period that ends before it starts.
 */
import type { Block, ContractModel, Span } from '../model';
import { BlockResults } from './perBlock';
import { sourceOffsetAt } from './offsets';
import { foldQuotes } from '../model';
import { matchesIn } from '../model/text';
import { blockMemo } from '../model/facts';
import { termIndex } from './terms';
import { holdsAny } from '../model/word-gate';

export interface DateMention {
  span: Span;
  /** Span of the day number, for fixes. */
  daySpan: Span;
  day: number;
  month: number; // 1-12
  year: number | null;
  text: string;
}

export interface ImpossibleDate {
  kind: 'no-such-day' | 'ends-before-start';
  span: Span;
  message: string;
  /** For no-such-day: the last day of that month, and the day's span. */
  lastDay?: number;
  daySpan?: Span;
  dayText?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?`;
const DAY_RE = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR_RE = String.raw`((?:19|20)\d{2})`;
// 31 April 2025, 31st April, 31st day of April, 2025
export const DMY = new RegExp(String.raw`\b${DAY_RE}(?: day of)? ${MONTH_RE}(?:,? ${YEAR_RE})?\b`, 'g');
// April 31, 2025
export const MDY = new RegExp(String.raw`\b${MONTH_RE} ${DAY_RE}(?:,? ${YEAR_RE})?\b`, 'g');
// 2025-04-31
const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g;
// 31/04/2025 or 04/31/2025: impossible only when no reading (day/month or month/day) is a date.
const NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b/g;

/** What every match of DMY and MDY holds: a month's first three letters, as MONTH_RE writes them. */
export const MONTH_PREFIXES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let monthsRan = false;
/** For tests: asks datesIn's month gate again, as in a fresh process. */
export function forgetMonthsRun(): void {
  monthsRan = false;
}

const START_WORDS = /\b(?:from|commencing|commences?|starting|starts?|beginning|begins?|effective)\b/i;

/** Terms naming the start and the end of the contract, with the words every match holds (model/word-gate.ts). */
export const START_DATE_TERM = { pattern: /\b(?:commencement|start|effective|go-live|service start)\s+date\b/i, anyOf: ['commencement', 'start', 'effective', 'go-live'] };
export const END_DATE_TERM = { pattern: /\b(?:expiry|expiration|end|termination|completion)\s+date\b/i, anyOf: ['expiry', 'expiration', 'end', 'termination', 'completion'] };

export function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null ? 29 : (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function monthOf(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
  return i + 1;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const NO_DATES: DateMention[] = [];
const NO_IMPOSSIBLE: ImpossibleDate[] = [];

/** The dates of one block, sorted by start; a function of its text and source. */
function readBlockDates(model: ContractModel, block: Block): DateMention[] {
  if (block.kind === 'code' || block.kind === 'html' || !/\d/.test(block.text)) return NO_DATES;
  const span = (a: number, b: number): Span => ({ start: sourceOffsetAt(block, a), end: sourceOffsetAt(block, b - 1) + 1 });
  const out: DateMention[] = [];
  for (const [at, len, dayAt, dayLen, day, month, year] of blockMemo(model, block, 'dates', () => datesIn(block.text))) {
    const s = span(at, at + len);
    let overlaps = false;
    for (let i = 0; i < out.length && !overlaps; i++) overlaps = out[i].span.start < s.end && s.start < out[i].span.end;
    if (overlaps) continue;
    out.push({ span: s, daySpan: span(dayAt, dayAt + dayLen), day, month, year, text: model.text.slice(s.start, s.end) });
  }
  return out.length ? out.sort((x, y) => x.span.start - y.span.start) : NO_DATES;
}

const isValid = (d: DateMention): boolean => d.year !== null && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysIn(d.month, d.year);

/**
 * The impossible dates of one block, sorted by start: days a month does not have, and periods that
 * end before they start within one of its sentences. Everything they read (the block's dates, its
 * sentences, the source between two dates of one sentence and up to 60 characters before the first)
 * lies inside the block, so they are a function of its text and source (BlockResults): an edit reads
 * only the re-parsed blocks. Before, every review walked every sentence of the document and built
 * every date object again (issue 13).
 */
function readBlockImpossible(model: ContractModel, block: Block): ImpossibleDate[] {
  const dates = readBlockDates(model, block);
  if (!dates.length) return NO_IMPOSSIBLE;
  const out: ImpossibleDate[] = [];
  for (const d of dates) {
    if (d.month < 1 || d.month > 12) {
      if (d.day >= 1 && d.day <= 31) out.push({ kind: 'no-such-day', span: d.span, message: `"${d.text}" is not a date: there is no month ${d.month} (and read the other way round, no month ${d.day}).` });
      continue;
    }
    const last = daysIn(d.month, d.year);
    if (d.day < 1 || d.day > last) {
      const month = MONTH_NAMES[d.month - 1];
      const why = d.month === 2 && d.day === 29 && d.year !== null ? `${d.year} is not a leap year, so February has 28 days` : `${month} has ${last} days`;
      out.push({
        kind: 'no-such-day', span: d.span, lastDay: last, daySpan: d.daySpan, dayText: model.text.slice(d.daySpan.start, d.daySpan.end),
        message: `"${d.text}" is not a date: ${why}.`,
      });
    }
  }
  // A period that ends before it starts, within one sentence: "from 1 March 2026 to 28 February 2026",
  // "between 1 May 2025 and 30 April 2025", "commencing on ... and ending on ...".
  const valid = dates.filter(isValid);
  if (valid.length >= 2) {
    for (const s of block.sentences) {
      const start = block.start + s.from;
      const inSentence = datesWithin(valid, start, block.start + s.to);
      for (let i = 0; i + 1 < inSentence.length; i++) {
        const a = inSentence[i];
        const b = inSentence[i + 1];
        const between = foldQuotes(model.text.slice(a.span.end, b.span.start));
        const before = foldQuotes(model.text.slice(Math.max(start, a.span.start - 60), a.span.start));
        const range = /^\s*(?:\)|,)?\s*(?:to|until|till|through|thru|-|\u2013|\u2014|and ending on|and ending|and expiring on|and expire on|and end(?:s|ing)? on)\s*(?:and\s+including\s+)?(?:the\s+)?$/i.test(between)
          || (/^\s*and\s+$/i.test(between) && /\bbetween\s+(?:the\s+)?$/i.test(before))
          || (START_WORDS.test(before) && /\b(?:end(?:s|ing)?|expir(?:es|ing|y)|terminat(?:es|ing)|until|to)\b[^.;]{0,30}$/i.test(between) && between.length < 80);
        if (range && value(b) < value(a)) {
          out.push({ kind: 'ends-before-start', span: b.span, message: `The period ends (${b.text}) before it starts (${a.text}).` });
        }
      }
    }
  }
  return out.length ? out.sort((x, y) => x.span.start - y.span.start) : NO_IMPOSSIBLE;
}

const shifted = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/** Each block's impossible dates, taken over from the previous model for blocks an edit kept or moved. */
const blockImpossible = new BlockResults<ImpossibleDate[]>(readBlockImpossible, {
  none: NO_IMPOSSIBLE,
  isNone: (found) => found.length === 0,
  shift: (found, by) => found.map((d) => (d.daySpan ? { ...d, span: shifted(d.span, by), daySpan: shifted(d.daySpan, by) } : { ...d, span: shifted(d.span, by) })),
});

/** Hands the per-block results on to a copy of the model (see carry.ts). */
export function carryDates(from: ContractModel, to: ContractModel): void {
  blockImpossible.carry(from, to);
}

type RawDate = [at: number, len: number, dayAt: number, dayLen: number, day: number, month: number, year: number | null];

/** Dates written in a block's text, in the order they are tried (memoised per block while editing). */
function datesIn(blockText: string): RawDate[] {
  const out: RawDate[] = [];
  const text = foldQuotes(blockText);
  // Indexed loops here and below: datesIn runs on every block of a first review, mostly before it is
  // optimised, where a for-of loop allocates a result object per step (issue 13).
  // Both month expressions need a month's first three letters, as written (they are case-sensitive):
  // a block without one is skipped until they have run once in this process, so a cold run on a
  // contract without a named month compiles neither (issue 13, cold). Once they are compiled the
  // search would cost more than it spares.
  if (!monthsRan) {
    if (!holdsAny(text, MONTH_PREFIXES)) return numericDatesIn(text, out);
    monthsRan = true;
  }
  const dmyMatches = matchesIn(DMY, text);
  for (let k = 0; k < dmyMatches.length; k++) {
    const m = dmyMatches[k];
    // "Page 32 May 2004": a page footer, not the 32nd of May.
    if (/\bpage\s*$/i.test(text.slice(Math.max(0, m.index! - 8), m.index!))) continue;
    out.push([m.index!, m[0].length, m.index!, m[1].length, Number(m[1]), monthOf(m[2]), m[3] ? Number(m[3]) : null]);
  }
  const mdyMatches = matchesIn(MDY, text);
  for (let k = 0; k < mdyMatches.length; k++) {
    const m = mdyMatches[k];
    // "May 5" could also be the verb "may": only with a year or a capital M in running text.
    if (m[1] === 'May' && !m[3]) continue;
    const dayAt = m.index! + m[0].indexOf(m[2], m[1].length);
    out.push([m.index!, m[0].length, dayAt, m[2].length, Number(m[2]), monthOf(m[1]), m[3] ? Number(m[3]) : null]);
  }
  return numericDatesIn(text, out);
}

/** datesIn's ISO and numeric dates, added to `out`. */
function numericDatesIn(text: string, out: RawDate[]): RawDate[] {
  const isoMatches = matchesIn(ISO, text);
  for (let k = 0; k < isoMatches.length; k++) {
    const m = isoMatches[k];
    out.push([m.index!, m[0].length, m.index! + 8, 2, Number(m[3]), Number(m[2]), Number(m[1])]);
  }
  const numericMatches = matchesIn(NUMERIC, text);
  for (let k = 0; k < numericMatches.length; k++) {
    const m = numericMatches[k];
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    const dmy = b >= 1 && b <= 12 && a >= 1 && a <= daysIn(b, y);
    const mdy = a >= 1 && a <= 12 && b >= 1 && b <= daysIn(a, y);
    if (dmy || mdy) {
      // Keep it as a date only when the reading is unambiguous.
      if (dmy && !mdy) out.push([m.index!, m[0].length, m.index!, m[1].length, a, b, y]);
      else if (mdy && !dmy) out.push([m.index!, m[0].length, m.index! + m[1].length + 1, m[2].length, b, a, y]);
      continue;
    }
    // Neither reading works: record it as day/month so that it is reported.
    out.push([m.index!, m[0].length, m.index!, m[1].length, a, b, y]);
  }
  return out;
}

/**
 * The dates (sorted by start, as readBlockDates gives them) that lie within [start, end], in order:
 * a binary search for the first that starts there rather than a filter of every date for every
 * sentence, which made this check quadratic in the length of the text.
 */
function datesWithin(dates: DateMention[], start: number, end: number): DateMention[] {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid].span.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: DateMention[] = [];
  for (let i = lo; i < dates.length && dates[i].span.start <= end; i++) if (dates[i].span.end <= end) out.push(dates[i]);
  return out;
}

/** The first of the dates (sorted by start) that starts at or after an offset. */
function firstDateFrom(dates: DateMention[], from: number): DateMention | undefined {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid].span.start < from) lo = mid + 1;
    else hi = mid;
  }
  return dates[lo];
}

function value(d: DateMention): number {
  return (d.year ?? 0) * 10000 + d.month * 100 + d.day;
}

export function impossibleDates(model: ContractModel): ImpossibleDate[] {
  // Blocks are in document order and their sources do not overlap: each block's list is sorted, so
  // the lists one after the other are sorted too (the sort below only places the definitions' finding).
  const out: ImpossibleDate[] = [];
  // Indexed loops: a for-of loop allocates a result object per block until the function is optimised (issue 13).
  // Only the blocks that hold one are listed (perBlock.ts): no walk over every block.
  const lists = blockImpossible.listed(model).values;
  for (let b = 0; b < lists.length; b++) for (let k = 0; k < lists[b].length; k++) out.push(lists[b][k]);

  // Start and end dates given in definitions: "Commencement Date" means 1 May 2025 / "Expiry Date" means 30 April 2025.
  const idx = termIndex(model);
  // `words`: one of them is in every match of `re` (model/word-gate.ts), so most terms are not searched.
  const dateOfTerm = ({ pattern: re, anyOf: words }: { pattern: RegExp; anyOf: readonly string[] }) => {
    for (const def of idx.definitions) {
      if (!holdsAny(def.term.toLowerCase(), words) || !re.test(def.term)) continue;
      const block = model.blocks[def.block];
      // The first valid date after the term in its block (the block's dates are sorted by start).
      const d = firstDateFrom(readBlockDates(model, block).filter(isValid), def.span.end);
      if (d && d.span.start >= block.end) continue;
      if (d) return { def, d };
    }
    return null;
  };
  const start = dateOfTerm(START_DATE_TERM);
  const end = dateOfTerm(END_DATE_TERM);
  if (start && end && value(end.d) < value(start.d) && !out.some((o) => o.span.start === end.d.span.start)) {
    out.push({ kind: 'ends-before-start', span: end.d.span, message: `The ${end.def.term} (${end.d.text}) is before the ${start.def.term} (${start.d.text}).` });
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}

/** How many blocks a model's impossible dates were read for, the others taken over (for tests). */
export function impossibleDateReads(model: ContractModel): number | undefined {
  return blockImpossible.blocksRead(model);
}
