/**
 * Defined terms as symbols: every definition of a term and every place the contract uses it.
 * Shared by the drafting rules (unused, duplicate, used-before-definition, undefined terms) and by
 * the language server (go to definition, references, hover, rename, completion, semantic tokens).
 *
 * A use is the term as defined, in its plural or singular form ("Service Level" / "Service Levels",
 * "Services" / "Service"), with or without a possessive ("Supplier's", "Parties'"), in the same
 * capitalisation, or in capitals inside a passage written in capitals ("THE SUPPLIER SHALL NOT").
 * Lower-case words ("the services") are ordinary words, not uses of the term.
 */
import { lastIndexAtOrBefore } from '../model/lineIndex';
import type { Block, ContractModel, DefinedTerm, Span } from '../model';
import { sourceOffsetAt, sourceSpanOf } from './offsets';
import { blockMemo, factsActive, idOf, memo } from '../model/facts';
import { spliceTraceOf } from '../model/trace';
import { unchangedReparsed } from './unchanged-blocks';
import { formSearch, isSpaceCode, type FormSearch } from './term-matcher';

export type FormKind = 'base' | 'plural' | 'singular';

export interface TermDefinition extends DefinedTerm {
  /** The key the term is indexed under: the term as first defined. */
  key: string;
  /** Defined in a Definitions / Interpretation section (rather than inline in the body). */
  inDefinitionsSection: boolean;
}

export interface TermOccurrence {
  key: string;
  /** Span of the term word(s), without a possessive ending. */
  span: Span;
  /** The words as written ("Services", "SUPPLIER"). */
  text: string;
  form: FormKind;
  /** Written in capitals although the term is not. */
  upper: boolean;
  block: number;
  inHeading: boolean;
  /** This occurrence is (one of) the term's definition(s). */
  isDefinition: boolean;
}

export interface TermIndex {
  /** Every definition, in document order. */
  definitions: TermDefinition[];
  /** Definitions per key, in document order. */
  byKey: Map<string, TermDefinition[]>;
  /** Every occurrence (definitions included), in document order. */
  occurrences: TermOccurrence[];
  /** Uses (occurrences that are not definitions) per key, in document order. */
  usesByKey: Map<string, TermOccurrence[]>;
}

const DEFINITIONS_TITLE = /\b(?:definitions?|interpretation|defined terms|glossary)\b/i;

const cache = new WeakMap<ContractModel, TermIndex>();

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Service Level" -> "Service Levels", "Party" -> "Parties", "Business" -> "Businesses". */
export function pluralOf(term: string): string {
  if (/[^aeiou]y$/.test(term)) return term.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(term)) return term + 'es';
  if (/[A-Z]$/.test(term) && term === term.toUpperCase()) return term + 's';
  return term + 's';
}

/** "Services" -> "Service", "Parties" -> "Party"; null when the term does not read as a plural. */
export function singularOf(term: string): string | null {
  if (/[A-Z]{2,}s$/.test(term)) return term.slice(0, -1); // "KPIs" -> "KPI"
  if (/[^aeiou]ies$/.test(term)) return term.slice(0, -3) + 'y';
  if (/(?:ss|us|is|ous)$/.test(term) || term.length < 4) return null;
  if (/(?:xes|ches|shes|sses)$/.test(term)) return term.slice(0, -2);
  if (/[a-z]s$/.test(term)) return term.slice(0, -1);
  return null;
}

/** Is the section (or one of its ancestors) a definitions section? */
export function inDefinitionsSection(model: ContractModel, sectionIndex: number): boolean {
  for (let i = sectionIndex; i > 0; i = model.sections[i].parent) {
    if (DEFINITIONS_TITLE.test(model.sections[i].title)) return true;
  }
  return false;
}

/** Does a block read as a heading (a Markdown heading, or a paragraph that is only its section's title)? */
export function isHeadingBlock(model: ContractModel, block: Block): boolean {
  if (block.kind === 'heading') return true;
  const s = model.sections[block.section];
  return s.headingBlock === block.index && block.text.trim().length <= s.title.length + 8;
}

