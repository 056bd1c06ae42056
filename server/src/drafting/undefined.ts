/**
 * Capitalised words a contract uses as defined terms without defining them.
 *
 * Precision first. A capitalised phrase is reported only when every one of these holds:
 * - the document follows the defined-term convention (it defines at least three terms) and does not
 *   take its definitions from another document ("capitalised terms not defined here have the
 *   meaning given in the Master Agreement", or a schedule, annex or SOW that calls itself one);
 * - it stands in running text: not a heading, a table, a code block, a block quote, a signature
 *   block, a label ("Response Time: 4 hours") or a line written in Title Case or capitals;
 * - it is not capitalised only because it starts the sentence, a list item or a quotation;
 * - it is not a defined term (in any form), a party name, a term marked up as a link to another
 *   document, the title of a clause of the contract, or an expression the contract spells out in
 *   an acronym ("Key Performance Indicators (KPIs)");
 * - no word of it names a month, a day, a place, an institution, a law, a job title or a
 *   well-known product, and it is not followed by a number ("Schedule 3", "Priority 1");
 * - every word of it is an ordinary word: used in lower case elsewhere in the document, or a
 *   common word of contract drafting. A word that never appears in lower case is a name.
 */
import type { ContractModel, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { editDistance, foldQuotes } from '../model';
import { escapeRegExp, isHeadingBlock, occurrenceAt, pluralOf, singularOf, termIndex } from './terms';
import { COMMON_WORDS, FUNCTION_WORDS, PROPER_WORDS } from './words';

export interface UndefinedTerm {
  /** The phrase as first written ("Acceptance Certificate"). */
  text: string;
  /** Every occurrence, in document order (the first is reported). */
  spans: Span[];
  /** A defined term it is probably a misspelling of, if any. */
  nearest?: string;
}

export interface UndefinedAnalysis {
  /** Why the document was not checked at all, if it was not. */
  skipped: string | null;
  terms: UndefinedTerm[];
}

const INCORPORATION = /\b(?:[Cc]apitali[sz]ed|[Dd]efined|CAPITALI[SZ]ED)\s+(?:[Tt]erms?|[Ww]ords?|[Ee]xpressions?)\b(?:[^.]|\.(?!\s+[A-Z])){0,160}?\b(?:have|has|shall\s+have|will\s+have|bear|carry|take)\s+the\s+(?:same\s+)?meanings?\b|\b(?:[Tt]erms?|[Ww]ords?|[Ee]xpressions?)\s+defined\s+in\s+the\s+[A-Z][^.]{0,80}?\s+(?:have|has|shall\s+have|will\s+have|bear)\s+the\s+same\s+meanings?\b/;
const PART_DOCUMENT = /\bthis\s+(?:schedule|annex|appendix|exhibit|attachment|order\s+form|sow|statement\s+of\s+work|addendum|work\s+order)\b/gi;
const SELF_AGREEMENT = /\bthis\s+(?:agreement|contract)\b/gi;
const REFERENCE_NOUN = /^(?:Schedules?|Annex(?:es)?|Appendix|Appendices|Exhibits?|Attachments?|Clauses?|Sections?|Articles?|Paragraphs?|Parts?|Chapters?|Agreements?|Contracts?|Addendum|Recitals?|Table|Figure|Page|Version|Phase|Stage|Release|Level|Priority|Severity|Tier|Item|Step|Option|Lot|Rev|No)$/;
const LEGAL_SUFFIX = /^(?:Inc|Incorporated|Ltd|Limited|LLC|LLP|PLC|Plc|Corp|Corporation|Company|Co|GmbH|AG|SA|BV|NV|Pty|LP|Group|Holdings|Trust)\.?$/;
const WORD = /[A-Za-z][A-Za-z0-9'\u2019&-]*/g;
const MIN_DEFINITIONS = 3;
const NUMBER_WORD = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|First|Second|Third|Fourth|Fifth)$/;
const REF_WORDS = '(?:clauses?|sections?|schedules?|annex(?:es)?|appendix|appendices|exhibits?|attachments?|paragraphs?|articles?|parts?)';

/**
 * Where a capitalised phrase stands says it is a title or a name: the title of a clause given with
 * a reference ("Section 3 (Privacy & Security)", "Schedule A Schedule of Charges"), a heading run
 * into the text after its number ("2.8 Document Management"), part of a brand ("eGain System"), or
 * of a proper name ("Securities and Exchange Commission"), or a self-reference ("these Standard Terms").
 */
function contextAllows(text: string, run: Token[], prev: Token | undefined): boolean {
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const before = text.slice(Math.max(0, start - 80), start);
  const after = text.slice(end, end + 60);
  // Inside brackets that follow a reference: "Section 6.3 (Representations & Warranties from Provider)".
  const open = before.lastIndexOf('(');
  if (open >= 0 && !before.slice(open).includes(')') && new RegExp(`\\b${REF_WORDS}\\s+[0-9A-Z.]+(?:\\([a-z0-9]+\\))*\\s*$`, 'i').test(before.slice(0, open))) return false;
  // "Schedule B Schedule of Prices for Extra Work", "Exhibit B - Service Levels".
  if (new RegExp(`\\b${REF_WORDS}\\s+[0-9A-Z]{1,4}\\s*[-:\u2013\u2014]?\\s*(?:[A-Z][\\w'-]*,?\\s+(?:(?:and|for|of|&|to|the)\\s+)?){0,8}$`, 'i').test(before)) return false;
  // "Electronic Data Processing services ("EDP Services")": spelt out before its acronym.
  const initials = run.map((t) => t.word).filter((w) => w !== 'of').map((w) => w[0]).join('');
  if (initials.length >= 2 && new RegExp(`^[^.;]{0,40}\\(\\s*(?:the\\s+)?["']?${initials}`).test(after)) return false;
  // "2.8 Document Management", "2.18.4Quotes": a heading run into the text.
  if (/(?:^|\s)\d+(?:\.\d+)+\.?\s*$|\d$/.test(before)) return false;
  // "Selection Of Expert Or Mediator", "furnish On Call": words of a Title Case heading or name.
  const fw = /(?:^|\s)((?:Of|Or|And|For|On|To|In|The|With|By|At)\s+)$/.exec(before);
  if (fw && !startsSentence(text, start - fw[1].length)) return false;
  if (/^\s+(?:Of|Or|And|For|On|To|In|With|By|At)\s+[A-Z]/.test(after)) return false;
  // "eGain System", "iPhone App": a brand.
  if (prev && prev.end === start - 1 && /^[a-z]+[A-Z]/.test(prev.word)) return false;
  // "Securities and Exchange Commission", "Bank of England": part of a proper name.
  const joined = /^\s+(?:and|of|&|for)\s+((?:[A-Z][\w'-]*\s*){1,3})/.exec(after);
  if (joined && joined[1].split(/\s+/).some((w) => PROPER_WORDS.has(w))) return false;
  // "these Standard Terms", "this Services Agreement": the document naming itself.
  if (/\b(?:this|these)\s+$/i.test(before) && /^(?:Terms|Conditions|Agreement|Contract|Schedule|Addendum|Order|Policy|Statement|Document)$/.test(run[run.length - 1].word)) return false;
  // "Requests for Service (RFS)": spelt out before an acronym.
  if (/^(?:\s+(?:for|of|and|to|the|in|on)\s+[A-Z][\w'-]*)*\s*\(\s*[A-Z]{2,}s?\s*\)/.test(after)) return false;
  return true;
}
const CONNECTORS = new Set(['of', 'to', 'and', 'the', 'for', 'in', 'on', 'by', 'with', 'a', 'an', 'or', 'at', 'from']);

const cache = new WeakMap<ContractModel, UndefinedAnalysis>();

interface Token { word: string; start: number; end: number }

/** The defined term a phrase is probably a misspelling of (one or two letters off), if any. */
function nearestTerm(phrase: string, defined: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 99;
  for (const d of defined) {
    if (d.length < 5) continue;
    const dist = editDistance(phrase.toLowerCase(), d.toLowerCase(), 2);
    if (dist >= 1 && dist <= 2 && dist < bestD && dist < Math.max(2, Math.floor(d.length / 4))) { best = d; bestD = dist; }
  }
  return best;
}

/** Why the document is not checked for undefined terms, or null when it is. */
function skipReason(model: ContractModel, definitions: number): string | null {
  if (definitions < MIN_DEFINITIONS) return `the document defines fewer than ${MIN_DEFINITIONS} terms, so it does not follow the defined-term convention`;
  const text = foldQuotes(model.text);
  if (INCORPORATION.test(text)) return 'the document takes its defined terms from another document';
  const part = (text.match(PART_DOCUMENT) ?? []).length;
  const self = (text.match(SELF_AGREEMENT) ?? []).length;
  if ((part > 0 && part > self) || /\bin\s+this\s+(?:schedule|annex|appendix|exhibit|attachment)\s*[:,]/i.test(text)) return 'the document is a schedule, annex or statement of work of another agreement, whose defined terms it uses';
  return null;
}

/**
 * Source ranges of words written inside inline HTML elements (`<span class="orderform_link">Subscription
 * Period</span>`): terms the author has marked up, typically as links to a cover page or order form.
 */
function markedUpRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // [GitHub's Standard Terms of Service](/site-policy/...): the name of another document, linked.
  for (const m of text.matchAll(/\[([^\[\]\n]{1,160})\]\([^)\s]{1,300}\)/g)) out.push([m.index! + 1, m.index! + 1 + m[1].length]);
  for (const m of text.matchAll(/<(span|a|abbr|dfn)\b[^>]*>([^<]{1,120})<\/\1>/g)) {
    const start = m.index! + m[0].indexOf('>') + 1;
    out.push([start, start + m[2].length]);
  }
  return out;
}

export function undefinedTerms(model: ContractModel): UndefinedAnalysis {
  const hit = cache.get(model);
  if (hit) return hit;
  const index = termIndex(model);
  // The convention is judged on the terms besides the parties' names, which every contract defines.
  const partyAliases = new Set(model.parties.map((p) => p.alias));
  const skipped = skipReason(model, [...index.byKey.keys()].filter((k) => !partyAliases.has(k)).length);
  if (skipped) {
    const r = { skipped, terms: [] };
    cache.set(model, r);
    return r;
  }

  // What counts as known: defined terms in every form, party names, linked terms, section titles.
  const known = new Set<string>();
  const addKnown = (s: string) => {
    known.add(s);
    known.add(pluralOf(s));
    const sg = singularOf(s);
    if (sg) known.add(sg);
  };
  for (const key of index.byKey.keys()) addKnown(key);
  for (const p of model.parties) {
    addKnown(p.alias);
    if (p.legalName) for (const w of p.legalName.split(/[\s,]+/)) if (/^[A-Z]/.test(w)) known.add(w.replace(/[.,]$/, ''));
  }
  const markedUp = markedUpRanges(model.text);
  // A phrase marked up somewhere ("<span class="keyterms_link">Security Policy</span>") is a known term everywhere.
  for (const [a, b] of markedUp) {
    const phrase = model.text.slice(a, b).trim().replace(/['\u2019]s$/, '');
    if (/^[A-Z][\w'\u2019&-]*(?: (?:of |and |for )?[A-Z][\w'\u2019&-]*){0,5}$/.test(phrase)) addKnown(phrase);
  }
  const titles = new Set(model.sections.filter((s) => s.title).map((s) => s.title.toLowerCase()));
  const docTitle = model.title.toLowerCase();

  // Ordinary words: every word the document writes in lower case.
  const lower = new Set<string>();
  for (const b of model.blocks) {
    if (b.kind === 'code' || b.kind === 'html') continue;
    for (const m of b.text.matchAll(/\b[a-z][a-z-]+\b/g)) lower.add(m[0]);
  }
  const ordinary = (w: string): boolean => {
    const l = w.toLowerCase();
    if (lower.has(l) || COMMON_WORDS.has(l)) return true;
    const sg = singularOf(l);
    if (sg && (lower.has(sg) || COMMON_WORDS.has(sg))) return true;
    const pl = pluralOf(l);
    if (lower.has(pl)) return true;
    // "Processing" when the document says "process", "Approved" when it says "approve".
    const stem = /^(.{4,}?)(?:ing|ed)$/.exec(l)?.[1];
    return !!stem && (lower.has(stem) || lower.has(`${stem}e`) || COMMON_WORDS.has(stem) || COMMON_WORDS.has(`${stem}e`));
  };

  const found = new Map<string, UndefinedTerm>();
  // Terms seen capitalised somewhere other than at the start of a sentence.
  const midTerms = new Set<string>();
  const defined = [...index.byKey.keys()];
  const keyOf = (phrase: string) => singularOf(phrase) ?? phrase;

  for (const block of model.blocks) {
    if (block.kind !== 'paragraph' || block.quoted || isHeadingBlock(model, block)) continue;
    if (model.sections[block.section]?.trailer === 'signature') continue;
    for (const sentence of block.sentences) {
      const text = foldQuotes(sentence.text);
      const tokens: Token[] = [...text.matchAll(WORD)].map((m) => ({ word: m[0].replace(/['\u2019]s?$/, ''), start: m.index!, end: m.index! + m[0].length }));
      if (tokens.length < 4) continue;
      // A line in Title Case or capitals is a heading, a label or a name block, not running text.
      const significant = tokens.filter((t) => (!CONNECTORS.has(t.word) && !/^(?:[a-z]|[ivxlc]{1,4})$/i.test(t.word)) || /^[A-Z][a-z]/.test(t.word));
      const capitalised = significant.filter((t) => /^[A-Z]/.test(t.word)).length;
      const share = significant.length ? capitalised / significant.length : 1;
      const lowerWords = significant.filter((t) => /^[a-z]{3,}/.test(t.word)).length;
      if (share > 0.75 || lowerWords <= 1) continue;
      const quoted = quotedRanges(text);

      let i = 0;
      while (i < tokens.length) {
        const capOrKnown = (w: string) => isCapitalised(w) || (/^[A-Z]{2,}s?$/.test(w) && known.has(w));
        if (!capOrKnown(tokens[i].word)) { i++; continue; }
        // A run: capitalised words separated by single spaces, optionally joined by "of".
        const run: Token[] = [tokens[i]];
        let j = i + 1;
        while (j < tokens.length) {
          // A possessive ends a name: "Party's Confidential Information" is "Party" and "Confidential Information".
          if (/['\u2019]s?$/.test(text.slice(run[run.length - 1].start, run[run.length - 1].end))) break;
          const gap = text.slice(run[run.length - 1].end, tokens[j].start);
          if (gap === ' ' && capOrKnown(tokens[j].word)) { run.push(tokens[j]); j++; continue; }
          if (gap === ' ' && (tokens[j].word === 'of') && j + 1 < tokens.length && text.slice(tokens[j].end, tokens[j + 1].start) === ' ' && capOrKnown(tokens[j + 1].word)) {
            run.push(tokens[j], tokens[j + 1]);
            j += 2;
            continue;
          }
          break;
        }
        i = j;
        // Leading function words ("The", "In", "If"); a function word inside the run ends it
        // ("this Agreement Upon the expiration": a full stop is missing).
        while (run.length && FUNCTION_WORDS.has(run[0].word)) run.shift();
        if (!run.length) continue;
        const cut = run.findIndex((t, k) => k > 0 && FUNCTION_WORDS.has(t.word));
        if (cut > 0) { j = tokens.indexOf(run[cut]); i = j; run.splice(cut); }
        if (run.length === 1 && startsSentence(text, run[0].start)) continue;
        // "Severity Levels One (1)": a number word after a term is not part of it.
        while (run.length > 1 && NUMBER_WORD.test(run[run.length - 1].word)) run.pop();
        if (run[run.length - 1].word === 'of') run.pop();
        if (!run.some((t) => isCapitalised(t.word))) continue;
        // At the start of a sentence, "Multiple Users" is "multiple" + a known term.
        if (startsSentence(text, run[0].start) && run.length > 1 && composedOfKnown(run.slice(1).map((t) => t.word), known)) continue;
        const prevToken = tokens[tokens.indexOf(run[0]) - 1];
        if (!contextAllows(text, run, prevToken)) continue;
        const phrase = text.slice(run[0].start, run[run.length - 1].end).replace(/['\u2019]s?$/, '');
        if (!rejectRun(phrase, run, text, j < tokens.length ? tokens[j] : undefined, quoted)) continue;
        if (composedOfKnown(run.map((t) => t.word), known)) continue;
        // Words that are part of a defined term as written ("BCDR Plan", where "BCDR" is not capitalised like a word).
        const covered = (t: Token) => {
          const off = sourceOffsetAt(block, sentence.textStart + t.start);
          const o = occurrenceAt(index, off);
          return !!o && off < o.span.end;
        };
        if (run.every((t) => t.word === 'of' || covered(t) || known.has(t.word))) continue;
        // "Schedule 1 (Service Description)", "Section 3 (Privacy & Security)": the title of a clause or schedule.
        if (/(?:clauses?|sections?|schedules?|annex(?:es)?|appendix|exhibits?|attachments?|paragraphs?|articles?)\s+[0-9A-Z.]+(?:\([a-z0-9]+\))*\s*\(\s*$/i.test(text.slice(Math.max(0, run[0].start - 40), run[0].start))) continue;
        if (titles.has(phrase.toLowerCase()) || docTitle.includes(phrase.toLowerCase())) continue;
        const sourceStart = sourceOffsetAt(block, sentence.textStart + run[0].start);
        if (markedUp.some(([a, b]) => sourceStart >= a && sourceStart < b)) continue;
        // Every word an ordinary word, unless the phrase is a near miss of a defined term (a typo).
        if (!run.every((t) => t.word === 'of' || ordinary(t.word)) && !nearestTerm(phrase, defined)) continue;
        const k = keyOf(phrase);
        const span = { start: sourceStart, end: sourceOffsetAt(block, sentence.textStart + run[run.length - 1].start + run[run.length - 1].word.length - 1) + 1 };
        const entry = found.get(k);
        const midSentence = !startsSentence(text, run[0].start);
        if (entry) {
          entry.spans.push(span);
          if (midSentence) midTerms.add(k);
        } else {
          found.set(k, { text: phrase, spans: [span] });
          if (midSentence) midTerms.add(k);
        }
      }
    }
  }

  // An expression capitalised only where a sentence starts ("Measured Monthly using ...") is not reported.
  const terms = [...found.entries()].filter(([k]) => midTerms.has(k)).map(([, t]) => t).sort((a, b) => a.spans[0].start - b.spans[0].start);
  for (const t of terms) {
    const best = nearestTerm(t.text, defined);
    if (best) t.nearest = best;
  }
  const r = { skipped: null, terms };
  cache.set(model, r);
  return r;
}

/** Capitalised but not written in capitals: "Service", "Go-Live" (acronyms and single letters excluded). */
function isCapitalised(w: string): boolean {
  return /^[A-Z][a-z]/.test(w);
}

/** Is the word at `at` capitalised only by its position: start of the sentence, an item, a quotation, a bracket? */
function startsSentence(text: string, at: number): boolean {
  const before = text.slice(0, at);
  if (/^\s*(?:(?:\(?[a-z0-9]{1,4}[.)]|\d{1,3}(?:\.\d{1,3})*\.?|[-*\u2022])\s+)*$/i.test(before)) return true;
  // An item marker "(a)" counts only where a list item starts: "five (5) Business Days" is a number.
  return /(?:[:;.!?(\[\]|"'\u2014\u2013>]|\s-|\n|(?:^|[:;,]\s*|\n\s*|\s(?:and|or)\s+)\([a-z0-9ivx]{1,4}\))\s*$/i.test(before);
}

/** Returns true when the run may be a term (false: a reference, a name, a label, quoted words). */
function rejectRun(phrase: string, run: Token[], text: string, next: Token | undefined, quoted: Array<[number, number]>): boolean {
  const words = run.map((t) => t.word).filter((w) => w !== 'of');
  if (words.some((w) => PROPER_WORDS.has(w) || LEGAL_SUFFIX.test(w))) return false;
  if (REFERENCE_NOUN.test(words[words.length - 1])) return false;
  const after = text.slice(run[run.length - 1].end);
  // "Priority 1", "Phase II", "Release A": a label with a number.
  if (/^\s+(?:\d|[IVX]+\b|[A-Z]\b|No\.)/.test(after)) return false;
  // "Scheduled date and time of change: Date Time": the value of a form field.
  if (/:\s*$/.test(text.slice(0, run[0].start)) && /^\s*$/.test(text.slice(run[run.length - 1].end))) return false;
  // "Response Time: 4 hours": a label.
  if (/^\s*:/.test(after) && startsSentence(text, run[0].start)) return false;
  // "Key Performance Indicators (KPIs)": spelt out in an acronym, defined in passing.
  if (/^\s*\(\s*(?:the\s+)?["']?[A-Z][A-Za-z]*[A-Z]s?["']?\s*\)/.test(after)) return false;
  if (quoted.some(([a, b]) => run[0].start >= a && run[run.length - 1].end <= b)) return false;
  // 'security system (Security System")': a definition with a lost opening quote.
  if (/^["\u201D]\s*\)/.test(after)) return false;
  // "Security Incident within the meaning of Article 4 GDPR": defined by reference to a law.
  if (/^\s*\)?\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:\(?\s*as\s+(?:such\s+terms?\s+(?:is|are)\s+)?defined|within\s+the\s+meaning|has\s+the\s+meaning|as\s+that\s+term)/i.test(after)) return false;
  // A run-in title at the start of a clause ("(b) Consent to Service. Each party ...").
  if (/^\s*[.:]/.test(after) && startsSentence(text, run[0].start)) return false;
  // Text flattened from a table or a page layout: cells and footers separated by runs of spaces.
  const before = text.slice(0, run[0].start);
  if (/ {2,}$|\t$/.test(before) || /^(?: {2,}|\t)/.test(after)) return false;
  if (/\bPage\s+\d+\b/i.test(text.slice(Math.max(0, run[0].start - 40), run[run.length - 1].end + 40))) return false;
  // A name made of initials or with a middle initial ("John Q. Public").
  if (/^\s*[A-Z]\.\s/.test(after)) return false;
  if (next && /^[A-Z]{2,}$/.test(next.word) && text.slice(run[run.length - 1].end, next.start) === ' ') return false;
  if (phrase.length < 3) return false;
  return true;
}

/** Are the words a sequence of known phrases, possibly joined by "of" ("Processing of Customer Personal Data")? */
function composedOfKnown(words: string[], known: Set<string>): boolean {
  const n = words.length;
  const ok = new Array<boolean>(n + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < n; i++) {
    if (!ok[i]) continue;
    if (i > 0 && words[i] === 'of') ok[i + 1] = true;
    for (let j = i + 1; j <= n; j++) if (known.has(words.slice(i, j).join(' '))) ok[j] = true;
  }
  return ok[n];
}

function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/"[^"\n]{0,200}"/g)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

export { escapeRegExp };
