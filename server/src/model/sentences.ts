import type { LRUCache } from 'lru-cache';
import { newLruCache } from './lru';
import type { Block, Sentence, Span } from './types';
import { asciiSentenceBreaks } from './ascii-sentence-breaks';
import { detached } from './detached';
import { sourceOffsetAt } from './offsetBlock';
import { textCachesOn } from './text-caches';

// Sentence boundaries come from the platform's segmenter (ICU, Unicode sentence-break rules), which
// is fast, followed by a merge pass that undoes the splits a contract reader would not make: after
// an abbreviation ("No. 5", "e.g. the", "Acme Ltd. and"), a clause number ("1.2. The"), an initial
// ("J. Smith"), inside quotes or brackets, or after a closing quote or bracket rather than a full
// stop. The rules follow those of the `sentence-splitter` package the model used before, so the
// splits are the same (scripts/sentence-agreement.ts measures it); that package walked the text
// character by character and cost more than a quarter of a review.
// Made on first use: a text of ASCII characters only is split without it (ascii-sentence-breaks.ts),
// which spares a short run the first Intl constructor's cost (V8 lists every ICU locale, ~20 ms).
let icuSegmenter: Intl.Segmenter | null = null;
const segmenter = () => (icuSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' }));

// Sentence splitting is still the costliest step of building the model, and most blocks are the
// same from one keystroke to the next, so results are memoised by block text. Editing one clause
// re-splits that clause only. Made on first use: lru-cache fills arrays of `max` entries when it is
// made (with markdown.ts's cache, about 28 million instructions, a sixth of loading the CLI's
// bundle), and a CLI run, which keeps no text caches (text-caches.ts), never uses it.
let madeCache: LRUCache<string, Array<[number, number]>> | null = null;
/**
 * The cache's bound in characters of block text (issue 13, memory), beside its 20,000 entries. An
 * entry costs its key's characters and a pair per sentence: about 3.8 bytes a character for the 1 MB
 * generated contract's 6,000 short blocks (3.7 MB), so the count alone allowed 3.3 million characters
 * of such blocks and, a block per edit, 20,000 times a block's length of long ones (a contract written
 * in paragraphs of a few thousand characters: tens of millions). Two different 1 MB contracts and a
 * half are kept, twice the parse cache's bound (model/markdown.ts CACHE_CHARS): a document with an
 * incremental state splits only the blocks an edit changed, so what is kept pays in full reviews.
 * An evicted text is only split again; no result changes.
 */
export const SENTENCE_CACHE_CHARS = 2_500_000;
// (An empty text counts one: lru-cache takes positive sizes only.)
const cache = () => (madeCache ??= newLruCache<string, Array<[number, number]>>(20000, { maxSize: SENTENCE_CACHE_CHARS, sizeOf: (_bounds, text) => text.length || 1 }));
/** Whether this process has made the sentence cache (for tests). */
export const sentenceCacheMade = (): boolean => madeCache !== null;
/** How many texts' sentence bounds are kept (for tests). */
export const keptSentenceBounds = (): number => madeCache?.size ?? 0;
/** Whether `text`'s sentence bounds are kept, without touching its recency (for tests). */
export const sentenceBoundsKept = (text: string): boolean => madeCache?.has(text) ?? false;
/** The kept texts and their bounds (for tests and probes). */
export const keptSentenceEntries = (): IterableIterator<[string, Array<[number, number]>]> => (madeCache ?? new Map<string, Array<[number, number]>>()).entries();

/**
 * Sentence boundaries [start, end) inside a block's plain text. `icu`, when given, is ICU's breaks in
 * the text's flattened form (see flatForSegmenter), found beforehand for many texts at once.
 */
export function sentenceBounds(text: string, icu?: number[]): Array<[number, number]> {
  const caching = textCachesOn();
  const hit = caching ? cache().get(text) : undefined;
  if (hit) return hit;
  const flat = flatSentenceBounds(text, icu);
  const bounds: Array<[number, number]> = new Array(flat.length >> 1);
  for (let i = 0; i < bounds.length; i++) bounds[i] = [flat[2 * i], flat[2 * i + 1]];
  // Keyed by a copy: the block's text is a slice of its document, which the entry would keep alive.
  if (caching) cache().set(detached(text), bounds);
  return bounds;
}

/**
 * sentenceBounds' bounds in one flat array (start, end, start, end, ...), uncached: a full build
 * without the text caches reads them once, so it takes them flat rather than as a pair array per
 * sentence copied into the sentences (issue 13, the first review's allocation).
 */
function flatSentenceBounds(text: string, icu?: number[]): number[] {
  const bounds: number[] = [];
  let start = 0;
  // Only a cut after a stop is ever kept (keepsCut), so a text without one is a single sentence
  // and the segmenter need not run: headings, table rows, list items without a full stop. Breaks
  // found beforehand (`icu`) are of a text buildSentencesOfBlocks asked this already (and for a
  // text without a stop they would give the single sentence too: no cut is kept).
  if (icu === undefined && !needsSegmenter(text)) {
    pushBounds(bounds, text, 0, text.length);
    return bounds;
  }
  const pairs = new PairTracker(text);
  const breaks = icu ?? breaksOf(text);
  const extra = lowerAfterStop(text);
  // ICU's breaks and the extra cuts merged in order, a cut in both taken once (see lowerAfterStop).
  for (let i = 0, j = 0; i < breaks.length || j < extra.length;) {
    let cut: number;
    if (j >= extra.length || (i < breaks.length && breaks[i] <= extra[j])) {
      if (j < extra.length && breaks[i] === extra[j]) j++;
      cut = breaks[i++];
    } else cut = extra[j++];
    if (cut >= text.length) break;
    if (keepsCut(text, cut, pairs)) {
      pushBounds(bounds, text, start, cut);
      start = cut;
    }
  }
  pushBounds(bounds, text, start, text.length);
  return bounds;
}

/**
 * Adds the sentence [s, e) of `text` to flat bounds, trimmed, without stray stops, split where it
 * runs a list together. A module function rather than a closure made per block (issue 13: every
 * block of a first review made one).
 */
function pushBounds(bounds: number[], text: string, s: number, e: number): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  // Stray stops after a sentence's own ("hereto. .") belong to no sentence.
  let k = e;
  while (k > s && (isSpace(text.charCodeAt(k - 1)) || isSeparator(text.charCodeAt(k - 1)))) k--;
  if (k === s) return;
  while (k < e && isSpace(text.charCodeAt(k))) k++;
  while (k < e && isSeparator(text.charCodeAt(k))) k++;
  e = k;
  if (e - s >= LONG_LIST) {
    const parts = splitLongLists(text, s, e);
    for (let i = 0; i < parts.length; i++) bounds.push(parts[i][0], parts[i][1]);
  } else if (e > s) bounds.push(s, e);
}