type FormMapOf = Map<string, { key: string; form: FormKind }>;
export interface FormTable {
  forms: FormMapOf;
  upperForms: FormMapOf;
  /** Finds the forms in a text (see ./term-matcher); null when there are none. */
  search: FormSearch | null;
  /**
   * Per form of `ordered` (the search's ranks), what a match of it resolves to: its entry in
   * `forms`, or in `upperForms` with `upper` set. Undefined for a form whose white space is not
   * single spaces: a match's text with its white space flattened is the form itself only when it is.
   */
  byRank: Array<RankedForm | undefined>;
  /** The forms in the order the matcher tries them (its expression's branches, longest first). */
  ordered: string[];
  signature?: string;
}

/**
 * The written forms of the defined terms and the expression that finds them, a function of the
 * terms' keys in order. The last table is kept: while editing the defined terms rarely change, and
 * building the forms, the expression (thousands of alternatives) and its memo signature again on
 * every keystroke was a visible share of an edit. Callers must not change it.
 */
export function formTable(byKey: Map<string, unknown>): FormTable {
  const keys = [...byKey.keys()].join('\u0000');
  if (lastFormTable && lastFormTable.keys === keys) return lastFormTable.table;
  // Every written form of every term, mapped to its key. A form that is itself a defined term
  // belongs to that term ("Service" and "Services" both defined: each keeps its own).
  const forms = new Map<string, { key: string; form: FormKind }>();
  for (const key of byKey.keys()) forms.set(key, { key, form: 'base' });
  for (const key of byKey.keys()) {
    // "Extended Term(s)": used as "Extended Term" and "Extended Terms".
    const optionalPlural = /^(.*\S)\(s\)$/.exec(key);
    if (optionalPlural) {
      if (!forms.has(optionalPlural[1])) forms.set(optionalPlural[1], { key, form: 'base' });
      if (!forms.has(optionalPlural[1] + 's')) forms.set(optionalPlural[1] + 's', { key, form: 'plural' });
      continue;
    }
    const plural = pluralOf(key);
    if (!forms.has(plural)) forms.set(plural, { key, form: 'plural' });
    const singular = singularOf(key);
    if (singular && !forms.has(singular) && singular.length >= 3) forms.set(singular, { key, form: 'singular' });
  }
  const upperForms = new Map<string, { key: string; form: FormKind }>();
  for (const [f, v] of forms) {
    const u = f.toUpperCase();
    if (u !== f && /[A-Z]{3}/.test(u) && !forms.has(u)) upperForms.set(u, v);
  }
  // Words of a term may be separated by any white space (text flattened from a PDF, line breaks).
  const ordered = [...forms.keys(), ...upperForms.keys()].sort((a, b) => b.length - a.length);
  const search = forms.size ? formSearch(ordered) : null;
  const byRank = new Array<RankedForm | undefined>(ordered.length);
  for (let r = 0; r < ordered.length; r++) {
    if (!singleSpaced(ordered[r])) continue;
    const own = forms.get(ordered[r]);
    const info = own ?? upperForms.get(ordered[r])!;
    byRank[r] = { key: info.key, form: info.form, upper: own === undefined };
  }
  const table: FormTable = { forms, upperForms, search, byRank, ordered };
  lastFormTable = { keys, table };
  return table;
}
let lastFormTable: { keys: string; table: FormTable } | undefined;

/** A form's term and kind, and whether it is a term's form in capitals (from `upperForms`). */
interface RankedForm { key: string; form: FormKind; upper: boolean }

/** Whether a form's white space is all single spaces: what `replace(/\s+/g, ' ')` leaves unchanged. */
function singleSpaced(form: string): boolean {
  for (let j = 0; j < form.length; j++) {
    const c = form.charCodeAt(j);
    if (c === 0x20 ? isSpaceCode(form.charCodeAt(j + 1)) : isSpaceCode(c)) return false;
  }
  return true;
}

