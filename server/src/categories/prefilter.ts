/**
 * A literal prefilter for the category signals' regular expressions. Most sentences match none of a
 * category's signals, yet each signal's pattern was run over every sentence: hundreds of regular
 * expressions per sentence. Each pattern is read once (with regexpp) to find words any match must
 * contain, e.g. `\bterm\b[^.]{0,120}\b(?:years?|renew\w*)\b` needs "term" and one of "year" or
 * "renew". One pass of an Aho-Corasick automaton over a sentence finds which of a signal list's words
 * it holds, and a pattern whose words are absent is not run. The gate is sound: it only skips a
 * pattern that could not match, so results are the same as running every pattern.
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/** What a match needs: nothing known (true), a literal, all of some needs, or one of them. */
export type Need = true | { lit: string } | { and: Need[] } | { or: Need[] };

/** Largest set of exact strings tracked for one piece of a pattern before it is cut. */
const EXACT_CAP = 24;
/** Largest character class read as a set of characters ([Ss], [1-4]). */
const CLASS_CAP = 10;

/**
 * Leads a literal that a match holds at the start of a word: `\bRPO\b` needs "rpo" after a character
 * that is not a word character (\w, ASCII) or at the start of the text, which "corporation" and
 * "purpose" do not give. The scanner finds such a literal only there (see LiteralScanner).
 */
export const WORD_START = '\u0001';

/** Is the code an ASCII word character, as \w and \b read them without the u and i flags together? */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

const and = (parts: Need[]): Need => {
  const kept = parts.filter((p) => p !== true);
  return kept.length === 0 ? true : kept.length === 1 ? kept[0] : { and: kept };
};
const or = (parts: Need[]): Need => (parts.length === 0 || parts.some((p) => p === true) ? true : parts.length === 1 ? parts[0] : { or: parts });
const orOf = (strings: string[]): Need => or(strings.includes('') ? [true] : [...new Set(strings)].map((lit) => ({ lit })));

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > EXACT_CAP) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)];
}

/**
 * Reads one pattern. Literals are ASCII and lower case: the prefilter folds the sentence's ASCII
 * letters, which keeps it sound for case-insensitive patterns (without the u flag, /k/i matches only
 * "k" and "K") and merely weaker for case-sensitive ones.
 */
class NeedReader {
  /**
   * `masked`: the pattern runs on text whose false senses were blanked to spaces, so a space in a
   * literal proves nothing (nor does a word boundary: blanking makes new ones). `boundaries`: a word
   * boundary before a word's first letter is kept as WORD_START.
   */
  constructor(private readonly masked: boolean, private readonly boundaries = false) {}

  /** Every string the node can consume, or null when that set is unbounded or too large. */
  exact(node: AST.Node): string[] | null {
    switch (node.type) {
      case 'Character': return this.char(node.value);
      case 'CharacterClass': return this.klass(node);
      // \d: the ten digits, as the class [0-9] reads (only when reading word starts: the rules' word gates keep their needs).
      case 'CharacterSet': return this.boundaries && node.kind === 'digit' && !node.negate ? [...DIGITS] : null;
      case 'Assertion': return [''];
      case 'Group':
        if (node.modifiers) return null;
        return this.union(node.alternatives);
      case 'CapturingGroup': return this.union(node.alternatives);
      case 'Alternative': {
        let run: string[] | null = [''];
        for (const el of node.elements) {
          const e = this.exact(el);
          if (!e || !run) return null;
          run = cross(run, e);
        }
        return run;
      }
      case 'Quantifier': {
        if (node.max > 3) return null;
        const e = this.exact(node.element);
        if (!e) return null;
        let power: string[] | null = [''];
        const out: string[] = [];
        for (let k = 0; k <= node.max && power; k++) {
          if (k >= node.min) out.push(...power);
          power = k < node.max ? cross(power, e) : power;
        }
        if (!power) return null;
        const set = [...new Set(out)];
        return set.length > EXACT_CAP ? null : set;
      }
      default: return null;
    }
  }

  private char(code: number): string[] | null {
    if (code > 127 || code === 1 || (this.masked && code === 32)) return null;
    return [String.fromCharCode(code).toLowerCase()];
  }

  private klass(node: AST.CharacterClass): string[] | null {
    if (node.negate || node.unicodeSets) return null;
    const chars = new Set<string>();
    for (const el of node.elements) {
      if (el.type === 'Character') {
        const c = this.char(el.value);
        if (!c) return null;
        chars.add(c[0]);
      } else if (el.type === 'CharacterClassRange') {
        if (el.max.value - el.min.value >= CLASS_CAP) return null;
        for (let v = el.min.value; v <= el.max.value; v++) {
          const c = this.char(v);
          if (!c) return null;
          chars.add(c[0]);
        }
      } else return null;
      if (chars.size > CLASS_CAP) return null;
    }
    return chars.size ? [...chars] : null;
  }

  private union(alternatives: AST.Alternative[]): string[] | null {
    const out = new Set<string>();
    for (const alt of alternatives) {
      const e = this.exact(alt);
      if (!e) return null;
      for (const s of e) out.add(s);
      if (out.size > EXACT_CAP) return null;
    }
    return [...out];
  }

