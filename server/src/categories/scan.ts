import type { Block, ContractModel, Section, Sentence } from '../model';
import { previousBlockIndex, sectionChangesOf, spliceTraceOf, type SpliceTrace } from '../model/trace';
import { titlesKeptFrom, type SectionChanges } from '../model/sections';
import { collapseSpace, normalizeSpace, foldQuotes } from '../model';
import { supplierDutyIn, type PartyMatchers } from '../model/language';
import { maskSenses, type FalseSense } from './senses';
import { SignalPrefilter, type DocumentGate, type GatedPattern, type ListFilter } from './prefilter';
import { SIGNAL_NEEDS } from './signal-needs.generated';
import { needMapOf, ShortDocumentGate } from './short-document-gate';
import { factsActive, idOf, memo } from '../model/facts';
import { shrinkableWeakMap } from '../model/weak-tables';
import { requirementsOf, type AssessContext, type AssessmentOf, type CategoryId, type Evidence, type RequirementOf, type Verdict } from './types';

/**
 * A sentence with the context assessors need: its section's titles and where it sits. Its source
 * span is not held (it moves with every edit before it): infoStart / infoSpan read it from the
 * block, so that an entry of a block an edit only moved is the previous model's object.
 */
export interface SentenceInfo {
  sentence: Sentence;
  /** The sentence's source span less its block's start (Sentence.from and to): the same wherever the block moves. */
  from: number;
  to: number;
  /** Index of the sentence's block in this model. */
  block: number;
  /** Plain text with curly quotes folded (same length as the sentence, so offsets still map). */
  text: string;
  /** The same with runs of white space folded to one space, for matching phrases across layout gaps. */
  flat: string;
  section: number;
  /** Titles of the section and its ancestors, innermost first, joined by " / ". */
  titles: string;
  /** A definition ("X" means ...): describes a term, imposes no duty by itself. */
  isDefinition: boolean;
  inHeading: boolean;
  /**
   * For a list item or a fragment of an enumerated sentence ("(v) conduct security tests;"), the
   * sentence that introduces the list ("Customer will not:"), which says who owes the duty.
   */
  leadIn: string | null;
  /** The sentence before, in the same section (context such as "may use subcontractors" before "It remains responsible"). */
  previous: string | null;
}

/** Where a sentence entry starts in `model`'s source (the model whose list it is in). */
export function infoStart(model: ContractModel, info: SentenceInfo): number {
  return model.blocks[info.block].start + info.from;
}
/** A sentence entry's source span in `model` (sentenceSpan of its block). */
export function infoSpan(model: ContractModel, info: SentenceInfo): { start: number; end: number } {
  const at = model.blocks[info.block].start;
  return { start: at + info.from, end: at + info.to };
}

const sentenceCache = new WeakMap<ContractModel, BuiltSentences>();

/** Is this the section opened by the document's title (the H1 or the title line)? */
export function isTitleSection(model: ContractModel, index: number): boolean {
  const s = model.sections[index];
  if (index === 0 || s.headingBlock < 0) return false;
  const b = model.blocks[s.headingBlock];
  return b.start <= model.titleSpan.start && model.titleSpan.start < Math.max(b.end, b.start + 1);
}
const ITEM = /^\s*(?:\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|\(?\d{1,2}\)|[-*\u2022])\s/i;
const OBLIGATION_WORD = /\b(?:shall|must|will|may|agrees?|undertakes?|warrants?|is responsible|are responsible)\b/i;

const DEFINITION = /^\s*(?:\([a-z0-9]+\)\s*|\d{1,3}(?:\.\d{1,3})*\.?\s+)?"[^"]{1,60}"\s*(?:\([^)]*\)\s*)?(?:shall\s+)?(?:means?|has the meaning|refers? to|includes?)\b/;

interface Reading { text: string; flat: string; isItem: boolean; isDefinition: boolean; hasObligation: boolean }

/**
 * What a sentence's own text says, memoised while editing (it depends on nothing else). The text is
 * handed to one module-level function rather than to a closure made per sentence (memo calls it at
 * once, or not at all on a hit).
 */
function readingOf(raw: string): Reading {
  readingRaw = raw;
  return memo('reading', raw, readRaw);
}
let readingRaw = '';
function readRaw(): Reading {
  const text = foldQuotes(readingRaw);
  return { text, flat: collapseSpace(text), isItem: ITEM.test(text), isDefinition: DEFINITION.test(text), hasObligation: OBLIGATION_WORD.test(text) };
}

/**
 * The sentence list of a model, and what each block's sentences were read with (the context that
 * enters the block), so that the list of the next spliced model can take over the entries of
 * every block whose text and context did not change (issue 13).
 */
interface BuiltSentences {
  infos: SentenceInfo[];
  /** firstInfo[b]: index in infos of block b's first sentence; one extra entry for infos.length. */
  firstInfo: Int32Array;
  /** Per block: the previous block's last sentence, the inherited list lead-in, and `previous` of its first sentence. */
  enterLast: Array<string | null>;
  enterLeadIn: Array<string | null>;
  enterPrevious: Array<string | null>;
  /** takenOver[b]: 1 when block b's entries read as those of the list numbered `from` (the one this list was built from) do. */
  takenOver: Uint8Array;
  /** This list's number, and that of the list it was built from (a number: a reference would keep every earlier list alive). */
  serial: number;
  from: number;
  /** items[b]: 1 when block b starts with an item marker or is a list item (continues the lead-in before it). */
  items: Uint8Array;
  /** keys[n]: the memo key of infos[n]'s facts for the party names `keysParties` (see sentenceFacts). */
  keys: Array<string | undefined>;
  keysParties: string | null;
  /** titles[s]: the titles of section s and its ancestors, as SentenceInfo.titles gives them; where asked. */
  titles: Array<string | undefined>;
}

export function sentencesOf(model: ContractModel): SentenceInfo[] {
  const hit = sentenceCache.get(model);
  if (hit) return hit.infos;
  const trace = spliceTraceOf(model);
  // The previous model's list, when this model was spliced from it and its title did not move
  // (the document's own title is left out of section titles).
  const before = trace && sentenceCache.get(trace.previous);
  const reuse = before && trace.previous.titleSpan.start === model.titleSpan.start && trace.previous.titleSpan.end === model.titleSpan.end ? { trace, before } : null;
  const built = buildSentenceInfos(model, reuse);
  sentenceCache.set(model, built);
  return built.infos;
}

/**
 * Where `sentence`, the `k`th of block `block`, is in the model's sentence list (sentencesOf, which
 * must have been built), or undefined when the list has no entry for it. A block's entries are its
 * sentences in order (or none, for a block the list skips), so this is read from where the block's
 * entries start; the block's range is searched when that entry is not the sentence.
 */
export function sentenceIndexOf(model: ContractModel, block: number, k: number, sentence: Sentence): number | undefined {
  const built = sentenceCache.get(model)!;
  const from = built.firstInfo[block];
  const to = built.firstInfo[block + 1];
  if (from + k < to && built.infos[from + k].sentence === sentence) return from + k;
  for (let n = from; n < to; n++) if (built.infos[n].sentence === sentence) return n;
  return undefined;
}

/** The same sentence list for a copy of a model with the same blocks (a new version, a released model). */
export function carrySentenceInfos(from: ContractModel, to: ContractModel): void {
  const built = sentenceCache.get(from);
  if (built && from.blocks === to.blocks && from.sections === to.sections) {
    sentenceCache.set(to, built);
    // With what the scans and sentence searches found in it, which the next model takes over.
    const scans = scanStates.get(from);
    if (scans) scanStates.set(to, scans);
    const hits = firstHits.get(from);
    if (hits) firstHits.set(to, hits);
    const headings = headingMatches.get(from);
    // Not what relates `from` to its own predecessor (forward, untaken).
    if (headings) headingMatches.set(to, { inList: headings.inList, hits: headings.hits });
    const records = assessmentRecords.get(from);
    if (records) assessmentRecords.set(to, records);
  }
}

/**
 * The first sentence whose flat text passes `test`, a pure function of that text named by `kind`
 * (a rule's question "does any sentence say X?"). While editing, the answer for a spliced model
 * comes from the previous model's: only the re-parsed sentences are tested, and the sentences
 * after them only when the previous answer was among the replaced ones (issue 13).
 */
export function firstSentenceWhere(model: ContractModel, kind: string, test: (flat: string) => boolean): SentenceInfo | undefined {
  const infos = sentencesOf(model);
  let held = firstHits.get(model);
  if (!held) firstHits.set(model, (held = new Map()));
  let n = held.get(kind);
  if (n === undefined) held.set(kind, (n = firstHitIndex(model, infos, kind, test)));
  return n < 0 ? undefined : infos[n];
}
const firstHits = new WeakMap<ContractModel, Map<string, number>>();

function firstHitIndex(model: ContractModel, infos: SentenceInfo[], kind: string, test: (flat: string) => boolean): number {
  // Without a fact cache (a one-shot review, the CLI) the test is run as it is: memo's closure per
  // sentence was about 4% of what a CLI reviewing thread allocated (issue 13, cli).
  const first = !factsActive() ? (from: number, to: number): number => {
    for (let n = from; n < to; n++) if (test(infos[n].flat)) return n;
    return -1;
  } : (from: number, to: number): number => {
    for (let n = from; n < to; n++) {
      const flat = infos[n].flat;
      if (memo(kind, flat, () => test(flat))) return n;
    }
    return -1;
  };
  const trace = factsActive() ? spliceTraceOf(model) : undefined;
  const before = trace && firstHits.get(trace.previous)?.get(kind);
  const now = sentenceCache.get(model);
  const then = trace && sentenceCache.get(trace.previous);
  if (before === undefined || !now || now.infos !== infos || !then) return first(0, infos.length);
  const removedFrom = then.firstInfo[trace!.prefix];
  const removedTo = then.firstInfo[trace!.oldAfter];
  const freshTo = now.firstInfo[trace!.prefix + trace!.fresh];
  // The sentences before and after the re-parsed blocks are the previous ones (same texts, same order).
  if (now.firstInfo[trace!.prefix] !== removedFrom || infos.length - freshTo !== then.infos.length - removedTo) return first(0, infos.length);
  if (before >= 0 && before < removedFrom) return before;
  const fresh = first(removedFrom, freshTo);
  if (fresh >= 0) return fresh;
  if (before >= removedTo) return before - removedTo + freshTo;
  return before < 0 ? -1 : first(freshTo, infos.length);
}

/** A sentence that ends as a lead-in to the items after it ("as follows:", "including -"). */
const LEAD_IN_END = /[:\u2014-]\s*$/;

let builtLists = 0;