/**
 * ICU's sentence breaks in a text's flattened form, found without ICU when it is ASCII (the same
 * breaks; the ASCII reading takes line breaks as spaces itself, without the flattened copy).
 */
const breaksOf = (text: string): number[] => asciiSentenceBreaks(text, true) ?? icuBreaks(flatForSegmenter(text));

/** Whether a text's sentences need ICU's breaks: only one with a stop can hold more than one sentence. */
const needsSegmenter = (text: string) => STOP.test(text);

/**
 * The text ICU segments: a soft line break is not the end of a sentence in a paragraph (ICU treats it
 * as one), and a space of the same length keeps every offset.
 */
function flatForSegmenter(text: string): string {
  return SOFT_BREAK.test(text) ? text.replace(SOFT_BREAKS, ' ') : text;
}
const SOFT_BREAK = /[\r\n\u0085\u2028\u2029]/;
const SOFT_BREAKS = /[\r\n\u0085\u2028\u2029]/g;

/**
 * Where a sentence may end besides ICU's breaks: after a stop and spaces before a lowercase word or
 * a number. ICU never ends a sentence there (Unicode rule SB8), but contract text does ("... on
 * demand.\na. The Supplier"), and so did the splitter before; keepsCut judges these cuts as it
 * judges ICU's. Read with test (the match's end is lastIndex) rather than exec: no match objects,
 * and no array for a text without any (issue 13: the model's first build allocated 3 MB here, a
 * generator and its matches per block).
 */