  /**
   * A condition every match of the node meets. `wordStart`: a word boundary stands just before the
   * node's match (a \b before a group), so an alternative whose first piece starts with a word
   * character starts at a word start.
   */
  need(node: AST.Node, wordStart = false): Need {
    switch (node.type) {
      case 'Pattern':
      case 'CapturingGroup':
        return or(node.alternatives.map((a) => this.sequence(a.elements, wordStart)));
      case 'Group':
        return node.modifiers ? true : or(node.alternatives.map((a) => this.sequence(a.elements, wordStart)));
      case 'Quantifier': return node.min >= 1 ? this.need(node.element, wordStart) : true;
      case 'Alternative': return this.sequence(node.elements, wordStart);
      case 'Character':
      case 'CharacterClass': {
        const e = this.exact(node);
        return e ? orOf(e) : true;
      }
      default: return true; // assertions, back-references, \w, \s, ., ...
    }
  }

  /**
   * A sequence: neighbouring exact pieces are joined into longer literals ("t","e","r","m" into
   * "term"); each run, and each inexact piece, is a substring of the match, so all are needed.
   */
  private sequence(elements: AST.Element[], wordStart = false): Need {
    const parts: Need[] = [];
    let run: string[] = [''];
    const flush = () => {
      parts.push(orOf(run));
      run = [''];
    };
    const useBoundaries = this.boundaries && !this.masked;
    // A word boundary stands just before elements[k], with nothing of the match read since it.
    let boundary = useBoundaries && wordStart;
    for (let k = 0; k < elements.length; k++) {
      const el = elements[k];
      const atBoundary = boundary && run.length === 1 && run[0] === '';
      boundary = false;
      if (useBoundaries && el.type === 'Assertion' && el.kind === 'word' && !el.negate && run.length === 1 && run[0] === '') {
        boundary = true;
        continue;
      }
      const e = this.exact(el);
      // After a word boundary, a piece every string of which starts with a word character: the
      // character before it is not a word character (or there is none).
      if (atBoundary && e && e.every((x) => x.length > 0 && isWordCode(x.charCodeAt(0)))) run = [WORD_START];
      if (!e) {
        // A repetition at least once of an exact piece begins and ends with one of its strings:
        // the run so far ends with the first, and a new run starts with the last.
        const repeated = el.type === 'Quantifier' && el.min >= 1 ? this.exact(el.element) : null;
        if (repeated) {
          const head = atBoundary && repeated.every((x) => x.length > 0 && isWordCode(x.charCodeAt(0))) ? [WORD_START] : run;
          run = cross(head, repeated) ?? run;
          flush();
          run = repeated;
          continue;
        }
        flush();
        parts.push(this.need(el, atBoundary));
        continue;
      }
      const joined = cross(run, e);
      if (joined) run = joined;
      else {
        flush();
        run = e;
      }
    }
    flush();
    return and(parts);
  }
}

/**
 * What any match of the pattern needs; null when the pattern must always run (a g or y flag keeps
 * state between runs, so skipping one would change the next).
 */
export function needOf(pattern: RegExp, masked = false, boundaries = false, senses?: readonly RegExp[]): Need | null {
  if (pattern.global || pattern.sticky) return null;
  // Masked by known false senses: where none of them matches the sentence, blanking changes nothing
  // and the pattern runs on the sentence as it is, so what it needs there is needed; where one
  // matches, that one's need is met. Either way the masked reading holds too.
  if (masked && senses?.length) {
    const weak = needOf(pattern, true, boundaries);
    const strong = needOf(pattern, false, boundaries);
    if (weak === null || strong === null) return null;
    return and([weak, or([strong, ...senses.map((s) => needOf(s, false, boundaries) ?? true)])]);
  }
  // With u (or v) and i, case folding maps "ſ" to "s" and "K" (Kelvin) to "k": keep it simple and never gate.
  if (pattern.ignoreCase && (pattern.unicode || pattern.flags.includes('v'))) return true;
  let ast: AST.RegExpLiteral;
  try {
    ast = parseRegExpLiteral(pattern);
  } catch {
    return true;
  }
  return new NeedReader(masked, boundaries).need(ast.pattern);
}

/**
 * Finds which of a set of ASCII literals occur in a text, ASCII letters folded, in one pass
 * (Aho-Corasick, its transition table completed as texts need it). Written here because it is small and the npm
 * packages for it are unmaintained or do not fold case.
 */
export class LiteralScanner {
  /**
   * Per ASCII code: its symbol (0: in no literal), plus AFTER when the scanner also reads BREAK after
   * it (see `brk`). Characters above ASCII read as symbol 0 followed by BREAK.
   */
  private readonly symbols = new Uint16Array(128);
  /**
   * BREAK: the symbol of a space, also read at the start of a text and after every other character
   * that is not a word character (in a literal too, but after its last character), so that a word
   * starts after BREAK wherever \b can stand before it: a literal led by WORD_START is spelled with
   * BREAK first. Spaces, most of the gaps between words, cost no extra read. A literal led by a
   * space is then also found at a text's start or after punctuation: weaker, never unsound. (Two
   * spellings of each literal led by WORD_START, after a space and after BREAK, doubled the states
   * to 21,300 and the table to 3.8 MB.)
   */
  private readonly brk: number;
  private readonly width: number;
  /**
   * The transition table, entries 0 while not known, else 1 + the target's code: its state number
   * times two, plus one when it has outputs. 16-bit when the states fit: the table of the signal
   * lists is about 10,800 states x 45 symbols, read once per character of every sentence, and at
   * half the bytes more of it stays in the processor's caches (issue 13: a fifth less time per
   * character). The output bit spares a read of outStart for the characters that end no literal.
   */
  private readonly next: Uint16Array | Int32Array;
  private readonly fail: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;

