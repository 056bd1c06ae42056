/**
 * A party's legal name written in another form: "Tailspin Systems Ltd" or "Tailspin Ltd" where the
 * contract names "Tailspin Systems Limited", or a misspelling of it.
 */
import type { Block, ContractModel, Party, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { editDistance, foldQuotes, isMostlyUpper } from '../model';
import { findSignatureBlock } from './signatures';
import { opensWithWord } from '../model/word-gate';
import { countWrittenName } from './written-name';
import { COMMON_WORDS, FUNCTION_WORDS } from './words';
import { blockMemo, factsActive } from '../model/facts';
import { spliceTraceOf } from '../model/trace';
import { unchangedReparsed } from './unchanged-blocks';
import { isSpaceCode, isWordCode } from '../model/name-search';

export interface PartyNameVariant {
  span: Span;
  text: string;
  party: Party;
  legalName: string;
}

const SUFFIX = /^(?:inc|incorporated|ltd|limited|llc|l\.l\.c|llp|plc|corp|corporation|co|company|gmbh|ag|sa|s\.a|bv|b\.v|nv|n\.v|pty|lp|l\.p|pte|sarl|s\.a\.r\.l|oy|ab|as|spa|s\.p\.a|srl|kk)\.?$/i;

function norm(s: string): string {
  // Dots do not make another name: "L.L.C." is "LLC", "Inc." is "Inc".
  return foldQuotes(s).replace(/\./g, '').replace(/[,\s]+/g, ' ').trim().toLowerCase();
}

/** The legal form a suffix abbreviates: "Ltd" and "Limited" are one form, "Inc." and "Limited" two. */
const FORM_FAMILY: Record<string, string> = { limited: 'ltd', incorporated: 'inc', corporation: 'corp', company: 'co', 'pty ltd': 'pty' };
function legalForm(word: string): string {
  const w = word.toLowerCase().replace(/\./g, '');
  return FORM_FAMILY[w] ?? w;
}
/** A suffix word as written in a name: legal forms that are also English words ("as", "co", "ab") only in capitals. */
const isSuffixWord = (w: string) => SUFFIX.test(w) && /^[A-Z]/.test(w);

// A comma stands only before the legal form ("Pizza Fusion Holding, Inc."); "PSS, PSS Merger Corp." is a list.
const COMPANY = /[A-Z][\w&'./-]*(?:[ ]+(?:[A-Z][\w&'./-]*|of|and|&|the))*?,?[ ]+(?:Limited|Ltd\.?|plc|PLC|Inc\.?|Incorporated|LLC|L\.L\.C\.|LLP|Corporation|Corp\.?|GmbH|AG|S\.A\.|B\.V\.|N\.V\.|Pty Ltd|Pte Ltd|SARL|S\.p\.A\.)(?![\w])/g;

/**
 * The legal name of a party: the model's, or else the last company name (one ending in a legal
 * form) written before the party's parenthetical definition in the same sentence ("Tailspin
 * Systems Limited, a company registered in England and Wales (the "Supplier")").
 */
export function legalNameOf(model: ContractModel, party: Party): string | undefined {
  if (party.legalName && SUFFIX.test(party.legalName.trim().split(/[\s,]+/).pop() ?? '')) return party.legalName;
  const def = model.definedTerms.find((d) => d.term === party.alias && d.style === 'parenthetical');
  if (!def) return party.legalName;
  const block = model.blocks[def.block];
  const defAt = def.span.start - block.start;
  const sentence = block.sentences.find((x) => x.from <= defAt && defAt < x.to);
  const from = block.start + (sentence?.from ?? 0);
  const before = foldQuotes(model.text.slice(from, def.span.start)).replace(/\*\*|__/g, '');
  const open = before.lastIndexOf('(');
  if (open < 0) return party.legalName;
  const names = [...before.slice(0, open).matchAll(COMPANY)].map((m) => m[0].replace(/^(?:and|between|by|with)\s+/i, '').trim());
  return names.length ? names[names.length - 1] : party.legalName;
}