/** The model's defined terms in document order. */
function definedTermsInOrder(model: ContractModel): DefinedTerm[] {
  const terms = model.definedTerms;
  // Usually in order already (callers only read the list): sorted into a copy, stably as before, only when not.
  for (let i = 1; i < terms.length; i++) if (terms[i].span.start < terms[i - 1].span.start) return [...terms].sort((a, b) => a.span.start - b.span.start);
  return terms;
}

/** Items per term, each list in the items' order (the keys too, by first item). */
function groupByTerm<T extends { term: string }>(items: T[]): Map<string, T[]> {
  const byTerm = new Map<string, T[]>();
  for (const item of items) {
    const list = byTerm.get(item.term);
    if (list) list.push(item);
    else byTerm.set(item.term, [item]);
  }
  return byTerm;
}

const definitionsByTermMemo = new WeakMap<ContractModel, Map<string, DefinedTerm[]>>();

/**
 * The model's definitions per term, grouped as termIndex's `byKey` is, without building the index
 * (which reads every block).
 */
export function definitionsByTerm(model: ContractModel): Map<string, DefinedTerm[]> {
  let byTerm = definitionsByTermMemo.get(model);
  if (!byTerm) definitionsByTermMemo.set(model, (byTerm = groupByTerm(definedTermsInOrder(model))));
  return byTerm;
}

export function termIndex(model: ContractModel): TermIndex {
  const hit = cache.get(model);
  if (hit) return hit;

  // Spelled out rather than spread: a spread of each definition was a visible share of an edit.
  // Whether a section is (in) a definitions section is read once per section, parents first, not
  // per definition up its ancestors: a definitions section holds hundreds, often one sub-clause each.
  const definitionsSection = new Map<number, boolean>();
  const inSection = (i: number): boolean => {
    if (i <= 0) return false;
    let v = definitionsSection.get(i);
    if (v === undefined) definitionsSection.set(i, (v = inSection(model.sections[i].parent) || DEFINITIONS_TITLE.test(model.sections[i].title)));
    return v;
  };
  const definitions: TermDefinition[] = definedTermsInOrder(model).map((d) => ({
    term: d.term, span: d.span, definition: d.definition, block: d.block, style: d.style,
    key: d.term, inDefinitionsSection: inSection(model.blocks[d.block]?.section ?? 0),
  }));
  const byKey = groupByTerm(definitions);

  const table = formTable(byKey);
  const blocks = model.blocks;
  // The terms each block writes, in offsets of the block's text. They depend on the block's text
  // and the form map only: memoised per block while editing, and taken over from the previous
  // model's index for a block the edit kept or moved (the splice trace), so an edit reads only the
  // blocks it re-parsed and builds no object for the others.
  const perBlock: Array<readonly TermInBlock[]> = new Array(blocks.length);
  let counts: Map<string, number>;
  let kind = '';
  let read = 0;
  let visited = blocks.length;
  if (!table.forms.size) {
    perBlock.fill(NO_TERMS);
    counts = new Map();
  } else {
    const { forms, upperForms } = table;
    const signature = factsActive() ? (table.signature ??= [...forms, ...upperForms].map(([f, v]) => `${f}\u0001${v.key}\u0001${v.form}`).join('\u0000') + '\u0002' + table.ordered.join('\u0000')) : '';
    kind = factsActive() ? `term-occurrences ${idOf(memo('term-forms', signature, () => ({})))}` : '';
    const trace = kind ? spliceTraceOf(model) : undefined;
    const before = trace ? built.get(trace.previous) : undefined;
    const reuse = before && before.kind === kind ? before : undefined;
    // Re-parsed blocks that read as the block they replaced write the same terms (unchanged-blocks.ts).
    const unchanged = reuse ? unchangedReparsed(model, trace!) : undefined;
    // While editing, the blocks before and after the re-parsed ones are the previous lists, copied
    // in two plain loops; only the re-parsed blocks are visited one by one. (A loop over every block
    // whose body made the reading closure allocated a context per block: some 240 KB per 1 MB
    // keystroke, most of what this function allocated; issue 13, editrules.)
    const from = reuse ? trace!.prefix : 0;
    const to = reuse ? trace!.prefix + trace!.fresh : blocks.length;
    if (reuse) {
      const was = reuse.perBlock;
      for (let i = 0; i < from; i++) perBlock[i] = was[i];
      for (let i = to, o = trace!.oldAfter; i < blocks.length; i++, o++) perBlock[i] = was[o];
    }
    for (let i = from; i < to; i++) {
      const same = unchanged ? unchanged[i - from] : -1;
      if (same >= 0) {
        perBlock[i] = reuse!.perBlock[same];
        continue;
      }
      read++;
      perBlock[i] = blockTerms(model, blocks[i], kind, table);
    }
    visited = to - from;
    if (reuse) {
      // How often each term is written, patched for the blocks the edit replaced: the previous
      // counts less the replaced blocks' terms plus the re-parsed blocks' terms.
      counts = new Map(reuse.counts);
      const gone = reuse.perBlock;
      for (let j = trace!.prefix; j < trace!.oldAfter; j++) for (const t of gone[j]) counts.set(t.key, counts.get(t.key)! - 1);
      for (let i = trace!.prefix; i < trace!.prefix + trace!.fresh; i++) for (const t of perBlock[i]) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
      for (const [key, n] of counts) if (n === 0) counts.delete(key);
    } else {
      counts = new Map();
      // Indexed: for-of made an iterator result per term where this ran unoptimised (issue 13, clialloc).
      for (let i = 0; i < perBlock.length; i++) {
        const list = perBlock[i];
        for (let k = 0; k < list.length; k++) counts.set(list[k].key, (counts.get(list[k].key) ?? 0) + 1);
      }
    }
  }

  const index = indexOver(model, definitions, byKey, perBlock, counts, read, undefined);
  stateOf(index).visited = visited;
  if (kind) built.set(model, { kind, perBlock, counts });
  return index;
}

