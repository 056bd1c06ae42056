import type { Block, DefinedTerm, FrontMatterSettings, Party, PartyRole } from './types';
import { sourceOffsetAt } from './offsetBlock';
import { lastIndexAtOrBefore } from './lineIndex';
import { atWordBoundary } from './name-search';

/** Role words that name the party providing the services. */
export const SUPPLIER_ROLE_WORDS = ['Supplier', 'Service Provider', 'Provider', 'Vendor', 'Contractor', 'Consultant', 'Developer', 'Licensor', 'Seller', 'Processor', 'Sub-processor', 'Outsourcer', 'Hosting Provider', 'Company'];
/** Role words that name the party receiving them. */
export const CUSTOMER_ROLE_WORDS = ['Customer', 'Client', 'Purchaser', 'Buyer', 'Licensee', 'Controller', 'Agency', 'Government', 'Subscriber', 'Recipient of Services'];

const LEGAL_SUFFIX = /\b(?:inc|incorporated|ltd|limited|llc|llp|plc|corp|corporation|company|co|gmbh|ag|sa|bv|nv|pty|lp|trust|bank|university|council)\b\.?/i;

function roleOfWord(alias: string): PartyRole {
  const a = alias.toLowerCase();
  // "Company" is the supplier in some templates and the customer in others: decided by usage below.
  if (a === 'company') return 'unknown';
  if (SUPPLIER_ROLE_WORDS.some((w) => w.toLowerCase() === a)) return 'supplier';
  if (CUSTOMER_ROLE_WORDS.some((w) => w.toLowerCase() === a)) return 'customer';
  return 'unknown';
}

/** The role words lower-cased: isRoleWord asks one set (it made a list of the words and lower-cased each, per call; issue 13, climodel). */
const LOWER_ROLE_WORDS = new Set([...SUPPLIER_ROLE_WORDS, ...CUSTOMER_ROLE_WORDS].map((w) => w.toLowerCase()));

function isRoleWord(alias: string): boolean {
  return LOWER_ROLE_WORDS.has(alias.toLowerCase());
}

/**
 * Finds the parties: parenthetical definitions in the opening of the contract that follow a legal
 * name ("Tailspin Systems Limited (the "Supplier")"), role words the text uses as names, and any
 * parties named in front matter. Short-name aliases ("VIP") get a role from how the text uses them.
 */