function lowerAfterStop(text: string): readonly number[] {
  let out: number[] | null = null;
  LOWER_AFTER_STOP.lastIndex = 0;
  while (LOWER_AFTER_STOP.test(text)) (out ??= []).push(LOWER_AFTER_STOP.lastIndex);
  return out ?? NO_CUTS;
}
const NO_CUTS: readonly number[] = Object.freeze([]);

/**
 * The sentences of every block, as buildSentences gives them, with ICU asked once per few thousand
 * characters rather than once per block. Each call of the segmenter has a fixed cost (V8 clones
 * ICU's break iterator and copies the string), which on a 1 MB contract's 6,000 short blocks was
 * most of the segmenter's time; joined texts cost a fifth of that (see icuBreaksOfMany).
 */
export function buildSentencesOfBlocks(blocks: Block[]): void {
  const caching = textCachesOn();
  // Breaks per block (not per text in a map: hashing every block's text cost more than the few
  // repeated texts saved, issue 13); undefined where sentenceBounds needs none or has them kept.
  const found: Array<number[] | undefined> = new Array(blocks.length);
  const icuTexts: string[] = [];
  const icuBlocks: number[] = [];
  // Indexed loops over the blocks: this runs once per first model, before it is optimised, where a
  // for-of loop allocates a result object per step (issue 13).
  for (let b = 0; b < blocks.length; b++) {
    const text = blocks[b].text;
    if (!hasSentences(blocks[b]) || !needsSegmenter(text) || (caching && cache().has(text))) continue;
    // ASCII texts are split without ICU, with the same breaks (line breaks read as spaces, no
    // flattened copy: issue 13, sentences); the others are flattened and batched for ICU.
    const breaks = asciiSentenceBreaks(text, true);
    if (breaks) found[b] = breaks;
    else {
      icuTexts.push(flatForSegmenter(text));
      icuBlocks.push(b);
    }
  }
  if (icuTexts.length) {
    const breaks = icuBreaksOfMany(icuTexts);
    for (let i = 0; i < icuBlocks.length; i++) found[icuBlocks[i]] = breaks[i];
  }
  for (let b = 0; b < blocks.length; b++) blocks[b].sentences = sentencesOf(blocks[b], found[b]);
}

/**
 * ICU's breaks in each of `texts` (texts without soft line breaks, as flatForSegmenter gives them),
 * the same as icuBreaks gives for each alone. Short texts are joined, a PARAGRAPH SEPARATOR after
 * each, into strings of about BATCH_CHARS characters and segmented together. The separator ends a
 * sentence whatever precedes it (rule SB4), and the rules that look back (SB6 to SB11) or ahead
 * (SB8) stop at it as they stop at the text's start and end, so every break inside a text is the
 * same as alone; the break after a separator is each text's start, which icuBreaks never reports.
 * test/model/sentences-windows.test.ts compares the two.
 */
export function icuBreaksOfMany(texts: string[], batchChars = BATCH_CHARS): number[][] {
  const out: number[][] = new Array(texts.length);
  let i = 0;
  while (i < texts.length) {
    let j = i + 1;
    let length = texts[i].length;
    while (j < texts.length && length + 1 + texts[j].length <= batchChars) length += 1 + texts[j++].length;
    if (j === i + 1) {
      out[i] = icuBreaks(texts[i]);
      i = j;
      continue;
    }
    // Text k occupies [base, end) of the joined string; its separator is at `end`.
    let k = i;
    let base = 0;
    let end = texts[i].length;
    let breaks: number[] = (out[k] = []);
    for (const seg of segmenter().segment(texts.slice(i, j).join(PARAGRAPH_SEPARATOR))) {
      const at = seg.index;
      while (at > end) {
        k++;
        base = end + 1;
        end = base + texts[k].length;
        breaks = out[k] = [];
      }
      if (at > base && at < end) breaks.push(at - base);
    }
    for (k++; k < j; k++) out[k] = [];
    i = j;
  }
  return out;
}
const BATCH_CHARS = 4_096;
const PARAGRAPH_SEPARATOR = '\u2029';

