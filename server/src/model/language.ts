import type { ContractModel, PartyRole, Sentence } from './types';
import { SUPPLIER_ROLE_WORDS, CUSTOMER_ROLE_WORDS, roleWordCountsOf, VOICE_WORD } from './parties';
import { foldQuotes, matchesIn } from './text';
import { PartyNameSearch } from './name-search';
import { holdsAny } from './word-gate';

/**
 * Reading a sentence as an obligation: who owes it, with what modal, and whether it is negated.
 * The analysis is deliberately shallow (the subject is the party named nearest before the modal),
 * which is how contract sentences are written: "The Supplier shall ...", "Each party will ...".
 */
export interface Obligation {
  modal: string;
  owner: PartyRole | 'both';
  negated: boolean;
  /** Offset of the modal inside the sentence text. */
  at: number;
}

const MODAL = /\b(shall|must|will|agrees? to|undertakes? to|is required to|are required to|(?:is|are|remains?|shall be) (?:solely )?responsible (?:for|to)|warrants?|represents? and warrants?|covenants? to|commits? to|guarantees?)\b/gi;

export interface PartyMatchers {
  supplier: RegExp;
  customer: RegExp;
}

const matcherCache = new WeakMap<ContractModel, PartyMatchers>();
/** Each party matcher's search by its names (model/name-search.ts). */
const searches = new WeakMap<RegExp, PartyNameSearch>();

/**
 * The search a party matcher of partyMatchers makes, done on its names without compiling the
 * expression (each document has matchers of its own: issue 13, cli); undefined for any other
 * expression. Use it only where `exact(ignoreCase)` says it reads as the expression does.
 */
export function partyNameSearch(re: RegExp): PartyNameSearch | undefined {
  return searches.get(re);
}

/**
 * lastMatchAt for a party matcher (searched without its flags but g, so case-sensitively): by its
 * names where that is exact, else by the expression.
 */
export function lastPartyAt(text: string, re: RegExp): number {
  const search = searches.get(re);
  return search && search.exact(false) ? search.last(text, false) : lastMatchAt(text, re);
}

/** Regexes matching the names the document uses for each side. */
export function partyMatchers(model: ContractModel): PartyMatchers {
  const hit = matcherCache.get(model);
  if (hit) return hit;
  const names = (role: PartyRole, words: string[]) => {
    const set = new Set<string>(words);
    for (const p of model.parties) {
      if (p.role !== role) continue;
      set.add(p.alias);
      if (p.legalName) set.add(p.legalName);
    }
    const sorted = [...set].sort((a, b) => b.length - a.length);
    const alts = sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // "Customer Data", "Supplier Materials": a party name followed by a capitalised noun names a
    // thing, not the party (but "Supplier Personnel" still acts for the supplier).
    const re = new RegExp(`\\b(?:${alts.join('|')})(?:['\u2019]s)?\\b(?!\\s+(?!Personnel\\b|Staff\\b|Representatives?\\b|Affiliates?\\b|Group\\b|Shall\\b|Will\\b|Must\\b|May\\b)[A-Z][a-z])`, 'g');
    // The same search without compiling the expression (it is compiled only where it is run).
    searches.set(re, new PartyNameSearch(sorted));
    return re;
  };
  // "Company" is a role word only when the parties say which side it is.
  const supplierWords = SUPPLIER_ROLE_WORDS.filter((w) => w !== 'Company' || model.parties.some((p) => p.alias === 'Company' && p.role === 'supplier'));
  const customerWords = [...CUSTOMER_ROLE_WORDS, ...(model.parties.some((p) => p.alias === 'Company' && p.role === 'customer') ? ['Company'] : [])];
  const pronouns = pronounRoles(model);
  const result = { supplier: names('supplier', [...supplierWords, ...pronouns.supplier]), customer: names('customer', [...customerWords, ...pronouns.customer]) };
  matcherCache.set(model, result);
  return result;
}

