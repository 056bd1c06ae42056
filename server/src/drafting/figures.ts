/**
 * One measured thing given different figures in two places: the annual fee is GBP 120,000 in one
 * clause and GBP 125,000 in another, the notice to terminate for convenience is 90 days here and
 * 60 days there.
 *
 * Figures are keyed by what they measure, never by the number alone: each measure below says which
 * sentences state it and where its figure stands. A sentence that could state several things (two
 * figures, a tier, a change to an earlier figure, an exception) is left out, because a wrong key
 * gives a wrong finding. Precision matters more than recall here.
 */
import type { ContractModel, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { durationsIn, percentagesIn, type Duration } from '../model/language';
import { sentenceReuseOf, sentencesOf, type SentenceInfo } from '../categories/scan';
import { firstIndexAtOrAfter, lastIndexAtOrBefore } from '../model/lineIndex';
import { describesSecurityIncident } from '../categories/breach-notification';
import { factsActive, memo } from '../model/facts';
import { spliceTraceOf } from '../model/trace';
import { anyWordExpression } from '../model/word-gate';
import { wordBits } from './word-bits';

export type FigureKind = 'money' | 'duration' | 'percent';

export interface Figure {
  /** What it measures, with the party it applies to when that matters: "termination-notice:customer". */
  key: string;
  /** In words, for messages: "the notice period to terminate for convenience". */
  label: string;
  kind: FigureKind;
  /** Comparable value: the amount, the percentage, or the length in hours. */
  value: number;
  /** Currency of an amount ("GBP"); empty otherwise. */
  currency: string;
  /** As written ("sixty (60) days"). */
  text: string;
  span: Span;
}

export interface InconsistentFigure {
  figure: Figure;
  /** The figure most of the document gives for the same thing (the first one on a tie). */
  reference: Figure;
}

// --- Figures in a sentence ------------------------------------------------------------------------

const CURRENCY: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR', '¥': 'JPY', gbp: 'GBP', usd: 'USD', 'us$': 'USD', eur: 'EUR', chf: 'CHF', aud: 'AUD', cad: 'CAD', jpy: 'JPY', pounds: 'GBP', pound: 'GBP', dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR' };
const MONEY = /(?:(?<sym>[£$€¥]|\b(?:GBP|USD|US\$|EUR|CHF|AUD|CAD|JPY))\s?(?<n1>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<s1>million|m|k|thousand)\b)?|\b(?<n2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<s2>million|thousand))?\s?(?<code>GBP|USD|EUR|CHF|AUD|CAD|JPY|pounds(?: sterling)?|dollars|euros)\b)/gi;

interface Money { value: number; currency: string; at: number; length: number }

/** Money amounts: "GBP 120,000", "£1.5 million", "250,000 euros". */
export function moneyIn(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
    const g = m.groups!;
    const n = Number((g.n1 ?? g.n2).replace(/,/g, ''));
    const scale = (g.s1 ?? g.s2 ?? '').toLowerCase();
    const factor = scale === 'million' || scale === 'm' ? 1e6 : scale === 'k' || scale === 'thousand' ? 1e3 : 1;
    const cur = CURRENCY[(g.sym ?? g.code ?? '').toLowerCase().replace(/ sterling$/, '')] ?? (g.sym ?? g.code ?? '').toUpperCase();
    out.push({ value: n * factor, currency: cur, at: m.index!, length: m[0].length });
  }
  return out;
}

// --- What is measured -----------------------------------------------------------------------------

/** A sentence that changes, compares or excepts a figure states no figure of its own to compare. */
export const CHANGES = /\b(?:amend(?:ed|ment)?|replaced?|increase[sd]?|decrease[sd]?|reduce[sd]?|instead of|in lieu of|revised|changed?|adjust(?:ed|ment)?|index(?:ed|ation)|escalat\w*|greater of|lesser of|higher of|lower of|whichever is)\b/i;
/*
 * Lower-case words one of which every match of the expression beside them holds (model/word-gate.ts):
 * a sentence without any is not searched, so a contract without such sentences never compiles it.
 */
export const CHANGES_WORDS = ['amend', 'replace', 'increase', 'decrease', 'reduce', 'instead of', 'in lieu of', 'revised', 'change', 'adjust', 'index', 'escalat', 'greater of', 'lesser of', 'higher of', 'lower of', 'whichever is'];

// A role word or a capitalised name ("Tailspin"); case matters, so that "the" or "its" is no party.
const PARTY_WORD = String.raw`(?:[Ee]ither [Pp]arty|[Ee]ach [Pp]arty|[A-Z][A-Za-z]{2,})`;
const NOT_A_PARTY = /^(?:the|this|that|its|their|any|such|each|either|his|her|our|your)$/i;

