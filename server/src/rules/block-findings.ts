/**
 * A rule's findings per block, kept between edits (issue 13). Each block's findings are kept with
 * spans relative to the block's start, so a block an edit kept or moved keeps its findings as they
 * are: the same array of the same objects, whatever the edit did to the text before it. The block's
 * current start is read from the model when an absolute position is needed (the engine's
 * diagnostics, engine/block-diagnostics.ts; check() for other callers), never written into the
 * findings. Before, every finding after the edit was copied with moved spans on each keystroke.
 *
 * Two kinds of rules keep them:
 * - BlockFindings, for rules that read each sentence on its own (its text, whether its block is a
 *   heading, its section's titles) plus some context the same for the whole document (the parties'
 *   names): a kept or moved block's findings are the previous ones when that context is unchanged,
 *   and only the re-parsed blocks' sentences are read.
 * - MadeGroups, for rules whose findings come from document-level facts (duplicate titles, figures
 *   that disagree): the rule works out each finding's span and message every review, and takes the
 *   previous finding object of the same block when they are the same.
 */
import type { ContractModel } from '../model';
import type { SentenceInfo } from '../categories';
import { previousBlockIndex, spliceTraceOf, type SpliceTrace } from '../model/trace';
import { sectionTreeUnchanged } from '../drafting/xrefs';
import { titlesKeptFrom } from '../model/sections';
import { firstIndexAtOrAfter } from '../model/lineIndex';
import { unchangedReparsed } from '../drafting/unchanged-blocks';
import type { BlockFindingGroups, FixSpec, RuleFinding } from './types';

/**
 * One block's findings (spans relative to the block) and what they were read from besides the
 * block. A kept or moved block whose context is unchanged keeps the previous entry itself.
 */
interface Kept { findings: RuleFinding[]; inHeading: boolean; titles: string; context: string; sentences: number }

/** What a BlockFindings rule found for one model: per block, the sentence list read, and the groups returned. */
interface Built { perBlock: SplicedList<Kept>; infos: SentenceInfo[]; context: string; found: BlockFindingGroups }

/** A stretch [start, end) of a SplicedList: entries arr[from], arr[from + 1], ... */
interface Piece<T> { arr: ReadonlyArray<T | undefined>; from: number; start: number; end: number }

/**
 * A list by block index made of stretches of other lists (a BlockFindings model's entries): an edit
 * takes the previous model's entries before and after the blocks it walked as stretches of the
 * previous lists instead of copying them into a list as long as the document (two per rule, 6,000
 * entries each on the 1 MB bench contract, on every keystroke). Past MAX_PIECES stretches it is
 * copied into one array, which bounds a look-up's walk and keeps only that array and the recent
 * edits' short ones alive. An index no stretch covers has no entry.
 */
class SplicedList<T> {
  private constructor(private readonly pieces: ReadonlyArray<Piece<T>>, readonly length: number) {}

  static of<T>(pieces: Array<Piece<T>>, length: number): SplicedList<T> {
    const list = new SplicedList(pieces, length);
    return pieces.length > MAX_PIECES ? new SplicedList([{ arr: list.flat(), from: 0, start: 0, end: length }], length) : list;
  }

  get(i: number): T | undefined {
    for (const p of this.pieces) if (i < p.end) return i >= p.start ? p.arr[p.from + i - p.start] : undefined;
    return undefined;
  }

  /** The stretches covering [from, to) of this list, placed from `at` on, added to `out`. */
  take(from: number, to: number, at: number, out: Array<Piece<T>>): void {
    for (const p of this.pieces) {
      const s = Math.max(from, p.start);
      const e = Math.min(to, p.end);
      if (s < e) out.push({ arr: p.arr, from: p.from + s - p.start, start: at + s - from, end: at + e - from });
    }
  }

  /** Every entry in one array. */
  flat(): Array<T | undefined> {
    const out = new Array<T | undefined>(this.length);
    for (const p of this.pieces) for (let i = p.start; i < p.end; i++) out[i] = p.arr[p.from + i - p.start];
    return out;
  }

  get pieceCount(): number {
    return this.pieces.length;
  }
}
const MAX_PIECES = 16;

/**
 * How many blocks at the start, all before block `limit`, have exactly the previous sentence
 * list's entries (the same objects): the blocks before the first entry that differs, less the block
 * that entry is in. A block without entries there (skipped) is included: it has no findings.
 * The entries of blocks before `limit` are found by a binary search, then compared as references
 * only: reading each entry's block on a 1 MB contract (some 5,000 entries before a typical edit,
 * scattered over the heap) cost about 0.1 ms per rule and edit in cache misses (issue 13, rules).
 */