function buildSentenceInfos(model: ContractModel, reuse: { trace: SpliceTrace; before: BuiltSentences } | null): BuiltSentences {
  const titleCache: Array<string | undefined> = new Array(model.sections.length);
  // A section tree taken over from the previous model (model/sections.ts) has the same shape, and
  // most titles are the same strings: a section's joined titles are the previous ones when no
  // section on its path to the root changed its title. Joining them anew was a string per section
  // per edit, and every entry taken over compares its titles with these.
  const then = reuse && reuse.trace.previous.sections.length === model.sections.length ? reuse.trace.previous.sections : null;
  // Per section: 0 not asked yet, 1 same titles on its path, 2 not (a path shares its ancestors' answers).
  const same = then ? new Uint8Array(model.sections.length) : null;
  const sameTitles = (idx: number): boolean => {
    if (idx <= 0) return true;
    const known = same![idx];
    if (known !== 0) return known === 1;
    const now = model.sections[idx];
    const was = then![idx];
    const answer = now.parent === was.parent && now.title === was.title && sameTitles(now.parent);
    same![idx] = answer ? 1 : 2;
    return answer;
  };
  const titlesOf = (idx: number): string => {
    let t = titleCache[idx];
    if (t === undefined && then && reuse!.before.titles[idx] !== undefined && sameTitles(idx)) t = titleCache[idx] = reuse!.before.titles[idx];
    if (t === undefined) {
      const parts: string[] = [];
      for (let i = idx; i > 0; i = model.sections[i].parent) {
        const s = model.sections[i];
        // The document's own title ("Master Services Agreement") says nothing about one clause.
        if (s.title && !isTitleSection(model, s.index)) parts.push(s.title);
      }
      t = parts.join(' / ');
      titleCache[idx] = t;
    }
    return t;
  };
  const blocks = model.blocks;
  const trace = reuse ? reuse.trace : null;
  // Whether every section has the previous one's title, parent and heading block (asked once).
  let sectionsSame: boolean | undefined;
  const sameSections = (): boolean => (sectionsSame ??= then !== null && sameSectionTree(model.sections, then));
  // Whether the blocks after block b read as before (see sameSectionsAfter), from what the splice
  // noted of a section tree it took over; else (a tree built afresh) every section is compared.
  const changes = reuse ? sectionChangesOf(model) : undefined;
  const sameAfter = (b: number): boolean => (changes ? sameSectionsAfter(model.sections, changes, b) : sameSections());
  // Blocks before the edit whose entries are the previous list's as they are (see keptPrefix).
  const kept = reuse ? keptPrefix(model, reuse.trace, reuse.before, titlesOf, titleCache) : 0;
  const keptCount = reuse ? reuse.before.firstInfo[kept] : 0;
  const firstInfo = new Int32Array(blocks.length + 1);
  const enterLast = prefixOf(reuse?.before.enterLast, kept, blocks.length);
  const enterLeadIn = prefixOf(reuse?.before.enterLeadIn, kept, blocks.length);
  const enterPrevious = prefixOf(reuse?.before.enterPrevious, kept, blocks.length);
  const items = new Uint8Array(blocks.length);
  const takenOver = new Uint8Array(blocks.length);
  // Memo keys of the entries taken over (see sentenceFacts); the others are made when first asked.
  const out: SentenceInfo[] = kept ? reuse!.before.infos.slice(0, keptCount) : [];
  const keys: Array<string | undefined> = kept ? reuse!.before.keys.slice(0, keptCount) : [];
  let previousBlockLast: string | null = null;
  let previousItemLeadIn: string | null = null;
  if (kept) {
    const before = reuse!.before;
    firstInfo.set(before.firstInfo.subarray(0, kept));
    items.set(before.items.subarray(0, kept));
    // As the loop below marks them: a block with entries took them over.
    for (let b = 0; b < kept; b++) if (before.firstInfo[b + 1] > before.firstInfo[b]) takenOver[b] = 1;
    // What enters block `kept` is what entered the previous model's block there (keptPrefix
    // ends the prefix before a block whose entry was noted).
    previousBlockLast = before.enterLast[kept];
    previousItemLeadIn = before.enterLeadIn[kept];
  }
  for (let b = kept; b < blocks.length; b++) {
    const block = blocks[b];
    firstInfo[block.index] = out.length;
    if (skipped(block)) continue;
    const last = out.length ? out[out.length - 1] : null;
    const previousOfFirst = last && last.section === block.section ? last.text : null;
    enterLast[block.index] = previousBlockLast;
    enterLeadIn[block.index] = previousItemLeadIn;
    enterPrevious[block.index] = previousOfFirst;
    // A block that starts with an item marker continues the lead-in of the block before it.
    // A block kept or moved by the edit has the same text and list number: its answer is the previous one.
    const j = trace ? previousBlockIndex(trace, block.index) : -1;
    const isItem = j >= 0 ? reuse!.before.items[j] === 1 : ITEM.test(block.text) || block.listNumber !== undefined;
    if (isItem) items[block.index] = 1;
    // Read only for an item (the test of the sentence before is a visible share of an edit otherwise).
    const blockLeadIn: string | null = !isItem ? null : previousBlockLast && LEAD_IN_END.test(previousBlockLast) ? previousBlockLast : previousItemLeadIn;
    const section = model.sections[block.section];
    const titles = titlesOf(block.section);
    // Headings, and paragraphs that open a section with nothing but their title.
    const inHeading = block.kind === 'heading' || (section.headingBlock === block.index && trimmedAtMost(block.text, section.title.length + 8));
    const from: number = j >= 0 ? keptInfos(reuse!.before, j, block, previousBlockLast, previousItemLeadIn, previousOfFirst, titles, inHeading) : -1;
    if (from >= 0) {
      takenOver[block.index] = 1;
      // The entries are indexed, not sliced out: an edit takes over those of most blocks.
      const infos = reuse!.before.infos;
      const beforeKeys = reuse!.before.keys;
      const sentences = block.sentences;
      const section = block.section;
      const index = block.index;
      let asIs = true;
      for (let k = 0; k < sentences.length; k++) {
        const info = infos[from + k];
        const sentence = sentences[k];
        keys[out.length] = beforeKeys[from + k];
        if (info.sentence === sentence && info.section === section && info.block === index) out.push(info);
        else {
          asIs = false;
          out.push({
            flat: info.flat, leadIn: info.leadIn, previous: info.previous, sentence, from: sentence.from, to: sentence.to, block: index,
            text: info.text, section, titles: info.titles, isDefinition: info.isDefinition, inHeading: info.inHeading,
          });
        }
      }
      previousItemLeadIn = blockLeadIn;
      previousBlockLast = infos[from + sentences.length - 1].text;
      // A block after the edit, at its previous index, whose entries are the previous objects: what
      // leaves it is what left it before, and when every section reads as before, so does every
      // block after it (the same block objects' sentences, sections and contexts): the rest of the
      // list is the previous one's, copied rather than walked (issue 13, model).
      if (asIs && j === block.index && b >= trace!.prefix + trace!.fresh && sameAfter(b)) {
        takeRestOver(reuse!.before, b + 1, blocks.length, out, keys, firstInfo, enterLast, enterLeadIn, enterPrevious, items, takenOver);
        break;
      }
      continue;
    }
    let leadIn: string | null = blockLeadIn;
    previousItemLeadIn = blockLeadIn;
    // Without a fact cache (a one-shot review, the CLI) a sentence's reading is made in place, with
    // no Reading object, memo closure or array of readings per block (issue 13, clicats2: about a
    // tenth of what the categories allocated in a CLI thread), and the obligation words are looked
    // for only in item fragments, the only sentences whose answer is read.
    const memoised = factsActive();
    const sentences = block.sentences;
    // The text of the block's latest sentence so far that is not an item fragment, or is one that
    // states a duty: what an enumerated fragment after it inherits.
    let anchor: string | null = null;
    let lastText: string | null = null;
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      let text: string;
      let flat: string;
      let itemText: boolean;
      let isDefinition: boolean;
      let hasObligation: boolean;
      if (memoised) {
        const r = readingOf(s.text);
        text = r.text;
        flat = r.flat;
        itemText = r.isItem;
        isDefinition = r.isDefinition;
        hasObligation = r.hasObligation;
      } else {
        text = foldQuotes(s.text);
        flat = collapseSpace(text);
        itemText = ITEM.test(text);
        isDefinition = DEFINITION.test(text);
        hasObligation = itemText && OBLIGATION_WORD.test(text);
      }
      // Within a block, an enumerated fragment inherits the first part of its sentence.
      if (i > 0 && itemText && !hasObligation) {
        if (anchor !== null) leadIn = anchor;
      } else if (i > 0 && !itemText) leadIn = null;
      out.push({
        flat,
        leadIn: itemText || block.listNumber !== undefined || i === 0 ? leadIn : null,
        previous: i === 0 ? previousOfFirst : lastText,
        sentence: s,
        from: s.from,
        to: s.to,
        block: block.index,
        text,
        section: block.section,
        titles,
        isDefinition,
        inHeading,
      });
      if (!itemText || hasObligation) anchor = text;
      lastText = text;
    }
    previousBlockLast = lastText;
  }
  firstInfo[blocks.length] = out.length;
  keys.length = out.length;
  return { infos: out, firstInfo, enterLast, enterLeadIn, enterPrevious, takenOver, serial: ++builtLists, from: reuse ? reuse.before.serial : 0, items, keys, keysParties: reuse ? reuse.before.keysParties : null, titles: titleCache };
}

/**
 * Whether every block after block `b`, a block after the edit, is in a section that reads to the
 * sentence list as before (the same index, heading block and titles on its path), for a tree the
 * splice took over (model/sections.ts SectionChanges): parents are the previous ones, and so are
 * the heading blocks of the sections after the edit when the edit added or removed no block. Titles
 * changed only for the retitled sections, whose blocks must all come before b + 1; numbers, which the
 * list does not read, may have changed. What sameSectionTree answers, for the blocks that matter,
 * without a comparison per section on every keystroke (issue 13).
 */
function sameSectionsAfter(sections: Section[], changes: SectionChanges, b: number): boolean {
  return changes.blockShift === 0 && titlesKeptFrom(sections, changes, b + 1);
}

/** Do two section lists read the same to the sentence list: titles, parents and heading blocks? */
function sameSectionTree(now: Section[], was: Section[]): boolean {
  if (now.length !== was.length) return false;
  for (let i = 1; i < now.length; i++) {
    const a = now[i];
    const b = was[i];
    if (a !== b && (a.title !== b.title || a.parent !== b.parent || a.headingBlock !== b.headingBlock)) return false;
  }
  return true;
}

/** The previous list's entries and per-block records of blocks [from, to) (at the same indexes), appended. */
function takeRestOver(before: BuiltSentences, from: number, to: number, out: SentenceInfo[], keys: Array<string | undefined>, firstInfo: Int32Array,
  enterLast: Array<string | null>, enterLeadIn: Array<string | null>, enterPrevious: Array<string | null>, items: Uint8Array, takenOver: Uint8Array): void {
  const first = before.firstInfo[from];
  const shift = out.length - first;
  for (let c = from; c < to; c++) {
    firstInfo[c] = before.firstInfo[c] + shift;
    enterLast[c] = before.enterLast[c];
    enterLeadIn[c] = before.enterLeadIn[c];
    enterPrevious[c] = before.enterPrevious[c];
    if (before.firstInfo[c + 1] > before.firstInfo[c]) takenOver[c] = 1;
  }
  items.set(before.items.subarray(from, to), from);
  const infos = before.infos;
  const beforeKeys = before.keys;
  for (let n = first; n < infos.length; n++) {
    keys[out.length] = beforeKeys[n];
    out.push(infos[n]);
  }
}

/** Blocks that hold no sentences of the list. */
function skipped(block: Block): boolean {
  return block.kind === 'code' || block.kind === 'html' || block.quoted === true;
}

/** An array of `length` entries: the first `n` of `from`, then null. */
function prefixOf(from: Array<string | null> | undefined, n: number, length: number): Array<string | null> {
  const out = n > 0 && from ? from.slice(0, n) : [];
  out.length = length;
  return out.fill(null, n);
}

/**
 * How many blocks at the start of a spliced model have exactly the previous list's entries, which
 * are then taken over as a whole rather than block by block: every block before the edit that is
 * the previous model's block object (the same sentences, index and place), in a section with the
 * same heading block and title and the same joined titles. What the loop of buildSentenceInfos
 * reads for such a block is what it read for the previous list, so it would take over each of
 * their entries; an edit in the middle of a document skips half the loop (issue 13). The prefix
 * ends before a block whose entering context the previous list noted (not a skipped block).
 */