  /**
   * `targets[i]`: the ids to mark when literal i is found. The transitions are completed lazily (a
   * state's move on a symbol is worked out along its failure links the first time a text makes it,
   * then kept): a process builds the scanner on its first document, and completing all of the
   * signal lists' 10,000 states x 45 symbols up front cost it 50 to 100 ms, where a document's
   * sentences make a few thousand distinct moves.
   */
  constructor(literals: string[], targets: number[][]) {
    let width = 1;
    const brk = width++;
    this.brk = brk;
    const symbols = this.symbols;
    const symbolOfCode = (c: number): number => symbols[c] & 255 || (symbols[c] = width++);
    symbols[32] = brk;
    // Each literal as the symbols a text holding it reads (see `brk`).
    const spelled: number[][] = [];
    let chars = 0;
    for (let id = 0; id < literals.length; id++) {
      const lit = literals[id];
      const seq: number[] = [];
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        if (c === 1 && i === 0) seq.push(brk);
        else {
          seq.push(symbolOfCode(c));
          if (!isWordCode(c) && c !== 32 && i < lit.length - 1) seq.push(brk);
        }
      }
      spelled.push(seq);
      chars += seq.length;
    }
    // Upper-case letters read as their lower-case symbol; characters that are neither word
    // characters nor spaces are followed by BREAK.
    for (let c = 65; c <= 90; c++) symbols[c] = symbols[c + 32];
    for (let c = 0; c < 128; c++) if (!isWordCode(c) && c !== 32) symbols[c] |= AFTER;
    this.width = width;
    // The trie, in the transition table: an entry holds the target state + 1, 0 while not known.
    // Built in 16 bits when every state + 1 fits (there are at most chars + 1 states) and coded in
    // place below: a 32-bit table built first and dropped after coding was a 3.7 MB block, and
    // freeing it raised glibc's mmap and trim thresholds for the whole process, so that arenas
    // kept their free memory (issue 13, memory; docs/performance.md).
    const next = chars + 2 <= 0xffff ? new Uint16Array((chars + 1) * width) : new Int32Array((chars + 1) * width);
    const own: Array<number[] | undefined> = [];
    // Each state's children as a linked list (first child, next sibling), for the breadth-first pass.
    const firstChild = new Int32Array(chars + 1);
    const sibling = new Int32Array(chars + 1);
    const symbolOf = new Int32Array(chars + 1);
    let states = 1;
    // Every entry made non-zero before the coding below, so that it visits those (a few per state)
    // rather than the whole table (about 930,000 entries for the signal lists, read once per
    // process and thread, before any of this code is optimised; issue 13, cli).
    const written: number[] = [];
    spelled.forEach((seq, id) => {
      let s = 0;
      for (let i = 0; i < seq.length; i++) {
        const sym = seq[i];
        const at = s * width + sym;
        if (next[at] === 0) {
          const t = states++;
          next[at] = t + 1;
          written.push(at);
          symbolOf[t] = sym;
          sibling[t] = firstChild[s];
          firstChild[s] = t;
        }
        s = next[at] - 1;
      }
      (own[s] ??= []).push(...targets[id]);
    });
    // The root stays at the root on every symbol it has no child for.
    for (let sym = 0; sym < width; sym++) {
      if (next[sym] === 0) {
        next[sym] = 1;
        written.push(sym);
      }
    }
    this.fail = new Int32Array(states);
    // Breadth first: failure links, and outputs merged along the failure chain.
    const outs: Array<number[] | undefined> = new Array(states);
    outs[0] = own[0];
    const queue = new Int32Array(states);
    let tail = 0;
    for (let t = firstChild[0]; t > 0; t = sibling[t]) queue[tail++] = t;
    for (let head = 0; head < tail; head++) {
      const s = queue[head];
      const mine = own[s];
      const inherited = outs[this.fail[s]];
      outs[s] = mine && inherited ? [...new Set([...mine, ...inherited])] : mine ?? inherited;
      for (let t = firstChild[s]; t > 0; t = sibling[t]) {
        if (s > 0) this.fail[t] = trieMove(next, width, this.fail, this.fail[s], symbolOf[t], written);
        queue[tail++] = t;
      }
    }
    // The trie's entries (state + 1) as codes (see `next`), in a 16-bit table when every code fits.
    // In place when the table already has the width the codes need (each entry is read before it is
    // written, and listed in `written` once: it was made non-zero once).
    const fits16 = states * 2 + 1 <= 0xffff;
    const coded = fits16 === (next instanceof Uint16Array) ? next : fits16 ? new Uint16Array(next.length) : Int32Array.from(next);
    for (let k = 0; k < written.length; k++) {
      const at = written[k];
      const v = next[at];
      coded[at] = (((v - 1) << 1) | (outs[v - 1]?.length ? 1 : 0)) + 1;
    }
    this.next = coded;
    this.outStart = new Int32Array(states + 1);
    const ids: number[] = [];
    for (let s = 0; s < states; s++) {
      this.outStart[s] = ids.length;
      const o = outs[s];
      if (o) for (const id of o) ids.push(id);
    }
    this.outStart[states] = ids.length;
    this.outIds = Int32Array.from(ids);
  }

  /** The code (see `next`) of the state after reading a symbol in a state, completed along the failure links and kept. */
  private move(s: number, sym: number): number {
    const at = s * this.width + sym;
    const known = this.next[at];
    if (known !== 0) return known - 1;
    const code = this.move(this.fail[s], sym);
    this.next[at] = code + 1;
    return code;
  }

  /** Sets bit id of `bits` for every id whose literal occurs in the text. */
  mark(text: string, bits: Uint32Array): void {
    const { symbols, width, next, outStart, outIds, brk } = this;
    let s = 0;
    // The text's start reads as BREAK (a word can start there).
    let v = brk;
    for (let i = 0; i <= text.length; ) {
      const sym = v & 255;
      const known = next[s * width + sym];
      const code = known !== 0 ? known - 1 : this.move(s, sym);
      s = code >>> 1;
      if ((code & 1) !== 0) {
        for (let k = outStart[s], end = outStart[s + 1]; k < end; k++) {
          const id = outIds[k];
          bits[id >>> 5] |= 1 << (id & 31);
        }
      }
      // After a character flagged AFTER, BREAK; else the next character.
      if ((v & AFTER) !== 0) v = brk;
      else if (i < text.length) {
        const c = text.charCodeAt(i++);
        v = c < 128 ? symbols[c] : AFTER;
      } else break;
    }
  }
}