/** A term index over `model` from its parts (see termIndex), cached for the model. */
function indexOver(model: ContractModel, definitions: TermDefinition[], byKey: Map<string, TermDefinition[]>, perBlock: ReadonlyArray<readonly TermInBlock[]>, counts: Map<string, number>, read: number, already: Materialised | undefined): TermIndex {
  // Every occurrence as an object with its source span, built only when asked for (the language
  // server's term requests): the rules ask for counts and early uses (useCount, usesBefore), which
  // read the per-block lists, so an edit no longer builds about 15,000 occurrence objects.
  let materialised = already;
  const materialise = () => (materialised ??= occurrencesOf(model, perBlock, definitionStarts(state)));
  const index: TermIndex = {
    definitions,
    byKey,
    get occurrences() { return materialise().occurrences; },
    get usesByKey() { return materialise().usesByKey; },
  };
  const state: IndexState = { model, perBlock, counts, index, read, walked: 0, defStarts: undefined, definitionUses: undefined, firstBlock: undefined, blockFirsts: undefined, materialised: () => materialised };
  states.set(index, state);
  cache.set(model, index);
  return index;
}

type Materialised = { occurrences: TermOccurrence[]; usesByKey: Map<string, TermOccurrence[]> };

const NO_TERMS: readonly TermInBlock[] = Object.freeze([]);

/** What a term index is built from, beside what it shows (see termIndex). */
interface IndexState {
  model: ContractModel;
  /** The terms block i writes, by offset in its text. */
  perBlock: ReadonlyArray<readonly TermInBlock[]>;
  /** How many times each term is written, definitions included. */
  counts: Map<string, number>;
  index: TermIndex;
  /** How many blocks' terms were looked up (not taken over from the previous model's index). */
  read: number;
  /** How many blocks the build visited one by one (the others' lists copied in bulk while editing). */
  visited?: number;
  /** How many blocks usesBefore has looked at (for tests: it stops at the first block past its end). */
  walked: number;
  defStarts: Set<number> | undefined;
  /** Per term: how many of its occurrences are definitions. */
  definitionUses: Map<string, number> | undefined;
  /** Per term: the first block that writes it. */
  firstBlock: Map<string, number> | undefined;
  /** Whether firstBlock was patched from the previous index's (undefined until asked). */
  firstBlocksPatched?: boolean;
  /** Per block, the number of occurrences in the blocks before it (the last entry: all of them); see occurrenceAtLazily. */
  blockFirsts: Int32Array | undefined;
  materialised: () => Materialised | undefined;
}
const states = new WeakMap<TermIndex, IndexState>();