function keptPrefix(model: ContractModel, trace: SpliceTrace, before: BuiltSentences, titlesOf: (section: number) => string, titleCache: Array<string | undefined>): number {
  const blocks = model.blocks;
  const previous = trace.previous;
  const limit = Math.min(trace.prefix, previous.blocks.length - 1);
  let n = 0;
  // A section tree the splice took over (model/sections.ts SectionChanges) answers for every block
  // before the edit at once: such a block is the previous object, and its section and that
  // section's ancestors come before the first re-parsed section, so each kept its heading block,
  // parent and title (only sections from `first` on can be renumbered or retitled), and with the
  // document's title where it was (sentencesOf asks that) its joined titles are the previous ones,
  // carried over for the sections the loop would have asked. Not a walk over half the blocks and
  // their sections on every keystroke (issue 13).
  const changes = trace.sections;
  if (changes && previous.sections.length === model.sections.length) {
    n = limit;
    const copied = Math.min(changes.first, before.titles.length);
    for (let i = 0; i < copied; i++) if (titleCache[i] === undefined) titleCache[i] = before.titles[i];
  }
  while (n < limit) {
    const block = blocks[n];
    if (block !== previous.blocks[n]) break;
    const s = model.sections[block.section];
    const p = previous.sections[block.section];
    if (!p || s.headingBlock !== p.headingBlock || s.title !== p.title) break;
    // (A block without entries, skipped or empty, has no titles to compare.)
    if (before.firstInfo[n + 1] > before.firstInfo[n] && titlesOf(block.section) !== before.infos[before.firstInfo[n]].titles) break;
    n++;
  }
  while (n > 0 && skipped(previous.blocks[n])) n--;
  return n;
}

/**
 * `text.trim().length <= limit`, without making the trimmed string: asked for every block that opens
 * a section, on every edit (a numbered clause's paragraph is one, and most are far longer than a title).
 */
function trimmedAtMost(text: string, limit: number): boolean {
  if (text.length <= limit) return true;
  let a = 0;
  let b = text.length;
  while (a < b && isTrimmed(text.charCodeAt(a))) a++;
  while (b > a && isTrimmed(text.charCodeAt(b - 1))) b--;
  return b - a <= limit;
}

/** The characters String.prototype.trim removes (white space and line terminators, as `\s` matches). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The previous model's sentence entries of a block that an edit did not change, when everything
 * they were read with is the same (the context entering the block, its section's titles, whether it
 * is a heading): they are then what reading the block again would give, but for the sentence
 * objects and section number, which the caller puts in. Returns the index of the block's first
 * entry in the previous list, or -1 when the block must be read again.
 */
function keptInfos(before: BuiltSentences, j: number, block: Block, enterLast: string | null, enterLeadIn: string | null, previousOfFirst: string | null, titles: string, inHeading: boolean): number {
  const from = before.firstInfo[j];
  const to = before.firstInfo[j + 1];
  if (to - from !== block.sentences.length || to === from) return -1;
  if (before.enterLast[j] !== enterLast || before.enterLeadIn[j] !== enterLeadIn || before.enterPrevious[j] !== previousOfFirst) return -1;
  const first = before.infos[from];
  if (first.titles !== titles || first.inHeading !== inHeading) return -1;
  return from;
}

/**
 * Is the sentence compatible with a duty owed by the supplier? Descriptive sentences (no modal)
 * and passive duties ("Customer Data shall be encrypted") count; duties owed only by the customer,
 * or negated ones ("the Supplier shall not be required to ..."), do not.
 */
export function supplierSide(text: string, parties: PartyMatchers, leadIn: string | null = null): boolean {
  // An item of a list continues its lead-in's duty ("Licensee must: (a) appoint contacts who will..."),
  // so the lead-in's owner wins over modals inside the item's relative clauses.
  // (supplierDutyIn: obligationsIn read only as far as this needs.)
  const fromLeadIn = leadIn ? supplierDutyIn(leadIn, parties) : 0;
  if (fromLeadIn !== 0) return fromLeadIn === 1;
  // No obligation at all counts as compatible.
  return supplierDutyIn(text, parties) !== 2;
}


export interface Signal {
  requirement: string;
  /** Matched against the sentence text. */
  pattern: RegExp;
  /** Also required somewhere in the sentence or its section titles. */
  context?: RegExp;
  /** Only sentences compatible with a supplier duty (see supplierSide). */
  supplierDuty?: boolean;
  /** Reject sentences matching this (carve-outs, negations specific to the signal). */
  unless?: RegExp;
  /** Definitions can count (default: no). */
  allowDefinitions?: boolean;
  /** Headings do not count (a heading alone says little about what the clause does). */
  noHeadings?: boolean;
  /** Only sentences under a section whose title (or an ancestor's) matches: weaker evidence a heading vouches for. */
  inSection?: RegExp;
  /** False senses blanked out before matching (e.g. "as the case may be" holds no "may"). */
  mask?: FalseSense[];
}

export type Found = Record<string, Evidence[]>;

/** Runs signals over every sentence; returns the evidence found per requirement, in text order. */
export function scan(ctx: AssessContext, signals: Signal[], headings?: RegExp): Found {
  const found: Found = {};
  const add = (req: string, e: Evidence) => (found[req] ??= []).push(e);
  // (Read past a recording context's `model` getter, which notes only an assessor's own reads.)
  const model = recorder !== null && recorder.ctx === ctx ? recorder.model : ctx.model;
  if (headings) {
    if (recorder !== null && recorder.ctx === ctx) recorder.headings.push(headings);
    if (factsActive()) scanHeadings(model, headings, (s) => add('heading', headingEvidence(s)));
    else {
      // Indexed loops here and below: a one-shot review (the CLI) runs this for every category of
      // every document, mostly before it is optimised, where for-of makes an iterator result per step.
      const headed = headedSections(model);
      for (let k = 0; k < headed.length; k++) {
        const s = headed[k];
        if (headings.test(s.title)) add('heading', { requirement: 'heading', span: s.titleSpan, text: s.title, section: s.index });
      }
    }
  }
  const infos = sentencesOf(model);
  // The list's shape, found once per scan (see ListShape).
  const shape = shapeOf(signals);
  if (recorder !== null && recorder.ctx === ctx) recorder.lists.push(shape.id);
  const filter = prefiltered(infos.length) ? filterOf(shape, signals, infos) : null;
  const gate = filter ? prefilter.gate(infos, infos.length) : null;
  if (factsActive()) {
    scanGroups(model, infos, signals, shape.id, ctx.parties, found, filter, gate);
    return found;
  }
  // Only the sentences the gate lets through for this list (the others match none of its patterns).
  const candidates = gate ? gate.candidates(filter!, (n) => infos[n].flat) : null;
  // A short document (not prefiltered) runs only the patterns whose words it holds.
  const possible = filter ? null : possibleSignals(shape, signals, infos);
  if (possible && possible.indexOf(1) < 0) return found;
  const sides = supplierSidesOf(infos, ctx.parties);
  const texts = evidenceTextsOf(infos);
  for (let k = 0, end = candidates ? candidates.length : infos.length; k < end; k++) {
    const n = candidates ? candidates[k] : k;
    const info = infos[n];
    const matched = matchingSignals(info, n, signals, ctx.parties, filter, gate, possible, sides);
    if (!matched.length) continue;
    let text = texts[n];
    if (text === undefined) text = texts[n] = normalizeSpace(info.flat).slice(0, 300);
    for (let j = 0; j < matched.length; j++) {
      const sig = signals[matched[j]];
      add(sig.requirement, { requirement: sig.requirement, span: infoSpan(model, info), text, section: info.section });
    }
  }
  return found;
}

/**
 * The memoised scan of an incremental review. A model spliced from the previous one (model/trace.ts)
 * takes over the previous model's matches of this signal list for every sentence whose text and
 * context did not change, and re-matches only the others (keptMatches): an edit costs what it
 * changed plus one pass over the list's matches, not a visit to every sentence or run. Otherwise
 * (the first review, a full parse) the matches come from the runs of memoised facts (groupMatches).
 */
function scanGroups(model: ContractModel, infos: SentenceInfo[], signals: Signal[], signalsId: number, parties: PartyMatchers, found: Found, filter: ListFilter | null, gate: DocumentGate | null): void {
  const state = scanStateOf(model, infos, parties);
  let matches = heldMatches(model, state, signalsId);
  if (!matches) {
    matches = keptMatches(model, state, signalsId, signals, parties, filter, gate) ?? groupMatches(model, infos, signals, signalsId, parties, filter, gate);
    state.lists.set(signalsId, matches);
  }
  addEvidence(found, signals, matches);
}

/**
 * Adds a list's matches to `found`: each requirement's evidence in text order, after what `found`
 * held already, as pushing them one by one would. The arrays are made at their final size (the
 * matches are counted per signal first): they are made again per edit (issue 13, alloc).
 */
export function addEvidence(found: Found, signals: ReadonlyArray<{ requirement: string }>, matches: { sig: Int32Array; evidence: Evidence[]; count: number }): void {
  const { sig, evidence, count } = matches;
  const perSignal = new Int32Array(signals.length);
  for (let k = 0; k < count; k++) perSignal[sig[k]]++;
  const lists = new Map<string, { out: Evidence[]; at: number }>();
  for (let k = 0; k < count; k++) {
    const req = signals[sig[k]].requirement;
    let list = lists.get(req);
    if (!list) {
      // (Signals of one requirement can be anywhere in the list: their counts are added up once, here.)
      let size = 0;
      for (let i = 0; i < signals.length; i++) if (signals[i].requirement === req) size += perSignal[i];
      const before = found[req];
      // Preallocated only up to where V8 still makes a fast (not dictionary) array of `new Array(n)`.
      const out = before ?? (found[req] = size <= 8192 ? new Array<Evidence>(size) : []);
      // at: the next place to fill, or -1 to push (an array that was there already, or one not preallocated).
      list = { out, at: before || size > 8192 ? -1 : 0 };
      lists.set(req, list);
    }
    if (list.at < 0) list.out.push(evidence[k]);
    else list.out[list.at++] = evidence[k];
  }
}

/**
 * The matches of one signal list in a model, in text order: match k (k < count) is signal sig[k] in
 * sentence n[k], with its evidence. Evidence objects are shared with the next model's list where the
 * sentence did not move; nobody mutates evidence.
 */
export interface ListMatches { count: number; n: Int32Array; sig: Int32Array; evidence: Evidence[] }

/**
 * Collects a ListMatches. Every list is made again per edit (13,000 matches over the 22 lists of a
 * 1 MB contract), so its arrays start at the size the caller expects (the previous list's, after an
 * edit) rather than growing from empty by copies, and the sentence and signal numbers are typed
 * arrays rather than arrays of tagged values (issue 13, alloc).
 */
export class MatchesBuilder {
  private count = 0;
  private n: Int32Array;
  private sig: Int32Array;
  private readonly evidence: Evidence[];

  constructor(expected: number) {
    const capacity = Math.max(16, expected + (expected >> 4));
    this.n = new Int32Array(capacity);
    this.sig = new Int32Array(capacity);
    // Preallocated only up to where V8 still makes a fast (not dictionary) array of `new Array(n)`.
    this.evidence = new Array(Math.min(capacity, 8192));
  }

  add(n: number, sig: number, evidence: Evidence): void {
    const k = this.count++;
    if (k === this.n.length) {
      const n2 = new Int32Array(k * 2);
      n2.set(this.n);
      this.n = n2;
      const sig2 = new Int32Array(k * 2);
      sig2.set(this.sig);
      this.sig = sig2;
    }
    this.n[k] = n;
    this.sig[k] = sig;
    if (k < this.evidence.length) this.evidence[k] = evidence;
    else this.evidence.push(evidence);
  }