/** Flags a character's symbol (LiteralScanner.symbols): BREAK is read after it. */
const AFTER = 256;

/** The trie's move (entries: state + 1) while its failure links are being made, completed along them and kept. */
function trieMove(next: Uint16Array | Int32Array, width: number, fail: Int32Array, s: number, sym: number, written: number[]): number {
  const at = s * width + sym;
  const known = next[at];
  if (known !== 0) return known - 1;
  const t = trieMove(next, width, fail, fail[s], sym, written);
  next[at] = t + 1;
  written.push(at);
  return t;
}

/**
 * One case-insensitive expression finding any of a clause's literals where the scanner would: a
 * literal led by WORD_START after a character that is not an ASCII word character or at the start
 * (`\b`, as the literal's first character is a word character), any other as it is, ASCII letters
 * folded (`i` without `u` folds no other character to an ASCII one). It finds a literal only where
 * it occurs, where the scanner also finds one led by a space at the start or after punctuation:
 * stricter there, and still sound, since a need's literal is a substring of every match.
 */
export function literalsExpression(literals: string[]): RegExp {
  const alternatives = literals.map((lit) => {
    let out = '';
    for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      if (c === 1 && i === 0) out += '\\b';
      else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += lit[i];
      else out += `\\x${c.toString(16).padStart(2, '0')}`;
    }
    return out;
  });
  return new RegExp(alternatives.join('|'), 'i');
}

/**
 * Is a literal one that nearly every sentence holds, so that scanning for it costs more than looking
 * for it when asked: a short word or a separator ("a", "of", "and", " ", ",", "/"), at most three
 * characters of letters, spaces, ",", "/" and "&". Over cuad-dev's sentences (the prefilter's rows
 * replayed, thread CPU) three characters were better than one, two, four, five or eight, and than
 * looking for every clause that triggers nothing (the digits, "%" and month names, asked far more
 * often than they occur, then cost more than the scanner saved).
 */
function isCommon(literal: string): boolean {
  const word = literal.charCodeAt(0) === 1 ? literal.slice(1) : literal;
  return word.length <= 3 && /^[a-z ,/&]+$/.test(word);
}

/**
 * The kinds of node of the tests' program (SignalPrefilter.code): a clause [CLAUSE, clause], and
 * ands and ors [AND or OR, count, the parts' offsets...].
 */
const CLAUSE = 0;
const AND = 1;
const OR = 2;

/**
 * The same need, smaller: nested ands and ors flattened, and in an or, a literal that holds another
 * dropped ("years" is found wherever "year" is).
 */
export function simplify(need: Need): Need {
  if (need === true || 'lit' in need) return need;
  if ('and' in need) {
    const parts: Need[] = [];
    for (const p of need.and.map(simplify)) if (p !== true) parts.push(...('and' in p ? p.and : [p]));
    return and(parts);
  }
  const parts: Need[] = [];
  const lits = new Set<string>();
  for (const p of need.or.map(simplify)) {
    if (p === true) return true;
    for (const q of 'or' in p ? p.or : [p]) {
      if (q === true) return true;
      if ('lit' in q) lits.add(q.lit);
      else parts.push(q);
    }
  }
  const kept = [...lits].filter((l) => ![...lits].some((m) => m !== l && l.includes(m)));
  return or([...kept.map((lit) => ({ lit })), ...parts]);
}

/**
 * A pattern to gate: `masked` when it runs on the sentence with false senses blanked, and then
 * `senses`, those senses' patterns, when known (its need is then read with them: see needOf).
 */
export interface GatedPattern { pattern: RegExp; masked: boolean; senses?: readonly RegExp[] }

interface ListFilter {
  patterns: GatedPattern[];
  /** Per pattern of the list, its number in the prefilter (see SignalPrefilter); null until compiled. */
  ids: Int32Array | null;
  /** The bits of those numbers, made when first needed. */
  mask?: Uint32Array;
}

/** The bits of a set of pattern numbers (for DocumentGate.mayAnyOf). */
export function maskOf(ids: Int32Array): Uint32Array {
  let max = 0;
  for (const id of ids) max = Math.max(max, id);
  const mask = new Uint32Array((max >>> 5) + 1);
  for (const id of ids) mask[id >>> 5] |= 1 << (id & 31);
  return mask;
}

