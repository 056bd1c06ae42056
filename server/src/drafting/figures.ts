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
import { infoStart, sentenceReuseOf, sentencesOf, type SentenceInfo } from '../categories/scan';
import { describesSecurityIncident } from '../categories/breach-notification';
import { factsActive, memo } from '../model/facts';
import { spliceTraceOf } from '../model/trace';

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
const CHANGES = /\b(?:amend(?:ed|ment)?|replaced?|increase[sd]?|decrease[sd]?|reduce[sd]?|instead of|in lieu of|revised|changed?|adjust(?:ed|ment)?|index(?:ed|ation)|escalat\w*|greater of|lesser of|higher of|lower of|whichever is)\b/i;

// A role word or a capitalised name ("Tailspin"); case matters, so that "the" or "its" is no party.
const PARTY_WORD = String.raw`(?:[Ee]ither [Pp]arty|[Ee]ach [Pp]arty|[A-Z][A-Za-z]{2,})`;
const NOT_A_PARTY = /^(?:the|this|that|its|their|any|such|each|either|his|her|our|your)$/i;

/** Who the figure applies to: the party named just before a phrase ("the Customer may terminate"). */
function subject(flat: string, before: RegExp): string {
  const m = new RegExp(String.raw`\b(${PARTY_WORD})(?:['\u2019]s)?\s+${before.source}`).exec(flat);
  if (!m || NOT_A_PARTY.test(m[1])) return 'any';
  const who = m[1].toLowerCase();
  return /^(?:either|each) party$/.test(who) ? 'each' : who;
}