function sharedBlocks(infos: readonly SentenceInfo[], was: readonly SentenceInfo[], limit: number): number {
  const below = firstInfoOfBlock(infos, limit, 0);
  const n = Math.min(infos.length, was.length, below);
  let k = 0;
  while (k < n && infos[k] === was[k]) k++;
  if (k === infos.length && infos.length === was.length) return k === 0 ? 0 : Math.min(limit, infos[k - 1].block + 1);
  // Entry k differs (or is past the limit, or one list ended): its block is not shared, nor any after it.
  const stop = Math.min(k < infos.length ? infos[k].block : limit, k < was.length ? was[k].block : limit);
  return Math.min(limit, stop);
}

/**
 * How many blocks at the start keep their findings as they are. When the splice took the section
 * tree over with as many sections and the document's title did not move, every block before the
 * edit (the splice's prefix) is the previous block object in a section that reads as before: the
 * same title on its path (only sections the re-parsed blocks open are retitled) and the same
 * heading block, hence the same sentences, heading flag and titles, all these rules read. This is
 * what the sentence list's own take-over of the prefix rests on (categories/scan.ts keptPrefix),
 * answered without comparing the lists' entries: that comparison, some 5,000 entries before a
 * typical edit of a 1 MB contract, cost 0.05 to 0.15 ms per rule and edit in cache misses even as
 * references only (issue 13, rules). Otherwise (a tree built afresh) the entries are compared.
 */
function keptBefore(model: ContractModel, trace: SpliceTrace, infos: readonly SentenceInfo[], was: readonly SentenceInfo[]): number {
  const previous = trace.previous;
  if (trace.sections && model.sections.length === previous.sections.length
    && model.titleSpan.start === previous.titleSpan.start && model.titleSpan.end === previous.titleSpan.end) {
    return Math.min(trace.prefix, previous.blocks.length);
  }
  return sharedBlocks(infos, was, trace.prefix);
}