  done(): ListMatches {
    // The unused tail of the preallocated evidence is cut off (the typed arrays keep theirs: read up to count).
    this.evidence.length = this.count;
    return { count: this.count, n: this.n, sig: this.sig, evidence: this.evidence };
  }
}
/**
 * Per model (incremental review only): the sentence list and party names its matches were made
 * with, and the matches per signal list (made, or deferred: see DeferredMatches). `asIs` holds the
 * lists found to be the previous model's matches moved (listKeptAsIs).
 */
interface ScanState { infos: SentenceInfo[]; partyKey: string; lists: Map<number, ListMatches | DeferredMatches>; changed?: Reread | null; asIs?: Set<number> }
/** The sentences of a spliced model to match again, how far the sentences after the edit moved, and for those matched again, a replaced sentence of the previous model that read the same. */
interface Reread { flags: Uint8Array; shift: number; sameAs: Map<number, number> }
const scanStates = new WeakMap<ContractModel, ScanState>();
const partyKeyOf = new WeakMap<PartyMatchers, string>();

function scanStateOf(model: ContractModel, infos: SentenceInfo[], parties: PartyMatchers): ScanState {
  let partyKey = partyKeyOf.get(parties);
  if (partyKey === undefined) partyKeyOf.set(parties, (partyKey = `${parties.supplier.source}\u0000${parties.customer.source}`));
  let state = scanStates.get(model);
  if (!state || state.infos !== infos || state.partyKey !== partyKey) scanStates.set(model, (state = { infos, partyKey, lists: new Map() }));
  return state;
}

function evidenceOf(model: ContractModel, requirement: string, info: SentenceInfo, text: string): Evidence {
  return { requirement, span: infoSpan(model, info), text, section: info.section };
}

/** The evidence text of a sentence, memoised with its facts. */
function evidenceText(info: SentenceInfo, facts: Map<number, unknown>): string {
  let text = facts.get(EVIDENCE_TEXT) as string | undefined;
  if (text === undefined) {
    text = normalizeSpace(info.flat).slice(0, 300);
    facts.set(EVIDENCE_TEXT, text);
  }
  return text;
}

/** The matches of a signal list from the runs of memoised facts: a section whose sentences all kept their facts keeps its list of matches. */
function groupMatches(model: ContractModel, infos: SentenceInfo[], signals: Signal[], signalsId: number, parties: PartyMatchers, filter: ListFilter | null, gate: DocumentGate | null): ListMatches {
  const out = new MatchesBuilder(0);
  const { list, groups } = allSentenceFacts(model, infos, parties);
  for (const group of groups) {
    let matches = group.facts.get(signalsId) as number[] | undefined;
    if (!matches) {
      matches = [];
      for (let n = group.from; n < group.to; n++) {
        const facts = list[n];
        let matched = facts.get(signalsId) as number[] | undefined;
        if (!matched) {
          matched = matchingSignals(infos[n], n, signals, parties, filter, gate);
          facts.set(signalsId, matched);
        }
        for (const i of matched) matches.push(n - group.from, i);
      }
      group.facts.set(signalsId, matches);
    }
    for (let k = 0; k < matches.length; k += 2) {
      const n = group.from + matches[k];
      const info = infos[n];
      out.add(n, matches[k + 1], evidenceOf(model, signals[matches[k + 1]].requirement, info, evidenceText(info, list[n])));
    }
  }
  return out.done();
}

/** Does a sentence read the same to matchingSignals (and give the same evidence text)? Strings taken over are the same objects, so this is mostly pointer compares. */
function sameReading(a: SentenceInfo, b: SentenceInfo): boolean {
  return a.flat === b.flat && a.titles === b.titles && a.previous === b.previous && a.leadIn === b.leadIn && a.isDefinition === b.isDefinition && a.inHeading === b.inHeading;
}

/**
 * Which sentences of a spliced model must be matched again (1) rather than take over the previous
 * model's matches: those of re-parsed blocks, and those whose text or context changed (a retitled
 * section, a new sentence before). Null when the model was not spliced from one with a scan state.
 */
function changedSentences(model: ContractModel, state: ScanState, before: ScanState): Reread | null {
  if (state.changed !== undefined) return state.changed;
  const reuse = sentenceReuseOf(model);
  if (!reuse || reuse.infos !== state.infos || reuse.previous !== before.infos || before.partyKey !== state.partyKey) return (state.changed = null);
  const { flags: changed, shift, removedFrom, removedTo } = reuse;
  // A re-parsed section mostly reads as it did: its sentences take over the matches of the
  // replaced sentence that reads the same (the memoised facts of sentences an edit kept are not
  // looked up, so they are gone from the fact cache by then).
  const replaced = new Map<string, number>();
  for (let n = removedTo - 1; n >= removedFrom; n--) replaced.set(readingKey(before.infos[n]), n);
  const sameAs = new Map<number, number>();
  if (replaced.size) {
    for (let n = changed.indexOf(1); n >= 0; n = changed.indexOf(1, n + 1)) {
      const old = replaced.get(readingKey(state.infos[n]));
      if (old !== undefined) sameAs.set(n, old);
    }
  }
  return (state.changed = { flags: changed, shift, sameAs });
}

/**
 * How the sentence list of a spliced model relates to the previous model's, for answers that are a
 * pure function of what sameReading compares: sentences [0, removedFrom) of both lists are the
 * same sentences, the previous list's [removedFrom, removedTo) were replaced, and its sentences
 * from removedTo on are this list's from removedTo + shift on. `flags` marks this list's sentences
 * to read again: those of re-parsed blocks, and those whose text or context changed (a retitled
 * section, a new sentence before). Null when the model was not spliced from one with a list.
 */
export interface SentenceReuse { infos: SentenceInfo[]; previous: SentenceInfo[]; removedFrom: number; removedTo: number; shift: number; flags: Uint8Array }
const sentenceReuses = new WeakMap<ContractModel, SentenceReuse | null>();

export function sentenceReuseOf(model: ContractModel): SentenceReuse | null {
  const hit = sentenceReuses.get(model);
  if (hit !== undefined) return hit;
  const trace = spliceTraceOf(model);
  const now = sentenceCache.get(model);
  const then = trace && sentenceCache.get(trace.previous);
  const out = trace && now && then ? rereadSentences(model, trace, now, then) : null;
  // Kept only while the trace is: a model reviewed later (its trace forgotten) is read whole.
  if (trace) sentenceReuses.set(model, out);
  return out;
}

function rereadSentences(model: ContractModel, trace: SpliceTrace, now: BuiltSentences, then: BuiltSentences): SentenceReuse | null {
  const changed = new Uint8Array(now.infos.length);
  // Sentences of the blocks after the edit moved by this many places (checked per block below).
  const shift = now.firstInfo[trace.prefix + trace.fresh] - then.firstInfo[trace.oldAfter];
  const blocks = model.blocks.length;
  const sameBase = now.from === then.serial;
  for (let b = 0; b < blocks; b++) {
    const from = now.firstInfo[b];
    const to = now.firstInfo[b + 1];
    const j = previousBlockIndex(trace, b);
    if (j < 0) {
      changed.fill(1, from, to);
      continue;
    }
    const old = then.firstInfo[j];
    if (from !== old + (b < trace.prefix ? 0 : shift)) return null;
    if (then.firstInfo[j + 1] - old !== to - from) return null;
    // Entries taken over when the list was built read the same by construction (buildSentenceInfos).
    if (sameBase && now.takenOver[b]) continue;
    for (let k = 0; k < to - from; k++) {
      const a = now.infos[from + k];
      const o = then.infos[old + k];
      if (a !== o && !sameReading(a, o)) changed[from + k] = 1;
    }
  }
  return { infos: now.infos, previous: then.infos, removedFrom: then.firstInfo[trace.prefix], removedTo: then.firstInfo[trace.oldAfter], shift, flags: changed };
}

/** What sameReading compares, as one string. */
function readingKey(info: SentenceInfo): string {
  return `${info.isDefinition ? 1 : 0}${info.inHeading ? 1 : 0}\u0001${info.titles}\u0001${info.previous ?? '\u0002'}\u0001${info.leadIn ?? '\u0002'}\u0001${info.flat}`;
}

/**
 * The matches of a signal list in a spliced model, from the previous model's (see scanGroups);
 * null when there is nothing to take over. The same matches as groupMatches by construction: a
 * sentence's matches are a pure function of what sameReading compares and of the party names.
 */
function keptMatches(model: ContractModel, state: ScanState, signalsId: number, signals: Signal[], parties: PartyMatchers, filter: ListFilter | null, gate: DocumentGate | null): ListMatches | null {
  const trace = spliceTraceOf(model);
  const before = trace && scanStates.get(trace.previous);
  const held = before && before.lists.get(signalsId);
  if (!trace || !before || !held) return null;
  // A deferred list's evidence is its base's (spans of an earlier model): each is made anew by `kept`.
  const stale = isDeferred(held);
  const previous = stale ? placedMatches(held) : held;
  const reading = changedSentences(model, state, before);
  if (!reading) return null;
  const { flags: changed, shift, sameAs } = reading;
  const built = sentenceCache.get(model)!;
  const then = sentenceCache.get(trace.previous)!;
  const infos = state.infos;
  const out = new MatchesBuilder(previous.count);
  const removedFrom = then.firstInfo[trace.prefix];
  const removedTo = then.firstInfo[trace.oldAfter];
  // The previous matches of the replaced sentences (previous.n is in text order).
  let firstReplaced = 0;
  for (let hi = previous.count; firstReplaced < hi;) {
    const mid = (firstReplaced + hi) >>> 1;
    if (previous.n[mid] < removedFrom) firstReplaced = mid + 1;
    else hi = mid;
  }
  // Sentences matched again, merged in text order with the matches taken over.
  let next = 0;
  const rematchUpTo = (limit: number) => {
    for (next = changed.indexOf(1, next); next >= 0 && next < limit; next = changed.indexOf(1, next + 1)) {
      const info = infos[next];
      const same = sameAs.get(next);
      if (same !== undefined) {
        let k = firstReplaced;
        while (k < previous.count && previous.n[k] < same) k++;
        for (; k < previous.count && previous.n[k] === same; k++) out.add(next, previous.sig[k], kept(model, previous.evidence[k], info));
        continue;
      }
      const facts = sentenceFacts(info, parties, built, next)!;
      let matched = facts.get(signalsId) as number[] | undefined;
      if (!matched) {
        matched = matchingSignals(info, next, signals, parties, filter, gate);
        facts.set(signalsId, matched);
      }
      if (!matched.length) continue;
      const text = evidenceText(info, facts);
      for (const i of matched) out.add(next, i, evidenceOf(model, signals[i].requirement, info, text));
    }
    if (next < 0) next = infos.length;
  };
  // A list's evidence always reads as its sentence entry does (span, section), so evidence whose
  // entry this list took over as the same object is the same evidence, told without reading it
  // (most matches before the edit; issue 13, passes).
  const was = before.infos;
  for (let k = 0; k < previous.count; k++) {
    const old = previous.n[k];
    if (old >= removedFrom && old < removedTo) continue;
    const n = old < removedFrom ? old : old + shift;
    if (changed[n]) continue;
    if (next <= n) rematchUpTo(n);
    const info = infos[n];
    // (An entry of a moved block is the same object too, but its evidence moved: kept() tells.)
    out.add(n, previous.sig[k], info === was[old] && !stale && old < removedFrom ? previous.evidence[k] : kept(model, previous.evidence[k], info));
  }
  rematchUpTo(infos.length);
  return out.done();
}

/** Evidence taken over for a sentence that reads the same: the same object where it did not move. */
function kept(model: ContractModel, e: Evidence, info: SentenceInfo): Evidence {
  const at = model.blocks[info.block].start;
  return e.span.start === at + info.from && e.span.end === at + info.to && e.section === info.section ? e : evidenceOf(model, e.requirement, info, e.text);
}