/** A pattern's name in a table of needs: everything its need is read from. */
export const needKey = (pattern: RegExp, masked: boolean, senses?: readonly RegExp[]): string =>
  `${masked ? 'm' : '-'}/${pattern.source}/${pattern.flags}${masked && senses?.length ? senses.map((s) => `${SENSE_MARK}/${s.source}/${s.flags}`).join('') : ''}`;
/** Separates a masked pattern's key from each of its senses' in a needKey. */
export const SENSE_MARK = '\u0000';

/** A table of what patterns need, by needKey: `simplify(needOf(pattern, masked, true, senses) ?? true)` of each. */
export type NeedTable = ReadonlyArray<readonly [key: string, need: Need]>;

/** A compiled need: its test's offset in the program, and clauses one of which any sentence that passes it meets. */
interface Compiled { at: number; triggers: number[]; clauses: number[] }

/** Sentences per page of a gate's rows (see DocumentGate): a power of two. */
const PAGE_SHIFT = 6;
const PAGE_ROWS = 1 << PAGE_SHIFT;

/**
 * Which patterns may match each sentence of one document, worked out once per sentence for every
 * list (a row of bits, one per pattern) when a list first asks, and kept while the document lives.
 * The rows are made a page of sentences at a time, when a sentence of the page is first read: while
 * editing, each edit's sentence list gets a new gate of which only the changed sentences are read,
 * and one array of rows for every sentence was a zeroed ~250 KB per 1 MB edit (issue 13, evidence).
 * A row's handle (what `row` returns, `may` and `mayAny` take) is the sentence's number.
 */
export class DocumentGate {
  private readonly pages: Array<Uint32Array | undefined>;
  private readonly done: Uint8Array;

  constructor(private readonly prefilter: SignalPrefilter, readonly version: number, private readonly words: number, size: number) {
    this.pages = new Array((size + PAGE_ROWS - 1) >>> PAGE_SHIFT);
    this.done = new Uint8Array(size);
  }

  /** The handle of sentence n's row (its text is read the first time). */
  row(n: number, text: string): number {
    if (!this.done[n]) {
      let page = this.pages[n >>> PAGE_SHIFT];
      if (page === undefined) this.pages[n >>> PAGE_SHIFT] = page = new Uint32Array(PAGE_ROWS * this.words);
      this.prefilter.fill(text, page, (n & (PAGE_ROWS - 1)) * this.words);
      this.done[n] = 1;
    }
    return n;
  }

  /** May any pattern of the list match the sentence whose row is `n` (read by `row`)? */
  mayAny(list: ListFilter, n: number): boolean {
    return this.mayAnyOf(list.mask ??= maskOf(list.ids!), n);
  }

  /** May any pattern whose bit `mask` (maskOf) holds match the sentence whose row is `n` (read by `row`)? */
  mayAnyOf(mask: Uint32Array, n: number): boolean {
    const page = this.pages[n >>> PAGE_SHIFT]!;
    const at = (n & (PAGE_ROWS - 1)) * this.words;
    for (let w = 0; w < mask.length; w++) if ((page[at + w] & mask[w]) !== 0) return true;
    return false;
  }

  /**
   * The sentences (in order) of which some pattern of the list may match, for a scan of every
   * sentence: every row is read first, then which sentences each pattern may match, so that each
   * list visits its few sentences rather than testing every row (22 lists over every sentence).
   * `textOf(n)` is sentence n's text, as `row` is given it.
   */
  candidates(list: ListFilter, textOf: (n: number) => string): Int32Array {
    let hit = this.candidatesOf.get(list);
    if (hit) return hit;
    if (!this.bySentence) {
      const size = this.done.length;
      const words = this.words;
      for (let n = 0; n < size; n++) this.row(n, textOf(n));
      // Per pattern, the sentences it may match, as one list of (pattern, sentence) pairs sorted by pattern.
      const counts = new Int32Array(words * 32 + 1);
      for (let n = 0; n < size; n++) {
        const page = this.pages[n >>> PAGE_SHIFT]!;
        const at = (n & (PAGE_ROWS - 1)) * words;
        for (let w = 0; w < words; w++) for (let word = page[at + w]; word !== 0; word &= word - 1) counts[(w << 5) + 31 - Math.clz32(word & -word) + 1]++;
      }
      for (let id = 1; id < counts.length; id++) counts[id] += counts[id - 1];
      const starts = counts.slice();
      const sentences = new Int32Array(counts[counts.length - 1]);
      for (let n = 0; n < size; n++) {
        const page = this.pages[n >>> PAGE_SHIFT]!;
        const at = (n & (PAGE_ROWS - 1)) * words;
        for (let w = 0; w < words; w++) for (let word = page[at + w]; word !== 0; word &= word - 1) sentences[starts[(w << 5) + 31 - Math.clz32(word & -word)]++] = n;
      }
      this.bySentence = { from: counts, sentences };
    }
    const { from, sentences } = this.bySentence;
    const ids = list.ids!;
    let total = 0;
    for (const id of ids) total += from[id + 1] - from[id];
    const all = new Int32Array(total);
    let k = 0;
    for (const id of ids) for (let j = from[id]; j < from[id + 1]; j++) all[k++] = sentences[j];
    all.sort();
    let kept = 0;
    for (let j = 0; j < all.length; j++) if (j === 0 || all[j] !== all[j - 1]) all[kept++] = all[j];
    hit = all.slice(0, kept);
    this.candidatesOf.set(list, hit);
    return hit;
  }