/** The index of the first entry at or after `from` whose block is at or after `block` (entries are in block order). */
function firstInfoOfBlock(infos: readonly SentenceInfo[], block: number, from: number): number {
  let lo = from;
  let hi = infos.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (infos[mid].block < block) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the ascending `xs` are below `limit`. */
const countBelow = firstIndexAtOrAfter;

/** What every store can do: hand its results to a model's copy (rules/carry.ts) without importing the rules. */
interface Store { carry(from: ContractModel, to: ContractModel): void }
const stores: Store[] = [];

/** Hands every rule's per-block findings to a copy of the model with the same blocks (the review worker's released copy). */
export function carryBlockFindings(from: ContractModel, to: ContractModel): void {
  for (const store of stores) store.carry(from, to);
}

const NO_GROUPS: BlockFindingGroups = { blocks: [], groups: [] };

/**
 * Whether the blocks an edit moved read as they did, sentence by sentence, for BlockFindings: the
 * same text (moved blocks are), heading flag, and section titles. The last holds when the document's
 * title, which section titles leave out, has not moved, and either the splice took the section tree
 * over (model/sections.ts SectionChanges: each moved block in the section of the same index, each
 * moved heading in the block it moved to) with no retitled section reaching a moved block (a
 * renumbered one may: these rules read titles, not numbers), or the tree was built afresh and reads
 * as before (drafting/xrefs.ts sectionTreeUnchanged: the same sections with the same titles and
 * parents, each heading in the block it moved to).
 */
function movedBlocksKept(model: ContractModel, trace: SpliceTrace): boolean {
  const was = trace.previous;
  if (model.titleSpan.start !== was.titleSpan.start || model.titleSpan.end !== was.titleSpan.end) return false;
  const changes = trace.sections;
  return changes ? titlesKeptFrom(model.sections, changes, trace.prefix + trace.fresh) : sectionTreeUnchanged(model);
}

export class BlockFindings implements Store {
  private built = new WeakMap<ContractModel, Built>();
  private reads = new WeakMap<ContractModel, { read: number; shared: number; moved: number }>();

  constructor() {
    stores.push(this);
  }

  /**
   * Every finding, grouped by block, spans relative to the block. `context` names what else the
   * findings read (compared as is); `read` adds the findings of the sentences infos[from, ...) of
   * one block to out, with absolute spans.
   */
  groups(model: ContractModel, infos: SentenceInfo[], context: string, read: (from: number, out: RuleFinding[]) => void): BlockFindingGroups {
    const trace = spliceTraceOf(model);
    const previous = trace ? this.built.get(trace.previous) : undefined;
    const before = previous?.perBlock;
    const blocks = model.blocks;
    let withFindings: number[];
    let groups: RuleFinding[][];
    let i = 0;
    const same = previous !== undefined && previous.context === context;
    // Before the edit, the sentence list took the previous entries over as they were (the same
    // objects: the same sentences, block, titles and heading flag), so their blocks' findings are
    // the previous ones: taken over as a whole, with the groups before them, rather than block by
    // block (issue 13, rulesengine).
    const upTo = same ? keptBefore(model, trace!, infos, previous!.infos) : 0;
    if (upTo > 0) {
      const g = countBelow(previous!.found.blocks, upTo);
      withFindings = previous!.found.blocks.slice(0, g);
      groups = (previous!.found.groups as RuleFinding[][]).slice(0, g);
      i = firstInfoOfBlock(infos, upTo, 0);
    } else {
      withFindings = [];
      groups = [];
    }
    let reads = 0;
    // After the edit, when the section tree is unchanged, each moved block has the same sentences,
    // titles and heading flag as before: its findings are the previous ones, taken over as a whole
    // with their groups at the blocks' new indexes, rather than block by block (issue 13, rulesengine).
    const movedFrom = same && movedBlocksKept(model, trace!) ? trace!.prefix + trace!.fresh : blocks.length;
    // The entries of the blocks walked here, [upTo, movedFrom); the others are the previous list's
    // (SplicedList), so an edit makes no list as long as the document (issue 13, editrules).
    const region = new Array<Kept | undefined>(movedFrom - upTo);
    // A re-parsed block that reads as the block it replaced (unchanged-blocks.ts) is looked up there,
    // as a kept block is, and keeps its entry on the same checks.
    const unchanged = same && trace!.fresh > 0 ? unchangedReparsed(model, trace!) : undefined;
    let moved = 0;
    while (i < infos.length) {
      const first = infos[i];
      const b = first.block;
      if (b >= movedFrom) {
        const by = movedFrom - trace!.oldAfter;
        const found = previous!.found;
        const from = countBelow(found.blocks, trace!.oldAfter);
        const at = withFindings.length;
        withFindings.length = at + found.blocks.length - from;
        for (let g = from; g < found.blocks.length; g++) withFindings[at + g - from] = found.blocks[g] + by;
        groups = groups.concat((found.groups as RuleFinding[][]).slice(from));
        moved = blocks.length - movedFrom;
        break;
      }
      let was = before ? previousBlockIndex(trace!, b) : -1;
      if (was < 0 && unchanged && b >= trace!.prefix && b < trace!.prefix + trace!.fresh) was = unchanged[b - trace!.prefix];
      const old = was >= 0 ? before!.get(was) : undefined;
      let kept: Kept;
      // A kept block has the previous block's sentences, hence as many infos: the walk skips them
      // (checked at the far end) instead of reading each.
      const end = old ? i + old.sentences : 0;
      if (old && old.inHeading === first.inHeading && old.titles === first.titles && old.context === context
        && end <= infos.length && infos[end - 1].block === b && (end === infos.length || infos[end].block !== b)) {
        kept = old;
        i = end;
      } else {
        let next = i + 1;
        while (next < infos.length && infos[next].block === b) next++;
        const findings: RuleFinding[] = [];
        read(i, findings);
        reads++;
        const start = blocks[b].start;
        for (let k = 0; k < findings.length; k++) findings[k] = shifted(findings[k], -start);
        kept = { findings, inHeading: first.inHeading, titles: first.titles, context, sentences: next - i };
        i = next;
      }
      region[b - upTo] = kept;
      if (kept.findings.length) {
        withFindings.push(b);
        groups.push(kept.findings);
      }
    }
    const pieces: Array<Piece<Kept>> = [];
    if (upTo > 0) before!.take(0, upTo, 0, pieces);
    if (movedFrom > upTo) pieces.push({ arr: region, from: 0, start: upTo, end: movedFrom });
    if (moved) before!.take(trace!.oldAfter, trace!.oldAfter + moved, movedFrom, pieces);
    const perBlock = SplicedList.of(pieces, blocks.length);
    const found = withFindings.length ? { blocks: withFindings, groups } : NO_GROUPS;
    this.built.set(model, { perBlock, infos, context, found });
    this.reads.set(model, { read: reads, shared: upTo, moved });
    return found;
  }

  /**
   * Each block's kept findings (block-relative), how many blocks were read rather than taken over,
   * and how many at the start and at the end were taken over as a whole (for tests).
   */
  stats(model: ContractModel): { perBlock: ReadonlyArray<{ findings: RuleFinding[] } | undefined>; read: number; shared: number; moved: number; pieces: number } | undefined {
    const built = this.built.get(model);
    return built ? { perBlock: built.perBlock.flat(), ...this.reads.get(model)!, pieces: built.perBlock.pieceCount } : undefined;
  }

  carry(from: ContractModel, to: ContractModel): void {
    const b = this.built.get(from);
    if (b && from.blocks === to.blocks && from.text === to.text) this.built.set(to, b);
  }
}

/**
 * Findings a rule makes from document-level facts on every review, kept per block with
 * block-relative spans. The rule visits its findings in block order and, for each, asks take()
 * whether the previous model's group of the same block has the same finding next: the same
 * relative span and the same inputs (up to four values the rule makes the finding's message and
 * fixes from, so that a taken finding costs no string). If not, it add()s a new one. A block all of
 * whose findings were taken keeps the previous array itself.
 */
export class MadeGroups implements Store {
  /**
   * Each model's groups as returned (blocks ascending). No array by block: with six rules that
   * keep findings this way, most of which have none on a contract, an array of every block per
   * rule per edit cost more than the look-ups it saved (the next review walks these in order).
   */
  private built = new WeakMap<ContractModel, BlockFindingGroups>();
  /** What the rule noted of a model's section-keyed inputs (note()), handed on with the groups. */
  private notes = new WeakMap<ContractModel, unknown>();

  constructor() {
    stores.push(this);
  }

  /**
   * Keeps something the rule read per section (by section index) with the model's groups, for the
   * next review to compare with: handed to a copy of the model with the same sections, as the groups are.
   */
  note(model: ContractModel, value: unknown): void {
    this.notes.set(model, value);
  }

  noted(model: ContractModel): unknown {
    return this.notes.get(model);
  }

  begin(model: ContractModel): GroupsBuilder {
    const trace = spliceTraceOf(model);
    const before = trace ? this.built.get(trace.previous) : undefined;
    let at = 0;
    // Blocks are asked for in ascending order, and so are their previous indexes (the trace keeps
    // the order of the blocks it keeps): one walk over the previous groups serves the whole review.
    const previousOf = (b: number): RuleFinding[] | undefined => {
      if (!before || !before.blocks.length) return undefined;
      const was = previousBlockIndex(trace!, b);
      if (was < 0) return undefined;
      const blocks = before.blocks;
      while (at < blocks.length && blocks[at] < was) at++;
      return at < blocks.length && blocks[at] === was ? (before.groups[at] as RuleFinding[]) : undefined;
    };
    return new GroupsBuilder(model, previousOf, (groups) => this.built.set(model, groups), before && trace ? { groups: before, trace } : undefined);
  }

  /** Each block's findings for a model, by block index (block-relative; for tests). */
  perBlock(model: ContractModel): ReadonlyArray<readonly RuleFinding[] | undefined> | undefined {
    const found = this.built.get(model);
    if (!found) return undefined;
    const out = new Array<readonly RuleFinding[] | undefined>(model.blocks.length);
    for (let g = 0; g < found.blocks.length; g++) out[found.blocks[g]] = found.groups[g];
    return out;
  }

  carry(from: ContractModel, to: ContractModel): void {
    const b = this.built.get(from);
    if (b && from.blocks === to.blocks && from.text === to.text) this.built.set(to, b);
    const n = this.notes.get(from);
    if (n !== undefined && from.sections === to.sections) this.notes.set(to, n);
  }
}

type Input = string | number;
/** What each made finding was made from (take()'s inputs), by finding. */
const inputsOf = new WeakMap<RuleFinding, readonly Input[]>();

/** One review's pass of a MadeGroups rule: see MadeGroups. */
export class GroupsBuilder {
  private blocks: number[] = [];
  private groups: RuleFinding[][] = [];
  private block = -1;
  private previous: RuleFinding[] | undefined;
  /** How many of the previous group's findings were taken, in order. */
  private taken = 0;
  /** The findings of the block, once one of them differs from the previous group (with those taken before it). */
  private made: RuleFinding[] | null = null;
  private inputs: readonly Input[] = [];

  constructor(
    private readonly model: ContractModel,
    private readonly previousOf: (block: number) => RuleFinding[] | undefined,
    private readonly keep: (groups: BlockFindingGroups) => void,
    /** The previous model's groups and the splice from it, when there are any. */
    private readonly before?: { groups: BlockFindingGroups; trace: SpliceTrace },
  ) {}

  /**
   * Takes over, as they are, the previous groups of the blocks before the edit (the splice's
   * prefix): for a rule that knows its findings there are unchanged. Before any other block. False
   * when there is nothing to take over from (no previous groups): the rule then makes them all.
   */
  takeBlocksBeforeEdit(): boolean {
    if (!this.before || this.block >= 0 || this.blocks.length) return false;
    const { groups: was, trace } = this.before;
    const g = countBelow(was.blocks, trace.prefix);
    // Copied at their length (pushed one by one, the lists were grown and copied several times over).
    this.blocks = was.blocks.slice(0, g);
    this.groups = (was.groups as RuleFinding[][]).slice(0, g);
    return true;
  }

  /**
   * Takes over, as they are, the previous groups of the blocks after the edit (those it moved), at
   * their new indexes: for a rule that knows its findings there are unchanged. After every block
   * before them.
   */
  takeMovedBlocks(): void {
    if (!this.before) return;
    this.close();
    this.block = -1;
    const { groups: was, trace } = this.before;
    const by = trace.prefix + trace.fresh - trace.oldAfter;
    const from = countBelow(was.blocks, trace.oldAfter);
    // Grown once to their final length rather than by a push per group.
    const blocks = this.blocks;
    const at = blocks.length;
    const moved = was.blocks.length - from;
    blocks.length = at + moved;
    for (let k = 0; k < moved; k++) blocks[at + k] = was.blocks[from + k] + by;
    this.groups = this.groups.concat((was.groups as RuleFinding[][]).slice(from));
  }

  /** The start of block b, for the rule to make its spans relative. */
  startOf(b: number): number {
    return this.model.blocks[b].start;
  }

  /**
   * Whether the finding at [start, end) of block b (relative to it) made from these inputs is the
   * previous group's next one; then it is taken. Blocks come in ascending order.
   */
  take(b: number, start: number, end: number, k1: Input, k2: Input, k3: Input, k4: Input = ''): boolean {
    if (b !== this.block) this.open(b);
    const p = this.previous;
    if (!this.made && p && this.taken < p.length) {
      const f = p[this.taken];
      const was = inputsOf.get(f);
      if (was && f.span.start === start && f.span.end === end && was[0] === k1 && was[1] === k2 && was[2] === k3 && was[3] === k4) {
        this.taken++;
        return true;
      }
    }
    if (!this.made) this.made = p ? p.slice(0, this.taken) : [];
    this.inputs = [k1, k2, k3, k4];
    return false;
  }

  /** The new finding (spans relative to the block) take() was last asked about and said no to. */
  add(f: RuleFinding): void {
    inputsOf.set(f, this.inputs);
    this.made!.push(f);
  }

  /** The groups, also kept for the next model. */
  done(): BlockFindingGroups {
    this.close();
    const found = this.blocks.length ? { blocks: this.blocks, groups: this.groups } : NO_GROUPS;
    this.keep(found);
    return found;
  }

  private open(b: number): void {
    this.close();
    this.block = b;
    this.previous = this.previousOf(b);
    this.taken = 0;
    this.made = null;
  }

  private close(): void {
    if (this.block < 0) return;
    const p = this.previous;
    const group = this.made ?? (p && this.taken === p.length ? p : p!.slice(0, this.taken));
    if (group.length) {
      this.blocks.push(this.block);
      this.groups.push(group);
    }
  }
}

/**
 * The block of a finding at [start, end) of the text, looked for from block `from` on (findings in
 * text order), or -1 when the span does not lie inside one block's source: a kept group's
 * diagnostics take their lines from the block's start (engine/block-diagnostics.ts), which holds
 * only for text the block itself carries, so such a finding is not kept per block.
 */
export function blockHolding(model: ContractModel, start: number, end: number, from = 0): number {
  const b = blockAtOffset(model, start, from);
  const block = model.blocks[b];
  return block && start >= block.start && end <= block.end ? b : -1;
}

/**
 * For rules that make each of their (few) findings in full on every review from document-level
 * facts: the findings, with absolute spans, grouped by block through `store`. A finding whose
 * block-relative span, message, severity, note, words and fixes (their spans relative to the
 * block) are those of the previous group's next finding is that finding itself, so the engine keeps
 * its diagnostic (engine/block-diagnostics.ts) instead of placing it again. Undefined when a finding
 * lies outside one block's source (see blockHolding): check() then reports them.
 */
export function groupedFindings(store: MadeGroups, model: ContractModel, findings: readonly RuleFinding[]): BlockFindingGroups | undefined {
  let ordered = findings;
  for (let i = 1; i < findings.length; i++) {
    if (findings[i].span.start < findings[i - 1].span.start) {
      // Blocks must come in ascending order; a stable sort keeps the order of findings that start together.
      ordered = [...findings].sort((a, b) => a.span.start - b.span.start);
      break;
    }
  }
  const out = store.begin(model);
  let b = 0;
  for (let i = 0; i < ordered.length; i++) {
    const f = ordered[i];
    b = blockHolding(model, f.span.start, f.span.end, b);
    if (b < 0) return undefined;
    const at = out.startOf(b);
    const start = f.span.start - at;
    const end = f.span.end - at;
    if (out.take(b, start, end, f.message, f.severity ?? '', f.fixes?.length ? fixesKey(f.fixes, at, f.span) : '', `${f.note ? 1 : 0}${f.words ?? ''}`)) continue;
    out.add(shifted(f, -at));
  }
  return out.done();
}

/** What a finding's fixes do, with spans relative to `at` (a fix on the finding's own span named as such), as a string to compare. */
function fixesKey(fixes: readonly FixSpec[], at: number, own: { start: number; end: number }): string {
  let key = '';
  for (const x of fixes) {
    if (x.kind === 'replace') key += `r\u0000${x.title}\u0000${x.span === own ? '=' : `${x.span.start - at}:${x.span.end - at}`}\u0000${x.replacement}\u0001`;
    else if (x.kind === 'edits') key += `e\u0000${x.title}\u0000${x.edits.length ? x.edits[0].span.start - at : ''}\u0000${editsKey(x.edits)}\u0001`;
    else key += `i\u0000${x.title}\u0000${x.clauseId}\u0000${x.underSection ?? ''}\u0001`;
  }
  return key;
}

/**
 * A list of edits as a string, spans relative to the first edit's start. Memoised by the list: a
 * renumbering plan is shared by every finding of its group and can edit hundreds of numbers, so a
 * key made per finding cost more than the diagnostics it saves.
 */
function editsKey(edits: ReadonlyArray<{ span: { start: number; end: number }; replacement: string }>): string {
  let key = editsKeys.get(edits);
  if (key === undefined) {
    key = '';
    const from = edits.length ? edits[0].span.start : 0;
    for (const e of edits) key += `${e.span.start - from}:${e.span.end - from}\u0000${e.replacement}\u0000`;
    editsKeys.set(edits, key);
  }
  return key;
}
const editsKeys = new WeakMap<object, string>();

/** The block a position of the text lies in: the last block starting at or before it (from `from` on). */
export function blockAtOffset(model: ContractModel, offset: number, from = 0): number {
  const blocks = model.blocks;
  let lo = from;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Findings with absolute spans, from block-relative groups (check() for callers other than the engine). */
export function absoluteFindings(model: ContractModel, found: BlockFindingGroups): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (let g = 0; g < found.groups.length; g++) {
    const by = model.blocks[found.blocks[g]].start;
    for (const f of found.groups[g]) out.push(shifted(f, by));
  }
  return out;
}

/** A finding moved by `by` characters; its fixes' spans move with it. */
export function shifted(f: RuleFinding, by: number): RuleFinding {
  if (by === 0) return f;
  const span = { start: f.span.start + by, end: f.span.end + by };
  const out: RuleFinding = { ...f, span };
  if (f.fixes) out.fixes = shiftedFixes(f.fixes, by, f.span, span);
  return out;
}

/** Fixes moved by `by` characters (a fix's span that is the finding's own, `was`, becomes `now`). */
export function shiftedFixes(fixes: FixSpec[], by: number, was?: { start: number; end: number }, now?: { start: number; end: number }): FixSpec[] {
  if (by === 0) return fixes;
  return fixes.map((x): FixSpec => {
    if (x.kind === 'replace') return { ...x, span: was && x.span === was ? now! : { start: x.span.start + by, end: x.span.end + by } };
    if (x.kind === 'edits') return { ...x, edits: x.edits.map((e) => ({ span: { start: e.span.start + by, end: e.span.end + by }, replacement: e.replacement })) };
    return x; // insertClause names a section by index, which a kept block's does not change
  });
}