/**
 * A list's matches in a model, not made yet: `base`'s matches (those of an earlier model), carried
 * through the edits since by `steps` (per edit: the replaced sentences [from, to) of the model
 * before it, none of which matched, and the shift of the sentences after them). Held while an
 * edit leaves a list's matches as they were (listKeptAsIs), so that such an edit costs what it
 * changed rather than a new list of every match; made (one pass over the matches) when a scan or
 * the next edit's keptMatches reads the list (issue 13, scan).
 */
interface DeferredMatches { base: ListMatches; steps: number[] }
/** Edits a deferred list is carried through before it is made (each lookup walks the steps back). */
const MAX_DEFERRED_STEPS = 32;

function isDeferred(m: ListMatches | DeferredMatches): m is DeferredMatches {
  return (m as DeferredMatches).steps !== undefined;
}

/** A state's matches of a list, made from a deferred list where needed (and kept made). */
function heldMatches(model: ContractModel, state: ScanState, signalsId: number): ListMatches | undefined {
  const held = state.lists.get(signalsId);
  if (held === undefined || !isDeferred(held)) return held;
  const made = madeMatches(model, held, state.infos);
  state.lists.set(signalsId, made);
  return made;
}

/** The matches of a deferred list in the model whose sentence list is `infos`. */
function madeMatches(model: ContractModel, d: DeferredMatches, infos: SentenceInfo[]): ListMatches {
  const { base, steps } = d;
  const out = new MatchesBuilder(base.count);
  for (let k = 0; k < base.count; k++) {
    let n = base.n[k];
    // (No match lies in a step's replaced sentences: see listKeptAsIs.)
    for (let i = 0; i < steps.length; i += 3) if (n >= steps[i + 1]) n += steps[i + 2];
    out.add(n, base.sig[k], kept(model, base.evidence[k], infos[n]));
  }
  return out.done();
}

/**
 * A deferred list's matches placed in its model (sentence numbers carried through the steps), with
 * its base's evidence as it is: for keptMatches, which makes each piece of evidence for its sentence.
 */
function placedMatches(d: DeferredMatches): ListMatches {
  const { base, steps } = d;
  const n = new Int32Array(base.count);
  for (let k = 0; k < base.count; k++) {
    let at = base.n[k];
    for (let i = 0; i < steps.length; i += 3) if (at >= steps[i + 1]) at += steps[i + 2];
    n[k] = at;
  }
  return { count: base.count, n, sig: base.sig, evidence: base.evidence };
}

/** How many of the matches held (made or deferred) are in sentences [from, to) of their model. */
function matchesBetween(held: ListMatches | DeferredMatches, from: number, to: number): number {
  let list: ListMatches;
  if (isDeferred(held)) {
    const steps = held.steps;
    // Back through the edits: the first sentence of the earlier model whose place is at or after
    // `at` (a replaced sentence held no match, so any place among them counts the same).
    const back = (at: number, i: number): number => (at <= steps[i] ? at : at <= steps[i + 1] + steps[i + 2] ? steps[i + 1] : at - steps[i + 2]);
    for (let i = steps.length - 3; i >= 0; i -= 3) {
      from = back(from, i);
      to = back(to, i);
    }
    list = held.base;
  } else list = held;
  return lowerBound(list.n, list.count, to) - lowerBound(list.n, list.count, from);
}

function lowerBound(a: Int32Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a spliced model's matches of a signal list are the previous model's, moved with their
 * sentences: none of the replaced sentences matched, and no sentence read again (re-parsed, or its
 * context changed) matches or matched. Then the list is held deferred (DeferredMatches) rather than
 * made, and the answer is noted for the model (`asIs`). The sentences read again are matched as
 * keptMatches would match them (memoised with their facts), so a later scan pays nothing twice.
 */
export function listKeptAsIs(model: ContractModel, parties: PartyMatchers, signalsId: number, edit: EvidenceShift): boolean {
  const infos = sentencesOf(model);
  const state = scanStateOf(model, infos, parties);
  if (state.asIs?.has(signalsId)) return true;
  if (state.lists.has(signalsId)) return false;
  const trace = spliceTraceOf(model);
  const before = trace && scanStates.get(trace.previous);
  const previous = before && before.lists.get(signalsId);
  const shape = shapesById.get(signalsId);
  if (!trace || !before || !previous || !shape) return false;
  const reading = changedSentences(model, state, before);
  if (!reading) return false;
  const sentences = editedSentences(model, trace, reading, before, edit);
  if (!sentences) return false;
  const { removedFrom, removedTo, shift, read, readOld } = sentences;
  if (matchesBetween(previous, removedFrom, removedTo) > 0) return false;
  const signals = shape.signals;
  // Made when a sentence is matched (most edits match only the one typed in, per list).
  let filter: ListFilter | null | undefined;
  let gate: DocumentGate | null = null;
  const now = sentenceCache.get(model)!;
  for (let k = 0; k < read.length; k++) {
    const n = read[k];
    const old = readOld[k];
    if (old >= 0 && matchesBetween(previous, old, old + 1) > 0) return false;
    const facts = sentenceFacts(infos[n], parties, now, n)!;
    let matched = facts.get(signalsId) as number[] | undefined;
    if (!matched) {
      if (filter === undefined) {
        filter = prefiltered(infos.length) ? filterOf(shape, signals, infos) : null;
        gate = filter ? prefilter.gate(infos, infos.length) : null;
      }
      matched = matchingSignals(infos[n], n, signals, parties, filter, gate);
      facts.set(signalsId, matched);
    }
    if (matched.length) return false;
  }
  const deferred: DeferredMatches = isDeferred(previous)
    ? { base: previous.base, steps: [...previous.steps, removedFrom, removedTo, shift] }
    : { base: previous, steps: [removedFrom, removedTo, shift] };
  state.lists.set(signalsId, deferred.steps.length > 3 * MAX_DEFERRED_STEPS ? madeMatches(model, deferred, infos) : deferred);
  (state.asIs ??= new Set()).add(signalsId);
  return true;
}

/**
 * The sentences an edit changed, the same for every list (see listKeptAsIs): those of the changed
 * blocks (EvidenceShift) are [removedFrom, removedTo) of the previous list, and after them this
 * list's sentences are the previous ones moved by `shift`. `read`: this list's sentences to match
 * (read again, and not reading as their place in the previous list does), with that place in
 * `readOld` (-1 for one of the changed blocks). Null when the lists do not line up so.
 */
interface EditedSentences { removedFrom: number; removedTo: number; shift: number; read: Int32Array; readOld: Int32Array }
const editedSentenceCache = new WeakMap<ContractModel, EditedSentences | null>();

function editedSentences(model: ContractModel, trace: SpliceTrace, reading: Reread, before: ScanState, edit: EvidenceShift): EditedSentences | null {
  const hit = editedSentenceCache.get(model);
  if (hit !== undefined) return hit;
  const now = sentenceCache.get(model)!;
  const then = sentenceCache.get(trace.previous)!;
  const shift = reading.shift;
  const removedFrom = then.firstInfo[edit.from];
  const removedTo = then.firstInfo[edit.oldTo];
  const freshTo = now.firstInfo[edit.newTo];
  let out: EditedSentences | null = null;
  if (now.firstInfo[edit.from] === removedFrom && freshTo - removedTo === shift) {
    const infos = now.infos;
    const was = before.infos;
    const read: number[] = [];
    const readOld: number[] = [];
    for (let n = reading.flags.indexOf(1); n >= 0; n = reading.flags.indexOf(1, n + 1)) {
      const old = n < removedFrom ? n : n >= freshTo ? n - shift : -1;
      // Read as before (a re-parsed block that reads the same): the same matches, by construction.
      if (old >= 0 && sameReading(infos[n], was[old])) continue;
      read.push(n);
      readOld.push(old);
    }
    out = { removedFrom, removedTo, shift, read: Int32Array.from(read), readOld: Int32Array.from(readOld) };
  }
  editedSentenceCache.set(model, out);
  return out;
}

/**
 * Whether a spliced model's headed sections matching `headings` are the previous model's, by
 * index (the caller has checked that the edit left every section's index as it was: see
 * evidenceShiftOf). The hits are noted for the model as scanHeadings notes them.
 */
export function headingsKeptAsIs(model: ContractModel, headings: RegExp): boolean {
  const trace = spliceTraceOf(model);
  const key = reKey(headings);
  const then = trace && headingMatches.get(trace.previous);
  const previous = then?.hits.get(key);
  if (!then || !previous) return false;
  // Every section has the same parent and heading block (moved) as before, and the same title but
  // for the sections the edit retitled, which are headed as before (evidenceShiftOf checked): the
  // headed sections and their matches are the previous ones when no retitled section matched
  // before or matches now.
  const retitled = evidenceShiftOf(model)?.retitled;
  if (retitled === undefined) return false;
  for (let r = 0; r < retitled.length; r++) {
    const i = retitled[r];
    if (!then.inList[i]) continue;
    if (previous.includes(i) || headings.test(model.sections[i].title)) return false;
  }
  let state = headingMatches.get(model);
  if (!state) headingMatches.set(model, (state = { inList: then.inList, hits: new Map() }));
  const hits = state.hits.get(key);
  if (!hits) {
    state.hits.set(key, previous);
    return true;
  }
  if (hits.length !== previous.length) return false;
  for (let k = 0; k < hits.length; k++) if (hits[k] !== previous[k]) return false;
  return true;
}

/**
 * How evidence of the previous model reads in a spliced model whose edit left every section as it
 * was (the same number of sections, each opened by the same block, moved, under the same parent,
 * the document's title where it was) but for the titles of sections opened by the changed blocks:
 * evidence before the replaced blocks is unchanged, evidence after them moved by `delta`
 * characters, and no evidence can be inside them. Null otherwise.
 */
export interface EvidenceShift {
  beforeEnd: number;
  afterStart: number;
  delta: number;
  /**
   * Sections (by index, the same in both models) opened by a changed block whose title changed: a
   * number typed into a heading ("## 58x. Fees" reads as the title "58x. Fees"). Their sentences
   * and those of their subsections read other titles, so they are read again as any changed
   * sentence is (listKeptAsIs); a heading expression is kept when it matched none of them before
   * and matches none now (headingsKeptAsIs); their heading evidence is not moved (movedEvidence).
   * Each is headed (has a title) in both models or in neither. Empty for most edits.
   */
  retitled: number[];
  /** Blocks [from, oldTo) of the previous model were replaced by this one's [from, newTo); the others read the same. */
  from: number;
  oldTo: number;
  newTo: number;
}
const evidenceShifts = new WeakMap<ContractModel, EvidenceShift | null>();

export function evidenceShiftOf(model: ContractModel): EvidenceShift | null {
  const hit = evidenceShifts.get(model);
  if (hit !== undefined) return hit;
  const trace = spliceTraceOf(model);
  if (!trace) return null;
  const out = shiftOf(model, trace);
  evidenceShifts.set(model, out);
  return out;
}

function shiftOf(model: ContractModel, trace: SpliceTrace): EvidenceShift | null {
  const previous = trace.previous;
  if (previous.sections.length !== model.sections.length) return null;
  if (previous.titleSpan.start !== model.titleSpan.start || previous.titleSpan.end !== model.titleSpan.end) return null;
  const was = previous.blocks;
  const now = model.blocks;
  // The re-parsed blocks are mostly the replaced ones again (a chunk or section is parsed whole):
  // those that read the same at the same place before the edit, and moved by the edit's length after it, are left out.
  const freshEnd = trace.prefix + trace.fresh;
  const delta = trace.oldAfter < was.length ? now[freshEnd].start - was[trace.oldAfter].start : model.text.length - previous.text.length;
  let from = trace.prefix;
  while (from < freshEnd && from < trace.oldAfter && sameBlock(now[from], was[from], 0)) from++;
  let newTo = freshEnd;
  let oldTo = trace.oldAfter;
  while (newTo > from && oldTo > from && sameBlock(now[newTo - 1], was[oldTo - 1], delta)) {
    newTo--;
    oldTo--;
  }
  const opens = (m: ContractModel, b: number): boolean => m.sections[m.blocks[b].section].headingBlock === b;
  // A section opened by a changed block (a numbered clause's paragraph, a heading) is the same
  // section when the block at the same place opened it before, under the same parent; its title may
  // differ (a number typed into "## 58. Fees" reads as the title "58x. Fees"): see `retitled`.
  const paired = newTo - from === oldTo - from;
  let retitled: number[] = NO_SECTIONS;
  for (let b = from; b < newTo; b++) {
    if (!opens(model, b)) continue;
    if (!paired || !opens(previous, b)) return null;
    const s = model.sections[model.blocks[b].section];
    const p = previous.sections[was[b].section];
    if (s.index !== p.index || s.parent !== p.parent) return null;
    if (s.title !== p.title) {
      // (Whether a section is headed follows from its title being there: see headedSections.)
      if ((s.title === '') !== (p.title === '')) return null;
      if (retitled === NO_SECTIONS) retitled = [];
      retitled.push(s.index);
    }
  }
  for (let j = from; j < oldTo; j++) if (opens(previous, j) && !(paired && opens(model, j))) return null;
  // Every section opened where it was (by the same block, moved), under the same parent, with the
  // same title but for those retitled above: whether a block opens a section could depend on more
  // than its own text.
  const moved = newTo - oldTo;
  // A section tree the splice took over (model/sections.ts SectionChanges) has every parent as before,
  // every section before the re-parsed ones opened by the same block and every one after them by its
  // block moved by `blockShift` (which is `moved`), and titles changed only where it lists them: only
  // the re-parsed sections are left to compare, not every section on every keystroke (issue 13).
  const changes = trace.sections;
  const [lo, hi] = changes ? [changes.first, changes.after] : [0, model.sections.length];
  if (changes) for (const i of changes.retitled) if (!retitled.includes(i)) return null;
  for (let i = lo; i < hi; i++) {
    const s = model.sections[i];
    const p = previous.sections[i];
    const h = p.headingBlock;
    if (s.headingBlock !== (h < oldTo ? h : h + moved) || s.parent !== p.parent) return null;
    if (s.title !== p.title && !retitled.includes(i)) return null;
  }
  const beforeEnd = from < was.length ? was[from].start : Infinity;
  const afterStart = oldTo < was.length ? was[oldTo].start : Infinity;
  return { beforeEnd, afterStart, delta, from, oldTo, newTo, retitled };
}

const NO_SECTIONS: number[] = [];

function sameBlock(a: Block, b: Block, delta: number): boolean {
  return a.start === b.start + delta && a.end === b.end + delta && a.text === b.text && a.kind === b.kind && a.quoted === b.quoted && a.listNumber === b.listNumber && a.depth === b.depth && a.sentences.length === b.sentences.length;
}

/**
 * Evidence of the previous model as it reads in this one (see EvidenceShift), or null when it lay
 * in the changed blocks: but for a heading's evidence there, when its section reads the same.
 */
export function movedEvidence(e: Evidence, shift: EvidenceShift, model: ContractModel): Evidence | null {
  if (e.span.end <= shift.beforeEnd) return e;
  if (e.span.start < shift.afterStart) {
    const s = e.requirement === 'heading' ? model.sections[e.section] : undefined;
    return s && s.title === e.text && s.titleSpan.start === e.span.start && s.titleSpan.end === e.span.end && !('path' in e) && !('source' in e) ? e : null;
  }
  if (shift.delta === 0) return e;
  const span = { start: e.span.start + shift.delta, end: e.span.end + shift.delta };
  // The literal of evidenceOf where the evidence has its four fields (the same shape as a scan's).
  return !('path' in e) && !('source' in e) && !('score' in e)
    ? { requirement: e.requirement, span, text: e.text, section: e.section }
    : { ...e, span };
}

/**
 * What an assessor run under a recording context read (categories/kept-assessments.ts): the signal
 * lists it scanned, its heading expressions, and the model it reads through `ctx`.
 */
export interface ScanRecorder { ctx: AssessContext; model: ContractModel; lists: number[]; headings: RegExp[]; terms: boolean }
let recorder: ScanRecorder | null = null;

/**
 * The model's defined terms, for an assessor: read through here rather than ctx.model, an assessment
 * is taken over while editing when the terms are the same (kept-assessments.ts), not always run.
 */
export function definedTermsOf(ctx: AssessContext): ContractModel['definedTerms'] {
  if (recorder !== null && recorder.ctx === ctx) {
    recorder.terms = true;
    return recorder.model.definedTerms;
  }
  return ctx.model.definedTerms;
}

/** Sets the recorder scans report to and returns the one before (restored by the caller). */
export function recordScans(r: ScanRecorder | null): ScanRecorder | null {
  const was = recorder;
  recorder = r;
  return was;
}

/** Per model: what kept-assessments.ts noted per category (carried with the sentence list to a copy of the model). */
export const assessmentRecords = new WeakMap<ContractModel, Map<string, unknown>>();

/**
 * The memoised scans cut the document into runs of sentences or sections, each with facts keyed by
 * the content of the whole run, so that a review after an edit visits one list per run and re-reads
 * only the run the edit is in. Any cut gives the same evidence; the cut decides only how much an
 * edit re-reads, and it must not shift when text is inserted elsewhere. Runs follow the sections of
 * the first two levels below the root (numbered clauses are sections too, and most hold one or two
 * sentences): this maps a section to that ancestor.
 */
function anchorsOf(model: ContractModel): (section: number) => number {
  const sections = model.sections;
  const anchors = new Map<number, number>();
  return (i: number): number => {
    let a = anchors.get(i);
    if (a === undefined) {
      const chain: number[] = [];
      for (let j = i; j > 0; j = sections[j].parent) chain.push(j);
      a = chain.length > 2 ? chain[chain.length - 2] : i;
      anchors.set(i, a);
    }
    return a;
  };
}

/** Sections whose title may count as a clause heading: not the root, not the document's own title. */
function headedSections(model: ContractModel): ContractModel['sections'] {
  let out = headedCache.get(model);
  if (!out) {
    // The document's own title ("Managed Services Agreement") is not a clause heading. (A loop
    // with the title's place read once: this runs over every section of every edit's model.)
    out = [];
    const sections = model.sections;
    const blocks = model.blocks;
    const titleAt = model.titleSpan.start;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i];
      if (s.index === 0 || !s.title) continue;
      const h = s.headingBlock;
      if (h >= 0) {
        const b = blocks[h];
        if (b.start <= titleAt && titleAt < Math.max(b.end, b.start + 1)) continue;
      }
      out.push(s);
    }
    headedCache.set(model, out);
  }
  return out;
}
const headedCache = new WeakMap<ContractModel, ContractModel['sections']>();

