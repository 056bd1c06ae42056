/**
 * Which signal patterns a short document can match at all, from the words each pattern needs (the
 * table written at build time, categories/signal-needs.generated.ts) looked up in the whole
 * document's text. Below the prefilter's size (categories/scan.ts) every pattern of every list used
 * to run on every sentence, so a process reviewing one small contract compiled all of them, most
 * for nothing: V8 compiles a regular expression on its first run, and compiling the category
 * signals was about a sixth of a cold CLI run (docs/performance.md). A pattern whose words are
 * absent from the document matches no sentence of it, so it is never run, hence never compiled.
 *
 * Sound in the same way as the prefilter: a sentence's flat text is a piece of the joined text, and
 * a literal any match needs is found in it with ASCII letters folded (String#toLowerCase folds them
 * the same; it may also fold a non-ASCII letter to an ASCII one, which only lets more patterns run).
 * Masked patterns (false senses blanked to spaces) have needs read with that in mind, and blanking
 * only removes literals. So skipping a pattern changes no result.
 */
import { LiteralScanner, needKey, type Need, type NeedTable } from './prefilter';

/**
 * Joins sentence texts. A literal found across two sentences would only let a pattern run that
 * need not (never skip one that could match), so any separator is sound; a line break keeps the
 * joined text one byte per character (V8 searches those faster) and no literal of the table holds one.
 */
const JOIN = '\n';

/**
 * One scanner of every literal of a needs table: marks in one pass over the joined text which
 * literals it holds. Searching the text once per literal (`includes`, about 1,500 literals) cost a
 * document of 13,000 characters about 12 ms, a tenth of its review, in a CLI run over cuad-dev,
 * where two documents in five are short. Building the scanner costs a few such searches, so a
 * process makes it only once it has gated more text than one document can hold: a single small
 * contract (a cold CLI run) never pays for it.
 */
interface TableScanner {
  scanner: LiteralScanner;
  /** Each literal's bit in a row the scanner marks. */
  bitOf: Map<string, number>;
  words: number;
}
const scanners = new WeakMap<ReadonlyMap<string, Need>, TableScanner>();
/** Characters gated by searching in this process; past `scannerAfterChars` the scanner is made. */
let searchedChars = 0;
let scannerAfterChars = 60_000;

/**
 * Sets how many characters a process gates by searching before it builds the scanner (0: from the
 * first document, Infinity: never) and returns the previous value. For tests and measurements.
 */
export function setGateScannerAfterChars(chars: number): number {
  const previous = scannerAfterChars;
  scannerAfterChars = chars;
  return previous;
}

function literalsOf(need: Need, out: Set<string>): void {
  if (need === true) return;
  if ('lit' in need) out.add(need.lit);
  else for (const part of 'and' in need ? need.and : need.or) literalsOf(part, out);
}

function tableScanner(needs: ReadonlyMap<string, Need>): TableScanner {
  let found = scanners.get(needs);
  if (!found) {
    const literals = new Set<string>();
    for (const need of needs.values()) literalsOf(need, literals);
    const list = [...literals];
    const bitOf = new Map(list.map((lit, i) => [lit, i]));
    found = { scanner: new LiteralScanner(list, list.map((_, i) => [i])), bitOf, words: (list.length + 31) >>> 5 };
    scanners.set(needs, found);
  }
  return found;
}

/*
 * Which pairs of adjacent characters a text holds, as 65,536 bits indexed by their low bytes. A text
 * holds a literal only if it holds each of the literal's pairs, so most literals a short document lacks
 * are ruled out without a search: searching the whole text for each absent literal was most of the
 * gate's 2,200 searches on a small contract (about 11 M instructions of a cold run, 2% of it;
 * docs/performance.md). Two pairs with the same low bytes share a bit, which only lets a search run.
 */
export function pairsOf(text: string): Uint8Array {
  const bits = new Uint8Array(8192);
  for (let i = 1; i < text.length; i++) {
    const k = ((text.charCodeAt(i - 1) & 0xff) << 8) | (text.charCodeAt(i) & 0xff);
    bits[k >>> 3] |= 1 << (k & 7);
  }
  return bits;
}

/** False when `text`'s pairs (pairsOf) lack one of the literal's, so the text cannot hold it; else true. */
export function mayHold(pairs: Uint8Array, literal: string): boolean {
  for (let i = 1; i < literal.length; i++) {
    const k = ((literal.charCodeAt(i - 1) & 0xff) << 8) | (literal.charCodeAt(i) & 0xff);
    if ((pairs[k >>> 3] & (1 << (k & 7))) === 0) return false;
  }
  return true;
}

export class ShortDocumentGate {
  private readonly found = new Map<string, boolean>();
  private readonly joined: string;
  private lowered: string | null = null;
  private pairs: Uint8Array | null = null;
  /** Per literal of the table, whether the text holds it (ASCII letters folded); null: search instead. */
  private readonly marks: { bits: Uint32Array; bitOf: Map<string, number> } | null = null;

