import type { Block, ContractModel } from './types';
import { BlockDocFacts } from './docFacts';
import { OffsetBlock } from './offsetBlock';
import { noteRoleWordCounts, RoleWordCounts } from './parties';
import { recordSplice } from './trace';
import { sectionChangesOfTree } from './sections';
import { pieceCount, TextPool } from './textPool';
import { buildContractModel, assembleModel, frontMatterOf, readFrontMatter, type FrontMatter, type TextFormat } from './parse';
import { capMarkup, parseChunk, parseMarkdown, scanChunkStarts, type ChunkRef, type RawBlock } from './markdown';
import { buildSentences, buildSentencesOfBlocks } from './sentences';
import { computeLineStarts, lastIndexAtOrBefore } from './lineIndex';

/**
 * A document's model together with what an edit needs to rebuild it in part: where the parse
 * chunks start (see scanChunkStarts in markdown.ts) and the block each chunk starts with.
 */
export interface ModelState {
  model: ContractModel;
  /** Chunk starts, or null when the model cannot be spliced (plain text, an unreadable text). */
  chunkStarts: number[] | null;
  /** chunkBlocks[i]: index of the first block of chunk i; one extra entry for blocks.length. */
  chunkBlocks: number[];
  frontMatter: FrontMatter;
  /** What each block contributes to the document-level model, parallel to model.blocks (model/docFacts.ts). */
  kept: BlockDocFacts[];
  /** How often each role word occurs, per chunk (model/parties.ts); null when chunkStarts is. */
  roleWords: RoleWordCounts | null;
  /** One string per distinct sentence text (model/textPool.ts); null when chunkStarts is. */
  texts: TextPool | null;
  /** How many texts the blocks hold, their own and their sentences' (model/textPool.ts pieceCount). */
  pieces: number;
  /**
   * The parse cache's chunk behind each chunk start, when the cache is on and the model spliceable:
   * what the text's owner holds in the cache (model/markdown.ts ownChunks); else null.
   */
  chunkRefs: ChunkRef[] | null;
  /** Why the last model was built in full rather than spliced (for tests and the benchmark). */
  fullReason: string | null;
}

/** Builds the model of a whole text, keeping what later edits need. Never throws (like buildContractModel). */
export function fullModelState(text: string, version: number, format: TextFormat, reason: string): ModelState {
  return finishSteps(fullModelStateSteps(text, version, format, reason));
}

/**
 * Runs model steps to their end without stopping. (engine/review.ts runSteps does the same for a
 * review; the model layer cannot import the engine.)
 */
export function finishSteps<T>(steps: Iterator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * fullModelState in steps (issue 13: a caller that answers requests between them, the language
 * server, waits for one step, not a whole model): the parse, the sentences, then the document-level
 * model. Between two steps nothing the caller holds is changed.
 */
export function* fullModelStateSteps(text: string, version: number, format: TextFormat, reason: string): Generator<void, ModelState> {
  if (format === 'markdown') {
    let parsed: ReturnType<typeof parseMarkdown> | null = null;
    try {
      parsed = parseMarkdown(text, true);
    } catch {
      // buildContractModel below turns the failure into an unreadable model that says why.
    }
    if (parsed) {
      yield;
      try {
        const shifts = parsed.offsetShifts;
        const blocks: Block[] = parsed.blocks.map((b, i) => OffsetBlock.placed(b, i, shifts ? shifts[i] : 0));
        buildSentencesOfBlocks(blocks);
        const texts = new TextPool();
        for (const block of blocks) texts.share(block);
        const frontMatter = readFrontMatter(parsed.yaml);
        const kept = blocks.map((b) => new BlockDocFacts(b.start));
        const roleWords = RoleWordCounts.of(parsed.chunkStarts);
        const model = assembleModel(text, version, blocks, frontMatter, undefined, kept, undefined, roleWords);
        noteRoleWordCounts(model, roleWords);
        return { model, chunkStarts: parsed.chunkStarts, chunkBlocks: blocksPerChunk(blocks, parsed.chunkStarts), frontMatter, kept, roleWords, texts, pieces: pieceCount(blocks), chunkRefs: parsed.chunks ?? null, fullReason: reason };
      } catch {
        // As above.
      }
    }
  }
  const model = buildContractModel(text, version, format);
  return { model, chunkStarts: null, chunkBlocks: [], frontMatter: frontMatterOf(model), kept: [], roleWords: null, texts: null, pieces: 0, chunkRefs: null, fullReason: reason };
}

function blocksPerChunk(blocks: Array<{ start: number }>, starts: number[]): number[] {
  const out: number[] = [];
  let b = 0;
  for (const start of starts) {
    while (b < blocks.length && blocks[b].start < start) b++;
    out.push(b);
  }
  out.push(blocks.length);
  return out;
}

/**
 * An edit a caller already knows (issue 13): `before` with `before.slice(start, oldEnd)` replaced by
 * `insert` gives the new text. The language server's review worker gets each job's text as such an
 * edit of the previous job's (lsp/job-text.ts), so the model need not compare the two texts again to
 * find the changed range, nor read the new text whole to do so.
 */
export interface KnownEdit {
  before: string;
  start: number;
  oldEnd: number;
  insert: string;
}

/** The edit's changed range, when it turns `prev` into a text of `length` characters; null when it does not apply (then the texts are compared). */
export function knownRange(edit: KnownEdit | undefined, prev: string, length: number): { start: number; oldEnd: number; newEnd: number } | null {
  // Identity first: the worker's previous model holds the very string the edit was made against, and
  // comparing a string with itself costs nothing (another string of the same length is compared whole).
  if (!edit || edit.before !== prev) return null;
  const { start, oldEnd, insert } = edit;
  if (!(start >= 0 && start <= oldEnd && oldEnd <= prev.length && prev.length - (oldEnd - start) + insert.length === length)) return null;
  return { start, oldEnd, newEnd: start + insert.length };
}

/** Length of the common prefix and suffix of two texts (the suffix never overlaps the prefix). */
export function changedRange(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  const max = Math.min(before.length, after.length);
  // Whole slices compare as memory, far faster than a loop over characters: skip equal 4 KB
  // stretches first, then find the exact character.
  const STEP = 4096;
  let p = 0;
  while (p + STEP <= max && before.slice(p, p + STEP) === after.slice(p, p + STEP)) p += STEP;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s + STEP <= max - p && before.slice(before.length - s - STEP, before.length - s) === after.slice(after.length - s - STEP, after.length - s)) s += STEP;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, oldEnd: before.length - s, newEnd: after.length - s };
}