interface Measure {
  id: string;
  label: string;
  kind: FigureKind;
  /** The sentence states this measure. */
  states: (s: SentenceInfo) => boolean;
  /** The figure of the measure in the sentence, or null when there is none or more than one. */
  figure: (s: SentenceInfo) => { value: number; currency: string; at: number; length: number } | null;
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
const FEE_PHRASE = /\b(annual|yearly|monthly|quarterly)\s+(?:subscription\s+|service\s+|support\s+|maintenance\s+|licen[cs]e\s+|hosting\s+|management\s+)?(?:fee|charge)s?\b/i;

const MEASURES: Measure[] = [
  {
    id: 'liability-cap',
    label: 'the cap on liability',
    kind: 'money',
    states: (s) => /\b(?:total|aggregate|maximum|entire|cumulative)\b[^.;]{0,40}\bliabilit/i.test(s.flat) && /\b(?:shall not exceed|will not exceed|not exceed|limited to|capped at)\b/i.test(s.flat)
      && !/\b(?:data|personal|confidential|security|indemnit\w*|intellectual property|super|per (?:claim|event|incident|occurrence)|each (?:claim|event|incident|occurrence)|insur\w*|except|excluding|other than|in respect of|for breach of|year\s*\d|contract year|first|second)\b/i.test(s.flat),
    figure: (s) => { const m = moneyIn(s.text); return m.length === 1 ? m[0] : null; },
    who: (s) => subject(s.flat, /(?:(?:total|aggregate|maximum|entire|cumulative)\s+)+liabilit/),
  },
  {
    id: 'termination-notice',
    label: 'the notice period to terminate for convenience',
    kind: 'duration',
    states: (s) => /\bterminat/i.test(s.flat) && /\b(?:for convenience|without cause|for any reason|for no reason)\b/i.test(s.flat)
      && !/\b(?:breach|cure|remed\w*|insolv\w*|renew\w*|expir\w*|fails? to|default|change of control)\b/i.test(s.flat),
    figure: (s) => onlyDuration(s, (d, before, after) => d.unit !== 'minute' && d.unit !== 'hour' && (NOTICE_AFTER.test(after) || NOTICE_BEFORE.test(before))),
    who: (s) => subject(s.flat, /(?:may|shall be entitled to|has the right to|can)\s+(?:at any time\s+)?terminat/),
  },
  {
    id: 'breach-notice',
    label: 'the deadline to notify a security breach',
    kind: 'duration',
    states: (s) => /\b(?:notif|inform|report|alert)\w*/i.test(s.flat) && describesSecurityIncident(s.flat)
      && !/\b(?:supervisory|regulator\w*|authorit(?:y|ies)|data subjects?|individuals|severity|priority|P[1-4]|updates?|full report|final report|follow-up|thereafter|every|each)\b/i.test(s.flat),
    figure: (s) => onlyDuration(s, (_d, before) => DEADLINE_BEFORE.test(before)),
  },
  {
    id: 'availability',
    label: 'the availability target',
    kind: 'percent',
    states: (s) => /\b(?:availab\w*|uptime|up-time)\b/i.test(s.flat) && /\b(?:at least|not less than|no less than|minimum|target|guarantee[sd]?|shall|will|must|commits?)\b/i.test(s.flat)
      && !/\b(?:credits?|discount|interest|tax|below|less than|falls?|fell|between|exceed\w*|tiers?|premium|standard|plan|enhanced|basic|gold|silver|bronze|planned|maintenance|during|each (?:service|component|region))\b/i.test(s.flat),
    figure: (s) => { const p = percentagesIn(s.text).filter((x) => x.value >= 90 && x.value < 100); return p.length === 1 && percentagesIn(s.text).length === 1 ? { ...p[0], currency: '' } : null; },
  },
  {
    id: 'payment-period',
    label: 'the time to pay an invoice',
    kind: 'duration',
    states: (s) => /\b(?:pay|paid|payable|payment|settle)\b/i.test(s.flat) && /\binvoice/i.test(s.flat)
      && !/\b(?:disput\w*|interest|late|overdue|query|queries|object\w*|refund\w*|credit note|issue (?:an |its )?invoices?|invoice (?:the customer|monthly|quarterly|annually|in advance|in arrears))\b/i.test(s.flat),
    figure: (s) => onlyDuration(s, (d, _before, after) => (d.unit === 'day' || d.unit === 'business-day' || d.unit === 'month') && INVOICE_AFTER.test(after)),
  },
  {
    id: 'recurring-fee',
    label: 'the fee',
    kind: 'money',
    states: (s) => FEE_PHRASE.test(s.flat)
      && !/\b(?:years?\s*\d|first|second|third|subsequent|renewal|thereafter|plus|discount\w*|per (?:user|seat|site|licen[cs]e|unit|device|location)|each (?:user|seat|site|additional|location)|additional|up to|exceed|maximum|minimum|cap|total|aggregate|including|excluding|exclusive|inclusive)\b/i.test(s.flat),
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
    states: (s) => /\binitial\s+(?:term|period)\b/i.test(s.flat) && !/\b(?:renew\w*|extend\w*|extension|additional|thereafter|successive|notice|trial|pilot)\b/i.test(s.flat),
    figure: (s) => {
      const m = /\binitial\s+(?:term|period)\b/i.exec(s.text)!;
      return onlyDuration(s, (d) => (d.unit === 'month' || d.unit === 'year') && d.at > m.index && d.at - (m.index + m[0].length) <= 30);
    },
  },
];

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
  return memo('figures', s.sentence.text, () => {
    const out: SentenceFigure[] = [];
    if (CHANGES.test(s.flat)) return out;
    for (const m of MEASURES) {
      if (!m.states(s)) continue;
      const f = m.figure(s);
      if (!f) continue;
      // A bracketed figure ("[90] days") is an option still open, reported by the placeholder rule.
      if (/\[[^\]]*$/.test(s.text.slice(0, f.at))) continue;
      const raw = s.text.slice(f.at, f.at + f.length);
      const value = m.kind === 'duration' ? durationsIn(raw)[0].hours : f.value;
      const who = m.who?.(s);
      out.push({
        key: who ? `${m.id}:${who}` : m.id,
        label: m.id === 'recurring-fee' ? `the ${who!.split(':')[0]} fee${who!.includes(':') ? ` (${who!.split(':')[1]})` : ''}` : m.label,
        kind: m.kind, value, currency: f.currency, text: raw, at: f.at, length: f.length,
      });
    }
    return out;
  });
}

export function figuresOf(model: ContractModel): Figure[] {
  const infos = sentencesOf(model);
  if (factsActive()) {
    const built = figuresBuilt.get(model);
    return built && built.infos === infos ? built.figures : figuresWhileEditing(model, infos);
  }
  const out: Figure[] = [];
  for (let n = 0; n < infos.length; n++) sentenceFiguresInto(model, infos[n], out);
  return out;
}