/**
 * ICU's sentence breaks in `text` (offsets > 0). V8's segment iterator slows down with the length of
 * the string it walks (measured, Node 20: 80,000 characters 48 ms, 160,000 1.3 s, 320,000 5.1 s), so
 * one huge paragraph could stall a review. A long text is therefore segmented in windows of `window`
 * characters. ICU walks forward from a break afresh, so each window starts at the last break kept
 * from the one before. A window's breaks are kept only where nothing past the window's end can
 * change them: before its last `margin` characters and before its last letter, which ends any
 * look-ahead of the sentence-break rules. A window with no such break falls back to the rest whole.
 * The same breaks as one pass: test/model/sentences-windows.test.ts.
 */
export function icuBreaks(text: string, window = SEGMENT_WINDOW, margin = SEGMENT_MARGIN): number[] {
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const whole = text.length - from <= window;
    const end = whole ? text.length : from + window;
    const limit = whole ? Infinity : Math.min(end - margin, lastLetterBefore(text, end, from));
    let kept = from;
    for (const seg of segmenter().segment(from === 0 && whole ? text : text.slice(from, end))) {
      if (seg.index === 0) continue;
      const at = from + seg.index;
      if (at >= limit) break;
      out.push(at);
      kept = at;
    }
    if (whole) return out;
    if (kept === from) {
      for (const seg of segmenter().segment(text.slice(from))) if (seg.index > 0) out.push(from + seg.index);
      return out;
    }
    from = kept;
  }
}
const SEGMENT_WINDOW = 16_384;
const SEGMENT_MARGIN = 1_024;
const LETTER = /\p{L}/u;

/** The offset of the last letter in [from, end), or `from` when there is none. */
function lastLetterBefore(text: string, end: number, from: number): number {
  for (let i = end - 1; i > from; i--) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && LETTER.test(text[i]))) return i;
  }
  return from;
}

const LOWER_AFTER_STOP = /[.?!．。？！]+\s+(?=[^\sA-Z])/g;

/**
 * Whether a code is a full stop, question or exclamation mark (ASCII or full-width): read by code
 * rather than as a one-character string looked up in a set, at every sentence end and stray stop
 * (issue 13, sentences).
 */
const isSeparator = (c: number): boolean =>
  c === 46 || c === 63 || c === 33 || c === 0xff0e || c === 0x3002 || c === 0xff1f || c === 0xff01;
const STOP = /[.?!．。？！]/;

/** Whether a sentence really ends just before `cut` (after any spaces). */
function keepsCut(text: string, cut: number, pairs: PairTracker): boolean {
  let q = cut;
  while (q > 0 && isSpace(text.charCodeAt(q - 1))) q--;
  if (q === 0) return false;
  const last = text.charCodeAt(q - 1);
  // Only a full stop, question or exclamation mark ends a sentence: not a closing quote or bracket.
  if (!isSeparator(last)) return false;
  // A stop inside quotes or brackets does not end the sentence around them.
  if (pairs.openAt(q - 1)) return false;
  if (last !== 46 && last !== 0xff0e) return !isExclamationWord(text, q);
  // A full stop ends a sentence only before a space: "EX-10.B", "IPC610.B" and ".MP4" are words.
  if (q === cut) return false;
  return !isAbbreviation(text, q);
}