export function findParties(blocks: Block[], terms: DefinedTerm[], frontMatterParties: FrontMatterSettings['parties'], text: string, roleWords?: RoleWordCounts): Party[] {
  const parties: Party[] = [];
  const add = (p: Party) => {
    const existing = parties.find((q) => q.alias.toLowerCase() === p.alias.toLowerCase());
    if (existing) {
      existing.legalName ??= p.legalName;
      if (existing.role === 'unknown') existing.role = p.role;
    } else parties.push(p);
  };

  const fmParties = readFrontMatterParties(frontMatterParties);
  for (const p of fmParties) add(p);

  // The opening: blocks before the first clause about definitions or services, at most ~4000 chars.
  const openingEnd = Math.min(text.length, 6000);
  for (const t of terms) {
    if (t.style !== 'parenthetical' || t.span.start > openingEnd) continue;
    const block = blocks[t.block];
    const before = textBefore(block, t.span.start, 160);
    const legal = legalNameBefore(before);
    if (!legal && !isRoleWord(t.term)) continue;
    if (GENERIC_TERMS.has(t.term.toLowerCase())) continue;
    add({ alias: t.term, legalName: legal ?? undefined, role: roleOfWord(t.term), takesArticle: isRoleWord(t.term) || /\bthe\s*$/i.test(textBefore(block, t.span.start - 1, 6)) });
  }

  // Template-style quoted names: between "DAN" and "PETER".
  const between = /\bbetween\s+"([^"\n]{1,40})"\s+and\s+"([^"\n]{1,40})"/.exec(text.slice(0, openingEnd).replace(/[\u201C\u201D]/g, '"'));
  if (between) for (const alias of [between[1], between[2]]) add({ alias, role: roleOfWord(alias), takesArticle: false });

  // Role words used as names without a formal definition ("Provider will...").
  const counts = roleWords ? null : roleWordCounts(text);
  for (const w of [...SUPPLIER_ROLE_WORDS, ...CUSTOMER_ROLE_WORDS]) {
    if (parties.some((p) => p.alias.toLowerCase() === w.toLowerCase())) continue;
    const count = roleWords ? roleWords.count(w, text) : counts!.get(w) ?? 0;
    if (count >= 5 && roleOfWord(w) !== 'unknown') add({ alias: w, role: roleOfWord(w), takesArticle: true });
  }

  // Aliases without a role word: decide from usage ("VIP shall provide" vs "BNL shall pay").
  for (const p of parties) {
    if (p.role !== 'unknown') continue;
    const [supplierUse, customerUse] = countAtEach(text, p.alias, ALIAS_USES);
    if (supplierUse > customerUse) p.role = 'supplier';
    else if (customerUse > supplierUse) p.role = 'customer';
  }
  // Two parties, one role known: the other is its counterpart.
  const named = parties.filter((p) => p.legalName);
  if (named.length === 2) {
    const [a, b] = named;
    if (a.role === 'unknown' && b.role !== 'unknown') a.role = b.role === 'supplier' ? 'customer' : 'supplier';
    if (b.role === 'unknown' && a.role !== 'unknown') b.role = a.role === 'supplier' ? 'customer' : 'supplier';
  }
  return parties;
}

/**
 * What follows an alias used as the supplier ("VIP shall provide") and as the customer ("BNL shall
 * pay"), read from where the name (and a closing quote after it) ends: fixed sticky expressions,
 * where each document once compiled two of its own around the alias (issue 13, cli).
 */
export const ALIAS_USES = [
  /[^.;]{0,30}\b(?:shall|will|agrees to|must)\s+(?:\w+\s+){0,2}(?:provide|perform|deliver|maintain|host|support|process|supply|render|develop|ship|manufacture|sell|accept,? reject)/y,
  /[^.;]{0,30}\b(?:shall|will|agrees to|must)\s+(?:\w+\s+){0,2}(?:pay|reimburse|compensate|submit (?:all )?(?:purchase )?orders|purchase|order)/y,
];

/**
 * How many matches `\b<literal>"?\b<tail>` has in the text for each sticky tail, counted as a global
 * expression would count them (each search going on from the end of the last match). The literal's
 * places are found with indexOf, the word boundaries and the optional quote are tested by hand (in
 * the order the expression tries them: with the quote first), and only the tail is an expression,
 * the same for every document, instead of one expression per document and alias (issue 13).
 */
export function countAtEach(text: string, literal: string, tails: RegExp[]): number[] {
  const counts = tails.map(() => 0);
  const from = tails.map(() => 0);
  for (let at = text.indexOf(literal); at >= 0; at = at < text.length ? text.indexOf(literal, at + 1) : -1) {
    if (!atWordBoundary(text, at)) continue;
    const end = at + literal.length;
    const quoted = text.charCodeAt(end) === 34;
    for (let k = 0; k < tails.length; k++) {
      if (at < from[k]) continue;
      const tail = tails[k];
      let after = quoted ? tailAt(text, end + 1, tail) : -1;
      if (after < 0) after = tailAt(text, end, tail);
      if (after >= 0) {
        counts[k]++;
        from[k] = after;
      }
    }
  }
  return counts;
}

/** Where the sticky tail's match ends when `\b` holds at `at` and the tail matches there; -1 otherwise. */
function tailAt(text: string, at: number, tail: RegExp): number {
  if (!atWordBoundary(text, at)) return -1;
  tail.lastIndex = at;
  return tail.test(text) ? tail.lastIndex : -1;
}

function countMatches(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

function textBefore(block: Block, sourceOffset: number, length: number): string {
  // Find the plain-text index for the source offset.
  let i = 0;
  while (i < block.text.length && sourceOffsetAt(block, i) < sourceOffset) i++;
  return block.text.slice(Math.max(0, i - length), i);
}

/** "... and Tailspin Systems Limited, a company registered in England (the " -> the legal name. */
function legalNameBefore(before: string): string | null {
  // Folding white space first keeps the name pattern below linear (no ambiguous \s* runs).
  const cut = before.replace(/\s+/g, ' ').replace(/\(\s*(?:the|hereinafter(?: referred to as)?|each a|collectively)?\s*"?$/i, '');
  const clause = cut.split(/\b(?:between|and|by|with)\b/).pop() ?? cut;
  const firstPart = clause.split(/,\s+(?:a|an|the|with|having|whose)\b/)[0];
  // A name may start with a lower-case prefix before a capital ("eGain Communications Corporation").
  const m = /((?:(?:\b[a-z]{1,2})?[A-Z][\w&.'-]*,? ){0,7}[A-Z][\w&.'-]*)$/.exec(firstPart.trim().replace(/,$/, ''));
  const candidate = (m?.[1] ?? firstPart).trim().replace(/,$/, '').trim();
  if (!candidate || !/^(?:[a-z]{1,2})?[A-Z]/.test(candidate)) return null;
  if (LEGAL_SUFFIX.test(candidate) || /^[A-Z][\w&'-]+(?:\s+[A-Z][\w&'-]+){1,6}$/.test(candidate)) return candidate;
  return null;
}

/** The parties front matter names (model/front-matter.ts has checked their shape). */
function readFrontMatterParties(src: FrontMatterSettings['parties']): Party[] {
  const out: Party[] = [];
  for (const role of ['supplier', 'customer'] as const) {
    const v = src?.[role];
    if (typeof v === 'string' && v.trim()) out.push({ alias: v.trim(), role, takesArticle: isRoleWord(v.trim()) });
    else if (v && typeof v === 'object') {
      const alias = String(v.alias ?? v.name ?? '').trim();
      if (alias) out.push({ alias, legalName: typeof v.name === 'string' ? v.name : undefined, role, takesArticle: isRoleWord(alias) });
    }
  }
  return out;
}

/**
 * A word of the contract's own voice ("we", "you"). Like a role word it never runs across a line
 * start, so counting it per parse chunk gives the whole text's count.
 */
export const VOICE_WORD = /\b(?:[Ww]e|[Yy]ou)\b/;
/** The key of VOICE_WORD among the counted role words (no role word starts with a NUL). */
const VOICE_KEY = '\u0000voice';
const countedPattern = (key: string): RegExp => (key === VOICE_KEY ? new RegExp(VOICE_WORD.source, 'g') : roleWordPattern(key));

const countsOfModel = new WeakMap<object, RoleWordCounts>();
/** Notes the per-chunk counts a model was built with (model/incremental.ts), for later questions about the same text. */
export function noteRoleWordCounts(model: object, counts: RoleWordCounts): void {
  countsOfModel.set(model, counts);
}
/** The per-chunk counts a model was built with, if it was built incrementally. */
export function roleWordCountsOf(model: object): RoleWordCounts | undefined {
  return countsOfModel.get(model);
}

/** A role word used as a name ("Provider will..."), not "Provider's own" or "Provider's sole". */
export function roleWordPattern(word: string): RegExp {
  return new RegExp(`\\b${word}\\b(?!['\u2019]s\\s+(?:own|sole))`, 'g');
}

const ROLE_WORDS = [...SUPPLIER_ROLE_WORDS, ...CUSTOMER_ROLE_WORDS];
const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Per role word, the shorter role words it ends after a space ("Provider" for "Service Provider").
 * Role words contain one another only so (test/model/parties.test.ts checks).
 */
const ENDED = new Map(ROLE_WORDS.map((w) => [w, ROLE_WORDS.filter((v) => w.endsWith(` ${v}`))] as const));
/** Role words longest first (the order roleWordCounts' alternatives are tried in), by first letter. */
const ROLE_WORDS_BY_FIRST = new Map<string, string[]>();
for (const w of [...ROLE_WORDS].sort((a, b) => b.length - a.length)) ROLE_WORDS_BY_FIRST.set(w[0], [...(ROLE_WORDS_BY_FIRST.get(w[0]) ?? []), w]);
/**
 * Every role word, longest first, as roleWordPattern reads each. Written as the role words' first
 * letters, then the `\b` before them as a look-behind (every role word opens with a word character,
 * so `\b` there means no word character before it), then the rests of the words that open with the
 * letter read (longest first): V8 scans for the class's letters and tries the words only there,
 * where `\b(?:...)` first tried the alternatives at every place of the text (issue 13, climodel:
 * the search over cuad-dev's 252 texts 44 ms against 26). The same matches: at one place only words
 * of one first letter can match, tried in the same order as before.
 */
const ANY_ROLE_WORD = new RegExp(`[${[...ROLE_WORDS_BY_FIRST.keys()].join('')}](?<![\\w][\\s\\S])(?:${[...ROLE_WORDS_BY_FIRST]
  .map(([first, words]) => `(?<=${first})(?:${words.map((w) => escapeWord(w.slice(1))).join('|')})`).join('|')})\\b(?!['\u2019]s\\s+(?:own|sole))`, 'g');

/**
 * How often each role word occurs in a text, as countMatches(text, roleWordPattern(word)) counts it,
 * in one pass over the text instead of one per role word (about 4% of a plain-text contract's review,
 * issue 13). A match of "Service Provider" counts for "Provider" too: the shorter word ends where the
 * longer one does, so it passes the same checks there, and the pass never finds it again inside.
 */
export function roleWordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (w: string) => counts.set(w, (counts.get(w) ?? 0) + 1);
  ANY_ROLE_WORD.lastIndex = 0;
  for (let m = ANY_ROLE_WORD.exec(text); m; m = ANY_ROLE_WORD.exec(text)) {
    add(m[0]);
    for (const v of ENDED.get(m[0])!) add(v);
  }
  return counts;
}

/**
 * How often each role word occurs in the text (as findParties counts them), kept per parse chunk
 * of the incremental model (model/incremental.ts) so that an edit recounts only the chunks it
 * re-parsed instead of running every role word's expression over the whole text (issue 13).
 * Counting per chunk gives the whole text's count: a chunk starts at a line that opens a heading,
 * so a match (a word, and the "'s own" after it) never runs across two chunks.
 */
export class RoleWordCounts {
  /**
   * How often the text uses a word of a plain-language contract's own voice ("we", "you", as
   * VOICE_WORD matches them), counted per chunk like the role words: pronounRoles
   * (model/language.ts) adds no names without one, so an edit need not read the whole text to say so.
   */
  voiceWords(text: string): number {
    return this.count(VOICE_KEY, text);
  }


  // Per role word counted so far: its count in each chunk, and their sum.
  private constructor(private readonly starts: readonly number[], private readonly words: Map<string, { perChunk: Int32Array; total: number }>) {}

  static of(chunkStarts: readonly number[]): RoleWordCounts {
    return new RoleWordCounts(chunkStarts, new Map());
  }

  /** The count of `word` in `text` (the text these chunks were cut from), counted once over the whole text. */
  count(word: string, text: string): number {
    let e = this.words.get(word);
    if (!e) {
      const perChunk = new Int32Array(this.starts.length);
      let total = 0;
      for (const m of text.matchAll(countedPattern(word))) {
        perChunk[lastIndexAtOrBefore(this.starts, m.index!)]++;
        total++;
      }
      this.words.set(word, (e = { perChunk, total }));
    }
    return e.total;
  }

  /**
   * The counts after an edit replaced chunks [first, next) with `fresh` new ones (starting at
   * `starts[first]` of the new list), the rest kept in order: only the new chunks are counted.
   */
  spliced(starts: readonly number[], first: number, next: number, fresh: number, text: string): RoleWordCounts {
    const words = new Map<string, { perChunk: Int32Array; total: number }>();
    // The new chunks' role words counted in one pass each (roleWordCounts), not one pass per word.
    const chunks: string[] = [];
    const roles: Array<Map<string, number>> = [];
    for (let c = first; c < first + fresh; c++) {
      const chunk = text.slice(starts[c], c + 1 < starts.length ? starts[c + 1] : text.length);
      chunks.push(chunk);
      roles.push(roleWordCounts(chunk));
    }
    // A keystroke re-reads as many chunks as it replaces and seldom changes a count: then the word
    // keeps its entry (never written after it is made), rather than a new array per word per edit
    // (22 arrays of a chunk count each for the 1 MB bench contract) that lives until the next edit.
    const counted = new Int32Array(fresh);
    for (const [word, e] of this.words) {
      const re = ENDED.has(word) ? null : countedPattern(word);
      let same = fresh === next - first;
      for (let k = 0; k < fresh; k++) {
        const n = re ? countMatches(chunks[k], re) : roles[k].get(word) ?? 0;
        counted[k] = n;
        if (same && n !== e.perChunk[first + k]) same = false;
      }
      if (same) {
        words.set(word, e);
        continue;
      }
      const perChunk = new Int32Array(starts.length);
      perChunk.set(e.perChunk.subarray(0, first), 0);
      perChunk.set(e.perChunk.subarray(next), first + fresh);
      let total = e.total;
      for (let c = first; c < next; c++) total -= e.perChunk[c];
      for (let k = 0; k < fresh; k++) {
        perChunk[first + k] = counted[k];
        total += counted[k];
      }
      words.set(word, { perChunk, total });
    }
    return new RoleWordCounts(starts, words);
  }
}

/**
 * Defined terms that name no party: what `/^(agreement|effective date|services?|parties|party|msa|sow|contract|terms)$/i`
 * matched, as a set of lower-case words: the expression was compiled on every cold run for nothing
 * (issue 13, cold). toLowerCase folds as `/i` does here: the only characters outside ASCII it makes
 * ASCII are the Kelvin sign (a "k", in none of the words) and the dotted capital I (two characters).
 */
const GENERIC_TERMS = new Set(['agreement', 'effective date', 'service', 'services', 'parties', 'party', 'msa', 'sow', 'contract', 'terms']);