/** Who the figure applies to: the party named just before a phrase ("the Customer may terminate"). */
function subject(flat: string, before: RegExp): string {
  let find = subjects.get(before.source);
  if (find === undefined) subjects.set(before.source, (find = new RegExp(String.raw`\b(${PARTY_WORD})(?:['\u2019]s)?\s+${before.source}`)));
  const m = find.exec(flat);
  if (!m || NOT_A_PARTY.test(m[1])) return 'any';
  const who = m[1].toLowerCase();
  // PARTY_WORD writes these two with one space: the whole lower-cased word, compared as it is.
  return who === 'either party' || who === 'each party' ? 'each' : who;
}
/** subject's expression per phrase (by its source), made once rather than per sentence; no flags, no lastIndex to keep. */
const subjects = new Map<string, RegExp>();

interface Measure {
  id: string;
  label: string;
  kind: FigureKind;
  /**
   * The first test of whether the sentence states this measure, with words one of which each of its
   * matches holds: run only when the sentence holds one (lower-cased), so rarely compiled.
   */
  gate: { pattern: RegExp; anyOf: readonly string[] };
  /** The rest of the test: the sentence states this measure (asked only when the gate matched). */
  states: (s: SentenceInfo) => boolean;
  /** The figure of the measure in the sentence, or null when there is none or more than one. */
  figure: (s: SentenceInfo) => { value: number; currency: string; at: number; length: number; hours?: number } | null;
  /** Whose figure it is, when parties may have different ones. */
  who?: (s: SentenceInfo) => string;
}

/** The only duration of the sentence that the test accepts, or null. */
function onlyDuration(s: SentenceInfo, ok: (d: Duration, before: string, after: string) => boolean): (Duration & { currency: string }) | null {
  const found = durationsIn(s.text).filter((d) => ok(d, s.text.slice(0, d.at), s.text.slice(d.at + d.length)));
  return found.length === 1 ? { ...found[0], currency: '' } : null;
}