/** Whether the word ending at `q` (with its full stop) is an abbreviation that does not end a sentence. */
function isAbbreviation(text: string, q: number): boolean {
  let ws = q;
  while (ws > 0 && !isSpace(text.charCodeAt(ws - 1))) ws--;
  // Most stops end an ordinary word: longer than any listed abbreviation (lower-casing never
  // shortens a word), without a stop after its first character (initials, "U.S."; a capital outside
  // the BMP is two code units, so a word opening with a surrogate is not answered here) and not a number.
  // Such a word is none of the cases below, so it is answered without its slices and expressions
  // (issue 13: this ran for most sentence ends of a first review).
  const plain = text.charCodeAt(ws + 1) !== 46 && !isDigitOrHighSurrogate(text.charCodeAt(ws));
  if (plain && q - ws > LONGEST_LISTED) return false;
  // The stops of a run ("etc..") belong to one separator: the word is the run before them.
  const word = text.slice(ws, q);
  // A shorter word of the same kind ("hereto.", "Agreement.") is none of the initials, numbers or
  // names below either: only the lists can hold it, and the next word matters only when the
  // abbreviations do (issue 13, sentences: this spares most sentence ends an expression, two
  // slices and the capital tests).
  if (plain) {
    const folded = word.toLowerCase();
    return PREPOSITIVE.has(folded) || (ABBREVIATIONS.has(folded) && !isCapitalised(wordAt(text, q + 1)));
  }
  if (MULTI_INITIALS.test(word)) return true;
  const lower = word.toLowerCase();
  if (PREPOSITIVE.has(lower) || /^\d+\.$/.test(word)) return true;
  const next = wordAt(text, q + 1);
  let p = ws;
  while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
  let ps = p;
  while (ps > 0 && !isSpace(text.charCodeAt(ps - 1))) ps--;
  const prev = p > 0 ? text.slice(ps, p) : word;
  // An initial between capitalised words is part of a name: "Albert I. Jones", "The U.S. Government".
  if (isCapitalised(prev) && isCapitalised(word) && word.charCodeAt(isAstral(word) ? 2 : 1) === 46 && isCapitalised(next)) return true;
  // A listed abbreviation ends the sentence only when a capitalised word follows ("... Acme Ltd. The").
  return ABBREVIATIONS.has(lower) && !isCapitalised(next);
}

function isExclamationWord(text: string, q: number): boolean {
  let ws = q;
  while (ws > 0 && !isSpace(text.charCodeAt(ws - 1))) ws--;
  return EXCLAMATION_WORDS.has(text.slice(ws, q).toLowerCase());
}

/** The run of non-space characters starting at `i` ('' when `i` is a space or the end). */
function wordAt(text: string, i: number): string {
  let e = i;
  while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
  return text.slice(i, e);
}

/**
 * Whether `w` opens with an upper-case letter (Unicode's Lu). ASCII is answered by its code: a
 * cold run compiled the \p{Lu} expression for nothing (issue 13, cold); other characters still ask it.
 */
function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (!(c >= 128)) return c >= 65 && c <= 90;
  return UPPER_START.test(w);
}
const UPPER_START = /^\p{Lu}/u;
/** Whether `w` opens with a character outside the BMP (a surrogate pair). */
const isAstral = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff && w.charCodeAt(1) >= 0xdc00 && w.charCodeAt(1) <= 0xdfff;
};

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Which quotes and brackets are open at a position. Each kind is a flag, not a nesting depth (a
 * second "(" inside brackets is text), and nothing resets between sentences, so an unclosed quote
 * holds to the end of the block. The tracker only moves forward, so a block costs one pass.
 */
class PairTracker {
  private open = 0;
  /** Where the next quote or bracket character is (the text's length when there is none). */
  private next: number;
  constructor(private readonly text: string) {
    this.next = nextPairChar(text, 0);
  }
  openAt(i: number): boolean {
    while (this.next < i) {
      const bits = PAIR_BITS.get(this.text.charCodeAt(this.next))!;
      const mask = bits & PAIR_MASK;
      if (this.open & mask) { if (bits & CLOSES) this.open &= ~mask; } else if (bits & OPENS) this.open |= mask;
      this.next = nextPairChar(this.text, this.next + 1);
    }
    return this.open !== 0;
  }
}

/**
 * The offset of the first quote or bracket character at or after `from`, or the text's length. A
 * regular expression finds them much faster than a loop would; one shared sticky expression that
 * skips the others, read by its lastIndex, makes no match objects (every pair of brackets in a
 * contract's "(a)" lists made two) and no expression per block (issue 13).
 */