const FIRST = ['We', 'we', 'Us', 'us', 'Our', 'our'];
const SECOND = ['You', 'you', 'Your', 'your'];

/**
 * Plain-language contracts ("we", "I", "you"): which side each voice is. A quoted definition
 * ('Tollgate Ltd ("Supplier", "we")') decides; otherwise who provides the work and who pays:
 * "we will build ... you will pay" makes the writer the supplier.
 */
export function pronounRoles(model: ContractModel): { supplier: string[]; customer: string[] } {
  // Without "we" or "you" in the text the answer is no names, whatever else it says (see the last
  // test below; folding quotes changes no word boundary). Asked first, from the per-chunk count of
  // an incrementally built model where there is one: most contracts never use them, and the
  // questions below were seven passes over the whole text per review (issue 13).
  const counts = roleWordCountsOf(model);
  if (counts ? counts.voiceWords(model.text) === 0 : !VOICE_WORD.test(model.text)) return { supplier: [], customer: [] };
  const text = foldQuotes(model.text);
  const first = /\bI (?:will|shall|agree|am)\b/.test(text) ? [...FIRST, 'I', 'me', 'my'] : FIRST;
  const roleNear = (pronoun: RegExp): PartyRole | null => {
    const m = pronoun.exec(text);
    if (!m) return null;
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    const lastOf = (words: string[], role: PartyRole) => {
      const names = [...words, ...model.parties.filter((p) => p.role === role).map((p) => p.alias)];
      let at = -1;
      for (const n of names) at = Math.max(at, before.lastIndexOf(n));
      return at;
    };
    const sup = lastOf(SUPPLIER_ROLE_WORDS, 'supplier');
    const cus = lastOf(CUSTOMER_ROLE_WORDS, 'customer');
    return sup < 0 && cus < 0 ? null : sup > cus ? 'supplier' : 'customer';
  };
  let we = roleNear(/"(?:we|us|I)"/i);
  let you = roleNear(/"you"/i);
  const WORK = String.raw`(?:will|shall|agree to|must)\s+(?:\w+\s+)?(?:provide|deliver|perform|design|develop|build|create|host|maintain|support|supply)`;
  const PAY = String.raw`(?:will|shall|agree to|must)\s+(?:\w+\s+)?pay\b`;
  if (!we && !you) {
    const weWork = new RegExp(String.raw`\b(?:[Ww]e|I)\s+${WORK}`).test(text);
    const youWork = new RegExp(String.raw`\b[Yy]ou\s+${WORK}`).test(text);
    const youPay = new RegExp(String.raw`\b[Yy]ou\s+${PAY}`).test(text);
    const wePay = new RegExp(String.raw`\b(?:[Ww]e|I)\s+${PAY}`).test(text);
    if ((weWork && !youWork) || (youPay && !wePay)) { we = 'supplier'; you = 'customer'; }
    else if ((youWork && !weWork) || (wePay && !youPay)) { we = 'customer'; you = 'supplier'; }
  }
  if (we && !you) you = we === 'supplier' ? 'customer' : 'supplier';
  if (you && !we) we = you === 'supplier' ? 'customer' : 'supplier';
  // Without any of these pronouns in use, add nothing (a formal contract's "you" in a quoted example is not a party).
  if (!we || !VOICE_WORD.test(text)) return { supplier: [], customer: [] };
  return we === 'supplier' ? { supplier: first, customer: SECOND } : { supplier: SECOND, customer: first };
}

const BOTH = /\b(?:each party|either party|both parties|the parties|each of the parties|neither party|a party|the party)\b/i;

/** Each expression's global copy (its source, flag g only), made once. */
const globalCopies = new WeakMap<RegExp, RegExp>();

/**
 * Where the last match of `re`'s source (no flags but g) starts in `text`, searching on from each
 * match's end as matchAll does; -1 when there is none. One kept copy of the expression and exec,
 * where matchAll of a new RegExp per call made an expression, a clone of it and an iterator each
 * time (the scans ask this three times per modal verb of a candidate sentence: issue 13, cli).
 */