  /** `texts`: every sentence's text as the patterns see it (SentenceInfo.flat). */
  constructor(texts: readonly string[], private readonly needs: ReadonlyMap<string, Need>) {
    this.joined = texts.join(JOIN);
    if (scannerAfterChars !== Infinity && (scanners.has(needs) || (searchedChars += this.joined.length) > scannerAfterChars)) {
      const { scanner, bitOf, words } = tableScanner(needs);
      const bits = new Uint32Array(words);
      scanner.mark(this.joined, bits);
      this.marks = { bits, bitOf };
    }
  }

  /** Whether the scanner read the text (rather than a search per literal). */
  get scanned(): boolean {
    return this.marks !== null;
  }

  /**
   * Per pattern, 1 where it may match some sentence, 0 where it cannot; null when all may (no
   * pattern could be ruled out, so the caller skips nothing).
   */
  possible(patterns: ReadonlyArray<{ pattern: RegExp; masked: boolean }>): Uint8Array | null {
    const out = new Uint8Array(patterns.length);
    let all = true;
    const marks = this.marks;
    for (let i = 0; i < patterns.length; i++) {
      const { pattern, masked } = patterns[i];
      // A pattern the table lacks (a test's own, a table older than the assessors) always runs.
      const entry = pattern.global || pattern.sticky ? ALWAYS : entryOf(this.needs, pattern, masked);
      if (marks ? testOf(entry, marks.bitOf)(marks.bits) : this.meets(entry.need)) out[i] = 1;
      else all = false;
    }
    return all ? null : out;
  }

  private meets(need: Need): boolean {
    if (need === true) return true;
    if ('lit' in need) {
      // The scanner folds only ASCII letters, as the table's needs assume (toLowerCase may also fold a
      // few non-ASCII letters to ASCII ones, which only lets more patterns run): both are sound.
      const bit = this.marks?.bitOf.get(need.lit);
      if (bit !== undefined) return (this.marks!.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
      let hit = this.found.get(need.lit);
      if (hit === undefined) {
        const lowered = (this.lowered ??= this.joined.toLowerCase());
        // A literal at a word's start (WORD_START) is looked for anywhere: weaker, never unsound.
        const lit = need.lit.charCodeAt(0) === 1 ? need.lit.slice(1) : need.lit;
        this.found.set(need.lit, (hit = mayHold((this.pairs ??= pairsOf(lowered)), lit) && lowered.includes(lit)));
      }
      return hit;
    }
    if ('and' in need) {
      for (const part of need.and) if (!this.meets(part)) return false;
      return true;
    }
    for (const part of need.or) if (this.meets(part)) return true;
    return false;
  }
}

/**
 * A pattern's need in a table, and its test on a scanner's marks (made when first asked). Each
 * short document asks for every pattern of every list: built as a string (`needKey`) and looked up
 * in the table, the key cost more than the rest of the gate's tests (issue 13, cli). Assessors
 * write their lists inline, so a pattern is a new object per review, but a literal's source is the
 * same string every time, and its hash is kept with it.
 */
interface NeedEntry { flags: string; masked: boolean; need: Need; test: ((bits: Uint32Array) => boolean) | null }
const ALWAYS: NeedEntry = { flags: '', masked: false, need: true, test: () => true };
const entriesOf = new WeakMap<ReadonlyMap<string, Need>, Map<string, NeedEntry[]>>();

function entryOf(needs: ReadonlyMap<string, Need>, pattern: RegExp, masked: boolean): NeedEntry {
  let bySource = entriesOf.get(needs);
  if (!bySource) entriesOf.set(needs, (bySource = new Map()));
  const source = pattern.source;
  const flags = pattern.flags;
  let list = bySource.get(source);
  if (!list) bySource.set(source, (list = []));
  for (let k = 0; k < list.length; k++) if (list[k].masked === masked && list[k].flags === flags) return list[k];
  const entry: NeedEntry = { flags, masked, need: needs.get(needKey(pattern, masked)) ?? true, test: null };
  list.push(entry);
  return entry;
}

/** The entry's need as a test of a table scanner's marks (every literal of the table has a bit). */
function testOf(entry: NeedEntry, bitOf: ReadonlyMap<string, number>): (bits: Uint32Array) => boolean {
  return (entry.test ??= compileNeed(entry.need, bitOf));
}

function compileNeed(need: Need, bitOf: ReadonlyMap<string, number>): (bits: Uint32Array) => boolean {
  if (need === true) return () => true;
  if ('lit' in need) {
    const bit = bitOf.get(need.lit);
    // (Not in the scanner: cannot happen for the table's own needs; let the pattern run.)
    if (bit === undefined) return () => true;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    return (bits) => (bits[word] & mask) !== 0;
  }
  const parts = ('and' in need ? need.and : need.or).map((p) => compileNeed(p, bitOf));
  if ('and' in need) {
    return (bits) => {
      for (let k = 0; k < parts.length; k++) if (!parts[k](bits)) return false;
      return true;
    };
  }
  return (bits) => {
    for (let k = 0; k < parts.length; k++) if (parts[k](bits)) return true;
    return false;
  };
}

/** The table as a map, made on first use. */
export function needMapOf(table: NeedTable): () => ReadonlyMap<string, Need> {
  let map: Map<string, Need> | null = null;
  return () => (map ??= new Map(table));
}