/** Runs of headed sections, each with facts keyed by its titles (see scanGroups for why runs). */
function headingRuns(model: ContractModel): Array<{ from: number; to: number; facts: Map<string, number[]> }> {
  let runs = headingRunCache.get(model);
  if (!runs) {
    runs = [];
    const list = headedSections(model);
    const anchorOf = anchorsOf(model);
    for (let from = 0; from < list.length;) {
      let to = from + 1;
      let key = list[from].title;
      const anchor = anchorOf(list[from].index);
      while (to < list.length && to - from < RUN_CAP && anchorOf(list[to].index) === anchor) key += `\u0000${list[to++].title}`;
      runs.push({ from, to, facts: memo('heading-run', key, () => new Map<string, number[]>()) });
      from = to;
    }
    headingRunCache.set(model, runs);
  }
  return runs;
}
const headingRunCache = new WeakMap<ContractModel, Array<{ from: number; to: number; facts: Map<string, number[]> }>>();

/**
 * The headed sections whose title matches, while editing. A spliced model takes each section's
 * answer from the previous model's section opened by the same heading block with the same title
 * (takenOverHeadings); otherwise the answers are memoised per run of titles. Either way the
 * matching sections are noted per expression for the next model.
 */
function scanHeadings(model: ContractModel, headings: RegExp, headed: (s: ContractModel['sections'][number]) => void): void {
  const state = headingStateOf(model);
  const key = reKey(headings);
  let hits = state.hits.get(key);
  if (!hits) {
    hits = takenOverHeadings(model, state, key, headings) ?? headingHitsFromRuns(model, key, headings);
    state.hits.set(key, hits);
  }
  const sections = model.sections;
  for (let k = 0; k < hits.length; k++) headed(sections[hits[k]]);
}

/**
 * Per model, while editing: which sections are headed sections, and per heading expression the
 * indexes of the headed sections whose title matches, in order. `forward` and `untaken` relate the
 * model to the one it was spliced from, the same for every expression, so they are read once per
 * model rather than once per expression (about twenty per review, over every section).
 */
interface HeadingState {
  inList: Uint8Array;
  hits: Map<string, number[]>;
  /** Per previous model's section: this model's section that takes over its answers, or -1. */
  forward?: Int32Array;
  /** This model's headed sections that take over nothing (re-parsed, retitled or new), in order. */
  untaken?: number[];
}
const headingMatches = new WeakMap<ContractModel, HeadingState>();

function headingStateOf(model: ContractModel): HeadingState {
  let state = headingMatches.get(model);
  if (!state) {
    const inList = new Uint8Array(model.sections.length);
    for (const s of headedSections(model)) inList[s.index] = 1;
    headingMatches.set(model, (state = { inList, hits: new Map() }));
  }
  return state;
}

/** The matches of the heading expression from the runs of memoised titles (no previous model to take them from). */
function headingHitsFromRuns(model: ContractModel, key: string, headings: RegExp): number[] {
  const list = headedSections(model);
  const hits: number[] = [];
  for (const run of headingRuns(model)) {
    let found = run.facts.get(key);
    if (!found) {
      found = [];
      for (let n = run.from; n < run.to; n++) if (headings.test(list[n].title)) found.push(n - run.from);
      run.facts.set(key, found);
    }
    for (const k of found) hits.push(list[run.from + k].index);
  }
  return hits;
}

/**
 * The matches of a spliced model's headed sections: the previous model's matches carried to the
 * sections that take them over (same heading block, same title, headed in both), and the title
 * tested for the others only. Null when the previous model has no answers for this expression.
 */
function takenOverHeadings(model: ContractModel, state: HeadingState, key: string, headings: RegExp): number[] | null {
  const trace = spliceTraceOf(model);
  const beforeState = trace && headingMatches.get(trace.previous);
  const before = beforeState?.hits.get(key);
  if (!trace || !beforeState || !before) return null;
  if (!state.forward) {
    const previous = trace.previous;
    const forward = new Int32Array(previous.sections.length).fill(-1);
    const untaken: number[] = [];
    for (const s of headedSections(model)) {
      const j = s.headingBlock >= 0 ? previousBlockIndex(trace, s.headingBlock) : -1;
      if (j >= 0) {
        const p = previous.sections[previous.blocks[j].section];
        if (p && p.headingBlock === j && p.title === s.title && beforeState.inList[p.index]) {
          forward[p.index] = s.index;
          continue;
        }
      }
      untaken.push(s.index);
    }
    state.forward = forward;
    state.untaken = untaken;
  }
  const forward = state.forward;
  const hits: number[] = [];
  for (const p of before) {
    const s = forward[p];
    if (s >= 0) hits.push(s);
  }
  const sections = model.sections;
  let extra: number[] | null = null;
  for (const s of state.untaken!) if (headings.test(sections[s].title)) (extra ??= []).push(s);
  if (!extra) return hits;
  // Taken-over sections keep their order (forward is increasing), and so do the re-read ones:
  // merged in place of a sort of every hit per expression per edit.
  const out: number[] = [];
  let i = 0;
  for (const s of extra) {
    while (i < hits.length && hits[i] < s) out.push(hits[i++]);
    out.push(s);
  }
  while (i < hits.length) out.push(hits[i++]);
  return out;
}