/**
 * The model of `text` built from the previous state by re-parsing only the chunks the edit touches
 * and splicing their blocks in; the blocks after the edit are moved, not re-read. Document-level
 * parts (sections, defined terms, parties, cross-references, title) are rebuilt from the blocks by
 * the same code as a full parse. Falls back to a full parse, and says why, wherever a splice could
 * differ from it: an edit in the front matter or the first chunk, a fence or HTML comment left open,
 * markup nested or repeated past the parser's caps, or a plain-text document.
 */
export function updateModelState(prev: ModelState, text: string, version: number, format: TextFormat, edit?: KnownEdit): ModelState {
  return finishSteps(updateModelStateSteps(prev, text, version, format, edit));
}

/**
 * updateModelState in steps (issue 13): the re-read chunks, the new blocks and their sentences, the
 * moved blocks, then the document-level model, each a step, so that a caller answering requests
 * between steps (the language server) never runs the whole model build at once. `prev` is not
 * changed in a way its holders could see until the last step (only its pool of shared texts gains
 * entries), and the caller runs one build from a state at a time (engine/incremental.ts). `edit`,
 * when given and made against the previous model's text, is taken as the changed range.
 */
export function* updateModelStateSteps(prev: ModelState, text: string, version: number, format: TextFormat, edit?: KnownEdit): Generator<void, ModelState> {
  const reason = spliceObstacle(prev, format);
  if (reason) return yield* fullModelStateSteps(text, version, format, reason);
  let spliced: ModelState | null;
  try {
    spliced = yield* splice(prev, text, version, edit);
  } catch {
    return yield* fullModelStateSteps(text, version, format, 'the splice failed');
  }
  return spliced ?? (yield* fullModelStateSteps(text, version, format, lastObstacle));
}

function spliceObstacle(prev: ModelState, format: TextFormat): string | null {
  if (format !== 'markdown') return 'plain text is always read whole';
  if (!prev.chunkStarts || prev.model.notAnalysed) return 'no spliceable previous model';
  return null;
}

let lastObstacle = '';
const obstacle = (why: string): null => {
  lastObstacle = why;
  return null;
};