/** A party's legal name and where the contract gives it. */
export interface NamedParty {
  legalName: string;
  /** The model's party, or one made for a name with no defined name ("between Alpha Widgets Corporation and ..."). */
  party: Party;
  source: 'definition' | 'preamble' | 'signature';
}

const hasLegalForm = (name: string) => SUFFIX.test(name.trim().split(/[\s,]+/).pop() ?? '');
const LEADING_LINK = /^(?:(?:by and )?between|among(?:st)?|and|by|with|of)\s+/i;
/** The words LEADING_LINK opens with. */
const LINK_WORDS = ['between', 'by', 'among', 'and', 'with', 'of'];
/** What `/^(?:this|the)\b/i` matched, compared by code (issue 13, cold). */
const THIS_THE = ['this', 'the'];

/**
 * The parties' legal names: from the parties' definitions, from the sentence of the preamble that
 * names them ("between Alpha Widgets Corporation and Beta Supply LLC"), with or without a
 * parenthetical, and from the signature block. A name in the signature block that is a variant of a
 * name already known is not a new party: it is checked against that name instead.
 */
export function namedParties(model: ContractModel): NamedParty[] {
  // Asked by party-name-variant and signature-block: one answer per model.
  let out = namedMemo.get(model);
  if (!out) namedMemo.set(model, (out = readNamedParties(model)));
  return out;
}
const namedMemo = new WeakMap<ContractModel, NamedParty[]>();

function readNamedParties(model: ContractModel): NamedParty[] {
  const out: NamedParty[] = [];
  const known = (name: string) => out.find((p) => sameParty(p.legalName, name));
  for (const party of model.parties) {
    const legal = legalNameOf(model, party)?.trim();
    if (legal && !known(legal)) out.push({ legalName: legal, party, source: 'definition' });
  }
  for (const name of preambleNames(model)) {
    if (!known(name)) out.push({ legalName: name, party: { alias: name, legalName: name, role: 'unknown', takesArticle: false }, source: 'preamble' });
  }
  const aliases = model.parties.map((p) => p.alias);
  for (const p of findSignatureBlock(model, aliases)?.parties ?? []) {
    const name = p.label.replace(/[\s,.]+$/, (m) => (/\.$/.test(m) && /\b(?:inc|corp|co|ltd)\.$/i.test(p.label) ? '.' : ''));
    if (!hasLegalForm(name) || known(name) || name.split(/\s+/).length < 2) continue;
    // A name in capitals ("GAMMA HOSTING LIMITED") is read in its ordinary case, so that the text's "Gamma Hosting Ltd" is found.
    const legal = isMostlyUpper(name) ? name.split(/\s+/).map((w) => (/^(?:LLC|LLP|LP|PLC|AG|SA|BV|NV|KK|L\.L\.C\.|S\.A\.|B\.V\.|N\.V\.)$/.test(w) ? w : w[0] + w.slice(1).toLowerCase())).join(' ') : name;
    out.push({ legalName: legal, party: { alias: legal, legalName: legal, role: 'unknown', takesArticle: false }, source: 'signature' });
  }
  return out;
}

/** Two names of one party: the same first word (case aside), or a misspelling of each other. */
function sameParty(a: string, b: string): boolean {
  const first = (s: string) => s.trim().split(/[\s,]+/)[0].toLowerCase();
  return first(a) === first(b) || editDistance(norm(a), norm(b), 2) <= 2;
}

/** Where the opening ends: after the block whose sentence names the parties, or after the first 1,500 characters. */
function openingEndOf(model: ContractModel): number {
  return preambleSentence(model)?.end ?? 1500;
}