const NOTICE_AFTER = /^['\u2019]?s?\s*(?:\(\d+\)\s*)?(?:(?:prior|advance|written|prior written|advance written)\s+)?notice\b/i;
const NOTICE_BEFORE = /\bnotice\s+(?:period\s+)?of\s+(?:at least\s+|not less than\s+|no less than\s+)?$/i;
const DEADLINE_BEFORE = /\b(?:within|no later than|not later than|not more than|no more than|in any event within)\s+$/i;
const INVOICE_AFTER = /^\s*(?:\(\d+\)\s*)?(?:of|after|from|following)\s+(?:the\s+)?(?:(?:date of|receipt of|its receipt of|the receipt of|issue of|the date of)\s+)?(?:(?:the|a|an|each|any|such|valid|undisputed|correct|proper|properly rendered|correctly rendered)\s+)*invoice/i;
export const FEE_PHRASE = /\b(annual|yearly|monthly|quarterly)\s+(?:subscription\s+|service\s+|support\s+|maintenance\s+|licen[cs]e\s+|hosting\s+|management\s+)?(?:fee|charge)s?\b/i;

/** An incident notice to someone other than the customer, or about updates: not the deadline compared. */
export const NOT_FIRST_NOTICE = /\b(?:supervisory|regulator\w*|authorit(?:y|ies)|data subjects?|individuals|severity|priority|P[1-4]|updates?|full report|final report|follow-up|thereafter|every|each)\b/i;
export const NOT_FIRST_NOTICE_WORDS = ['supervisory', 'regulator', 'authorit', 'data subject', 'individuals', 'severity', 'priority', 'p1', 'p2', 'p3', 'p4', 'update', 'full report', 'final report', 'follow-up', 'thereafter', 'every', 'each'];
/** NOT_FIRST_NOTICE_WORDS in one search of the sentence as it is (model/word-gate.ts anyWordExpression). */
const NOT_FIRST_NOTICE_GATE = anyWordExpression(NOT_FIRST_NOTICE_WORDS);

export const MEASURES: Measure[] = [
  {
    id: 'liability-cap',
    label: 'the cap on liability',
    kind: 'money',
    gate: { pattern: /\b(?:total|aggregate|maximum|entire|cumulative)\b[^.;]{0,40}\bliabilit/i, anyOf: ['liabilit'] },
    states: (s) => /\b(?:shall not exceed|will not exceed|not exceed|limited to|capped at)\b/i.test(s.flat)
      && !/\b(?:data|personal|confidential|security|indemnit\w*|intellectual property|super|per (?:claim|event|incident|occurrence)|each (?:claim|event|incident|occurrence)|insur\w*|except|excluding|other than|in respect of|for breach of|year\s*\d|contract year|first|second)\b/i.test(s.flat),
    figure: (s) => { const m = moneyIn(s.text); return m.length === 1 ? m[0] : null; },
    who: (s) => subject(s.flat, /(?:(?:total|aggregate|maximum|entire|cumulative)\s+)+liabilit/),
  },
  {
    id: 'termination-notice',
    label: 'the notice period to terminate for convenience',
    kind: 'duration',
    gate: { pattern: /\bterminat/i, anyOf: ['terminat'] },
    states: (s) => /\b(?:for convenience|without cause|for any reason|for no reason)\b/i.test(s.flat)
      && !/\b(?:breach|cure|remed\w*|insolv\w*|renew\w*|expir\w*|fails? to|default|change of control)\b/i.test(s.flat),
    figure: (s) => onlyDuration(s, (d, before, after) => d.unit !== 'minute' && d.unit !== 'hour' && (NOTICE_AFTER.test(after) || NOTICE_BEFORE.test(before))),
    who: (s) => subject(s.flat, /(?:may|shall be entitled to|has the right to|can)\s+(?:at any time\s+)?terminat/),
  },
  {
    id: 'breach-notice',
    label: 'the deadline to notify a security breach',
    kind: 'duration',
    gate: { pattern: /\b(?:notif|inform|report|alert)\w*/i, anyOf: ['notif', 'inform', 'report', 'alert'] },
    states: (s) => describesSecurityIncident(s.flat) && !(NOT_FIRST_NOTICE_GATE.test(s.flat) && NOT_FIRST_NOTICE.test(s.flat)),
    figure: (s) => onlyDuration(s, (_d, before) => DEADLINE_BEFORE.test(before)),
  },
  {
    id: 'availability',
    label: 'the availability target',
    kind: 'percent',
    gate: { pattern: /\b(?:availab\w*|uptime|up-time)\b/i, anyOf: ['availab', 'uptime', 'up-time'] },
    states: (s) => /\b(?:at least|not less than|no less than|minimum|target|guarantee[sd]?|shall|will|must|commits?)\b/i.test(s.flat)
      && !/\b(?:credits?|discount|interest|tax|below|less than|falls?|fell|between|exceed\w*|tiers?|premium|standard|plan|enhanced|basic|gold|silver|bronze|planned|maintenance|during|each (?:service|component|region))\b/i.test(s.flat),
    figure: (s) => { const all = percentagesIn(s.text); const p = all.filter((x) => x.value >= 90 && x.value < 100); return p.length === 1 && all.length === 1 ? { ...p[0], currency: '' } : null; },
  },
  {
    id: 'payment-period',
    label: 'the time to pay an invoice',
    kind: 'duration',
    gate: { pattern: /\binvoice/i, anyOf: ['invoice'] },
    states: (s) => /\b(?:pay|paid|payable|payment|settle)\b/i.test(s.flat)
      && !/\b(?:disput\w*|interest|late|overdue|query|queries|object\w*|refund\w*|credit note|issue (?:an |its )?invoices?|invoice (?:the customer|monthly|quarterly|annually|in advance|in arrears))\b/i.test(s.flat),
    figure: (s) => onlyDuration(s, (d, _before, after) => (d.unit === 'day' || d.unit === 'business-day' || d.unit === 'month') && INVOICE_AFTER.test(after)),
  },
  {
    id: 'recurring-fee',
    label: 'the fee',
    kind: 'money',
    gate: { pattern: FEE_PHRASE, anyOf: ['fee', 'charge'] },
    states: (s) => !/\b(?:years?\s*\d|first|second|third|subsequent|renewal|thereafter|plus|discount\w*|per (?:user|seat|site|licen[cs]e|unit|device|location)|each (?:user|seat|site|additional|location)|additional|up to|exceed|maximum|minimum|cap|total|aggregate|including|excluding|exclusive|inclusive)\b/i.test(s.flat),
    figure: (s) => {
      const phrase = FEE_PHRASE.exec(s.text);
      const money = moneyIn(s.text);
      if (!phrase || money.length !== 1) return null;
      // The amount follows its fee closely: "an annual fee of GBP 120,000", "the Monthly Charge is £9,500".
      const gap = money[0].at - (phrase.index + phrase[0].length);
      return gap >= 0 && gap <= 25 ? money[0] : null;
    },
    // Named fees are different fees: ""Indenture Trustee Fee" means a monthly fee ...", "the Hosting Monthly Charge".
    who: (s) => {
      const phrase = FEE_PHRASE.exec(s.flat)!;
      const period = phrase[1].toLowerCase().replace('yearly', 'annual');
      const named = /(?:[A-Z][\w-]*\s+){1,3}$/.exec(s.flat.slice(0, phrase.index))?.[0].trim().split(/\s+/).filter((w) => !NOT_A_PARTY.test(w) && !/^(?:An?|Pay|Paid)$/.test(w)).join(' ');
      const term = s.isDefinition ? /["\u201C]([^"\u201D]{2,60})["\u201D]/.exec(s.flat)?.[1] : undefined;
      return [period, term ?? named].filter(Boolean).join(':').toLowerCase();
    },
  },
  {
    id: 'initial-term',
    label: 'the initial term',
    kind: 'duration',
    gate: { pattern: /\binitial\s+(?:term|period)\b/i, anyOf: ['initial'] },
    states: (s) => !/\b(?:renew\w*|extend\w*|extension|additional|thereafter|successive|notice|trial|pilot)\b/i.test(s.flat),
    figure: (s) => {
      const m = /\binitial\s+(?:term|period)\b/i.exec(s.text)!;
      return onlyDuration(s, (d) => (d.unit === 'month' || d.unit === 'year') && d.at > m.index && d.at - (m.index + m[0].length) <= 30);
    },
  },
];

/** Any word of any measure's gate (model/word-gate.ts anyWordExpression): a sentence without one states no measure. */
const MEASURE_WORDS = anyWordExpression(...MEASURES.map((m) => m.gate.anyOf));
/** Bit i: the sentence holds a word of MEASURES[i]'s gate; CHANGES_BIT: a word of CHANGES_WORDS. */
const GATE_BITS = wordBits([...MEASURES.map((m) => m.gate.anyOf), CHANGES_WORDS]);
const ALL_MEASURES = (1 << MEASURES.length) - 1;
const CHANGES_BIT = 1 << MEASURES.length;

// --- Finding the disagreements --------------------------------------------------------------------

/** Two figures agree when they are equal, durations within 5% (90 days and three months). */
function agree(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind || a.currency !== b.currency) return false;
  if (a.kind === 'duration') return Math.abs(a.value - b.value) <= 0.05 * Math.max(a.value, b.value);
  return a.value === b.value;
}