function nextPairChar(text: string, from: number): number {
  NOT_PAIR_CHARS.lastIndex = from;
  NOT_PAIR_CHARS.test(text);
  return NOT_PAIR_CHARS.lastIndex;
}

// Per character code of each quote or bracket pair: its pair's flag (PAIR_MASK), and whether it opens and closes.
const PAIR_BITS = new Map<number, number>();
const OPENS = 1 << 12;
const CLOSES = 1 << 13;
const PAIR_MASK = OPENS - 1;
['""', '[]', '()', '{}', '「」', '（）', '『』', '｛｝', '［］', '〚〛', '【】', '《》'].forEach(([open, close], k) => {
  PAIR_BITS.set(open.charCodeAt(0), (1 << k) | OPENS | (open === close ? CLOSES : 0));
  if (close !== open) PAIR_BITS.set(close.charCodeAt(0), (1 << k) | CLOSES);
});
/** A run of characters other than those of PAIR_BITS (sticky: read for where it ends). */
const NOT_PAIR_CHARS = new RegExp(`[^${[...PAIR_BITS.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]*`, 'y');

/** Initials with three or more stops: "U.S.A.", "e.g.a." (two-letter ones are listed below). */
const MULTI_INITIALS = /^([a-zA-Z]\.){3,}$/;

/** Titles and the like: always followed by a name, never the end of a sentence. */
const PREPOSITIVE = new Set([
  'adm.', 'attys.', 'brig.', 'capt.', 'cmdr.', 'col.', 'cpl.', 'det.', 'dr.', 'gen.', 'gov.', 'ing.', 'lt.', 'maj.', 'mr.',
  'mrs.', 'ms.', 'mt.', 'messrs.', 'mssrs.', 'prof.', 'ph.', 'rep.', 'reps.', 'rev.', 'sen.', 'sens.', 'sgt.', 'st.', 'supt.',
  'v.', 'vs.',
]);

/**
 * Abbreviations that end a sentence only before a capitalised word: legal references ("No.", "cl.",
 * "Sch.", "Art.", "Sec."), company forms ("Ltd.", "Inc.", "Co.", "Corp."), Latin ("e.g.", "i.e.",
 * "etc.", "viz."), months, places and units.
 */
const ABBREVIATIONS = new Set([
  'adj.', 'adm.', 'adv.', 'al.', 'ala.', 'alta.', 'apr.', 'arc.', 'ariz.', 'ark.', 'art.', 'assn.', 'asst.', 'attys.', 'aug.',
  'ave.', 'bart.', 'bld.', 'bldg.', 'blvd.', 'brig.', 'bros.', 'btw.', 'cal.', 'calif.', 'capt.', 'cl.', 'cmdr.', 'co.', 'col.',
  'colo.', 'comdr.', 'con.', 'conn.', 'corp.', 'cpl.', 'cres.', 'ct.', 'd.phil.', 'dak.', 'dec.', 'del.', 'dept.', 'det.',
  'dist.', 'dr.', 'dr.phil.', 'dr.philos.', 'drs.', 'e.g.', 'ens.', 'esp.', 'esq.', 'etc.', 'exp.', 'expy.', 'ext.', 'feb.',
  'fed.', 'fla.', 'ft.', 'fwy.', 'fy.', 'ga.', 'gen.', 'gov.', 'hon.', 'hosp.', 'hr.', 'hway.', 'hwy.', 'i.e.', 'ia.', 'id.',
  'ida.', 'ill.', 'inc.', 'ind.', 'ing.', 'insp.', 'is.', 'jan.', 'jr.', 'jul.', 'jun.', 'kan.', 'kans.', 'ken.', 'ky.', 'la.',
  'lt.', 'ltd.', 'maj.', 'man.', 'mar.', 'mass.', 'may.', 'md.', 'me.', 'med.', 'messrs.', 'mex.', 'mfg.', 'mich.', 'min.',
  'minn.', 'miss.', 'mlle.', 'mm.', 'mme.', 'mo.', 'mont.', 'mr.', 'mrs.', 'ms.', 'msgr.', 'mssrs.', 'mt.', 'mtn.', 'neb.',
  'nebr.', 'nev.', 'no.', 'nos.', 'nov.', 'nr.', 'oct.', 'ok.', 'okla.', 'ont.', 'op.', 'ord.', 'ore.', 'p.', 'pa.', 'pd.',
  'pde.', 'penn.', 'penna.', 'pfc.', 'ph.', 'ph.d.', 'pl.', 'plz.', 'pp.', 'prof.', 'pvt.', 'que.', 'rd.', 'rs.', 'ref.',
  'rep.', 'reps.', 'res.', 'rev.', 'rt.', 'sask.', 'sec.', 'sen.', 'sens.', 'sep.', 'sept.', 'sfc.', 'sgt.', 'sr.', 'st.',
  'supt.', 'surg.', 'tce.', 'tenn.', 'tex.', 'univ.', 'usafa.', 'u.s.', 'ut.', 'va.', 'v.', 'ver.', 'vs.', 'vt.', 'wash.',
  'wis.', 'wisc.', 'wy.', 'wyo.', 'yuk.', 'fig.', 'figs.', 'sch.', 'cls.', 'para.', 'paras.', 'viz.', 'approx.',
]);