function stateOf(index: TermIndex): IndexState {
  const s = states.get(index);
  if (!s) throw new Error('not a term index built by termIndex()');
  return s;
}

function definitionStarts(state: IndexState): Set<number> {
  return (state.defStarts ??= new Set(state.index.definitions.map((d) => d.span.start)));
}

/**
 * How an index was built (for tests and the benchmark): the blocks whose terms were looked up
 * rather than taken over, whether the occurrence objects have been built, and how many blocks
 * usesBefore has looked at.
 */
export function termIndexStats(index: TermIndex): { blocksRead: number; occurrencesBuilt: boolean; blocksWalked: number; firstBlocksPatched: boolean | undefined; blocksVisited: number | undefined } {
  const state = stateOf(index);
  return { blocksRead: state.read, occurrencesBuilt: state.materialised() !== undefined, blocksWalked: state.walked, firstBlocksPatched: state.firstBlocksPatched, blocksVisited: state.visited };
}

/** Is the block's source at `offset` the start of a term it writes? Then that term's key. */
function termStartingAt(terms: readonly TermInBlock[], block: Block, offset: number): string | undefined {
  for (let k = 0; k < terms.length; k++) if (sourceOffsetAt(block, terms[k].at) === offset) return terms[k].key;
  return undefined;
}

