/**
 * Checks on the definitions themselves: terms defined twice with different meanings, terms used
 * before their inline definition, and where a new definition would go.
 */
import type { Block, ContractModel, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { isSpaceLike, opensWithWord } from '../model/word-gate';
import { foldQuotes, normalizeSpace } from '../model';
import { factsActive, memo } from '../model/facts';
import { previousBlockIndex, spliceTraceOf } from '../model/trace';
import { isHeadingBlock, termIndex, usesBefore, type TermDefinition, type TermOccurrence } from './terms';
import { sameRange } from './same-text';

export interface DuplicateDefinition {
  first: TermDefinition;
  second: TermDefinition;
}

/** What a definition says: the words after "means", or what the parenthetical names. */
function meaningOf(model: ContractModel, def: TermDefinition): string {
  const block = model.blocks[def.block];
  return blockMeanings(model, block).get(def.span.start - block.start) ?? computeMeaning(model, def);
}

// The source characters a block's meanings read beyond the block: the start of the line of a
// definition at the block's start (lineStartsDefinition), the words after a definition at its end
// (duplicateDefinitions' "includes" test).
const LEAD = 14;
const TRAIL = 20;

/**
 * The meanings of a block's definitions, by offset from the block's start, with whether each widens
 * an earlier definition ('"X" includes ...'). They are a pure function of the block's text, its
 * source text (with the few characters around it that are read) and where its definitions stand
 * in it, so they are memoised by these while editing: an edit re-reads only the blocks it touched.
 */
function blockMeanings(model: ContractModel, block: Block): Map<number, string> {
  return blockDefinitionFacts(model, block).meanings;
}

interface BlockDefinitionFacts { meanings: Map<number, string>; widens: Set<number> }

function blockDefinitionFacts(model: ContractModel, block: Block): BlockDefinitionFacts {
  // Looked up once per block and model: the key below reads the block's whole source.
  let held = definitionFactsHeld.get(model);
  if (!held) definitionFactsHeld.set(model, (held = new Map()));
  let facts = held.get(block.index);
  if (!facts) held.set(block.index, (facts = keptDefinitionFacts(model, block) ?? readBlockDefinitionFacts(model, block)));
  return facts.facts;
}
interface HeldDefinitionFacts { facts: BlockDefinitionFacts; defs: TermDefinition[]; blockStart: number }
const definitionFactsHeld = new WeakMap<ContractModel, Map<number, HeldDefinitionFacts>>();

/**
 * While editing: the previous model's facts for a block the edit kept or moved, when everything
 * the memo key below names is the same: the block's text and source are (the splice trace says
 * so), so only the few characters read around it and where its definitions stand are compared,
 * instead of building a key from the block's whole source.
 */
function keptDefinitionFacts(model: ContractModel, block: Block): HeldDefinitionFacts | undefined {
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  const was = trace ? previousBlockIndex(trace, block.index) : -1;
  if (was < 0) return undefined;
  const before = definitionFactsHeld.get(trace!.previous)?.get(was);
  if (!before) return undefined;
  const old = trace!.previous;
  const oldBlock = old.blocks[was];
  const lead = block.start - Math.max(0, block.start - LEAD);
  if (lead !== oldBlock.start - Math.max(0, oldBlock.start - LEAD)) return undefined;
  // Compared only where what is read reaches the edit (see same-text.ts).
  const by = block.start - oldBlock.start;
  if (!sameRange(model, trace!, block.start - lead, block.start, by)) return undefined;
  const trail = Math.min(TRAIL, model.text.length - block.end);
  if (trail !== Math.min(TRAIL, old.text.length - oldBlock.end) || !sameRange(model, trace!, block.end, block.end + trail, by)) return undefined;
  if (!sameDefinitions(definitionsOfBlock(model, block.index), block.start, before.defs, before.blockStart)) return undefined;
  return { facts: before.facts, defs: definitionsOfBlock(model, block.index), blockStart: block.start };
}

/** Do two blocks' definitions stand at the same places in them, written alike (whereOf, without building it)? */
function sameDefinitions(a: TermDefinition[], aStart: number, b: TermDefinition[], bStart: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.span.start - aStart !== y.span.start - bStart || x.span.end - aStart !== y.span.end - bStart || x.style !== y.style || x.term !== y.term) return false;
  }
  return true;
}