const EXCLAMATION_WORDS = new Set(['yahoo!', 'yum!']);

/** The length of the longest word in PREPOSITIVE and ABBREVIATIONS (isAbbreviation's quick answer). */
const LONGEST_LISTED = Math.max(...[...PREPOSITIVE, ...ABBREVIATIONS].map((w) => w.length));

const isDigitOrHighSurrogate = (c: number) => (c >= 48 && c <= 57) || (c >= 0xd800 && c <= 0xdbff);

/**
 * Contract text often runs many obligations together with semicolons ("(a) ...; (b) ...;"). Those
 * parts are read as separate sentences, so that a finding points at the part that owns it.
 */
export function splitLongLists(text: string, s: number, e: number): Array<[number, number]> {
  if (e - s < LONG_LIST) return [[s, e]];
  const out: Array<[number, number]> = [];
  let from = s;
  const re = /;\s+(?:and\s+|or\s+)?(?=\(?[a-z0-9ivx]{1,4}\)\s)/g;
  re.lastIndex = s;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < e) {
    out.push([from, m.index + 1]);
    from = m.index + m[0].length;
  }
  out.push([from, e]);
  return out;
}

/** The length from which a sentence is looked at for a list run together with semicolons. */
const LONG_LIST = 400;

export function buildSentences(block: Block): Sentence[] {
  return sentencesOf(block);
}

/** Whether a block has sentences at all: code and HTML blocks have none. */
const hasSentences = (block: Block) => block.kind !== 'code' && block.kind !== 'html' && block.text.length > 0;

function sentencesOf(block: Block, icu?: number[]): Sentence[] {
  if (!hasSentences(block)) return [];
  const at = block.start;
  if (textCachesOn()) {
    const bounds = sentenceBounds(block.text, icu);
    const out: Sentence[] = new Array(bounds.length);
    // A loop reading each pair by index: destructuring a pair in cold code walks the array iterator (issue 13).
    for (let i = 0; i < bounds.length; i++) out[i] = sentenceAt(block, at, bounds[i][0], bounds[i][1]);
    return out;
  }
  // Without the caches nothing keeps the bounds: read them flat, no pair per sentence (issue 13).
  const flat = flatSentenceBounds(block.text, icu);
  const out: Sentence[] = new Array(flat.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = sentenceAt(block, at, flat[2 * i], flat[2 * i + 1]);
  return out;
}

const sentenceAt = (block: Block, at: number, s: number, e: number): Sentence => (
  { textStart: s, text: block.text.slice(s, e), from: sourceOffsetAt(block, s) - at, to: sourceOffsetAt(block, e - 1) + 1 - at }
);

/** Where a sentence of `block` starts and ends in the source (its block's position in this model). */
export function sentenceSpan(block: Block, s: Sentence): Span {
  return { start: block.start + s.from, end: block.start + s.to };
}