/** The sentence of the opening that names the parties ("... between X and Y ..."). */
function preambleSentence(model: ContractModel): { text: string; end: number } | null {
  for (const block of model.blocks) {
    if (block.start > 4000) break;
    if (block.kind === 'code' || block.kind === 'html' || block.quoted) continue;
    for (const s of block.sentences) {
      const text = foldQuotes(s.text).replace(/\*\*|__/g, '');
      if (/\b(?:between|among(?:st)?)\b/i.test(text) && COMPANY_START.test(text)) return { text, end: block.end };
    }
  }
  return null;
}
const COMPANY_START = /[A-Z]/;

/** Company names (ending in a legal form) in the sentence of the opening that names the parties. */
function preambleNames(model: ContractModel): string[] {
  for (const block of model.blocks) {
    if (block.start > 4000) break;
    if (block.kind === 'code' || block.kind === 'html' || block.quoted) continue;
    for (const s of block.sentences) {
      const text = foldQuotes(s.text).replace(/\*\*|__/g, '');
      if (!/\b(?:between|among(?:st)?)\b/i.test(text)) continue;
      const names = [...text.matchAll(COMPANY)].map((m) => {
        let n = m[0].trim();
        // Its words checked by code first: a cold run's names open with none (issue 13, cold).
        while (opensWithWord(n, 0, LINK_WORDS) && LEADING_LINK.test(n)) n = n.replace(LEADING_LINK, '');
        // "between Galacticomm and Horst Entertainment Inc.": "and" joins the parties here, more often than it stands inside a name.
        n = n.split(/\s+and\s+/).pop()!;
        return n.replace(/,$/, '');
      }).filter((n) => n.split(/\s+/).length >= 2 && !opensWithWord(n, 0, THIS_THE, true));
      if (names.length) return names;
    }
  }
  return [];
}