/** A figure one sentence states, by offset in the sentence's text: a pure function of that text. */
interface SentenceFigure { key: string; label: string; kind: FigureKind; value: number; currency: string; text: string; at: number; length: number }

/**
 * The figures a sentence states. Every input (the folded text, the flattened text, whether it is a
 * definition) is read from the sentence's own text, so it is memoised by that text while editing and
 * an edit re-reads only the sentences it touched.
 */
function sentenceFigures(s: SentenceInfo): SentenceFigure[] {
  // A one-shot review memoises nothing: no closure per sentence for memo to call.
  return factsActive() ? memo('figures', s.sentence.text, () => readSentenceFigures(s)) : readSentenceFigures(s);
}

function readSentenceFigures(s: SentenceInfo): SentenceFigure[] {
  // The measures' words first, in one search of the text as it is: most sentences hold none and
  // state no figure whatever CHANGES says.
  if (!MEASURE_WORDS.test(s.flat)) return NO_FIGURES;
  // Then which measures' words and whether CHANGES' words, in one more search rather than a
  // lower-cased copy searched once per list (drafting/word-bits.ts: the same bits).
  const gated = GATE_BITS(s.flat);
  if ((gated & ALL_MEASURES) === 0) return NO_FIGURES;
  if ((gated & CHANGES_BIT) !== 0 && CHANGES.test(s.flat)) return NO_FIGURES;
  let out: SentenceFigure[] | null = null;
  for (let i = 0; i < MEASURES.length; i++) {
    const m = MEASURES[i];
    if ((gated & (1 << i)) === 0 || !m.gate.pattern.test(s.flat) || !m.states(s)) continue;
    const f = m.figure(s);
    if (!f) continue;
    // A bracketed figure ("[90] days") is an option still open, reported by the placeholder rule.
    // (What /\[[^\]]*$/ finds in the text before it: a "[" after the last "]", without a copy.)
    if (f.at > 0 && s.text.lastIndexOf('[', f.at - 1) > s.text.lastIndexOf(']', f.at - 1)) continue;
    const raw = s.text.slice(f.at, f.at + f.length);
    // A duration's figure is onlyDuration's, read from this very text: its hours are what reading
    // `raw` again would give (the same match of the same expression).
    const value = m.kind === 'duration' ? (f.hours ?? durationsIn(raw)[0].hours) : f.value;
    const who = m.who?.(s);
    (out ??= []).push({
      key: who ? `${m.id}:${who}` : m.id,
      label: m.id === 'recurring-fee' ? `the ${who!.split(':')[0]} fee${who!.includes(':') ? ` (${who!.split(':')[1]})` : ''}` : m.label,
      kind: m.kind, value, currency: f.currency, text: raw, at: f.at, length: f.length,
    });
  }
  return out ?? NO_FIGURES;
}
/** The figures of a sentence that states none: one shared empty list (never added to). */
const NO_FIGURES: SentenceFigure[] = [];

export function figuresOf(model: ContractModel): Figure[] {
  if (factsActive()) {
    const state = figureStateOf(model);
    return state.figures ?? (state.figures = absoluteFigures(model, state));
  }
  const infos = sentencesOf(model);
  const out: Figure[] = [];
  for (let n = 0; n < infos.length; n++) sentenceFiguresInto(model, infos[n], out);
  return out;
}

/** The figures one sentence states (none in a heading, a quote or a block other than a paragraph), added to out. */
function sentenceFiguresInto(model: ContractModel, s: SentenceInfo, out: Figure[]): void {
  const block = model.blocks[s.block];
  if (block.kind !== 'paragraph' || block.quoted || s.inHeading) return;
  for (const f of sentenceFigures(s)) {
    const k = s.sentence.textStart + f.at;
    out.push({
      key: f.key, label: f.label, kind: f.kind, value: f.value, currency: f.currency, text: f.text,
      span: { start: sourceOffsetAt(block, k), end: sourceOffsetAt(block, k + f.length - 1) + 1 },
    });
  }
}