/**
 * A model's figures while editing, with the place in the sentence list (sentencesOf) of the sentence
 * each stands in, so that the next model can take them over.
 */
interface FiguresRead { figures: Figure[]; at: Int32Array; infos: SentenceInfo[]; read: number }
const figuresBuilt = new WeakMap<ContractModel, FiguresRead>();

/**
 * While editing: a figure is a function of its sentence's text, its block's kind and source, and
 * whether the sentence reads as a heading. The sentence list says which sentences of a spliced
 * model read differently from the previous model's (categories/scan.ts sentenceReuseOf: those of
 * re-parsed blocks, and those whose context changed, which covers a sentence that became or stopped
 * being a heading); the others keep their figures: the same objects before the edit, moved copies
 * after it. Only the sentences marked are read. An edit then costs the previous figures (a few per
 * cent of the sentences) and the sentences typed, not a visit to every sentence of the document and
 * every block (issue 13, passes). Without a previous list to relate to, every sentence is read.
 */
function figuresWhileEditing(model: ContractModel, infos: SentenceInfo[]): Figure[] {
  const trace = spliceTraceOf(model);
  const before = trace ? figuresBuilt.get(trace.previous) : undefined;
  const reuse = before ? sentenceReuseOf(model) : null;
  const out: Figure[] = [];
  const at: number[] = [];
  let read = 0;
  if (!before || !reuse || reuse.infos !== infos || reuse.previous !== before.infos) {
    for (let n = 0; n < infos.length; n++) {
      const from = out.length;
      sentenceFiguresInto(model, infos[n], out);
      for (let k = from; k < out.length; k++) at.push(n);
    }
    read = infos.length;
  } else {
    const { flags, removedFrom, removedTo, shift } = reuse;
    const was = before.figures;
    const wasAt = before.at;
    let next = 0;
    // The marked sentences before `limit`, read in order.
    const readUpTo = (limit: number) => {
      for (next = flags.indexOf(1, next); next >= 0 && next < limit; next = flags.indexOf(1, next + 1)) {
        const from = out.length;
        sentenceFiguresInto(model, infos[next], out);
        read++;
        for (let k = from; k < out.length; k++) at.push(next);
      }
      if (next < 0) next = infos.length;
    };
    for (let k = 0; k < was.length; k++) {
      const old = wasAt[k];
      if (old >= removedFrom && old < removedTo) continue;
      const n = old < removedFrom ? old : old + shift;
      if (flags[n]) continue;
      if (next <= n) readUpTo(n);
      const f = was[k];
      // A sentence moves with its block: by as much as its start did. The copy is built with the
      // same literal as sentenceFiguresInto's, not a spread, so that fresh and moved figures share one
      // hidden class and this loop's optimised code is not thrown away ("wrong map"; issue 13, jit).
      const by = infoStart(model, infos[n]) - infoStart(trace!.previous, before.infos[old]);
      out.push(by === 0 ? f : { key: f.key, label: f.label, kind: f.kind, value: f.value, currency: f.currency, text: f.text, span: { start: f.span.start + by, end: f.span.end + by } });
      at.push(n);
    }
    readUpTo(infos.length);
  }
  figuresBuilt.set(model, { figures: out, at: Int32Array.from(at), infos, read });
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

/** A model's figures while editing, and how many sentences were read for them rather than taken over (for tests). */
export function figureStats(model: ContractModel): { figures: ReadonlyArray<Figure>; read: number } | undefined {
  const built = figuresBuilt.get(model);
  return built ? { figures: built.figures, read: built.read } : undefined;
}

/**
 * Hands the figures to a copy of the model with the same blocks (drafting/carry.ts). The next model
 * takes them over only if the copy's sentence list is the one they were read with (figuresWhileEditing).
 */
export function carryFigures(from: ContractModel, to: ContractModel): void {
  const b = figuresBuilt.get(from);
  if (b && from.blocks === to.blocks && from.text === to.text) figuresBuilt.set(to, b);
}

export function inconsistentFigures(model: ContractModel): InconsistentFigure[] {
  const byKey = new Map<string, Figure[]>();
  for (const f of figuresOf(model)) {
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