  /** How many pages of rows have been made (for tests). */
  get pagesMade(): number {
    let n = 0;
    for (let p = 0; p < this.pages.length; p++) if (this.pages[p] !== undefined) n++;
    return n;
  }

  private bySentence: { from: Int32Array; sentences: Int32Array } | null = null;
  private readonly candidatesOf = new Map<ListFilter, Int32Array>();

  /** May the list's pattern i match the sentence whose row is `n` (read by `row`)? */
  may(list: ListFilter, i: number, n: number): boolean {
    const id = list.ids![i];
    return (this.pages[n >>> PAGE_SHIFT]![(n & (PAGE_ROWS - 1)) * this.words + (id >>> 5)] & (1 << (id & 31))) !== 0;
  }
}

/**
 * The prefilters of every signal list seen, with one scanner shared by all of them, so that a
 * sentence is read once for all categories rather than once per category. Reading a pattern with
 * regexpp costs about a millisecond, so the needs of the assessors' patterns come from a table
 * written at build time (categories/signal-needs.generated.ts, `npm run gen`): a list whose patterns
 * are all in it is filtered from a process's first document on. A list with a pattern the table
 * lacks (a table older than the assessors, a test's own patterns) is filtered from the next
 * document: it is compiled, with the table's, into a new shared scanner when that one starts.
 *
 * A sentence is read once for all lists: the scanner marks the clauses it meets, and only the
 * patterns one of whose trigger clauses is marked have their tests run (a clause any passing
 * sentence meets: the literal of a need, one per branch of an or, and the rarest part of an and),
 * which leaves most of the hundred-odd tests unrun on most sentences.
 *
 * A clause that triggers no pattern is only ever a further part of an and; when its literals are
 * common short words ("a", " ", "of|in", "and|or": see isCommon), it is not scanned but looked for,
 * with a small expression, only when a triggered pattern's test gets to it. Clauses that trigger
 * nothing took nine in ten of the scanner's outputs over cuad-dev (8.6 of 9.4 million, " " alone
 * 2.4 million), mostly these (issue 13, clicats).
 */
export class SignalPrefilter {
  private readonly lists = new Map<string, ListFilter>();
  private readonly clausesOf = new Map<string, number[]>();
  /** One clause per set of literals, shared by every pattern that needs one of the same set. */
  private readonly clauseIds = new Map<string, number>();
  /** Per clause, the length of its shortest literal: longer literals are rarer, so better triggers. */
  private readonly clauseRarity: number[] = [];
  /** Per clause, its literals. */
  private readonly clauseLits: string[][] = [];
  private clauses = 0;
  /** Per pattern number: its test's offset in the program (-1: always runs). */
  private readonly tests: number[] = [];
  /**
   * The tests as one program of nodes (see CLAUSE), read by `holds`: they were closures, about 540,000
   * calls over cuad-dev from call sites that saw three kinds of closure, none inlined (issue 13, clicats).
   */
  private readonly program: number[] = [];
  /** The program as made when the scanner was last built (what `fill` reads). */
  private code = new Int32Array(0);
  /** Per clause: the patterns it triggers. */
  private readonly triggered: number[][] = [];
  /** `triggered` flat, made with the scanner: clause c's patterns are triggeredIds[triggeredFrom[c]..triggeredFrom[c + 1]]. */
  private triggeredFrom = new Int32Array(1);
  private triggeredIds = new Int32Array(0);
  /** The patterns that always run. */
  private readonly always: number[] = [];
  private shared: LiteralScanner | null = null;
  /** Clauses or patterns were added since the shared scanner was built. */
  private stale = true;
  private version = 0;
  private pending = false;
  /** The table's patterns' numbers, by needKey; compiled on first use. */
  private known: Map<string, number> | null = null;
  private readonly gates = new WeakMap<object, DocumentGate>();
  /**
   * The documents the lists have been asked for, held weakly: this prefilter lives as long as the
   * process, and a reference to the last one kept its review's sentence list (about 2 MB for a 1 MB
   * contract) alive after the review was done (issue 13, memory). Not a WeakRef: V8 keeps a WeakRef's
   * target until the current task ends, and a run that reviews many files in one task would keep them all.
   */
  private readonly documents = new WeakSet<object>();
  private scratch = new Uint32Array(0);
  /** The clauses not scanned (see the class comment) asked of the text being filled, one bit each. */
  private asked = new Uint32Array(0);
  /** The clauses that trigger some pattern, one bit each. */
  private triggering = new Uint32Array(0);
  /** Per clause: null when the scanner marks it, else the expression that finds one of its literals. */
  private lazy: Array<RegExp | null> = [];
  /** The clauses not scanned, one bit each. */
  private lazyBits = new Uint32Array(0);
  /** The text being filled (what a clause not scanned is looked for in). */
  private text = '';
  /**
   * Every and and or compiled (its node's offset) with its parts, whose offsets the node lists in the
   * order they are tried: parts that read only scanned clauses first, so that a clause not scanned is
   * looked for only when they leave the answer open (put in order when the scanner is built).
   */
  private readonly junctions: Array<{ at: number; parts: Compiled[] }> = [];
  private current = new Uint32Array(0);

  constructor(private readonly table: NeedTable = []) {}