/** Where the block's definitions stand in it, and how they are written (part of the memo key). */
function whereOf(model: ContractModel, block: Block): string {
  return definitionsOfBlock(model, block.index).map((d) => `${d.span.start - block.start},${d.span.end - block.start},${d.style},${d.term}`).join('|');
}

function readBlockDefinitionFacts(model: ContractModel, block: Block): HeldDefinitionFacts {
  const defs = definitionsOfBlock(model, block.index);
  const compute = (): BlockDefinitionFacts => {
    const meanings = new Map<number, string>();
    const widens = new Set<number>();
    const cursor: TextCursor = { at: 0, offset: 0, ascending: -1, endAt: 0, endOffset: 0 };
    for (const d of defs) {
      meanings.set(d.span.start - block.start, computeMeaning(model, d, cursor));
      // '"Subscribers" includes ...' after '"Subscribers" means ...' widens the definition; it does not replace it.
      if (/^["\u201D*_\s]*(?:shall\s+)?includes?\b/.test(foldQuotes(model.text.slice(d.span.end, d.span.end + 20)))) widens.add(d.span.start - block.start);
    }
    return { meanings, widens };
  };
  if (!factsActive()) return { facts: compute(), defs, blockStart: block.start };
  const source = model.text.slice(Math.max(0, block.start - LEAD), block.end + TRAIL);
  const where = whereOf(model, block);
  return { facts: memo(`definition-meanings\u0000${block.start - Math.max(0, block.start - LEAD)}\u0000${where}\u0000${source}`, block.text, compute), defs, blockStart: block.start };
}

/**
 * Where the last definition's scan of the same block stopped (`at`) and the source offset it looked
 * for: every character before `at` maps before that offset, so before any later definition's too,
 * and a later definition's scan starts there. The block's definitions, read in document order, then
 * read its text once instead of once each from its start: a definitions section written as one
 * block (plain text) was read over and over, long enough in one call that TurboFan compiled
 * computeMeaning a second time on the stack (OSR; issue 13, deopts). `endAt` and `endOffset` are
 * the same for where each meaning ends (the next definition that starts a line), used only where
 * the block's source offsets never decrease (`ascending`: -1 not yet read, 0 no, 1 yes).
 */
interface TextCursor { at: number; offset: number; ascending: number; endAt: number; endOffset: number }

/** Do the block's source offsets never decrease over its text (read once per block)? */
function offsetsAscend(cursor: TextCursor, block: Block, length: number): boolean {
  if (cursor.ascending < 0) {
    cursor.ascending = 1;
    for (let k = 1; k < length; k++) {
      if (sourceOffsetAt(block, k) < sourceOffsetAt(block, k - 1)) {
        cursor.ascending = 0;
        break;
      }
    }
  }
  return cursor.ascending === 1;
}

function computeMeaning(model: ContractModel, def: TermDefinition, cursor?: TextCursor): string {
  const block = model.blocks[def.block];
  const text = foldQuotes(block.text);
  // From the cursor only where this definition starts at or after the one it stopped for (so that
  // every character before it maps before this definition too): the same i as from 0.
  let i = cursor !== undefined && cursor.offset <= def.span.start ? cursor.at : 0;
  while (i < text.length && sourceOffsetAt(block, i) < def.span.start) i++;
  if (cursor !== undefined) {
    cursor.at = i;
    cursor.offset = def.span.start;
  }
  if (def.style === 'parenthetical') {
    // The words before the opening bracket: 'Tailspin Systems Limited (the "Supplier")'.
    const open = text.lastIndexOf('(', i);
    const before = text.slice(Math.max(0, open - 80), open);
    const clause = before.split(/[;:]|\b(?:between|and|by|with)\b|,\s+(?:a|an)\b/).pop() ?? before;
    return normalizeSpace(clause.replace(/^[\s,]*(?:the|a|an)\s+/i, '')).toLowerCase();
  }
  // Up to the next definition that starts a line of the same paragraph: a definitions block written
  // one per line. A second definition further along the same line ('When used as a verb, "Detail"
  // means ...') stays part of this meaning.
  const lineStartsDefinition = (d: TermDefinition) => /\n[\s"*_(\d.a-z)]{0,12}$/.test(model.text.slice(Math.max(0, d.span.start - 14), d.span.start));
  const next = definitionsOfBlock(model, def.block).find((d) => d.span.start > def.span.start && lineStartsDefinition(d));
  let end = text.length;
  if (next && cursor !== undefined && offsetsAscend(cursor, block, text.length)) {
    // Where offsets never decrease, the characters that map before the next definition are a prefix
    // of the text, and the loop below stops where that prefix ends (or at i): found from the
    // cursor, as i is, instead of by reading back from the block's end for each definition.
    let k = cursor.endOffset <= next.span.start ? cursor.endAt : 0;
    while (k < text.length && sourceOffsetAt(block, k) < next.span.start) k++;
    cursor.endAt = k;
    cursor.endOffset = next.span.start;
    end = Math.max(i, k);
  } else if (next) while (end > i && sourceOffsetAt(block, end - 1) >= next.span.start) end--;
  const after = text.slice(i + def.term.length, end);
  const m = /^[^a-z]*?(?:shall\s+|will\s+)?(?:means?|has the meanings?|have the meanings?|refers? to|includes?|is defined)\b\s*(.*)$/is.exec(after);
  return normalizeSpace((m?.[1] ?? after).replace(/[.;,]+\s*(?:and|or)?\s*$/, '')).toLowerCase();
}

/**
 * The definitions of one block, in document order: looked up per block rather than found among all
 * the document's definitions for each definition (quadratic where terms are defined many times).
 */
function definitionsOfBlock(model: ContractModel, block: number): TermDefinition[] {
  let byBlock = definitionsByBlock.get(model);
  if (!byBlock) {
    byBlock = new Map();
    for (const d of termIndex(model).definitions) {
      const list = byBlock.get(d.block);
      if (list) list.push(d);
      else byBlock.set(d.block, [d]);
    }
    definitionsByBlock.set(model, byBlock);
  }
  return byBlock.get(block) ?? [];
}
const definitionsByBlock = new WeakMap<ContractModel, Map<number, TermDefinition[]>>();

const SCOPED = /\b(?:in|for the purposes? of|for purposes of)\s+this\s+(?:schedule|annex|appendix|exhibit|attachment|clause|section|paragraph|part|sow|statement of work|order form)\b/i;

export function duplicateDefinitions(model: ContractModel): DuplicateDefinition[] {
  const out: DuplicateDefinition[] = [];
  for (const defs of termIndex(model).byKey.values()) {
    if (defs.length < 2) continue;
    const first = defs[0];
    // A definition limited to one schedule or clause ("In this Schedule, ... means") may differ on
    // purpose: then none of the term's later definitions is reported.
    if (SCOPED.test(first.definition)) continue;
    const meaning = meaningOf(model, first);
    for (let i = 1; i < defs.length; i++) {
      const d = defs[i];
      // '"Subscribers" includes ...' after '"Subscribers" means ...' widens the definition; it does not replace it.
      const block = model.blocks[d.block];
      if (blockDefinitionFacts(model, block).widens.has(d.span.start - block.start)) continue;
      if (SCOPED.test(d.definition)) continue;
      const m = meaningOf(model, d);
      if (!m || !meaning || m === meaning) continue;
      // One meaning reads as the other with a word or two more or less ("the Supplier" / "Supplier").
      if (m.includes(meaning) || meaning.includes(m)) continue;
      out.push({ first, second: d });
    }
  }
  return out;
}

export interface EarlyUse {
  use: TermOccurrence;
  definition: TermDefinition;
}

const FORWARD = /^[\s"\u201D*_]*(?:\((?:as\s+)?(?:defined|described|set out)\b|,?\s*(?:as|which\s+(?:is|are))\s+(?:defined|described|set out)\s+(?:below|in|under|at)\b|\(see\b|,?\s*defined\s+(?:below|in)\b)/i;

/** For terms defined inline (not in a definitions section): the first use before the definition. */
export function usesBeforeDefinition(model: ContractModel): EarlyUse[] {
  const idx = termIndex(model);
  const out: EarlyUse[] = [];
  for (const [key, defs] of idx.byKey) {
    const def = defs[0];
    if (def.inDefinitionsSection || defs.some((d) => d.inDefinitionsSection)) continue;
    const defBlock = model.blocks[def.block];
    const defAt = def.span.start - defBlock.start;
    const defSentence = defBlock.sentences.find((s) => s.from <= defAt && defAt < s.to);
    // The uses before the definition only: built for the blocks before it, not the whole index.
    for (const use of usesBefore(idx, key, def.span.start)) {
      if (use.inHeading || use.upper) continue;
      const block = model.blocks[use.block];
      if (isHeadingBlock(model, block) || block.start <= model.titleSpan.start && model.titleSpan.start < block.end) continue;
      // In the defining sentence itself, or just before it (a formula followed by "where X means ..."),
      // or with a pointer to the definition.
      if (defSentence && use.span.start >= defBlock.start + defSentence.from) continue;
      if (def.block - use.block <= 2 || def.span.start - use.span.end < 300) continue;
      const after = foldQuotes(model.text.slice(use.span.end, use.span.end + 60));
      if (FORWARD.test(after)) continue;
      if (!ordinaryUse(model, use, block)) continue;
      out.push({ use, definition: def });
      break;
    }
  }
  return out.sort((a, b) => a.use.span.start - b.use.span.start);
}

/**
 * A sentence of at most eight capitalised words (function words between), after list marks and a
 * clause number: a title or a form label. Each word is read whole (the look-ahead): a word may only
 * end where it ends, which accepts the same sentences (words cut in pieces are only more of them)
 * but does not try every way of cutting a word in capitals into pieces when the sentence fails,
 * which took most of a second on one contract.
 */
export const TITLE_LIKE = /^\s*(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:\d+(?:\.\d+)*\.?\s+)?(?:[A-Z][\w'-]*(?![\w'-])(?:\s+(?:of|and|to|for|the|in|on|by)\s+|\s+)?){1,8}\.?$/;

/**
 * Is the occurrence an ordinary use of the term in running text? Not: part of a longer name
 * ("Technical Infrastructure Maintenance Agreement"), in quotes, a form label ("Customer Name:"),
 * a run-in title ("8.1. Initial Term."), or a line of a table of contents.
 */
function ordinaryUse(model: ContractModel, use: TermOccurrence, block: Block): boolean {
  // foldQuotes maps character to character, so folding the two slices is folding the text (not the whole text per use).
  const before = foldQuotes(model.text.slice(Math.max(block.start, use.span.start - 40), use.span.start));
  const after = foldQuotes(model.text.slice(use.span.end, Math.min(block.end, use.span.end + 40)));
  if (/[A-Z][\w'-]*\s$/.test(before) && !/\b(?:The|A|An|Each|Any|If|In|By|Of|And|Or|To|For|This|That|All)\s$/.test(before)) return false;
  if (/^\s[A-Z][a-z]/.test(after) && !/^\s(?:Shall|Will|May|Must)\b/.test(after)) return false;
  if (/"[^"]{0,40}$/.test(before) && /^[^"]{0,40}"/.test(after)) return false;
  if (/^(?:\s+[A-Z][\w'-]*){0,2}\s*:/.test(after)) return false;
  const useAt = use.span.start - block.start;
  const sentence = block.sentences.find((s) => s.from <= useAt && useAt < s.to);
  if (sentence && TITLE_LIKE.test(foldQuotes(sentence.text).trim())) return false;
  if ((block.text.match(/\b\d+(?:\.\d+)+\s{1,3}[A-Z]/g) ?? []).length >= 3 && (block.text.match(/ {3,}/g) ?? []).length >= 3) return false;
  return true;
}

/**
 * Where and how to insert a definition of `term` so that it fits the definitions section: in
 * alphabetical order, in the style of its neighbour ('"X" means', '**"X"** means', '- "X" means').
 * `definition` is the text after "means" (default a blank to fill in).
 * null when the contract has no definitions section in the "means" style, or numbers its
 * definitions (a new one would break the numbering).
 */
export function definitionInsertion(model: ContractModel, term: string, definition = '[\u25CF]'): { span: Span; replacement: string } | null {
  const defs = termIndex(model).definitions.filter((d) => d.inDefinitionsSection && d.style === 'means');
  if (defs.length < 2) return null;
  const after = defs.find((d) => d.term.localeCompare(term, 'en', { sensitivity: 'base' }) > 0);
  const neighbour = after ?? defs[defs.length - 1];
  const lineStart = model.text.lastIndexOf('\n', neighbour.span.start - 1) + 1;
  const prefix = model.text.slice(lineStart, neighbour.span.start);
  if (/\d/.test(prefix) || prefix.length > 12) return null;
  const meansAt = /^([^\n]{0,12}?\b(?:shall\s+)?means\b\s*)/.exec(model.text.slice(neighbour.span.end));
  if (!meansAt) return null;
  const line = `${prefix}${term}${meansAt[1].replace(/\s*$/, ' ')}${definition}.`;
  const list = /^\s*[-*+]\s/.test(prefix);
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  const sep = list ? eol : eol + eol;
  if (after) return { span: { start: lineStart, end: lineStart }, replacement: line + sep };
  const block = model.blocks[neighbour.block];
  return { span: { start: block.end, end: block.end }, replacement: sep + line };
}

/**
 * Terms defined together as synonyms ('"European Economic Area" or "EEA" means', '(the "Service
 * Level" or "SLA")'): a use of one counts for the other.
 */
export function synonymsOf(model: ContractModel): Map<string, string[]> {
  const defs = termIndex(model).definitions;
  const out = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    out.set(a, [...(out.get(a) ?? []), b]);
    out.set(b, [...(out.get(b) ?? []), a]);
  };
  for (let i = 0; i + 1 < defs.length; i++) {
    const a = defs[i];
    const b = defs[i + 1];
    if (a.block !== b.block || b.span.start - a.span.end > 40) continue;
    const between = foldQuotes(model.text.slice(a.span.end, b.span.start));
    // Its opening read by code first: a cold run compiled the expression for nothing (issue 13, cold).
    if (mayJoinSynonyms(between) && /^["*_\s]*,?\s*(?:or|and)\s+(?:the\s+|a\s+|an\s+)?["*_\s]*$/i.test(between)) link(a.key, b.key);
  }
  return out;
}

/**
 * What `/^["*_\s]*,?\s*(?:or|and)\s+/i` needs of the text between two definitions: past quotes,
 * "*", "_", white space and a comma, "or" or "and" (ASCII letters folded).
 */
export function mayJoinSynonyms(between: string): boolean {
  let i = 0;
  for (let c = between.charCodeAt(0); c === 34 || c === 42 || c === 95 || isSpaceLike(c); c = between.charCodeAt(++i));
  if (between.charCodeAt(i) === 44) i++;
  while (isSpaceLike(between.charCodeAt(i))) i++;
  return opensWithWord(between, i, ['or', 'and']);
}