function* splice(prev: ModelState, text: string, version: number, edit: KnownEdit | undefined): Generator<void, ModelState | null> {
  const old = prev.model;
  const starts = prev.chunkStarts!;
  const { start, oldEnd, newEnd } = knownRange(edit, old.text, text.length) ?? changedRange(old.text, text);
  const delta = newEnd - oldEnd;
  if (delta === 0 && start === oldEnd) {
    const same = { ...old, version };
    recordSplice(same, { previous: old, prefix: old.blocks.length, fresh: 0, oldAfter: old.blocks.length, sections: { first: old.sections.length, after: old.sections.length, blockShift: 0, renumbered: [], retitled: [] } });
    return { ...prev, model: same, fullReason: null };
  }
  // The chunk before the edited one is re-read too: text added at the start of a chunk may belong
  // to the previous chunk's last block (an indented list continuation, for one).
  const first = Math.max(0, lastIndexAtOrBefore(starts, Math.max(0, start - 1)) - 1);
  // The first chunk that starts after the edit, and whose start survives it.
  let next = lastIndexAtOrBefore(starts, oldEnd) + 1;
  while (next < starts.length && starts[next] <= oldEnd) next++;
  const regionStart = starts[first];
  // When the re-read text does not end as a chunk should (the edit leaves a fence or comment open,
  // or fills the blank line before a heading, as typing a new last paragraph of a section does),
  // the next chunk start may be one no longer: the region takes in the chunks after it, twice as
  // many each time, until it ends settled or at the end of the text. Chunks it re-reads unchanged
  // are found in the parse cache; a full parse of a large document costs far more.
  let region: string;
  let scanned: { starts: number[]; settled: boolean };
  for (let more = 1; ; more *= 2) {
    const regionEnd = next < starts.length ? starts[next] + delta : text.length;
    region = detached(text.slice(regionStart, regionEnd));
    if (capMarkup(region) !== region) return obstacle('markup past the parser caps in the edited section');
    scanned = scanChunkStarts(region);
    if (next >= starts.length || scanned.settled) break;
    next = Math.min(starts.length, next + more);
  }

  // Blocks of the re-read region, each with how far its chunk moved from where its offsets place it,
  // and the index among them of each re-read chunk's first block.
  const fresh: RawBlock[] = [];
  const freshShift: number[] = [];
  const chunkFirst: number[] = [];
  const regionRefs: ChunkRef[] = [];
  let yamlChanged = false;
  for (let i = 0; i < scanned.starts.length; i++) {
    const local = scanned.starts[i];
    const end = i + 1 < scanned.starts.length ? scanned.starts[i + 1] : region.length;
    const at = regionStart + local;
    const chunk = parseChunk(region.slice(local, end), at === 0);
    // The first chunk holds the front matter, read once per full parse.
    if (at === 0) yamlChanged = !sameYaml(chunk.yaml, prev.frontMatter, old.text, text);
    chunkFirst.push(fresh.length);
    regionRefs.push(chunk);
    // The chunk's offsets are those of its cached place (parseChunk): moved to this one.
    for (const b of chunk.blocks) {
      fresh.push(b);
      freshShift.push(at - chunk.at);
    }
    yield;
  }

  if (yamlChanged) return obstacle('the edit changes the front matter');

  const firstBlock = prev.chunkBlocks[first];
  const afterBlock = prev.chunkBlocks[next];
  const oldBlocks = old.blocks as OffsetBlock[];
  const freshBlocks: OffsetBlock[] = [];
  const freshKept: BlockDocFacts[] = [];
  for (let f = 0; f < fresh.length; f++) {
    const block = OffsetBlock.fromRaw(fresh[f], firstBlock + f, freshShift[f]);
    block.sentences = buildSentences(block);
    prev.texts!.share(block);
    freshBlocks.push(block);
    freshKept.push(new BlockDocFacts(block.start));
  }
  yield;
  // Blocks before the edit are the previous model's objects: their index, position, sentences and
  // (as long as the section tree is taken over) section are unchanged, so both models can share
  // them (assembleModel copies them before a rebuilt tree could give them another section). Blocks
  // after it are new objects (see OffsetBlock.movedTo) sharing text, offsets and sentences, with
  // their kept document-level facts. Each list is made at its final length (see splicedList).
  const blocks = splicedList(oldBlocks, firstBlock, afterBlock, freshBlocks);
  for (let i = firstBlock + freshBlocks.length; i < blocks.length; i++) blocks[i] = blocks[i].movedTo(i, blocks[i].start + delta);
  const kept = splicedList(prev.kept, firstBlock, afterBlock, freshKept);
  yield;

  const chunkStarts = splicedList(starts, first, next, scanned.starts);
  for (let i = first; i < first + scanned.starts.length; i++) chunkStarts[i] += regionStart;
  for (let i = first + scanned.starts.length; i < chunkStarts.length; i++) chunkStarts[i] += delta;
  const reuse = { sections: old.sections, blocks: old.blocks, definedTerms: old.definedTerms, usesMarkdownHeadings: old.usesMarkdownHeadings, topSectionDepth: old.topSectionDepth, firstBlock, afterBlock, fresh: fresh.length, delta };
  const roleWords = prev.roleWords!.spliced(chunkStarts, first, next, scanned.starts.length, text);
  const model = assembleModel(text, version, blocks, prev.frontMatter, spliceLineStarts(old, text, start, oldEnd, newEnd), kept, reuse, roleWords);
  noteRoleWordCounts(model, roleWords);
  // Only the newest link is kept, so a model never holds the chain of its predecessors.
  recordSplice(model, { previous: old, prefix: firstBlock, fresh: fresh.length, oldAfter: afterBlock, sections: sectionChangesOfTree(model.sections) });
  // Counted for the blocks replaced and re-read only, not for every block of the model.
  const pieces = prev.pieces - pieceCount(oldBlocks, firstBlock, afterBlock) + pieceCount(freshBlocks);
  prev.texts!.prune(blocks, undefined, pieces);
  // The first block of each chunk: as before the edit, re-read, or moved by as many blocks as the edit added.
  const chunkBlocks = splicedList(prev.chunkBlocks, first, next, chunkFirst);
  for (let i = first; i < first + chunkFirst.length; i++) chunkBlocks[i] += firstBlock;
  const blockShift = fresh.length - (afterBlock - firstBlock);
  if (blockShift !== 0) for (let i = first + chunkFirst.length; i < chunkBlocks.length; i++) chunkBlocks[i] += blockShift;
  const chunkRefs = prev.chunkRefs ? splicedList(prev.chunkRefs, first, next, regionRefs) : null;
  return { model, chunkStarts, chunkBlocks, frontMatter: prev.frontMatter, kept, roleWords, texts: prev.texts, pieces, chunkRefs, fullReason: null };
}