  /**
   * The filter of a list of patterns named by `key` (their content) for a document (its list of
   * sentences), or null while the list is not in the shared scanner.
   */
  list(key: string, patterns: () => GatedPattern[], document: object): ListFilter | null {
    if (!this.documents.has(document)) {
      this.documents.add(document);
      if (this.pending) this.rebuild();
    }
    let list = this.lists.get(key);
    if (!list) {
      list = { patterns: patterns(), ids: null };
      this.lists.set(key, list);
      const known = this.knownPatterns();
      const ids = list.patterns.map((p) => known.get(needKey(p.pattern, p.masked, p.senses)) ?? -1);
      if (ids.every((id) => id >= 0)) list.ids = Int32Array.from(ids);
      else this.pending = true;
    }
    return list.ids ? list : null;
  }

  /** Has the shared scanner been built (by a document's gate)? */
  get scannerBuilt(): boolean {
    return this.shared !== null;
  }

  /** Every pattern of the lists met so far, once each (what the table is generated from). */
  patternsMet(): GatedPattern[] {
    const out = new Map<string, GatedPattern>();
    for (const list of this.lists.values()) for (const p of list.patterns) out.set(needKey(p.pattern, p.masked, p.senses), p);
    return [...out.values()];
  }

  /** The gate of a document with `size` sentences (`document` names it while it lives). */
  gate(document: object, size: number): DocumentGate {
    this.refresh();
    let gate = this.gates.get(document);
    if (!gate || gate.version !== this.version) {
      gate = new DocumentGate(this, this.version, (this.tests.length + 31) >>> 5, size);
      this.gates.set(document, gate);
    }
    return gate;
  }