/** The evidence of a heading, the same object while the section object is (sections before an edit are kept). */
function headingEvidence(s: ContractModel['sections'][number]): Evidence {
  let e = headingEvidenceOf.get(s);
  if (!e) headingEvidenceOf.set(s, (e = { requirement: 'heading', span: s.titleSpan, text: s.title, section: s.index }));
  return e;
}
// Shrinkable: an entry per section (../model/weak-tables.ts).
const headingEvidenceOf = shrinkableWeakMap<ContractModel['sections'][number], Evidence>();

const reKey = (r: RegExp | undefined) => (r ? `/${r.source}/${r.flags}` : '-');

/**
 * A list of signals named by its content. Most assessors write their signals inline, so each
 * review passes a new array of new regular expressions: the same list must still find the facts
 * memoised for it, and the prefilter built for it. It used to be named by a string of all its
 * expressions, built and hashed anew for every scan of every review (kilobytes per list, a visible
 * share of an edit, issue 13); now the lists met so far are found by their first pattern's source
 * (a string the expression literal shares between evaluations, so its hash is kept) and compared
 * field by field, mostly pointer compares.
 */
interface ListShape { signals: Signal[]; id: number; gateKey: string }
const shapesByFirst = new Map<string, ListShape[]>();
/** The shapes by number, for listKeptAsIs (which has a list's number from an earlier scan). */
const shapesById = new Map<number, ListShape>();

function sameRegExp(a: RegExp | undefined, b: RegExp | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.source === b.source && a.flags === b.flags);
}

function sameSignal(a: Signal, b: Signal): boolean {
  if (a.requirement !== b.requirement || !sameRegExp(a.pattern, b.pattern) || !sameRegExp(a.context, b.context) || !sameRegExp(a.unless, b.unless) || !sameRegExp(a.inSection, b.inSection)) return false;
  if (Boolean(a.supplierDuty) !== Boolean(b.supplierDuty) || Boolean(a.allowDefinitions) !== Boolean(b.allowDefinitions) || Boolean(a.noHeadings) !== Boolean(b.noHeadings)) return false;
  const am = a.mask ?? NO_MASK;
  const bm = b.mask ?? NO_MASK;
  if (am.length !== bm.length) return false;
  for (let i = 0; i < am.length; i++) if (am[i].id !== bm[i].id || !sameRegExp(am[i].pattern, bm[i].pattern)) return false;
  return true;
}
const NO_MASK: FalseSense[] = [];

/** The shape of a signal list (see ListShape): the same object for every list with the same content. */
function shapeOf(signals: Signal[]): ListShape {
  const first = signals.length ? signals[0].pattern.source : '';
  let bucket = shapesByFirst.get(first);
  if (!bucket) shapesByFirst.set(first, (bucket = []));
  search: for (const shape of bucket) {
    if (shape.signals.length !== signals.length) continue;
    for (let i = 0; i < signals.length; i++) if (signals[i] !== shape.signals[i] && !sameSignal(signals[i], shape.signals[i])) continue search;
    return shape;
  }
  // Lists are module constants or inline literals, so a bucket holds one or two; a list built
  // from a document's words would add one per document, so a bucket is bounded.
  if (bucket.length >= 16) {
    for (const dropped of bucket) shapesById.delete(dropped.id);
    bucket.length = 0;
  }
  let gateKey = '';
  // (A masked pattern's key names its senses: the prefilter reads its need with them.)
  for (const s of signals) gateKey += `${s.mask?.length ? `m${s.mask.map((f) => reKey(f.pattern)).join('\u0005')}\u0005` : '-'}${reKey(s.pattern)}\u0004`;
  const shape: ListShape = { signals, id: 0, gateKey };
  shape.id = idOf(shape);
  bucket.push(shape);
  shapesById.set(shape.id, shape);
  return shape;
}

/** A number naming a list of signals by its content (the key of its matches in the memoised facts; exported for tests). */
export function signalsIdOf(signals: Signal[]): number {
  return shapeOf(signals).id;
}

/**
 * Below this many sentences the signal lists are not prefiltered: building the scanner costs more
 * than it saves on a short contract (and a cold run of the CLI on one small file pays for it).
 */
let filterMinSentences = 150;
/** The needs of the assessors' patterns come from a table written by `npm run gen`, so a process's first document is filtered too. */
const prefilter = new SignalPrefilter(SIGNAL_NEEDS);
/** The same prefilter for other expressions run on every sentence (categories/incorporation.ts): one scanner per process. */
export const SIGNAL_PREFILTER = prefilter;
/**
 * Is a document of this many sentences prefiltered? A short one is too once this process has built
 * the prefilter's scanner for a longer one (a CLI thread reviews its longest files first): the
 * scanner's cost is paid then, and a row per sentence runs far fewer patterns than the short-document
 * gate, which lets a pattern whose words occur anywhere in the document run on every sentence (over
 * cuad-dev, 49,000 signal tests rather than 185,000). Not while short documents are to run every
 * pattern (setShortDocumentGate(false)) or the prefilter is off (setPrefilterMinSentences(Infinity)).
 */
export const prefiltered = (sentences: number): boolean =>
  sentences >= filterMinSentences || (sentences > 0 && shortGateOn && filterMinSentences !== Infinity && prefilter.scannerBuilt);

/** Every signal pattern the prefilter has met in this process (scripts/generate-signal-needs.ts writes the table from them). */
export function signalPatternsMet(): GatedPattern[] {
  return prefilter.patternsMet();
}

/**
 * Sets the number of sentences from which signal lists are prefiltered (Infinity: never, 0:
 * always) and returns the previous one. For tests that compare the two, and for measurements.
 */
export function setPrefilterMinSentences(n: number): number {
  const previous = filterMinSentences;
  filterMinSentences = n;
  return previous;
}

const signalNeeds = needMapOf(SIGNAL_NEEDS);
/** Per sentence list of a short document: its gate, and what it allows per signal list (by content). */
const shortGates = new WeakMap<SentenceInfo[], { gate: ShortDocumentGate | null; lists: Map<string, Uint8Array | null> }>();
/**
 * Documents up to this size are gated by their words (a look-up per literal in the joined text,
 * cheap at this size); larger ones are prefiltered, or run every pattern when the prefilter is off.
 */
const SHORT_GATE_SENTENCES = 150;
const SHORT_GATE_CHARS = 48_000;
/** Whether the short-document gate is used (tests compare it with running every pattern). */
let shortGateOn = true;

/**
 * Per signal of a list, whether it may match some sentence of this (short) document; null: all
 * may. See categories/short-document-gate.ts.
 */
function possibleSignals(shape: ListShape, signals: Signal[], infos: SentenceInfo[]): Uint8Array | null {
  let entry = shortGates.get(infos);
  if (!entry) shortGates.set(infos, (entry = { gate: shortDocumentGate(infos.map((i) => i.flat)), lists: new Map() }));
  if (!entry.gate) return null;
  const key = shape.gateKey;
  let possible = entry.lists.get(key);
  if (possible === undefined) entry.lists.set(key, (possible = entry.gate.possible(signals.map((s) => ({ pattern: s.pattern, masked: Boolean(s.mask?.length) })))));
  return possible;
}

/**
 * The gate of a short document's sentence texts (as the expressions see them), or null when the
 * document is too large for it (or the gate is off).
 */
export function shortDocumentGate(texts: string[]): ShortDocumentGate | null {
  if (!shortGateOn || texts.length === 0 || texts.length >= SHORT_GATE_SENTENCES || texts.length >= filterMinSentences) return null;
  let chars = 0;
  for (const t of texts) chars += t.length + 1;
  return chars <= SHORT_GATE_CHARS ? new ShortDocumentGate(texts, signalNeeds()) : null;
}

/** Turns the short-document gate on or off and returns the previous setting (for tests and measurements). */
export function setShortDocumentGate(on: boolean): boolean {
  const previous = shortGateOn;
  shortGateOn = on;
  return previous;
}

/** The prefilter of a signal list, found by its content (assessors write their lists inline). */
function filterOf(shape: ListShape, signals: Signal[], infos: SentenceInfo[]): ListFilter | null {
  return prefilter.list(shape.gateKey, () => signals.map((s) => (s.mask?.length ? { pattern: s.pattern, masked: true, senses: s.mask.map((f) => f.pattern) } : { pattern: s.pattern, masked: false })), infos);
}

/**
 * Indexes of the signals a sentence (infos[n]) matches: a pure function of what sentenceFacts keys
 * on. The gate only skips patterns that cannot match (categories/prefilter.ts), so it changes no result.
 */
function matchingSignals(info: SentenceInfo, n: number, signals: Signal[], parties: PartyMatchers, filter: ListFilter | null = null, gate: DocumentGate | null = null, possible: Uint8Array | null = null, sides: Uint8Array | null = null): number[] {
  let row = -1;
  // Most sentences can match no pattern of a list: one test of the row says so.
  if (gate) {
    row = gate.row(n, info.flat);
    if (!gate.mayAny(filter!, row)) return NO_SIGNALS;
  }
  // Made at the first match: most sentences the gate lets through match nothing, and an empty
  // array each was most of what this function allocated (issue 13, clicats2).
  let out: number[] | null = null;
  for (let i = 0; i < signals.length; i++) {
    const sig = signals[i];
    if (!sig.allowDefinitions && info.isDefinition) continue;
    if (sig.noHeadings && info.inHeading) continue;
    if (gate && !gate.may(filter!, i, row)) continue;
    if (possible && !possible[i]) continue;
    if (sig.inSection && !sig.inSection.test(info.titles)) continue;
    if (!sig.pattern.test(sig.mask ? maskSenses(info.flat, ...sig.mask) : info.flat)) continue;
    if (sig.context && !contextHolds(sig.context, info)) continue;
    if (sig.unless && sig.unless.test(info.flat)) continue;
    if (sig.supplierDuty && !supplierSideAt(sides, info, n, parties)) continue;
    (out ??= []).push(i);
  }
  return out ?? NO_SIGNALS;
}

/**
 * Does a signal's context hold for a sentence: in its text, its section's titles or the sentence
 * before? The answer is kept for the last sentence and expression asked, and the titles' answer for
 * the last titles and expression: several signals of a list share one context (subcontracting's
 * three ask it of each sentence they match), and a section's sentences share their titles; asking
 * again was most of the subcontracting context's 11,400 tests over cuad-dev (issue 13, categories).
 * The expressions have no g or y flag (see sameRegExp: a list is named by source and flags), so a
 * test's answer depends on the text alone.
 */
function contextHolds(context: RegExp, info: SentenceInfo): boolean {
  if (context.global || context.sticky) return context.test(info.flat) || context.test(info.titles) || (info.previous ? context.test(info.previous) : false);
  // (The sentence's strings are compared, not the entry: holding an entry past its review would keep its sentence.)
  if (context === lastContext && info.flat === lastFlat && info.titles === lastTitles && info.previous === lastPrevious) return lastContextHolds;
  let holds = context.test(info.flat);
  if (!holds) {
    if (context !== titlesContext || info.titles !== contextTitles) {
      titlesContext = context;
      contextTitles = info.titles;
      titlesHold = context.test(info.titles);
    }
    holds = titlesHold || (info.previous ? context.test(info.previous) : false);
  }
  lastContext = context;
  lastFlat = info.flat;
  lastTitles = info.titles;
  lastPrevious = info.previous;
  lastContextHolds = holds;
  return holds;
}
let lastContext: RegExp | null = null;
let lastFlat = '';
let lastTitles = '';
let lastPrevious: string | null = null;
let lastContextHolds = false;
let titlesContext: RegExp | null = null;
let contextTitles = '';
let titlesHold = false;