// --- While editing: figures per block, and each measure's reference kept up to date ---------------

/**
 * A figure of a block, its span relative to the block's start: the same wherever the block moves,
 * so a kept or moved block keeps its list as it is (no copy per figure after the edit).
 */
interface BlockFigure { key: string; label: string; kind: FigureKind; value: number; currency: string; text: string; start: number; end: number }

/** Figures of one key with one kind, currency and value (they agree with the same figures), and where the first of them stands. */
interface FigureClass { kind: FigureKind; currency: string; value: number; count: number; block: number; at: number }

/**
 * What a key's findings depend on besides each figure: how many figures it has, the classes its
 * figures fall in (what the reference is chosen from), and the reference: its class, text and line.
 */
interface KeyFacts { total: number; classes: Map<string, FigureClass>; ref: FigureClass | null; refText: string; refLine: number }

interface FigureState {
  infos: SentenceInfo[];
  /** Blocks holding figures, ascending, and each one's figures in sentence order. */
  blocks: number[];
  groups: BlockFigure[][];
  keys: Map<string, KeyFacts>;
  /** Sentences read for this model (the others' figures were taken over), and block figures looked at for the keys' facts (for tests). */
  read: number;
  looked: number;
  /**
   * Set when only the re-parsed blocks [from, to) were read and every key's reference reads as it
   * did (class, text, line): every finding outside those blocks is then the previous model's.
   */
  edit: { from: number; to: number } | null;
  figures?: Figure[];
  inconsistent?: InconsistentFigure[];
}
const figureStates = new WeakMap<ContractModel, FigureState>();

const classKey = (kind: FigureKind, currency: string, value: number): string => `${kind}\u0000${currency}\u0000${value}`;

function figureStateOf(model: ContractModel): FigureState {
  const infos = sentencesOf(model);
  const hit = figureStates.get(model);
  if (hit && hit.infos === infos) return hit;
  const state = patchedFigureState(model, infos) ?? wholeFigureState(model, infos);
  figureStates.set(model, state);
  return state;
}

/** The figures of the sentences [from, to) of block b, relative to it. */
function blockFigures(model: ContractModel, infos: SentenceInfo[], from: number, to: number): BlockFigure[] {
  const block = model.blocks[infos[from].block];
  const out: BlockFigure[] = [];
  if (block.kind !== 'paragraph' || block.quoted) return out;
  for (let n = from; n < to; n++) {
    const s = infos[n];
    if (s.inHeading) continue;
    for (const f of sentenceFigures(s)) {
      const k = s.sentence.textStart + f.at;
      out.push({
        key: f.key, label: f.label, kind: f.kind, value: f.value, currency: f.currency, text: f.text,
        start: sourceOffsetAt(block, k) - block.start, end: sourceOffsetAt(block, k + f.length - 1) + 1 - block.start,
      });
    }
  }
  return out;
}

/** Every sentence read: a first review, or one that cannot be related to the previous model's. */
function wholeFigureState(model: ContractModel, infos: SentenceInfo[]): FigureState {
  const blocks: number[] = [];
  const groups: BlockFigure[][] = [];
  for (let n = 0; n < infos.length;) {
    const b = infos[n].block;
    let to = n + 1;
    while (to < infos.length && infos[to].block === b) to++;
    const figures = blockFigures(model, infos, n, to);
    if (figures.length) { blocks.push(b); groups.push(figures); }
    n = to;
  }
  const keys = new Map<string, KeyFacts>();
  let looked = 0;
  for (let g = 0; g < groups.length; g++) {
    const list = groups[g];
    for (let at = 0; at < list.length; at++) { addFigure(keys, list[at], blocks[g], at); looked++; }
  }
  for (const facts of keys.values()) chooseReference(model, blocks, groups, facts);
  return { infos, blocks, groups, keys, read: infos.length, looked, edit: null };
}

function addFigure(keys: Map<string, KeyFacts>, f: BlockFigure, block: number, at: number): void {
  let facts = keys.get(f.key);
  if (!facts) keys.set(f.key, (facts = { total: 0, classes: new Map(), ref: null, refText: '', refLine: 0 }));
  facts.total++;
  const ck = classKey(f.kind, f.currency, f.value);
  const c = facts.classes.get(ck);
  if (!c) facts.classes.set(ck, { kind: f.kind, currency: f.currency, value: f.value, count: 1, block, at });
  else {
    c.count++;
    if (block < c.block || (block === c.block && at < c.at)) { c.block = block; c.at = at; }
  }
}

/**
 * The reference of a key: the first figure (in text order) of the class most figures agree with
 * (inconsistentFigures' rule, counted over classes rather than figures).
 */