  /** Writes the row of patterns that may match a text into `rows` from `at` (for DocumentGate). */
  fill(text: string, rows: Uint32Array, at: number): void {
    const bits = this.scratch;
    bits.fill(0);
    this.asked.fill(0);
    this.text = text;
    this.shared!.mark(text, bits);
    // Indexed loops in fill and the tests: it runs on every sentence of a first review, mostly
    // before it is optimised, where a for-of loop allocates a result object per step (issue 13).
    const always = this.always;
    for (let k = 0; k < always.length; k++) rows[at + (always[k] >>> 5)] |= 1 << (always[k] & 31);
    const triggering = this.triggering;
    const from = this.triggeredFrom;
    const ids = this.triggeredIds;
    const tests = this.tests;
    for (let w = 0; w < bits.length; w++) {
      // Only the clauses that trigger a pattern (the others are parts of ands, read by the tests).
      let word = bits[w] & triggering[w];
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const clause = (w << 5) + 31 - Math.clz32(low);
        for (let k = from[clause], end = from[clause + 1]; k < end; k++) {
          const id = ids[k];
          const slot = at + (id >>> 5);
          const bit = 1 << (id & 31);
          if ((rows[slot] & bit) === 0 && this.holds(tests[id], bits)) rows[slot] |= bit;
        }
      }
    }
  }

  /** Does the text being filled, whose scanned clauses are `bits`, pass the program's test at `at`? */
  private holds(at: number, bits: Uint32Array): boolean {
    const code = this.code;
    if (code[at] === CLAUSE) return this.has(code[at + 1], bits);
    const and = code[at] === AND;
    for (let k = at + 2, end = k + code[at + 1]; k < end; k++) {
      const part = code[k];
      // A clause part read here, the others by a call.
      if ((code[part] === CLAUSE ? this.has(code[part + 1], bits) : this.holds(part, bits)) !== and) return !and;
    }
    return and;
  }

  /** Does the text being filled meet clause c (marked by the scanner, or looked for)? */
  private has(c: number, bits: Uint32Array): boolean {
    const word = c >>> 5;
    const bit = 1 << (c & 31);
    return (bits[word] & bit) !== 0 || ((this.lazyBits[word] & bit) !== 0 && this.lookFor(c, bits));
  }

  private refresh(): void {
    if (!this.stale) return;
    while (this.triggered.length < this.clauses) this.triggered.push([]);
    // Scanned: the literals of clauses that trigger a pattern; the others are looked for when asked.
    const scanned = (c: number) => this.triggered[c].length > 0 || !this.clauseLits[c].every(isCommon);
    const literals: string[] = [];
    const targets: number[][] = [];
    const lazyLiterals: string[][] = [];
    for (const [lit, ids] of this.clausesOf) {
      const marked = ids.filter(scanned);
      if (marked.length) {
        literals.push(lit);
        targets.push(marked);
      }
      for (const id of ids) if (!scanned(id)) (lazyLiterals[id] ??= []).push(lit);
    }
    this.lazy = [];
    for (let c = 0; c < this.clauses; c++) this.lazy.push(scanned(c) ? null : literalsExpression(lazyLiterals[c]));
    const looked = (part: Compiled) => part.clauses.reduce((n, c) => n + (this.lazy[c] ? 1 : 0), 0);
    const program = this.program;
    for (const { at, parts } of this.junctions) {
      const order = parts.map((part, k) => ({ k, looked: looked(part) })).sort((a, b) => a.looked - b.looked || a.k - b.k);
      for (let k = 0; k < order.length; k++) program[at + 2 + k] = parts[order[k].k].at;
    }
    this.code = Int32Array.from(program);
    this.triggeredFrom = new Int32Array(this.clauses + 1);
    for (let c = 0; c < this.clauses; c++) this.triggeredFrom[c + 1] = this.triggeredFrom[c] + this.triggered[c].length;
    this.triggeredIds = Int32Array.from(this.triggered.flat());
    this.shared = new LiteralScanner(literals, targets);
    this.scratch = new Uint32Array((this.clauses + 31) >>> 5);
    this.asked = new Uint32Array(this.scratch.length);
    this.triggering = new Uint32Array(this.scratch.length);
    this.lazyBits = new Uint32Array(this.scratch.length);
    for (let c = 0; c < this.clauses; c++) {
      if (this.triggered[c].length > 0) this.triggering[c >>> 5] |= 1 << (c & 31);
      if (this.lazy[c]) this.lazyBits[c >>> 5] |= 1 << (c & 31);
    }
    this.version++;
    this.stale = false;
  }

  private knownPatterns(): Map<string, number> {
    if (!this.known) {
      this.known = new Map();
      for (const [key, need] of this.table) this.known.set(key, this.register(need));
    }
    return this.known;
  }

  /** Numbers a pattern by its simplified need, and indexes it under its trigger clauses. */
  private register(need: Need): number {
    const id = this.tests.length;
    if (need === true) {
      this.tests.push(-1);
      this.always.push(id);
    } else {
      const { at, triggers } = this.compile(need);
      this.tests.push(at);
      for (const c of triggers) {
        while (this.triggered.length <= c) this.triggered.push([]);
        this.triggered[c].push(id);
      }
    }
    this.stale = true;
    return id;
  }

  private clause(lits: string[]): number {
    const name = [...new Set(lits)].sort().join('\u0000');
    let id = this.clauseIds.get(name);
    if (id === undefined) {
      id = this.clauses++;
      for (const lit of new Set(lits)) {
        const ids = this.clausesOf.get(lit);
        if (ids) ids.push(id);
        else this.clausesOf.set(lit, [id]);
      }
      this.clauseIds.set(name, id);
      this.clauseLits[id] = [...new Set(lits)];
      this.clauseRarity[id] = Math.min(...lits.map((l) => l.length));
      this.stale = true;
    }
    return id;
  }

  /** Writes a clause's node into the program. */
  private clauseNode(c: number): Compiled {
    const at = this.program.length;
    this.program.push(CLAUSE, c);
    return { at, triggers: [c], clauses: [c] };
  }

  /** Writes an and's or an or's node into the program (its parts' offsets ordered by refresh). */
  private junction(kind: number, parts: Compiled[]): number {
    const at = this.program.length;
    this.program.push(kind, parts.length);
    for (const p of parts) this.program.push(p.at);
    this.junctions.push({ at, parts });
    return at;
  }

  private compile(need: Exclude<Need, true>): Compiled {
    if ('lit' in need) return this.clauseNode(this.clause([need.lit]));
    if ('and' in need) {
      const parts = need.and.map((p) => this.compile(p as Exclude<Need, true>));
      // Any part's triggers do; the rarest part's are met by the fewest sentences.
      const rarity = (c: Compiled) => Math.min(...c.triggers.map((t) => this.clauseRarity[t]));
      const best = parts.reduce((a, b) => (rarity(b) > rarity(a) || (rarity(b) === rarity(a) && b.triggers.length < a.triggers.length) ? b : a));
      return {
        at: this.junction(AND, parts),
        triggers: best.triggers,
        clauses: parts.flatMap((p) => p.clauses),
      };
    }
    // An or of literals is one clause, which the scanner marks when it finds any of them.
    const lits: string[] = [];
    const parts: Compiled[] = [];
    for (const p of need.or as Array<Exclude<Need, true>>) {
      if ('lit' in p) lits.push(p.lit);
      else parts.push(this.compile(p));
    }
    if (lits.length) parts.unshift(this.clauseNode(this.clause(lits)));
    if (parts.length === 1) return parts[0];
    return {
      at: this.junction(OR, parts),
      triggers: [...new Set(parts.flatMap((p) => p.triggers))],
      clauses: parts.flatMap((p) => p.clauses),
    };
  }

  /**
   * Does the text being filled hold a literal of clause c, which the scanner does not mark? Asked
   * once per text; the answer is kept in `bits` as the scanner's would be.
   */
  private lookFor(c: number, bits: Uint32Array): boolean {
    const word = c >>> 5;
    const bit = 1 << (c & 31);
    if ((this.asked[word] & bit) !== 0) return false;
    this.asked[word] |= bit;
    if (!this.lazy[c]!.test(this.text)) return false;
    bits[word] |= bit;
    return true;
  }

  private rebuild(): void {
    const known = this.knownPatterns();
    for (const list of this.lists.values()) {
      list.ids ??= Int32Array.from(list.patterns, ({ pattern, masked, senses }) => {
        const key = needKey(pattern, masked, senses);
        const id = known.get(key);
        if (id !== undefined) return id;
        const need = needOf(pattern, masked, true, senses);
        const added = this.register(need === null ? true : simplify(need));
        known.set(key, added);
        return added;
      });
    }
    this.pending = false;
  }

  /** Reads a sentence on its own, for `may` (tests; reviews use a DocumentGate). */
  read(_key: object, text: string): void {
    this.refresh();
    this.current = new Uint32Array((this.tests.length + 31) >>> 5);
    this.fill(text, this.current, 0);
  }

  /** Can pattern i of the list match the sentence last read? */
  may(list: ListFilter, i: number): boolean {
    const id = list.ids![i];
    return (this.current[id >>> 5] & (1 << (id & 31))) !== 0;
  }
}

export type { ListFilter };