/** Does the text before a name end inside a longer name ("MINDA IMPCO", "T & B")? */
function partOfLongerName(before: string): boolean {
  if (/&\s*$/.test(before)) return true;
  const w = /(?:^|\s)([A-Z][\w&'-]*)\s+$/.exec(before);
  return !!w && !FUNCTION_WORDS.has(w[1]);
}


/** The parties' legal names that have variants worth reporting, taken apart for the search. */
export function partyNameShapes(model: ContractModel): Array<{ party: Party; legal: string; name: NameShape }> {
  const names: Array<{ party: Party; legal: string; name: NameShape }> = [];
  for (const { party, legalName } of namedParties(model)) {
    const legal = legalName;
    // A name's shape is a function of the legal name and the alias: the last ones built are kept,
    // so that an edit compiles no expressions (while editing the names rarely change).
    const kept = lastShapes.get(`${legal}\u0001${party.alias}`);
    if (kept !== undefined) { if (kept) names.push({ party, legal, name: kept }); continue; }
    const shape = nameShapeOf(legal, party.alias);
    if (lastShapes.size > 64) lastShapes.clear();
    lastShapes.set(`${legal}\u0001${party.alias}`, shape);
    if (shape) names.push({ party, legal, name: shape });
  }
  return names;
}
const lastShapes = new Map<string, NameShape | null>();

/** A legal name taken apart for the search, or null when it has no variants worth reporting. */
function nameShapeOf(legal: string, alias: string): NameShape | null {
  const words = legal.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const suffixAt = words.findIndex((w, i) => i > 0 && SUFFIX.test(w));
  if (suffixAt < 1) return null; // only names with a legal form ("Limited", "Inc.") have variants worth reporting
  const core = words.slice(0, suffixAt);
  // The name is found by its first distinctive word ("Tailspin"), or its first two words when the first is common ("Bank of ...").
  const keyWords = COMMON_WORDS.has(core[0].toLowerCase()) || FUNCTION_WORDS.has(core[0]) ? core.slice(0, 2) : core.slice(0, 1);
  if (!keyWords.length || keyWords.join(' ').length < 3) return null;
  return {
    legal, words, legalNorm: norm(legal), alias,
    coreSet: new Set(core.map((w) => w.toLowerCase())),
    keyWords,
    formSpellings: formSpellingsOf(words),
    // Folding quotes changes no other character, so a key word without quotes stands in the block's own text.
    keyLiteral: /['"]/.test(keyWords[0]) ? null : keyWords[0],
    formWord: legal.length >= 10 ? formWordOf(formSpellingsOf(words)) : null,
  };
}

export function partyNameVariants(model: ContractModel): PartyNameVariant[] {
  const out: PartyNameVariant[] = [];
  const openingEnd = openingEndOf(model);
  const names = partyNameShapes(model);
  if (!names.length) return out;
  // What a block's own text says of every name is memoised per block while editing (see
  // model/facts.ts), in one lookup per block; where the block stands (in the opening or not) and how
  // often the whole text repeats a name are read here. Only blocks that mention a name are kept.
  const kind = `party-names\u0000${names.map(({ legal, name }) => `${legal}\u0001${name.alias}`).join('\u0000')}`;
  // While editing, the blocks the edit kept or moved take their facts from the previous model's
  // list (through the splice trace) when the names are the same, and only the re-parsed blocks are
  // read. The list holds only the blocks where a variant was found (a handful of a 1 MB contract's 6,000),
  // so an edit copies those entries rather than one per block (issue 13).
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  const before = trace ? namesBuilt.get(trace.previous) : undefined;
  const reuse = before && before.kind === kind ? before : undefined;
  const at: number[] = [];
  const found: BlockNameFacts[][] = [];
  const gate = namesGateOf(names.map(({ name }) => name));
  const readBlock = (block: Block): void => {
    if (block.kind === 'code' || block.kind === 'html') return;
    // Without a fact cache (a one-shot review, the CLI's), no closure is made per block to memoise.
    const facts = factsActive() ? blockMemo(model, block, kind, () => blockNameFacts(block.text, names, gate)) : blockNameFacts(block.text, names, gate);
    if (facts !== NO_NAMES) { at.push(block.index); found.push(facts); }
  };
  if (reuse) {
    // Facts are by offset in the block's own text: a moved block's are taken over as they are.
    const { prefix, fresh, oldAfter } = trace!;
    const was = reuse.blocks;
    let k = 0;
    for (; k < was.length && was[k] < prefix; k++) { at.push(was[k]); found.push(reuse.facts[k]); }
    // A re-parsed block that reads as the one it replaced has that one's facts (unchanged-blocks.ts):
    // listed if that one was, among the replaced blocks' entries [k, end).
    const unchanged = unchangedReparsed(model, trace!);
    let end = k;
    while (end < was.length && was[end] < oldAfter) end++;
    for (let i = prefix; i < prefix + fresh; i++) {
      const same = unchanged[i - prefix];
      if (same < 0) { readBlock(model.blocks[i]); continue; }
      for (let q = k; q < end; q++) if (was[q] === same) { at.push(i); found.push(reuse.facts[q]); break; }
    }
    k = end;
    const delta = prefix + fresh - oldAfter;
    for (; k < was.length; k++) { at.push(was[k] + delta); found.push(reuse.facts[k]); }
  } else {
    for (const block of model.blocks) readBlock(block);
  }
  if (factsActive()) namesBuilt.set(model, { kind, blocks: at, facts: found });
  const mentioning = at.map((b, k) => ({ block: model.blocks[b], facts: found[k] }));
  names.forEach(({ party, legal }, k) => {
    for (const { block, facts } of mentioning) {
      for (const { at, mention, otherForm } of facts[k].mentions) {
        // Flagged only when that name is written once and not in the opening, where affiliates are introduced.
        if (otherForm && (block.start < openingEnd || countWrittenName(model.text, mention) > 1)) continue;
        const span = { start: sourceOffsetAt(block, at), end: sourceOffsetAt(block, at + mention.length - 1) + 1 };
        out.push({ span, text: model.text.slice(span.start, span.end), party, legalName: legal });
      }
    }
    // Misspellings of the whole name ("Tailspinn Systems Limited").
    if (legal.length >= 10) {
      for (const { block, facts } of mentioning) {
        for (const { at, cand } of facts[k].misspellings) {
          const span = { start: sourceOffsetAt(block, at), end: sourceOffsetAt(block, at + cand.length - 1) + 1 };
          if (out.some((o) => o.span.start === span.start)) continue;
          out.push({ span, text: model.text.slice(span.start, span.end), party, legalName: legal });
        }
      }
    }
  });
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * What one block's text says of each name (NO_NAMES when nothing): a pure function of the text and
 * the names. Most blocks name no party: told apart without folding the text or searching it per name (issue 13).
 */
function blockNameFacts(blockText: string, names: ReturnType<typeof partyNameShapes>, gate: NamesGate): BlockNameFacts[] {
  if (!mayNameAny(blockText, gate)) return NO_NAMES;
  const text = foldQuotes(blockText);
  const per = names.map(({ legal, name }) => ({ mentions: mentionsIn(text, name), misspellings: legal.length >= 10 && mayMisspell(text, name) ? misspellingsIn(text, name) : [] }));
  return per.some((f) => f.mentions.length || f.misspellings.length) ? per : NO_NAMES;
}

/**
 * The blocks where a variant of a name was found (`kind` names the names), ascending, and what was
 * found in each, for the next model while editing.
 */
const namesBuilt = new WeakMap<ContractModel, { kind: string; blocks: number[]; facts: BlockNameFacts[][] }>();

/** How many blocks the model's name facts list (undefined before they are built; for tests). */
export function blocksNamingParties(model: ContractModel): number | undefined {
  return namesBuilt.get(model)?.blocks.length;
}

/** Hands the per-block facts on to a copy of the model with the same blocks (see carry.ts). */
export function carryPartyNameFacts(from: ContractModel, to: ContractModel): void {
  const b = namesBuilt.get(from);
  if (b && from.blocks === to.blocks && from.text === to.text) namesBuilt.set(to, b);
}

/** What one block's text says of each party's name (in the order of the names). */
interface BlockNameFacts {
  mentions: Array<{ at: number; mention: string; otherForm: boolean }>;
  misspellings: Array<{ at: number; cand: string }>;
}
const NO_NAMES: BlockNameFacts[] = [];

/** A party's legal name taken apart for the search. */
export interface NameShape {
  legal: string; words: string[]; legalNorm: string; alias: string; coreSet: Set<string>; formSpellings: string[];
  /**
   * The words a mention starts with (one, or two when the first is common), found by keyEndAt as
   * `(?<![\w/-])<word>(?:\s+<word>)(?![\w-])` would find them: no expression per name (issue 13).
   */
  keyWords: string[];
  /** The first key word, which every mention holds as written (null when it has quotes: found only in the folded text). */
  keyLiteral: string | null;
  /** Matches the legal-form word that ends every misspelling of the name (see formWordOf); null when misspellings are not looked for. */
  formWord: RegExp | null;
}

/**
 * A word that is one of the spellings of a legal form, dots aside ("Ltd", "L.T.D.", "LTD"), as the
 * last word of a misspelling candidate must be (misspellingsIn: it starts with a capital, its
 * letters without dots spell the form, and no word character, "&", "'", "." or "-" follows). Its
 * absence from a block's text proves that misspellingsIn finds nothing there; quotes folded or not,
 * since none of those characters is a quote but "'", which the test does not let follow.
 */
function formWordOf(spellings: string[]): RegExp {
  // The spellings are those of one legal form (SUFFIX lists them all), so the expression is one of
  // a few dozen: kept per form and compiled once, not once per document naming it (issue 13, cli).
  const key = spellings.join('\u0000');
  let re = formWords.get(key);
  if (!re) {
    const spelled = spellings.filter((f) => /^[a-z]+$/.test(f)).map((f) => f[0].toUpperCase() + [...f.slice(1)].map((c) => `\\.*[${c}${c.toUpperCase()}]`).join(''));
    formWords.set(key, (re = new RegExp(`(?:${spelled.join('|')})\\.*(?![\\w&'.-])`)));
  }
  return re;
}
const formWords = new Map<string, RegExp>();

/** Can the block's text (unfolded) hold a mention or a misspelling of the name? False only when it cannot. */
export function mayName(text: string, name: NameShape): boolean {
  return (name.keyLiteral === null || text.includes(name.keyLiteral)) || (name.formWord !== null && name.formWord.test(text));
}

/**
 * mayName for several names at once: their key literals, then their legal-form words as one
 * expression (formWordOf's, as alternatives), so that a block naming none of them is searched once,
 * not once per name (a first 1 MB review tests every block; issue 13, signatures). The expression is
 * kept per set of forms, like formWordOf's: a handful, compiled once, not once per document.
 */
export interface NamesGate { always: boolean; keys: string[]; forms: RegExp | null }
export function namesGateOf(shapes: readonly NameShape[]): NamesGate {
  let always = false;
  const keys: string[] = [];
  const forms: RegExp[] = [];
  for (const s of shapes) {
    if (s.keyLiteral === null) always = true;
    else if (!keys.includes(s.keyLiteral)) keys.push(s.keyLiteral);
    if (s.formWord && !forms.includes(s.formWord)) forms.push(s.formWord);
  }
  if (forms.length < 2) return { always, keys, forms: forms[0] ?? null };
  const key = forms.map((f) => f.source).join('\u0000');
  let re = formGates.get(key);
  if (!re) {
    if (formGates.size > 64) formGates.clear();
    formGates.set(key, (re = new RegExp(forms.map((f) => `(?:${f.source})`).join('|'))));
  }
  return { always, keys, forms: re };
}
const formGates = new Map<string, RegExp>();

/** Whether mayName holds for some of the names the gate was made of. */
export function mayNameAny(text: string, gate: NamesGate): boolean {
  if (gate.always) return true;
  for (let i = 0; i < gate.keys.length; i++) if (text.includes(gate.keys[i])) return true;
  return gate.forms !== null && gate.forms.test(text);
}

/** Every word (lower case, without dots) whose legal form is the name's: "ltd" and "limited" for "Ltd.". */
function formSpellingsOf(words: string[]): string[] {
  const form = legalForm(words[words.length - 1]);
  return [form, ...Object.keys(FORM_FAMILY).filter((k) => FORM_FAMILY[k] === form)];
}

/**
 * Can the text hold a misspelling of the name? Each one ends with a word written in ASCII
 * whose legal form is the name's (see misspellingsIn): one of the form's spellings in either case,
 * with dots anywhere after its first letter. Most blocks hold none, and are spared the search for
 * runs of capitalised words. One case-insensitive search: the text's lower-case copy without dots,
 * searched per spelling, was two copies of every block that might name a party (issue 13, clialloc).
 */
const mayMisspell = (text: string, name: NameShape): boolean => spellingsSearch(name.formSpellings).test(text);

/** `f1|f2|...` with `\.*` after each character but the last, case-insensitive; kept per list of spellings. */
function spellingsSearch(spellings: string[]): RegExp {
  // By the list first (a name's shape holds one list for the review), so that no key is built per block.
  let re = searchOfList.get(spellings);
  if (re) return re;
  const key = spellings.join('\u0000');
  re = spellingSearches.get(key);
  if (!re) {
    if (spellingSearches.size > 64) spellingSearches.clear();
    const dotted = spellings.map((f) => [...f].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\.*'));
    spellingSearches.set(key, (re = new RegExp(dotted.join('|'), 'i')));
  }
  searchOfList.set(spellings, re);
  return re;
}
const spellingSearches = new Map<string, RegExp>();
const searchOfList = new WeakMap<string[], RegExp>();

/**
 * Variants of a name in one block's text, by offset in that text: a pure function of the text and
 * the name. otherForm: written with another legal form, which counts only outside the opening and
 * when written once (decided by the caller, who sees the whole document).
 */
export function mentionsIn(text: string, name: NameShape): Array<{ at: number; mention: string; otherForm: boolean }> {
  const { legal, words, legalNorm, coreSet } = name;
  const out: Array<{ at: number; mention: string; otherForm: boolean }> = [];
  // Each search goes on from the end of the key found before, as a global expression's would.
  let keyEnd = 0;
  for (let at = nextKeyAt(text, name.keyWords, 0); at >= 0; at = nextKeyAt(text, name.keyWords, keyEnd)) {
    keyEnd = keyEndAt(text, name.keyWords, at);
    // Read on while the words belong to a company name: core words, legal forms, commas between.
    let end = keyEnd;
    let hasSuffix = false;
    for (;;) {
      // One or two spaces or a line break: a wider gap is a column of a converted page, not the same name.
      const rest = /^(,?(?: {1,2}|\n))([A-Za-z][\w&'\u2019.-]*)/.exec(text.slice(end));
      if (!rest) break;
      const w = rest[2].replace(/['\u2019]s$/, '');
      const bare = w.replace(/\.$/, '');
      if (isSuffixWord(w)) { hasSuffix = true; end += rest[1].length + w.length; continue; }
      if (hasSuffix) break; // nothing but another legal form after one ("Pty Ltd")
      // A core word, or one letter off it ("Widget" for "Widgets").
      if (/^[A-Z&]/.test(bare) && (coreSet.has(bare.toLowerCase()) || (bare.length >= 5 && [...coreSet].some((c) => c.length >= 5 && editDistance(c, bare.toLowerCase(), 1) <= 1)))) { end += rest[1].length + bare.length; continue; }
      break;
    }
    if (!hasSuffix) continue;
    let mention = text.slice(at, end).replace(/[,\s]+$/, '');
    // "Ltd." at the end of a sentence keeps its dot only when the legal name has one.
    // Inside a sentence ("Alpha Widget Corp. shall") the dot is part of the abbreviation and goes with it.
    const after = text.slice(at + mention.length);
    if (/\.$/.test(mention) && !/\.$/.test(legal) && !/^\s+[a-z,]/.test(after)) mention = mention.replace(/\.$/, '');
    if (norm(mention) === legalNorm) continue;
    // Another legal form ("Sekisui Diagnostics GmbH" beside "Sekisui Diagnostics, LLC") is usually another company of the group.
    // Words of the name left out with the legal form written as in the name ("HOF Village, LLC" beside
    // "HOF Village Media Group, LLC") usually name the parent or a sister company, not this party.
    const mentionWords = mention.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
    // A two-word legal form ("Corporation Ltd.", "Co., Ltd.") whose legal name was read only up to its
    // first word: the same name written in full, or with a comma, is not a variant.
    if (mentionWords.length > words.length && norm(mentionWords.slice(0, words.length).join(' ')) === legalNorm && mentionWords.slice(words.length).every(isSuffixWord)) continue;
    const sameFormWord = norm(mentionWords[mentionWords.length - 1]) === norm(words[words.length - 1]);
    const sameForm = legalForm(mentionWords[mentionWords.length - 1]) === legalForm(words[words.length - 1]);
    if (mentionWords.length < words.length && (sameFormWord || !sameForm)) continue;
    const otherForm = legalForm(mention.split(/[\s,]+/).pop()!) !== legalForm(words[words.length - 1]);
    // The account name in payment details is the bank's record of the party, kept as the bank has it.
    if (ACCOUNT_NAME.test(text.slice(Math.max(0, at - 40), at))) continue;
    // A name in quotes is named on purpose ("references to "X Company" mean X Inc.").
    if (/["\u2018']$/.test(text.slice(0, at))) continue;
    // Part of a longer name ("MINDA IMPCO Limited", a joint venture of IMPCO).
    if (partOfLongerName(text.slice(Math.max(0, at - 30), at))) continue;
    if (norm(mention) === norm(name.alias)) continue;
    out.push({ at: at, mention, otherForm });
  }
  return out;
}

/** Where the next mention's key words start at or after `from`, or -1 (see keyEndAt). */
export function nextKeyAt(text: string, keyWords: string[], from: number): number {
  for (let at = text.indexOf(keyWords[0], from); at >= 0; at = text.indexOf(keyWords[0], at + 1)) if (keyEndAt(text, keyWords, at) >= 0) return at;
  return -1;
}

/**
 * Where the key words that stand at `at` end, read as `(?<![\w/-])K1(?:\s+K2)(?![\w-])` reads them
 * (the words hold no white space, so the run between them is taken whole); -1 when they do not.
 */
export function keyEndAt(text: string, keyWords: string[], at: number): number {
  const before = text.charCodeAt(at - 1);
  if (isWordCode(before) || before === 47 || before === 45) return -1;
  let end = at + keyWords[0].length;
  for (let k = 1; k < keyWords.length; k++) {
    let next = end;
    while (isSpaceCode(text.charCodeAt(next))) next++;
    if (next === end || !text.startsWith(keyWords[k], next)) return -1;
    end = next + keyWords[k].length;
  }
  const after = text.charCodeAt(end);
  return isWordCode(after) || after === 45 ? -1 : end;
}

const ACCOUNT_NAME = /\b(?:account(?:\s+holder)?(?:['\u2019]s)?\s+name|name\s+of\s+(?:the\s+)?account(?:\s+holder)?|account\s+holder|beneficiary(?:\s+name)?|payee(?:\s+name)?)\s*[:\u2013\u2014-]?\s*$/i;

/**
 * Runs of capitalised words as long as a name of n words may be misspelt in (n - 2 to n words):
 * one expression per length, kept and compiled once, not one per name (issue 13, cli).
 */
function candidateRunOf(n: number): RegExp {
  let re = candidateRuns.get(n);
  if (!re) candidateRuns.set(n, (re = new RegExp(`(?<![\\w-])[A-Z][\\w&'.-]*(?:,?\\s+[A-Z][\\w&'.-]*){${Math.max(0, n - 2)},${n}}`, 'g')));
  return re;
}
const candidateRuns = new Map<number, RegExp>();

/** Misspellings of the whole legal name in one block's text, by offset in that text (pure). */
export function misspellingsIn(text: string, name: NameShape): Array<{ at: number; cand: string }> {
  const { legal, words, legalNorm } = name;
  const out: Array<{ at: number; cand: string }> = [];
  const fuzzy = candidateRunOf(words.length);
  const keepDot = /\.$/.test(legal);
  const form = legalForm(words[words.length - 1]);
  fuzzy.lastIndex = 0;
  // No match is empty (each starts with a capital), so exec goes on as matchAll would.
  for (let m = fuzzy.exec(text); m; m = fuzzy.exec(text)) {
    const run = m[0];
    // The run's last word, as the candidate's words split at white space and commas end: most runs
    // end in no legal form and are passed over before the candidate, its words and their copies are
    // made (a run ends with a character of its last word, so the comma this used to drop is never there).
    const dropDot = !keepDot && run.charCodeAt(run.length - 1) === 46;
    let w0 = run.length;
    while (w0 > 0 && !isSpaceCode(run.charCodeAt(w0 - 1)) && run.charCodeAt(w0 - 1) !== 44) w0--;
    const last = run.slice(w0, dropDot ? run.length - 1 : run.length);
    if (!isSuffixWord(last)) continue;
    if (legalForm(last) !== form) continue;
    const cand = dropDot ? run.slice(0, -1) : run;
    const d = editDistance(norm(cand), legalNorm, 2);
    if (d < 1 || d > 2) continue;
    const at = m.index!;
    if (partOfLongerName(text.slice(Math.max(0, at - 30), at))) continue;
    out.push({ at, cand });
  }
  return out;
}