function chooseReference(model: ContractModel, blocks: number[], groups: BlockFigure[][], facts: KeyFacts): void {
  let best = 0;
  let ref: FigureClass | null = null;
  for (const d of facts.classes.values()) {
    let agreeing = 0;
    for (const g of facts.classes.values()) if (classesAgree(d, g)) agreeing += g.count;
    if (agreeing > best || (agreeing === best && ref && (d.block < ref.block || (d.block === ref.block && d.at < ref.at)))) { best = agreeing; ref = d; }
  }
  facts.ref = ref;
  if (!ref) return;
  const f = groups[groupAt(blocks, ref.block)][ref.at];
  facts.refText = f.text;
  facts.refLine = lastIndexAtOrBefore(model.lineStarts, model.blocks[ref.block].start + f.start) + 1;
}

function classesAgree(a: { kind: FigureKind; currency: string; value: number }, b: { kind: FigureKind; currency: string; value: number }): boolean {
  if (a.kind !== b.kind || a.currency !== b.currency) return false;
  if (a.kind === 'duration') return Math.abs(a.value - b.value) <= 0.05 * Math.max(a.value, b.value);
  return a.value === b.value;
}

/** The place in `blocks` (ascending) of block b, or of the first block after it. */
const groupAt = firstIndexAtOrAfter;

/**
 * While editing: a block's figures are a function of its sentences' texts and contexts and of the
 * block's kind and source. The sentence list says which sentences of a spliced model read
 * differently from the previous model's (categories/scan.ts sentenceReuseOf: those of re-parsed
 * blocks, and those whose context changed, which covers a sentence that became or stopped being a
 * heading); the blocks holding them are read again, every other block keeps its list of figures
 * (relative to the block, so a moved block's list is the same array). The keys' facts are patched
 * with the figures removed and added: a class whose first figure was removed looks for its next
 * one from there. An edit then costs the blocks read, their figures, a copy of the list of blocks
 * holding figures and the few keys' classes, not a visit to every sentence or figure (issue 13).
 * Null when there is no previous state to relate to: every sentence is read.
 */