/** The block holding source offset `offset` (blocks are in source order), or -1. */
function blockAt(model: ContractModel, offset: number): number {
  const blocks = model.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * How many times the term is used: its occurrences that are not definitions, as
 * `index.usesByKey.get(key)?.length` counts them, without building the occurrences.
 */
export function useCount(index: TermIndex, key: string): number {
  const state = stateOf(index);
  const done = state.materialised();
  if (done) return done.usesByKey.get(key)?.length ?? 0;
  if (!state.definitionUses) {
    // An occurrence is a definition when it starts where a definition does: look each definition
    // start up in the block that holds it (a few hundred lookups, not every occurrence).
    const model = state.model;
    const blocks = model.blocks;
    const definitionUses = new Map<string, number>();
    const seen = new Set<number>();
    for (const d of state.index.definitions) {
      const start = d.span.start;
      if (seen.has(start)) continue;
      seen.add(start);
      // The definition's own block holds its start (checked, else searched for as before).
      const own = d.block;
      const b = own >= 0 && own < blocks.length && blocks[own].start <= start && (own + 1 === blocks.length || blocks[own + 1].start > start) ? own : blockAt(model, start);
      if (b < 0 || !state.perBlock[b].length) continue;
      const key = termStartingAt(state.perBlock[b], model.blocks[b], start);
      if (key !== undefined) definitionUses.set(key, (definitionUses.get(key) ?? 0) + 1);
    }
    state.definitionUses = definitionUses;
  }
  return (state.counts.get(key) ?? 0) - (state.definitionUses.get(key) ?? 0);
}

/**
 * The uses of a term (not definitions) that start before source offset `end`, in the order of
 * `index.usesByKey.get(key)`, built for the blocks before `end` that write the term only.
 */
export function* usesBefore(index: TermIndex, key: string, end: number): Generator<TermOccurrence> {
  const state = stateOf(index);
  const done = state.materialised();
  if (done) {
    for (const use of done.usesByKey.get(key) ?? []) {
      if (use.span.start >= end) return;
      yield use;
    }
    return;
  }
  const from = (state.firstBlock ??= firstBlocksOf(state)).get(key);
  if (from === undefined) return;
  const { model, perBlock } = state;
  const defStarts = definitionStarts(state);
  for (let i = from; i < perBlock.length; i++) {
    const block = model.blocks[i];
    // A block's terms start at or after the block does: none of this block's or a later one's can
    // come before `end` (without this, a term not used after its definition walked every later block).
    if (block.start >= end) return;
    state.walked++;
    const list = perBlock[i];
    if (!list.length) continue;
    let heading: boolean | undefined;
    // An index loop: for-of in a generator made an iterator result per entry (5 MB over 60 CUAD
    // contracts, whose blocks' lists were walked entry by entry for every inline-defined term).
    for (let j = 0; j < list.length; j++) {
      const t = list[j];
      if (t.key !== key) continue;
      const start = sourceOffsetAt(block, t.at);
      if (defStarts.has(start)) continue;
      if (start >= end) return;
      heading ??= isHeadingBlock(model, block);
      const span = sourceSpanOf(block, t.at, t.at + t.length);
      yield {
        key: t.key, span, text: model.text.slice(span.start, span.end), form: t.form, upper: t.upper,
        block: block.index, inHeading: heading, isDefinition: false,
      };
    }
  }
}

/** Where each term is first written, per list of per-block terms (shared by an index and its carried copy). */
const firstBlocks = new WeakMap<ReadonlyArray<readonly TermInBlock[]>, Map<string, number>>();

/**
 * The first block that writes each term. While editing it is patched from the previous index's
 * (when that one was asked): a first block before the edit stays, one after it moves with the
 * blocks, the re-parsed blocks may come first, and only a term whose first block the edit replaced
 * is looked for in the blocks after the edit. Without the previous one, one pass over every block's
 * list (no objects), which was most of usesBefore's time per edit.
 */
function firstBlocksOf(state: IndexState): Map<string, number> {
  const { perBlock } = state;
  let out = firstBlocks.get(perBlock);
  if (out) return out;
  const trace = factsActive() ? spliceTraceOf(state.model) : undefined;
  const prev = trace ? built.get(trace.previous) : undefined;
  const was = prev && prev.perBlock !== perBlock && built.get(state.model)?.kind === prev.kind ? firstBlocks.get(prev.perBlock) : undefined;
  if (was) {
    const { prefix, fresh, oldAfter } = trace!;
    const shift = fresh - (oldAfter - prefix);
    out = new Map();
    let lost: Set<string> | undefined;
    for (const [key, b] of was) {
      if (b < prefix) out.set(key, b);
      else if (b >= oldAfter) out.set(key, b + shift);
      else (lost ??= new Set()).add(key);
    }
    for (let i = prefix; i < prefix + fresh; i++) {
      for (const t of perBlock[i]) {
        const f = out.get(t.key);
        if (f === undefined || f > i) out.set(t.key, i);
      }
    }
    if (lost) {
      // Terms whose first block was replaced and that no re-parsed block writes: the first later
      // block that writes them, if any (the edit may have removed their last use).
      for (const key of lost) if (out.has(key)) lost.delete(key);
      for (let i = prefix + fresh; lost.size && i < perBlock.length; i++) {
        for (const t of perBlock[i]) if (lost.delete(t.key)) out.set(t.key, i);
      }
    }
  } else {
    out = new Map();
    // Indexed, as counts are in termIndex.
    for (let i = 0; i < perBlock.length; i++) {
      const list = perBlock[i];
      for (let k = 0; k < list.length; k++) if (!out.has(list[k].key)) out.set(list[k].key, i);
    }
  }
  firstBlocks.set(perBlock, out);
  state.firstBlocksPatched = was !== undefined;
  return out;
}

/** Where usesBefore starts looking for each term (for tests), once it has been asked. */
export function termFirstBlocks(index: TermIndex): ReadonlyMap<string, number> | undefined {
  return firstBlocks.get(stateOf(index).perBlock);
}

/** Every occurrence of the index, and the uses per key, in document order (see termIndex). */
function occurrencesOf(model: ContractModel, perBlock: ReadonlyArray<readonly TermInBlock[]>, defStarts: Set<number>): { occurrences: TermOccurrence[]; usesByKey: Map<string, TermOccurrence[]> } {
  const occurrences: TermOccurrence[] = [];
  const usesByKey = new Map<string, TermOccurrence[]>();
  let inOrder = true;
  let last = -1;
  const blocks = model.blocks;
  for (let i = 0; i < perBlock.length; i++) {
    const found = perBlock[i];
    if (!found.length) continue;
    const block = blocks[i];
    const heading = isHeadingBlock(model, block);
    for (const f of found) {
      const span = sourceSpanOf(block, f.at, f.at + f.length);
      const occ: TermOccurrence = {
        key: f.key, span, text: model.text.slice(span.start, span.end), form: f.form, upper: f.upper,
        block: block.index, inHeading: heading, isDefinition: defStarts.has(span.start),
      };
      if (span.start < last) inOrder = false;
      last = span.start;
      occurrences.push(occ);
      if (!occ.isDefinition) {
        const list = usesByKey.get(occ.key);
        if (list) list.push(occ);
        else usesByKey.set(occ.key, [occ]);
      }
    }
  }
  // Blocks follow each other in the source, so the occurrences come out in order; sorted if not.
  if (!inOrder) occurrences.sort((a, b) => a.span.start - b.span.start);
  return { occurrences, usesByKey };
}

/**
 * What the next model's index may take over (while editing only): the form map it was built with
 * (`kind`, the memo kind naming it), the terms each block writes and how often each term is
 * written. Read through the splice trace, which holds the previous model only during a review.
 */
interface BuiltIndex { kind: string; perBlock: ReadonlyArray<readonly TermInBlock[]>; counts: Map<string, number> }
const built = new WeakMap<ContractModel, BuiltIndex>();

/**
 * The same term index for a copy of a model with the same blocks (a released model: see
 * IncrementalReview; the review the language server's worker keeps, lsp/kept-reviews.ts): what the
 * next edit takes over, and the index itself, as a new index over the copy that shares the first's
 * per-block terms, counts, definitions and any occurrence objects already built. Without it, the
 * first term request on the copy (the worker's hover, once per review) matched every block again
 * and built every occurrence: about 20 ms on a 1 MB contract (issue 13, hover).
 */
export function carryTermIndex(from: ContractModel, to: ContractModel): void {
  if (from.blocks !== to.blocks || from.text !== to.text) return;
  const b = built.get(from);
  if (b) built.set(to, b);
  const index = cache.get(from);
  if (!index || cache.has(to)) return;
  const s = stateOf(index);
  // (Over `to`, not `from`: the copy exists so that `from`, and what is memoised for it, can go.)
  indexOver(to, index.definitions, index.byKey, s.perBlock, s.counts, 0, s.materialised());
}

/** The terms one block writes (memoised by its text under `kind` while editing). */
function blockTerms(model: ContractModel, block: Block, kind: string, table: FormTable): readonly TermInBlock[] {
  if (block.kind === 'code' || block.kind === 'html' || !block.text) return NO_TERMS;
  if (!kind) return termsInBlock(block.text, table);
  return blockMemo(model, block, kind, () => termsInBlock(block.text, table));
}

/** A term as one block's text writes it, by offset in that text. */
interface TermInBlock { at: number; length: number; key: string; form: FormKind; upper: boolean }

/** The search's matches in one block, as formSearch writes them (reused: termsInBlock is not re-entered). */
const found: number[] = [];

/**
 * The terms a block's text uses: each match of the forms' expression resolved to its term and form.
 * A match resolves through the form that matched (its rank): its text, white space flattened, is
 * that form, so it is neither copied nor looked up by text, except for a form with other white
 * space than single spaces (issue 13, clidraft).
 */
function termsInBlock(text: string, table: FormTable): TermInBlock[] {
  const out: TermInBlock[] = [];
  const n = table.search!(text, found);
  const byRank = table.byRank;
  for (let k = 0; k < n; k += 3) {
    const at = found[k];
    const length = found[k + 1];
    let info: { key: string; form: FormKind } | undefined = byRank[found[k + 2]];
    let upper = false;
    if (info !== undefined) {
      upper = (info as RankedForm).upper;
    } else {
      const written = text.slice(at, at + length);
      const flat = isFlat(written) ? written : written.replace(/\s+/g, ' ');
      info = table.forms.get(flat);
      if (!info) {
        info = table.upperForms.get(flat);
        if (!info) continue;
        upper = true;
      }
    }
    // Capitals count only inside a passage in capitals, not as a stray acronym.
    if (upper && !inCapitalsPassage(text, at, length)) continue;
    out.push({ at, length, key: info.key, form: info.form, upper });
  }
  return out;
}

/**
 * Whether `replace(/\s+/g, ' ')` would give the text back unchanged: no white space but single
 * spaces. Most terms written are one word; the replacement ran for each of the first review's some
 * 20,000 term uses (issue 13).
 */
function isFlat(written: string): boolean {
  for (let j = 0; j < written.length; j++) {
    const c = written.charCodeAt(j);
    if (c === 0x20 ? j + 1 < written.length && isSpaceCode(written.charCodeAt(j + 1)) : isSpaceCode(c)) return false;
  }
  return true;
}

/** Are the words around [at, at+len) written in capitals (at least three capitalised words nearby)? */
function inCapitalsPassage(text: string, at: number, len: number): boolean {
  const around = text.slice(Math.max(0, at - 60), Math.min(text.length, at + len + 60));
  const words = around.match(/[A-Za-z]{2,}/g) ?? [];
  const upper = words.filter((w) => w === w.toUpperCase());
  return words.length >= 4 && upper.length / words.length >= 0.8;
}

/** The occurrence (definition or use) of a defined term at a source offset, if any. */
export function occurrenceAt(index: TermIndex, offset: number): TermOccurrence | undefined {
  const occ = index.occurrences;
  let lo = 0;
  let hi = occ.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = occ[mid];
    if (offset < o.span.start) hi = mid - 1;
    else if (offset > o.span.end) lo = mid + 1;
    else return o;
  }
  return undefined;
}