export function lastMatchAt(text: string, re: RegExp): number {
  let g = globalCopies.get(re);
  if (!g) globalCopies.set(re, (g = new RegExp(re.source, 'g')));
  g.lastIndex = 0;
  let pos = -1;
  for (let x = g.exec(text); x; x = g.exec(text)) {
    pos = x.index;
    // An empty match moves on one character, as matchAll does (no u flag: one code unit).
    if (x[0] === '') g.lastIndex++;
  }
  return pos;
}

/** The obligations a sentence expresses, each with the party that owes it. */
export function obligationsIn(sentence: Sentence | string, m: PartyMatchers): Obligation[] {
  const text = foldQuotes(typeof sentence === 'string' ? sentence : sentence.text);
  const out: Obligation[] = [];
  for (const mm of matchesIn(MODAL, text)) {
    const at = mm.index!;
    // The subject: the last party name in the 90 characters before the modal, within the clause.
    const before = subjectWindow(text, at);
    const s = lastPartyAt(before, m.supplier);
    const c = lastPartyAt(before, m.customer);
    const b = lastMatchAt(before, BOTH);
    let owner: Obligation['owner'] = 'unknown';
    const best = Math.max(s, c, b);
    if (best >= 0) owner = best === b ? 'both' : best === s ? 'supplier' : 'customer';
    out.push({ modal: mm[0].toLowerCase(), owner, negated: negatedAt(text, at, mm[0].length, before), at });
  }
  return out;
}

/** The clause before a modal at `at` that obligationsIn looks for its subject in (90 characters, cut at the last ; or :). */
function subjectWindow(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 90), at);
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** Which of negatedAt's three expressions have run in this process (and so are compiled). */
const negationRan = [false, false, false];
/** For tests: asks negatedAt's gates again, as in a fresh process. */
export function forgetNegationRuns(): void {
  negationRan.fill(false);
}

/**
 * Whether negatedAt's expression `k` may match `text`: not unless the text holds one of its words
 * (case aside), until the expression has run once in this process. A cold run on a contract without
 * a negated duty compiled all three for nothing (issue 13, cold); once one is compiled, a
 * lower-cased copy per modal would cost more than it spares, so it is no longer asked.
 */
function negationMayMatch(k: number, text: string, words: readonly string[]): boolean {
  if (negationRan[k]) return true;
  if (!holdsAny(text.toLowerCase(), words)) return false;
  return (negationRan[k] = true);
}

/** Is the modal at `at` (of `length` characters) negated, as obligationsIn reads it? */
function negatedAt(text: string, at: number, length: number, before: string): boolean {
  const after = text.slice(at, at + length + 12);
  if (negationMayMatch(0, after, ['not', 'never']) && /^\w+(?:\s+\w+)?\s+(?:not|never)\b/i.test(after)) return true;
  if (negationMayMatch(1, before, ['neither party', 'no party']) && /\bneither party\b|\bno party\b/i.test(before)) return true;
  const last = before.slice(-40);
  return negationMayMatch(2, last, ['nothing']) && /\bnothing\b/i.test(last);
}

/**
 * What the categories' supplierSide reads of obligationsIn(sentence): 0 when it has no obligation,
 * 1 when some obligation is not negated and not owed by the customer, 2 otherwise. Each modal is
 * read as obligationsIn reads it, but the reading stops at the first that answers 1, and the
 * supplier's and joint subjects are looked for only when the customer is named before the modal
 * (only then can the owner be the customer: the customer's name must come after both). It was a
 * fifth of the category scans of a first 1 MB review (issue 13, categories).
 */