function patchedFigureState(model: ContractModel, infos: SentenceInfo[]): FigureState | null {
  const trace = spliceTraceOf(model);
  const before = trace ? figureStates.get(trace.previous) : undefined;
  if (!trace || !before) return null;
  const reuse = sentenceReuseOf(model);
  if (!reuse || reuse.infos !== infos || reuse.previous !== before.infos) return null;
  const { prefix, fresh, oldAfter } = trace;
  const delta = prefix + fresh - oldAfter;
  // Blocks to read again (this model's indexes, ascending): the re-parsed ones, and any block with a
  // sentence whose context changed.
  const reread: number[] = [];
  const flags = reuse.flags;
  let onlyFresh = true;
  for (let n = flags.indexOf(1); n >= 0; n = flags.indexOf(1, n + 1)) {
    const b = infos[n].block;
    if (reread.length && reread[reread.length - 1] === b) continue;
    reread.push(b);
    if (b < prefix || b >= prefix + fresh) onlyFresh = false;
  }
  const rereadSet = onlyFresh ? null : new Set(reread);
  const wasBlocks = before.blocks;
  const wasGroups = before.groups;
  const blocks: number[] = [];
  const groups: BlockFigure[][] = [];
  const removed: Array<{ f: BlockFigure; block: number; at: number }> = [];
  let read = 0;
  let r = 0;
  // Reads the blocks to read again that come before block `limit`, in order.
  const readUpTo = (limit: number) => {
    for (; r < reread.length && reread[r] < limit; r++) {
      const b = reread[r];
      const first = firstInfoOf(infos, b);
      let to = first;
      while (to < infos.length && infos[to].block === b) to++;
      read += to - first;
      const figures = first < infos.length && infos[first].block === b ? blockFigures(model, infos, first, to) : [];
      if (figures.length) { blocks.push(b); groups.push(figures); }
    }
  };
  // The previous groups: those of blocks before the edit and moved ones kept, those of replaced or re-read blocks removed.
  const keptUpTo = groupAt(wasBlocks, prefix);
  const movedFrom = groupAt(wasBlocks, oldAfter);
  for (let g = 0; g < wasGroups.length; g++) {
    if (g === keptUpTo) g = movedFrom;
    if (g >= wasGroups.length) break;
    const was = wasBlocks[g];
    const b = was < prefix ? was : was + delta;
    readUpTo(b);
    if (rereadSet && rereadSet.has(b)) {
      wasGroups[g].forEach((f, at) => removed.push({ f, block: was, at }));
      continue;
    }
    blocks.push(b);
    groups.push(wasGroups[g]);
  }
  readUpTo(Infinity);
  for (let g = keptUpTo; g < movedFrom; g++) wasGroups[g].forEach((f, at) => removed.push({ f, block: wasBlocks[g], at }));

  // The keys' facts, each class's first figure moved to this model's block indexes; a class whose
  // first figure was removed or read again is marked (block -1) with where to look for the next.
  const keys = new Map<string, KeyFacts>();
  const lostFrom = new Map<FigureClass, number>();
  for (const [key, was] of before.keys) {
    const classes = new Map<string, FigureClass>();
    for (const [ck, c] of was.classes) {
      const copy = { ...c };
      if (c.block >= prefix && c.block < oldAfter) { copy.block = -1; lostFrom.set(copy, prefix); }
      else if (c.block >= oldAfter) copy.block += delta;
      if (copy.block >= 0 && rereadSet && rereadSet.has(copy.block)) { lostFrom.set(copy, copy.block); copy.block = -1; }
      classes.set(ck, copy);
    }
    keys.set(key, { total: was.total, classes, ref: null, refText: was.refText, refLine: was.refLine });
  }
  let looked = 0;
  const touched = new Set<string>();
  for (const { f } of removed) {
    looked++;
    const facts = keys.get(f.key)!;
    facts.total--;
    facts.classes.get(classKey(f.kind, f.currency, f.value))!.count--;
    touched.add(f.key);
  }
  // The figures read: this model's groups of the blocks read again.
  for (const b of reread) {
    const g = groupAt(blocks, b);
    if (g >= blocks.length || blocks[g] !== b) continue;
    const list = groups[g];
    for (let at = 0; at < list.length; at++) {
      looked++;
      const f = list[at];
      touched.add(f.key);
      const c = keys.get(f.key)?.classes.get(classKey(f.kind, f.currency, f.value));
      if (c && c.block < 0) { keys.get(f.key)!.total++; c.count++; continue; } // its first figure is looked for below
      addFigure(keys, f, b, at);
    }
  }
  for (const [key, facts] of keys) {
    if (facts.total <= 0) { keys.delete(key); continue; }
    for (const [ck, c] of facts.classes) {
      if (c.count <= 0) facts.classes.delete(ck);
      // The class's first figure is gone: the next one stands after it, or in a block read again
      // (which may come before it).
      else if (c.block < 0) looked += findFirst(blocks, groups, key, c, Math.min(lostFrom.get(c)!, reread.length ? reread[0] : Infinity));
    }
  }

  // References: chosen again for the keys touched; for the others the same class, whose first
  // figure may have moved to another line.
  let same = onlyFresh;
  for (const [key, facts] of keys) {
    const was = before.keys.get(key);
    if (touched.has(key) || !was || !was.ref) chooseReference(model, blocks, groups, facts);
    else {
      const ref = facts.classes.get(classKey(was.ref.kind, was.ref.currency, was.ref.value))!;
      facts.ref = ref;
      facts.refLine = lastIndexAtOrBefore(model.lineStarts, model.blocks[ref.block].start + groups[groupAt(blocks, ref.block)][ref.at].start) + 1;
    }
    if (same) same = sameReference(was, facts);
  }
  if (same) for (const [key, was] of before.keys) if (!keys.has(key) && was.total >= 2) same = false;
  return { infos, blocks, groups, keys, read, looked, edit: same ? { from: prefix, to: prefix + fresh } : null };
}

/** Whether a key's figures outside the edit are found inconsistent as before, with the same reference text and line. */
function sameReference(was: KeyFacts | undefined, now: KeyFacts): boolean {
  const wasMany = !!was && was.total >= 2;
  const nowMany = now.total >= 2;
  if (!wasMany && !nowMany) return true;
  if (wasMany !== nowMany) return false;
  const a = was!.ref!;
  const b = now.ref!;
  return a.kind === b.kind && a.currency === b.currency && a.value === b.value && was!.refText === now.refText && was!.refLine === now.refLine;
}

/** Sets the first figure of class c from block `from` on; returns how many figures were looked at. */
function findFirst(blocks: number[], groups: BlockFigure[][], key: string, c: FigureClass, from: number): number {
  let looked = 0;
  for (let g = groupAt(blocks, from); g < groups.length; g++) {
    const list = groups[g];
    for (let at = 0; at < list.length; at++) {
      looked++;
      const f = list[at];
      if (f.key === key && f.value === c.value && f.kind === c.kind && f.currency === c.currency) { c.block = blocks[g]; c.at = at; return looked; }
    }
  }
  throw new Error('a class of figures lost its figures');
}

