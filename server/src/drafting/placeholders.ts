/**
 * Placeholders left in a draft: [DATE], [AMOUNT], [●], [Supplier name], {{variable}}, blanks
 * (____), XX, <insert date>, and bare TBD / TBC / TBA / "to be agreed".
 */
import type { Block, ContractModel, PartyRole, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { foldQuotes } from '../model';
import { blockMemo, factsActive } from '../model/facts';
import { previousBlockIndex, spliceTraceOf, type SpliceTrace } from '../model/trace';
import { sameRange } from './same-text';
import { BlockResults } from './perBlock';
import { holdsAny, isSpaceLike, opensWithOne, opensWithWord } from '../model/word-gate';

export type PlaceholderKind = 'bracket' | 'template' | 'blank' | 'xx' | 'tbd' | 'option';

export interface Placeholder {
  span: Span;
  /** As written ("[DATE]"). */
  text: string;
  kind: PlaceholderKind;
  /** For "[Supplier name]": the party whose name belongs there. */
  partyRole?: PartyRole;
}

export const BRACKET = /\[([^[\]\n]{0,80})\](?![(:[])/g;
export const TEMPLATE = /\{\{[^{}\n]{1,60}\}\}|\{%[^%\n]{1,60}%\}|\$\{[A-Za-z_][\w.]{0,40}\}|<<[^<>\n]{1,40}>>|\u00AB[^\u00AB\u00BB\n]{1,40}\u00BB|(?<![{$\\])\{[A-Za-z_][\w .-]{0,40}\}(?!\})/g;
const BLANK = /_{3,}/g;
export const XX = /(?<![A-Za-z])\d*(?:X{2,}|x{2,})(?:[-/.]?(?:\d+|X+|x+))*(?![A-Za-z])/g;
export const TBD = /\b(?:TBD|TBC|TBA|to be (?:agreed|determined|confirmed|decided|advised|specified))\b/g;
export const ANGLE = /<\s*(?:insert|enter|add|specify|name of|date of|details of)[^<>\n]{0,60}>/gi;
/*
 * What every match of the expressions above holds, looked up first (model/word-gate.ts): a block
 * without it is not searched, so a contract without such placeholders never compiles them (a cold run
 * compiles each expression it runs). TBD_WORDS are lower-case: the text is lower-cased for them.
 */
export const TEMPLATE_MARKS = ['{', '<<', '\u00AB'];
export const TBD_WORDS = ['tbd', 'tbc', 'tba', 'to be '];
const NO_MATCHES: RegExpMatchArray[] = [];
/** The matches of a global expression in a text, or none without searching when the text lacks all of `marks`. */
const matchesIf = (text: string, marks: readonly string[], pattern: RegExp): Iterable<RegExpMatchArray> => (holdsAny(text, marks) ? text.matchAll(pattern) : NO_MATCHES);

const SYMBOLS = /^[\s\u25CF\u2022\u2026._*xX#?-]*$/;
const SHORT_CODES = /^(?:N|X|XX+|TBD|TBC|TBA|TBD\/TBC|\?+|\u2022|\u25CF|\u2026|\.{3,})$/i;
const INSTRUCTION = /^(?:insert|enter|add|specify|include|state|describe|complete|fill in|confirm|choose|select|delete|drafting note|note to draft|ntd|optional|option|alternative|if applicable|tbc|tbd|to be|name of|date of|number of|amount of|details of|address of)\b/i;
const FIELD_WORD = /\b(?:name|address|date|amount|number|figure|percentage|details?|title|e-?mail|phone|telephone|value|price|fee|period|jurisdiction|country|city|company|entity|signatory|position|sum|rate|cap|level|location|currency|time|duration|day|week|month|year|hour|minute|table|list|description)s?$/i;
// [Optional Module], [Option A], [Alternative 2], [If hosted:], [Where applicable:]: a tag that marks
// text the drafter must keep or delete.
const OPTION_TAG = /^(?:(?:optional|option|alternative)\b[^\]]{0,60}|(?:if|where|when|unless|for)\b[^\]]{1,60}:)$/i;
// A Title Case tag at the start of a paragraph, before the text it governs: "[Premium Support] The Supplier ...".
const TITLE_CASE_TAG = /^[A-Z][\w'-]*(?:\s+(?:(?:of|and|or|the|for|to|in|on)\s+)?[A-Z][\w'-]*){0,4}$/;
// <PRICE TABLE>, <CUSTOMER NAME>, <Supplier address>: a field in angle brackets. SGML tags of filed
// documents (<PAGE>, <TABLE>, <S>, <C>) are single words and not fields.
export const ANGLE_FIELD = /<([A-Z][A-Za-z0-9 ,#/&'.-]{1,60})>/g;
const SGML_TAGS = /^(?:page|table|caption|s|c|fn|document|type|sequence|filename|description|text|html|body|head|title|pre|br|hr|p|div|span|b|i|u|sup|sub|center|font|tr|td|th|ul|ol|li|a|img)$/i;
const NOT_PLACEHOLDER = /^(?:sic|reserved|intentionally (?:left blank|omitted|deleted)|deleted|not used|omitted|none|\d+|\^[^\]]*|emphasis added|illegible|redacted|signature page follows|seal|.*\bletterhead|graphic(?: omitted)?|logo omitted)$/i;
/**
 * The words SIGNING_LABEL's labels open with: after "|", "*" and white space, a line it matches
 * opens with one, and holds at most 20 characters after the longest label (20 characters).
 */
export const SIGNING_LABEL_WORDS = ['by', 'name', 'print', 'title', 'sign', 'witness', 'position', 'its', 'authori'];
export function mayBeSigningLabel(line: string): boolean {
  let i = 0;
  while (isSpaceLike(line.charCodeAt(i)) || line.charCodeAt(i) === 124 || line.charCodeAt(i) === 42) i++;
  return line.length - i <= 40 && opensWithWord(line, i, SIGNING_LABEL_WORDS);
}
/** The words the label-at-the-end expression's labels end with (print(ed) name ends with "name"). */
export const LABELS_AT_END = ['by', 'name', 'title', 'signature', 'signed', 'witness', 'its'];
export const DATE_LABEL = ['date', 'dated'];
/** Whether `text`, less white space, a ":" and white space at its end, ends with one of `words` (ASCII letters folded). */
export function endsWithLabel(text: string, words: readonly string[]): boolean {
  let j = text.length;
  while (isSpaceLike(text.charCodeAt(j - 1))) j--;
  if (text.charCodeAt(j - 1) === 58) j--;
  while (isSpaceLike(text.charCodeAt(j - 1))) j--;
  for (let k = 0; k < words.length; k++) if (j >= words[k].length && opensWithOne(text, j - words[k].length, words[k])) return true;
  return false;
}
/**
 * Whether a line may be a date line: after "|" (and "*" with `stars`) and white space, "date" and
 * at most 15 characters from it ("dated" and 10 more), or (without `stars`) nothing at all.
 */
export function mayBeDateLine(line: string, stars: boolean): boolean {
  let i = 0;
  while (isSpaceLike(line.charCodeAt(i)) || line.charCodeAt(i) === 124 || (stars && line.charCodeAt(i) === 42)) i++;
  if (i === line.length) return !stars;
  return line.length - i <= 15 && opensWithWord(line, i, ['date']);
}
export const SIGNING_LABEL = /^[\s|*]*(?:by|name|print(?:ed)? name|title|signature|signed(?: by)?|sign here|witness(?:ed by)?|position|its|authori[sz]ed signatory)\b[^_\n]{0,20}$/i;
const ROMAN_CONTEXT = /(?:article|section|clause|part|chapter|schedule|annex|appendix|exhibit|title|volume|book)\s+$/i;
const SUPPLIER_WORDS = /^(?:the\s+)?(?:supplier|provider|service provider|vendor|contractor|consultant|licensor|seller|processor)(?:['\u2019]s)?(?:\s+(?:full|legal|registered|company))?\s+name$/i;
const CUSTOMER_WORDS = /^(?:the\s+)?(?:customer|client|purchaser|buyer|licensee|controller)(?:['\u2019]s)?(?:\s+(?:full|legal|registered|company))?\s+name$/i;

function isBracketPlaceholder(content: string, redactions: () => boolean): boolean {
  const c = content.trim();
  // "[a]", "[iv]": item letters and numerals in lower case.
  if (NOT_PLACEHOLDER.test(c) || /^(?:[a-z]|[ivx]+)$/.test(c)) return false;
  // "[Metric Tons / Year]", "[USD per month]": a unit in a table heading.
  if (/(?:\/|\bper)\s*(?:year|annum|month|week|day|hour|unit)s?$/i.test(c)) return false;
  if (/^\*+$/.test(c)) return !redactions() && c.length <= 2;
  if (!c.length || SYMBOLS.test(c) || SHORT_CODES.test(c)) return true;
  // [DATE], [SUPPLIER NAME], [AMOUNT]: a label in capitals.
  if (/^[A-Z#][A-Z0-9 /&'.,#%:()-]*$/.test(c) && /[A-Z]{2}/.test(c) && c.split(/\s+/).length <= 6) return true;
  if (INSTRUCTION.test(c)) return true;
  if (c.split(/\s+/).length <= 5 && FIELD_WORD.test(c) && !/[.;]$/.test(c)) return true;
  // [£X], [N] days, [10]%: figures still to be filled.
  if (/^[£$€]?\s*(?:[X\u25CF\u2022_.]+|N)\s*%?$/.test(c)) return true;
  return false;
}

const cache = new WeakMap<ContractModel, Placeholder[]>();
// SEC filings replace confidential text with [*****]: those are redactions, not placeholders.
const REDACTION_NOTICE = /confidential treatment|\bomissions? (?:are|is|have been) (?:designated|marked|indicated)|\b(?:has|have) been omitted\b|omitted and filed separately|asterisks denote omissions|portions? (?:has|have been )?omitted/i;
// What every expression above needs at least (BRACKET "[", TEMPLATE "{", "<<" or "\u00AB", BLANK,
// XX, TBD, ANGLE and ANGLE_FIELD "<"): a block of the text or source without any holds no placeholder.
const TRIGGER = /[[{<\u00AB]|___|XX|xx|TB[DCA]|to be (?:agreed|determined|confirmed|decided|advised|specified)/;

/**
 * Can the block hold a placeholder at all? Most blocks hold none of the characters a placeholder
 * needs, in their text or their source (with its markup): they are skipped before folding quotes
 * and running eight expressions. A function of the block's text and source, so an edit reads it
 * only for the blocks it re-parsed (BlockResults); the blocks that pass are read in full.
 */
const mayHoldPlaceholder = new BlockResults<boolean>((model, block) => {
  if (block.kind === 'code') return false;
  if (block.kind === 'html') return true;
  if (!block.text) return false;
  if (blockMemo(model, block, 'placeholder-trigger', () => TRIGGER.test(block.text))) return true;
  // Most blocks' source is their text (no markup): the same test again would find nothing again.
  const source = model.text.slice(block.start, block.end);
  return source !== block.text && TRIGGER.test(source);
}, { none: false });

/** Hands the per-block flags on to a copy of the model (see carry.ts). */
export function carryPlaceholderFlags(from: ContractModel, to: ContractModel): void {
  mayHoldPlaceholder.carry(from, to);
}

export function findPlaceholders(model: ContractModel): Placeholder[] {
  const hit = cache.get(model);
  if (hit) return hit;
  // Read only once a bracket of asterisks needs it: most blocks hold none, and the text is long.
  let redacted: boolean | undefined;
  const redactions = () => (redacted ??= REDACTION_NOTICE.test(model.text));
  const out: Placeholder[] = [];
  // Only the blocks that can hold one are listed (most cannot: told without reading the block, and
  // without a walk over every block, perBlock.ts).
  const may = mayHoldPlaceholder.listed(model).blocks;
  // While editing, a block the edit kept or moved takes the previous model's placeholders (shifted
  // as far as it moved) when reading them looked at nothing but the block's own text and source;
  // only re-parsed blocks, and the few whose reading looked around them, are read again.
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  const before = trace ? placeholdersBuilt.get(trace.previous) : undefined;
  const perBlock = new Map<number, BlockPlaceholders>();
  const blocks = model.blocks;
  for (let k = 0; k < may.length; k++) {
    const block = blocks[may[k]];
    const was = before ? previousBlockIndex(trace!, block.index) : -1;
    const kept = was >= 0 ? before!.get(was) : undefined;
    let found: BlockPlaceholders;
    if (kept && canTakeOver(kept, model, block, trace!, trace!.previous.blocks[was])) {
      const by = block.start - trace!.previous.blocks[was].start;
      found = by === 0 ? kept : { list: kept.list.map((p) => shiftedPlaceholder(p, by)), reads: kept.reads, signing: kept.signing };
    } else found = placeholdersOfBlock(model, block, redactions);
    perBlock.set(block.index, found);
    for (const p of found.list) out.push(p);
  }
  // Each block's list is sorted (placeholdersOfBlock) and blocks follow each other in the source, so
  // the list comes out in order; the (stable) sort is kept for a list that does not.
  if (!inOrder(out)) out.sort((a, b) => a.span.start - b.span.start);
  cache.set(model, out);
  if (factsActive()) placeholdersBuilt.set(model, perBlock);
  return out;
}

/**
 * One block's placeholders, in the order they are listed, and what reading them looked at: the
 * block's own text and source (OWN), also the LOOKBACK characters before the block and whether
 * its section is a signature block (`signing`), or the whole text (WHOLE).
 */
interface BlockPlaceholders { list: Placeholder[]; reads: number; signing: boolean }
const OWN = 0;
const BEFORE = 1;
const WHOLE = 2;
/** How far before its block a blank's signing context is read. */
const LOOKBACK = 400;

/** May a kept or moved block take over the previous model's placeholders: is everything they were read from the same? */
function canTakeOver(kept: BlockPlaceholders, model: ContractModel, block: Block, trace: SpliceTrace, was: Block): boolean {
  if (kept.reads === OWN) return true;
  if (kept.reads === WHOLE || kept.signing !== signing(model, block)) return false;
  const n = block.start - Math.max(0, block.start - LOOKBACK);
  if (n !== was.start - Math.max(0, was.start - LOOKBACK)) return false;
  // Compared only when the look-back reaches the edit (see same-text.ts).
  return sameRange(model, trace, block.start - n, block.start, block.start - was.start);
}
/** Each model's placeholders of the blocks that can hold one, by block index (while editing). */
const placeholdersBuilt = new WeakMap<ContractModel, Map<number, BlockPlaceholders>>();

/** Hands the per-block placeholders on to a copy of the model with the same blocks (see carry.ts). */
export function carryPlaceholders(from: ContractModel, to: ContractModel): void {
  const b = placeholdersBuilt.get(from);
  if (b && from.blocks === to.blocks && from.text === to.text) placeholdersBuilt.set(to, b);
}

/** The placeholder of a block moved by `by` characters (the same fields in the same order). */
function shiftedPlaceholder(p: Placeholder, by: number): Placeholder {
  const span = { start: p.span.start + by, end: p.span.end + by };
  return p.partyRole ? { span, text: p.text, kind: p.kind, partyRole: p.partyRole } : { span, text: p.text, kind: p.kind };
}

/**
 * The placeholders of one block. Most of what is read is the block's text and source; a blank
 * ("____") also reads the 400 characters before the block and its section, and a bracket of
 * asterisks the whole text (whether it marks redactions): then ``reads` says so.
 */
function placeholdersOfBlock(model: ContractModel, block: Block, wholeText: () => boolean): BlockPlaceholders {
  let reads = OWN;
  const redactions = () => { reads = WHOLE; return wholeText(); };
  const out: Placeholder[] = [];
  if (block.kind === 'html') {
    // "<PRICE TABLE>" alone on a line is read by Markdown as a line of HTML.
    out.push(...angleFields(model, block, []));
    return { list: out, reads, signing: false };
  }
  {
    const text = foldQuotes(block.text);
    const found: Array<{ at: number; end: number; kind: PlaceholderKind; partyRole?: PartyRole }> = [];
    const add = (at: number, end: number, kind: PlaceholderKind, partyRole?: PartyRole) => {
      if (found.some((f) => at < f.end && end > f.at)) return;
      found.push({ at, end, kind, partyRole });
    };
    const lower = text.toLowerCase();
    for (const m of matchesIf(text, ['['], BRACKET)) {
      // Classify on the source: Markdown may have read "[*****]" as emphasis.
      const srcStart = sourceOffsetAt(block, m.index!);
      const srcEnd = sourceOffsetAt(block, m.index! + m[0].length - 1) + 1;
      const source = model.text.slice(srcStart, srcEnd);
      const content = /^\[([\s\S]*)\]$/.exec(source)?.[1] ?? m[1];
      const at = m.index!;
      const after = text.slice(at + m[0].length);
      // An option tag: "[Optional Module]" or "[If hosted:]", or a Title Case tag opening a paragraph before its text.
      const opensParagraph = /^\s*(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))\s+)?$/.test(text.slice(Math.max(0, text.lastIndexOf('\n', at - 1) + 1), at));
      const c0 = content.trim();
      if (!NOT_PLACEHOLDER.test(c0) && (OPTION_TAG.test(c0) || (opensParagraph && TITLE_CASE_TAG.test(c0) && /[a-z]/.test(c0) && /^\s+[A-Z][a-z]/.test(after) && !isBracketPlaceholder(content, redactions)))) {
        add(at, at + m[0].length, 'option');
        continue;
      }
      if (!isBracketPlaceholder(content, redactions)) continue;
      // "[ ] Technical Support": an unticked box of a form.
      if (!content.trim() && /^\s+[A-Z]/.test(text.slice(m.index! + m[0].length)) && /(?:^|\s{2,}|\n|[.:])\s*$/.test(text.slice(0, m.index!))) continue;
      const c = m[1].trim();
      const role: PartyRole | undefined = SUPPLIER_WORDS.test(c) ? 'supplier' : CUSTOMER_WORDS.test(c) ? 'customer' : undefined;
      add(m.index!, m.index! + m[0].length, 'bracket', role);
    }
    for (const m of matchesIf(text, TEMPLATE_MARKS, TEMPLATE)) add(m.index!, m.index! + m[0].length, 'template');
    let previousSkipped = false;
    for (const m of text.matchAll(BLANK)) {
      // Reads the text before the block and the block's section.
      if (reads === OWN) reads = BEFORE;
      // Signature lines are filled in at signing: "By: ____", "Name: ____", and in a signature block "Date: ____".
      const before = text.slice(0, m.index!);
      const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
      const signingContext = /(?:signature|signed|\bby)\s*:?[\s*]*_{3,}|signed (?:for and )?on behalf of|in witness whereof|\/s\//i.test(model.text.slice(Math.max(0, block.start - LOOKBACK), sourceOffsetAt(block, m.index!)));
      // A second blank on the same line continues the first ("Title: ______   ______").
      if (previousSkipped && /_\s*$/.test(before)) continue;
      previousSkipped = true;
      // Each expression below is asked only where its words stand where it needs them, checked by
      // code (mayBeSigningLabel, endsWithLabel, mayBeDateLine): a cold run's one blank compiled all
      // five for nothing (issue 13, cold).
      if (mayBeSigningLabel(lineBefore) && SIGNING_LABEL.test(lineBefore)) continue;
      const last40 = before.slice(-40);
      if (endsWithLabel(last40, LABELS_AT_END) && /(?:^|\s)(?:by|name|title|signature|signed|witness|its|print(?:ed)? name)\s*:?\s*$/i.test(last40)) continue;
      if (signingContext && endsWithLabel(before, DATE_LABEL) && /(?:^|\s)dated?\s*:?\s*$/i.test(before.slice(-20))) continue;
      if (signingContext && !before.slice(-60).trim()) continue;
      previousSkipped = false;
      if (signing(model, block) && mayBeDateLine(lineBefore, false) && /^[\s|]*(?:dated?\b[^_]{0,10})?$/i.test(lineBefore)) continue;
      // "Date: ____" under a signature line.
      if (mayBeDateLine(lineBefore, true) && /^[\s|*]*dated?\b[^_\n]{0,10}$/i.test(lineBefore) && /(?:signature|signed|by)\s*:?[\s*]*_{3,}|signed (?:for and )?on behalf of|in witness whereof/i.test(model.text.slice(Math.max(0, block.start - LOOKBACK), block.start))) continue;
      add(m.index!, m.index! + m[0].length, 'blank');
    }
    for (const m of lower.includes('xx') ? text.matchAll(XX) : NO_MATCHES) {
      if (ROMAN_CONTEXT.test(text.slice(Math.max(0, m.index! - 12), m.index!)) && /^X+$/.test(m[0])) continue;
      add(m.index!, m.index! + m[0].length, 'xx');
    }
    const quoted = [...matchesIf(text, ['"'], /"[^"\n]{0,120}"/g)].map((q) => [q.index!, q.index! + q[0].length] as const);
    for (const m of holdsAny(lower, TBD_WORDS) ? text.matchAll(TBD) : NO_MATCHES) {
      // "to be agreed" in quotes is cited, not an open point.
      if (quoted.some(([a, b]) => m.index! > a && m.index! < b)) continue;
      add(m.index!, m.index! + m[0].length, 'tbd');
    }
    // <insert date>, <PRICE TABLE>: Markdown reads them as inline HTML (or a line of HTML), so they
    // are not in the block's text; read the source.
    {
      const source = model.text.slice(block.start, block.end);
      const taken: Array<[number, number]> = [];
      for (const m of matchesIf(source, ['<'], ANGLE)) {
        const start = block.start + m.index!;
        taken.push([start, start + m[0].length]);
        out.push({ span: { start, end: start + m[0].length }, text: m[0], kind: 'template' });
      }
      out.push(...angleFields(model, block, taken));
    }
    for (const f of found) {
      const span = { start: sourceOffsetAt(block, f.at), end: sourceOffsetAt(block, f.end - 1) + 1 };
      out.push({ span, text: model.text.slice(span.start, span.end), kind: f.kind, ...(f.partyRole ? { partyRole: f.partyRole } : {}) });
    }
  }
  // In source order (stable): findPlaceholders concatenates the blocks' lists without sorting them.
  if (!inOrder(out)) out.sort((a, b) => a.span.start - b.span.start);
  return { list: out, reads, signing: reads === BEFORE && signing(model, block) };
}

function inOrder(list: Placeholder[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i].span.start < list[i - 1].span.start) return false;
  return true;
}

/** <PRICE TABLE>, <Supplier address>: fields in angle brackets, read from the source of the block. */
function angleFields(model: ContractModel, block: Block, taken: Array<[number, number]>): Placeholder[] {
  const out: Placeholder[] = [];
  const source = model.text.slice(block.start, block.end);
  for (const m of matchesIf(source, ['<'], ANGLE_FIELD)) {
    const c = m[1].trim();
    const start = block.start + m.index!;
    if (taken.some(([a, b]) => start < b && a < start + m[0].length)) continue;
    if (SGML_TAGS.test(c) || /=/.test(c)) continue;
    // A label in capitals of two words or more, or a field ("<Supplier address>").
    const label = /^[A-Z0-9 ,#/&'.-]+$/.test(c) && /[A-Z]{2}/.test(c) && /\s/.test(c);
    if (!label && !(c.split(/\s+/).length <= 5 && FIELD_WORD.test(c))) continue;
    out.push({ span: { start, end: start + m[0].length }, text: m[0], kind: 'template' });
  }
  return out;
}

/** Is the block part of a signature block (where blanks are filled in at signing)? */
function signing(model: ContractModel, block: Block): boolean {
  return model.sections[block.section]?.trailer === 'signature';
}