export function supplierDutyIn(sentence: string, m: PartyMatchers): 0 | 1 | 2 {
  const text = foldQuotes(sentence);
  const modals = matchesIn(MODAL, text);
  for (let k = 0; k < modals.length; k++) {
    const at = modals[k].index!;
    const before = subjectWindow(text, at);
    const c = lastPartyAt(before, m.customer);
    // obligationsIn's owner is the customer exactly when its name is found after the supplier's and the joint subject's.
    if (c >= 0 && c > lastPartyAt(before, m.supplier) && c > lastMatchAt(before, BOTH)) continue;
    if (!negatedAt(text, at, modals[k][0].length, before)) return 1;
  }
  return modals.length ? 2 : 0;
}



// --- Numbers ---------------------------------------------------------------------------------

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, 'twenty-four': 24, thirty: 30, forty: 40, 'forty-eight': 48, sixty: 60, 'seventy-two': 72, ninety: 90, hundred: 100,
};
const NUM = `(?:\\d+(?:[.,]\\d+)?|${Object.keys(WORD_NUMBERS).join('|')})(?:\\s*\\(\\d+\\))?`;
/** A number in digits or words ("3", "three", "twenty-four"), for use inside other patterns. */
export const NUMBER_PATTERN = `\\d+|${Object.keys(WORD_NUMBERS).sort((a, b) => b.length - a.length).join('|')}`;

export interface Duration { value: number; unit: 'minute' | 'hour' | 'day' | 'business-day' | 'week' | 'month' | 'year'; hours: number; at: number; length: number }

const DURATION = new RegExp(`\\b(${NUM})[\\s-]*(?:\\(\\s*\\d+\\s*\\)\\s*)?(calendar\\s+|business\\s+|working\\s+)?(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\b`, 'gi');

export function parseNumberWord(s: string): number {
  const t = s.toLowerCase().replace(/\s*\(\d+\)/, '').trim();
  if (t in WORD_NUMBERS) return WORD_NUMBERS[t];
  return Number(t.replace(/,/g, ''));
}

/** "within 24 hours", "five (5) business days", "30-day": durations with their length in hours. */
export function durationsIn(text: string): Duration[] {
  const out: Duration[] = [];
  for (const m of matchesIn(DURATION, text)) {
    const value = parseNumberWord(m[1]);
    if (!Number.isFinite(value)) continue;
    const u = m[3].toLowerCase();
    const business = Boolean(m[2] && /business|working/i.test(m[2]));
    let unit: Duration['unit'];
    let hours: number;
    if (u.startsWith('min')) { unit = 'minute'; hours = value / 60; }
    else if (u.startsWith('h')) { unit = 'hour'; hours = value; }
    else if (u.startsWith('d')) { unit = business ? 'business-day' : 'day'; hours = value * (business ? 24 * 7 / 5 : 24); }
    else if (u.startsWith('w')) { unit = 'week'; hours = value * 168; }
    else if (u.startsWith('mo')) { unit = 'month'; hours = value * 730; }
    else { unit = 'year'; hours = value * 8760; }
    out.push({ value, unit, hours, at: m.index!, length: m[0].length });
  }
  return out;
}

export interface Percentage { value: number; at: number; length: number }

const PERCENTAGE = /\b(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)/gi;

/** "99.9%", "99.5 percent", "ninety-nine per cent". */
export function percentagesIn(text: string): Percentage[] {
  const out: Percentage[] = [];
  for (const m of matchesIn(PERCENTAGE, text)) {
    out.push({ value: Number(m[1]), at: m.index!, length: m[0].length });
  }
  return out;
}

/** Money amounts: "GBP 5,000,000", "$1 million", "EUR 250k", "£10,000". */
export function hasMoneyAmount(text: string): boolean {
  return /(?:[$£€¥]\s?\d|\b(?:USD|GBP|EUR|CHF|AUD|CAD|JPY|dollars?|pounds?|euros?)\s?\d|\d[\d,.]*\s?(?:million|m|k)?\s?(?:USD|GBP|EUR|dollars|pounds|euros)\b)/i.test(text);
}