/** The place in the sentence list of block b's first sentence (or where it would be). */
function firstInfoOf(infos: SentenceInfo[], b: number): number {
  let lo = 0;
  let hi = infos.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (infos[mid].block < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function absoluteFigure(model: ContractModel, block: number, f: BlockFigure): Figure {
  const at = model.blocks[block].start;
  return { key: f.key, label: f.label, kind: f.kind, value: f.value, currency: f.currency, text: f.text, span: { start: at + f.start, end: at + f.end } };
}

function absoluteFigures(model: ContractModel, state: FigureState): Figure[] {
  const out: Figure[] = [];
  for (let g = 0; g < state.groups.length; g++) for (const f of state.groups[g]) out.push(absoluteFigure(model, state.blocks[g], f));
  return out;
}

/**
 * A model's figures while editing, how many sentences were read for them rather than taken over,
 * how many figures the keys' facts looked at, whether only the re-parsed blocks' findings can
 * differ, and whether the list of every inconsistent figure was made (for tests).
 */
export function figureStats(model: ContractModel): { figures: ReadonlyArray<Figure>; read: number; looked: number; edit: { from: number; to: number } | null; listed: boolean } | undefined {
  const state = figureStates.get(model);
  if (!state) return undefined;
  const listed = state.inconsistent !== undefined;
  return { figures: figuresOf(model), read: state.read, looked: state.looked, edit: state.edit, listed };
}

/**
 * While editing: the inconsistent figures of the blocks an edit re-parsed, [from, to), when every
 * other block's are the previous model's (the reference of each key reads as before); null when
 * they may not be, and inconsistentFigures must be asked. Lets inconsistent-figure keep the other
 * blocks' findings without a visit to every figure.
 */
export function inconsistentFiguresOfEdit(model: ContractModel): { from: number; to: number; inconsistent: InconsistentFigure[] } | null {
  const state = figureStateOf(model);
  const edit = state.edit;
  if (!edit) return null;
  const found: InconsistentFigure[] = [];
  for (let g = groupAt(state.blocks, edit.from); g < state.blocks.length && state.blocks[g] < edit.to; g++) {
    for (const f of state.groups[g]) {
      const facts = state.keys.get(f.key)!;
      if (facts.total < 2 || classesAgree(f, facts.ref!)) continue;
      found.push({ figure: absoluteFigure(model, state.blocks[g], f), reference: referenceOf(model, state, facts) });
    }
  }
  // inconsistentFigures sorts a list grouped by key (keys in the order they first appear) by start:
  // figures of two keys starting together keep that order.
  const firstOf = (key: string): number => {
    let first = Infinity;
    for (const c of state.keys.get(key)!.classes.values()) first = Math.min(first, c.block * 65536 + c.at);
    return first;
  };
  found.sort((a, b) => a.figure.span.start - b.figure.span.start || (a.figure.key === b.figure.key ? 0 : firstOf(a.figure.key) - firstOf(b.figure.key)));
  return { from: edit.from, to: edit.to, inconsistent: found };
}

function referenceOf(model: ContractModel, state: FigureState, facts: KeyFacts): Figure {
  const c = facts.ref!;
  return absoluteFigure(model, c.block, state.groups[groupAt(state.blocks, c.block)][c.at]);
}

/**
 * Hands the figures to a copy of the model with the same blocks (drafting/carry.ts). The next model
 * takes them over only if the copy's sentence list is the one they were read with.
 */
export function carryFigures(from: ContractModel, to: ContractModel): void {
  const b = figureStates.get(from);
  if (b && from.blocks === to.blocks && from.text === to.text) figureStates.set(to, b);
}

export function inconsistentFigures(model: ContractModel): InconsistentFigure[] {
  if (!factsActive()) return inconsistentAmong(figuresOf(model));
  const state = figureStateOf(model);
  return state.inconsistent ?? (state.inconsistent = inconsistentAmong(figuresOf(model)));
}

function inconsistentAmong(all: Figure[]): InconsistentFigure[] {
  const byKey = new Map<string, Figure[]>();
  for (const f of all) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  const out: InconsistentFigure[] = [];
  for (const figures of byKey.values()) {
    if (figures.length < 2) continue;
    // The reference is the figure the document gives most often; on a tie, the first. Whether two
    // figures agree depends on their kind, currency and value only, so agreement is counted over the
    // distinct ones (a 1 MB contract gives one measure a thousand times in a few values: comparing
    // every pair was most of this check). Distinct figures are found by value, then kind and
    // currency (a key string per figure, twice, was most of what this check did per edit).
    const distinct: Array<{ figure: Figure; times: number; agreeing: number }> = [];
    const byValue = new Map<number, number[]>();
    const which = new Int32Array(figures.length);
    for (let i = 0; i < figures.length; i++) {
      const f = figures[i];
      let same = byValue.get(f.value);
      if (!same) byValue.set(f.value, (same = []));
      let d = -1;
      for (const j of same) if (distinct[j].figure.kind === f.kind && distinct[j].figure.currency === f.currency) { d = j; break; }
      if (d < 0) {
        d = distinct.length;
        distinct.push({ figure: f, times: 0, agreeing: 0 });
        same.push(d);
      }
      distinct[d].times++;
      which[i] = d;
    }
    for (const d of distinct) for (const { figure: g, times } of distinct) if (agree(d.figure, g)) d.agreeing += times;
    let reference = figures[0];
    let best = 0;
    for (let i = 0; i < figures.length; i++) {
      const n = distinct[which[i]].agreeing;
      if (n > best) { best = n; reference = figures[i]; }
    }
    for (const f of figures) if (!agree(f, reference)) out.push({ figure: f, reference });
  }
  return out.sort((a, b) => a.figure.span.start - b.figure.span.start);
}