/**
 * `list` with [first, after) replaced by `middle`, as a new array made at its final length (a copy
 * when the lengths match, as for most keystrokes, else one concatenation), never grown push by push:
 * the block lists of a 1 MB contract are about 6,000 entries, most of them after an average edit.
 */
function splicedList<T>(list: readonly T[], first: number, after: number, middle: readonly T[]): T[] {
  if (middle.length === after - first) {
    const out = list.slice();
    for (let i = 0; i < middle.length; i++) out[first + i] = middle[i];
    return out;
  }
  return list.slice(0, first).concat(middle, list.slice(after));
}

/** Is the front matter the same text at the same place as before? */
function sameYaml(yaml: { span: { start: number; end: number } } | null, prev: FrontMatter, oldText: string, text: string): boolean {
  const span = prev.frontMatterSpan;
  if (!yaml || !span) return !yaml && !span;
  return yaml.span.start === span.start && yaml.span.end === span.end && oldText.slice(span.start, span.end) === text.slice(span.start, span.end);
}

/**
 * A copy of a slice that does not keep the whole text alive. V8 represents a slice as a view of
 * its parent string, so blocks parsed from a plain slice would hold on to the full text of the
 * version they were typed in, one more megabyte per edit of a large document that stays in memory.
 */
function detached(slice: string): string {
  return (' ' + slice).slice(1);
}

/** Line starts of the new text: the old ones before the edit, the edited lines re-scanned, the rest moved. */
function spliceLineStarts(old: ContractModel, text: string, start: number, oldEnd: number, newEnd: number): number[] {
  const ls = old.lineStarts;
  // Lines starting at or before `start` are unchanged (a line start at `start` follows an unchanged "\n"),
  // but a "\r" just before the edit may pair with an inserted "\n": re-scan from the line before.
  const keep = Math.max(0, lastIndexAtOrBefore(ls, Math.max(0, start - 1)));
  const from = ls[keep];
  const delta = newEnd - oldEnd;
  // Re-scan up to the first old line start past the edit (plus one character for a "\r\n" pair).
  let resume = keep + 1;
  while (resume < ls.length && ls[resume] <= oldEnd + 1) resume++;
  const scanTo = resume < ls.length ? ls[resume] + delta : text.length;
  const mid = computeLineStarts(text.slice(from, scanTo));
  // computeLineStarts always reports the slice's end-of-text position as a line start when it ends
  // with a line break; the next old line start is that same position.
  let midLength = mid.length;
  if (resume < ls.length && midLength > 0 && mid[midLength - 1] + from === scanTo) midLength--;
  // Written into an array of the final length (a 1 MB contract has about 20,000 line starts, most of
  // them after an average edit: pushing them one by one grew the array several times per edit).
  const out = new Array<number>(keep + midLength + (ls.length - resume));
  for (let i = 0; i < keep; i++) out[i] = ls[i];
  let k = keep;
  for (let i = 0; i < midLength; i++) out[k++] = mid[i] + from;
  for (let i = resume; i < ls.length; i++) out[k++] = ls[i] + delta;
  return out;
}