/**
 * occurrenceAt without building every occurrence object when the index has not built them yet: the
 * same binary search, over the occurrences numbered through the per-block lists, building only the
 * few it visits (a hover on a 1 MB contract otherwise built about 15,000, once per review). The
 * same answer: the occurrences are in document order either way (blocks follow each other in the
 * source, and a block's terms are listed in the order its text writes them).
 */
export function occurrenceAtLazily(index: TermIndex, offset: number): TermOccurrence | undefined {
  const state = stateOf(index);
  if (state.materialised()) return occurrenceAt(index, offset);
  const { model, perBlock } = state;
  const firsts = (state.blockFirsts ??= blockFirstsOf(perBlock));
  const defStarts = definitionStarts(state);
  let lo = 0;
  let hi = firsts[perBlock.length] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    // The block holding occurrence `mid`: the last with firsts[b] <= mid (an empty block has the same first as the next).
    const bl = lastIndexAtOrBefore(firsts, mid);
    const block = model.blocks[bl];
    const f = perBlock[bl][mid - firsts[bl]];
    const span = sourceSpanOf(block, f.at, f.at + f.length);
    if (offset < span.start) hi = mid - 1;
    else if (offset > span.end) lo = mid + 1;
    else {
      return {
        key: f.key, span, text: model.text.slice(span.start, span.end), form: f.form, upper: f.upper,
        block: block.index, inHeading: isHeadingBlock(model, block), isDefinition: defStarts.has(span.start),
      };
    }
  }
  return undefined;
}

function blockFirstsOf(perBlock: ReadonlyArray<readonly TermInBlock[]>): Int32Array {
  const firsts = new Int32Array(perBlock.length + 1);
  for (let i = 0; i < perBlock.length; i++) firsts[i + 1] = firsts[i] + perBlock[i].length;
  return firsts;
}

/** The written form of `term` that corresponds to an occurrence's form and capitalisation. */
export function formOf(term: string, form: FormKind, upper: boolean): string {
  let out = term;
  if (form === 'plural') out = pluralOf(term);
  else if (form === 'singular') out = singularOf(term) ?? term;
  return upper ? out.toUpperCase() : out;
}