/**
 * supplierSide of sentence n of a list (its text and lead-in), kept in `sides` (0: not asked, 1: yes,
 * 2: no) when given: the signals of several categories ask it of the same sentence, and reading the
 * obligations again was about a fifth of the scans of a first 1 MB review (issue 13, categories).
 */
function supplierSideAt(sides: Uint8Array | null, info: SentenceInfo, n: number, parties: PartyMatchers): boolean {
  if (sides === null) return supplierSide(info.flat, parties, info.leadIn);
  const known = sides[n];
  if (known !== 0) return known === 1;
  const side = supplierSide(info.flat, parties, info.leadIn);
  sides[n] = side ? 1 : 2;
  return side;
}

/** Per sentence list and party names, what supplierSideAt found (the list's entries do not change). */
const supplierSides = new WeakMap<SentenceInfo[], { parties: PartyMatchers; sides: Uint8Array }>();

function supplierSidesOf(infos: SentenceInfo[], parties: PartyMatchers): Uint8Array {
  let held = supplierSides.get(infos);
  if (!held || held.parties !== parties) supplierSides.set(infos, (held = { parties, sides: new Uint8Array(infos.length) }));
  return held.sides;
}

/**
 * Per sentence list (one-shot reviews), each sentence's evidence text once made: a sentence that
 * several categories' lists match gave each its own copy, normalised again (about a third of the
 * scan loop's own time in a first 1 MB review; issue 13, categories).
 */
const evidenceTexts = new WeakMap<SentenceInfo[], Array<string | undefined>>();

function evidenceTextsOf(infos: SentenceInfo[]): Array<string | undefined> {
  let texts = evidenceTexts.get(infos);
  // (Preallocated: filled out of order, a grown array could turn to a dictionary.)
  if (!texts) evidenceTexts.set(infos, (texts = new Array<string | undefined>(infos.length)));
  return texts;
}

/** What matchingSignals returns for a sentence that matches none (shared: never added to). */
const NO_SIGNALS: number[] = [];

/** Key of the evidence text in sentenceFacts (signal lists use their positive ids). */
const EVIDENCE_TEXT = -1;


/** A run of sentences of one section, with facts keyed by the facts of all its sentences. */
interface SentenceGroup { from: number; to: number; facts: Map<number, unknown> }
interface ModelFacts { parties: PartyMatchers; list: Array<Map<number, unknown>>; groups: SentenceGroup[] }
const factsOfModel = new WeakMap<SentenceInfo[], ModelFacts>();
const RUN_CAP = 96;

/**
 * sentenceFacts of every sentence of a model, and the facts of each section's run of sentences,
 * looked up once per model rather than once per category. A run's key is the ids of its sentences'
 * facts: each of those is a pure function of its own key, so the run's facts are one of theirs.
 */
function allSentenceFacts(model: ContractModel, infos: SentenceInfo[], parties: PartyMatchers): ModelFacts {
  const hit = factsOfModel.get(infos);
  if (hit && hit.parties === parties) return hit;
  const built = sentenceCache.get(model);
  const list = built && built.infos === infos ? infos.map((info, n) => sentenceFacts(info, parties, built, n)!) : infos.map((info) => sentenceFacts(info, parties)!);
  const groups: SentenceGroup[] = [];
  // Runs follow the sections of the first two levels below the root (see anchorsOf), capped in
  // length so that an edit re-matches a bounded run.
  const anchorOf = anchorsOf(model);
  for (let from = 0; from < infos.length;) {
    const top = anchorOf(infos[from].section);
    let to = from + 1;
    while (to < infos.length && to - from < RUN_CAP && (infos[to].section === infos[to - 1].section || anchorOf(infos[to].section) === top)) to++;
    let key = '';
    for (let n = from; n < to; n++) key += `${idOf(list[n])},`;
    groups.push({ from, to, facts: memo('sentence-run', key, () => new Map<number, unknown>()) });
    from = to;
  }
  const out = { parties, list, groups };
  factsOfModel.set(infos, out);
  return out;
}
const partyKeys = new WeakMap<PartyMatchers, string>();

/**
 * Memoised facts of one sentence in its context (incremental review only, null otherwise; looked up once per model by allSentenceFacts), keyed
 * by everything per-sentence checks read: its text, the titles above it, the sentence before, its
 * lead-in, whether it is a definition or a heading, and the party names. Entries are added lazily,
 * one per kind of check (a list of signals, a rule), each a pure function of that key.
 */
export function sentenceFacts(info: SentenceInfo, parties: PartyMatchers, built?: BuiltSentences, n = -1): Map<number, unknown> | null {
  if (!factsActive()) return null;
  let pk = partyKeys.get(parties);
  // The party names as a short number: the same names give the same object, hence the same id.
  if (pk === undefined) partyKeys.set(parties, (pk = String(idOf(memo('parties', `${parties.supplier.source}\u0000${parties.customer.source}`, () => ({}))))));
  // The key is kept with the model's sentence list, which hands it on with the entries it takes
  // over: the same string object is found at once in the cache, where a new one would be hashed and
  // compared again.
  if (built && built.keysParties !== pk) {
    built.keys = [];
    built.keysParties = pk;
  }
  let context = built ? built.keys[n] : undefined;
  if (context === undefined) {
    context = `sentence\u0001${pk}\u0001${info.isDefinition ? 1 : 0}${info.inHeading ? 1 : 0}\u0001${info.titles}\u0001${info.previous ?? '\u0002'}\u0001${info.leadIn ?? '\u0002'}`;
    if (built) built.keys[n] = context;
  }
  return memo(context, info.text, () => new Map<number, unknown>());
}

/**
 * Whether any of the named requirements has evidence. Named parameters rather than a rest array:
 * every category's verdict asks several of these (an array and a closure per call; issue 13,
 * clicats2). Six names are the most any assessor asks at once; a seventh would not type-check.
 */
export function has(found: Found, a: string, b?: string, c?: string, d?: string, e?: string, f?: string): boolean {
  return holds(found, a) || holds(found, b) || holds(found, c) || holds(found, d) || holds(found, e) || holds(found, f);
}

/** How many of the named requirements have evidence (see has). */
export function countOf(found: Found, a: string, b?: string, c?: string, d?: string, e?: string, f?: string): number {
  return +holds(found, a) + +holds(found, b) + +holds(found, c) + +holds(found, d) + +holds(found, e) + +holds(found, f);
}

function holds(found: Found, r: string | undefined): boolean {
  return r !== undefined && (found[r]?.length ?? 0) > 0;
}

/**
 * Assembles an assessment; the anchor section is where most of the evidence sits. Each requirement
 * the category declares (REQUIREMENTS) is met when `found` holds evidence under its name.
 */
export function verdictOf<C extends CategoryId>(category: C, found: Found, verdict: Verdict, reason: string): AssessmentOf<C> {
  // The lists are gathered into an array kept between calls, by for-in (the order Object.values
  // gives): a new array per verdict, empty or not (two maps, which deoptimised the callers), plus
  // the requirement names and closures per verdict, were what this function allocated (issue 13,
  // clicats2). Nothing called from here calls verdictOf again.
  const lists = verdictLists;
  let count = 0;
  let any = false;
  for (const key in found) {
    const l = found[key];
    lists[count++] = l;
    if (l.length) any = true;
  }
  const req = {} as Record<RequirementOf<C>, boolean>;
  const names = (requirementNames[category] ??= requirementsOf(category)) as Array<RequirementOf<C>>;
  for (let i = 0; i < names.length; i++) req[names[i]] = (found[names[i]]?.length ?? 0) > 0;
  let section: number | null = null;
  const heading = found.heading?.[0];
  if (heading) section = heading.section;
  else if (any) {
    section = busiestSection(lists, count);
    if (section === 0) section = null;
  }
  const evidence = verdict === 'missing' ? [] : firstInTextOrder(lists, count, 12);
  lists.fill(EMPTY_LIST, 0, count);
  return { category, verdict, reason, evidence, requirements: req, section };
}
const EMPTY_LIST: Evidence[] = [];
const verdictLists: Evidence[][] = [];
const requirementNames: Partial<Record<CategoryId, string[]>> = {};

/**
 * The section holding most of the evidence, the lowest-numbered one on a tie. Counted in an array
 * kept between calls rather than a new map per verdict: every category's verdict visits all its
 * evidence on every edit (issue 13).
 */
function busiestSection(lists: Evidence[][], count: number): number {
  const touched: number[] = [];
  for (let i = 0; i < count; i++) {
    const l = lists[i];
    for (let k = 0; k < l.length; k++) {
      const s = l[k].section;
      if (!(s >= 0 && s === (s | 0))) {
        // Not a section index (no evidence is made so): counted as before, by a map.
        for (const t of touched) sectionCounts[t] = 0;
        return busiestSectionByMap(lists.slice(0, count));
      }
      if (s >= sectionCounts.length) {
        const grown = new Int32Array(Math.max(s + 1, 2 * sectionCounts.length));
        grown.set(sectionCounts);
        sectionCounts = grown;
      }
      if (sectionCounts[s]++ === 0) touched.push(s);
    }
  }
  let best = -1;
  let most = 0;
  for (const s of touched) {
    const n = sectionCounts[s];
    if (n > most || (n === most && s < best)) {
      best = s;
      most = n;
    }
    sectionCounts[s] = 0;
  }
  return best;
}
let sectionCounts = new Int32Array(256);

function busiestSectionByMap(lists: Evidence[][]): number {
  const counts = new Map<number, number>();
  for (const l of lists) for (const e of l) counts.set(e.section, (counts.get(e.section) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

const byStart = (a: Evidence, b: Evidence) => a.span.start - b.span.start;

/**
 * The first `k` of all the lists' evidence as a stable sort by position of their concatenation
 * would order it, without sorting it all: each list is in text order already (scan's are; an
 * assessor's own list is sorted here), and the lists are merged until k are taken, ties going
 * to the earlier list. A document's thousands of matches cost one pass, not a sort (issue 13).
 */
function firstInTextOrder(lists: Evidence[][], count: number, k: number): Evidence[] {
  // Positions in an array kept between calls; a list is copied only when it needs sorting.
  if (mergeAt.length < count) mergeAt = new Int32Array(Math.max(count, 2 * mergeAt.length));
  const at = mergeAt;
  const sorted = mergeLists;
  for (let i = 0; i < count; i++) {
    const l = lists[i];
    at[i] = 0;
    sorted[i] = l;
    for (let j = 1; j < l.length; j++) {
      if (l[j].span.start < l[j - 1].span.start) {
        sorted[i] = [...l].sort(byStart);
        break;
      }
    }
  }
  const out: Evidence[] = [];
  while (out.length < k) {
    let best = -1;
    for (let i = 0; i < count; i++) if (at[i] < sorted[i].length && (best < 0 || sorted[i][at[i]].span.start < sorted[best][at[best]].span.start)) best = i;
    if (best < 0) break;
    out.push(sorted[best][at[best]++]);
  }
  sorted.fill(EMPTY_LIST, 0, count);
  return out;
}
let mergeAt = new Int32Array(32);
const mergeLists: Evidence[][] = [];

/** Spans inside "double quotes" in a sentence: quoted words are cited or defined, not promised. */
export function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/"[^"]{1,200}"/g)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
