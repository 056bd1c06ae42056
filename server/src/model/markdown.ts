import type { LRUCache } from 'lru-cache';
import { newLruCache } from './lru';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { remarkGfmWithoutFootnotes } from './gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import type { Block, Span } from './types';
import { countingUpTo, extractBlocks } from './blocks';
import { plainChunkBlocks } from './plain-chunk';
import { blocksFromEvents } from './events';
import { capEmphasisRuns, capInlineMarkup, capNesting, restoreOriginal } from './nesting';
import { detached } from './detached';
import { textCachesOn } from './text-caches';

/**
 * The parser for a chunk: GFM tables only when the chunk has a line that could be a table's
 * delimiter row, front matter only for the first chunk. The table construct is tried at the start
 * of every paragraph and scans its first line as a possible header row, about a fifth of the parse
 * of a contract without tables; a delimiter row ("|---|", ":--") is a line of nothing but spaces,
 * tabs, "-", ":" and "|" with at least one ":" or "|" (">" for block quotes), so without such a line
 * no table can form and the tree is the same without the construct. Front matter must open the
 * document, and only the first chunk opens it.
 */
function processorFor(text: string, first: boolean): Processor {
  const tables = mayHoldTable(text);
  const at = (tables ? 1 : 0) + (first ? 2 : 0);
  return (processors[at] ??= makeProcessor(tables, first));
}
const MAYBE_DELIMITER_ROW = /^[ \t>|:-]*[|:][ \t>|:-]*$/m;
const mayHoldTable = (text: string) => MAYBE_DELIMITER_ROW.test(text);
const processors: Processor[] = [];

function makeProcessor(tables: boolean, frontMatter: boolean): Processor {
  const p = unified().use(remarkParse).use(remarkGfmWithoutFootnotes, { autolinks: false, tables });
  return (frontMatter ? p.use(remarkFrontmatter, ['yaml']) : p) as unknown as Processor;
}

export type RawBlock = Omit<Block, 'section' | 'sentences'>;

export interface ParsedMarkdown {
  blocks: RawBlock[];
  /** Offsets where the chunks the text was parsed in start (see scanChunkStarts). */
  chunkStarts: number[];
  /** The YAML front matter, when the document opens with one. */
  yaml: { value: string; span: Span } | null;
  /**
   * Only when parseMarkdown was asked to share offsets: block i's `sourceOffsets` are the cached
   * chunk's own array, to be moved by offsetShifts[i] (its start and end are the document's).
   */
  offsetShifts?: number[];
  /** With offsetShifts, when the parse cache is on: the cached chunk behind each chunk start (see ownChunks). */
  chunks?: ChunkRef[];
}

interface Chunk { blocks: RawBlock[]; yaml: { value: string; span: Span } | null }

/**
 * A cached chunk: its blocks' offsets are relative to the chunk's start plus `at`. A chunk parsed
 * within a document keeps the offsets it was read at (`at` is where it started), so the document's
 * model can share them rather than copy each block's offsets moved by the chunk's start.
 */
interface CachedChunk extends Chunk {
  at: number;
  /** The key it is cached under (a copy of its own, not a slice of a document's text). */
  key?: string;
  /** How many documents' current texts hold this chunk (see ownChunks). */
  users?: number;
}

/** A chunk of a document's current text as the parse cache holds it (see ownChunks). */
export type ChunkRef = Pick<CachedChunk, 'at'>;

// Parsing is the costliest step of building the model (micromark runs at roughly 1 MB/s; a
// 300 KB contract took ~400 ms a keystroke, measured with `npm run bench`). The text is cut into
// chunks at ATX headings, which close every Markdown block before them, and each chunk's blocks are
// cached by its text: typing in one section re-parses that section only. Made on first use, as the
// sentence cache is (model/sentences.ts): a CLI run keeps no text caches.
let madeCache: LRUCache<string, CachedChunk> | null = null;
/**
 * The cache's bound in characters of chunk text (issue 13, memory). A cached chunk costs about 11
 * bytes a character (its offsets 4, its key and blocks the rest: 11 MB for the 1 MB generated
 * contract), and chunks vary in size, so a bound of 4,000 chunks alone let it hold 3.3 million
 * characters of that contract (about 36 MB) and more of a contract with longer sections. Twenty
 * different 1 MB contracts open filled it to that; the memory row's twenty near-identical ones filled
 * it by one chunk per edit (1,000 edits, about 9 MB, most of the row's live growth). About one 1 MB
 * contract and a quarter is kept: the two documents the worker keeps a state for
 * (lsp/recent-states.ts) re-read only what an edit touches, and a third one taking turns with them is
 * parsed whole again (a few hundred ms for 1 MB). An evicted chunk is only parsed again; no result changes.
 */
export const CACHE_CHARS = 1_250_000;
const cache = () => (madeCache ??= newLruCache<string, CachedChunk>(4000, { maxSize: CACHE_CHARS, sizeOf: (_chunk, key) => key.length }));
/** Whether this process has made the chunk cache (for tests). */
export const chunkCacheMade = (): boolean => madeCache !== null;
/** How many chunks are kept (for tests). */
export const keptChunks = (): number => madeCache?.size ?? 0;
/** Whether `text` (the document's first chunk or not) is kept, without touching its recency (for tests). */
export const chunkKept = (text: string, first: boolean): boolean => madeCache?.has(keyOf(text, first)) ?? false;
/** The kept chunks' characters (their keys' lengths, as the cache counts them against CACHE_CHARS), for tests and probes. */
export function keptChunkChars(): number {
  let chars = 0;
  for (const key of madeCache?.keys() ?? []) chars += key.length;
  return chars;
}
/** The kept chunks' offset arrays: how many and their bytes (for probes). */
export function keptChunkOffsets(): { arrays: number; bytes: number } {
  let arrays = 0;
  let bytes = 0;
  for (const chunk of madeCache?.values() ?? []) for (const b of chunk.blocks) { arrays++; bytes += b.sourceOffsets.byteLength; }
  return { arrays, bytes };
}
const keyOf = (text: string, first: boolean) => (first ? '1' : '0') + text;

const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Offsets where a new chunk may start: heading lines outside fenced code and HTML comments. `settled`
 * says whether the scan ended outside any fence or comment, just after a blank line: the state in
 * which a chunk start that follows the scanned text stays one (the incremental model relies on it).
 */
export function scanChunkStarts(text: string): { starts: number[]; settled: boolean } {
  const starts = [0];
  let fence: string | null = null;
  let inComment = false;
  let pos = 0;
  let previousBlank = true;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, nl);
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (f) {
      fence = f[1];
    } else {
      if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true;
      // Only after a blank line, so a heading never cuts a paragraph's lazy continuation.
      if (pos > 0 && previousBlank && HEADING_LINE.test(line)) starts.push(pos);
    }
    previousBlank = line.trim() === '';
    pos = nl + 1;
  }
  return { starts, settled: !fence && !inComment && previousBlank };
}

/** Same length and offsets as the original; only absurd nesting and emphasis runs differ. */
export function capMarkup(original: string): string {
  return capInlineMarkup(capEmphasisRuns(capNesting(original)));
}

/**
 * The blocks of one chunk, memoised by its text: their offsets are those of the chunk placed at
 * `at` (0 when it was parsed alone; a chunk the whole-document parse cached keeps its place there),
 * so the caller moves them by its own start minus `at`. Found at another place, the cached chunk is
 * returned as it is, as parseMarkdown places it: every 1 MB keystroke re-reads the unchanged chunk
 * before the edited one, and copying its blocks with their offset arrays to place 0 (and re-keying
 * it) cost an array per block per edit.
 */
export function parseChunk(text: string, first: boolean): Chunk & ChunkRef {
  const key = keyOf(text, first);
  const caching = textCachesOn();
  const hit = caching ? cache().get(key) : undefined;
  if (hit) return hit;
  const chunk: CachedChunk = readChunks(text, 0, [0], first)[0];
  if (caching) keep(detached(key), chunk);
  return chunk;
}

function keep(key: string, chunk: CachedChunk): void {
  chunk.key = key;
  cache().set(key, chunk);
}

/**
 * Which chunks each document's current text holds (issue 13, memory). The cache is bounded (4,000
 * chunks, and CACHE_CHARS characters), and every edit adds the edited chunk's new text to it: the chunk texts
 * an edit replaced stayed until the cache was full, so a language server's parse cache (and its
 * offset arrays, a quarter of it) grew with the number of edits, not with the documents open (the
 * memory row's 1,000 edits added about 1,000 chunks). A chunk that no document's current text
 * holds any more, and that some document held, is dropped here at once: typing it back (an undo)
 * parses one chunk again. Chunks read for no document (tests, hovers of closed files) stay under
 * the cache's own bound. Dropping an entry changes no result, only whether a later parse finds it.
 */
const owners = new Map<string, CachedChunk[]>();

/** `owner`'s current text is made of `chunks` (from parseMarkdown or a splice); the chunks it held before and no document holds now leave the cache. */
export function ownChunks(owner: string, chunks: readonly ChunkRef[]): void {
  const now = chunks as readonly CachedChunk[];
  const before = owners.get(owner) ?? [];
  // Only what differs: a keystroke's list is the previous one with a few chunks replaced, and the
  // chunks both hold at the same place from either end would be counted up and down again (about
  // 1,200 of each per 1 MB keystroke). New ones are counted before the old ones are released, so a
  // chunk in both lists never drops out of the cache in between.
  let head = 0;
  const most = Math.min(before.length, now.length);
  while (head < most && before[head] === now[head]) head++;
  let tail = 0;
  while (tail < most - head && before[before.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  for (let i = head; i < now.length - tail; i++) now[i].users = (now[i].users ?? 0) + 1;
  owners.set(owner, now.slice());
  for (let i = head; i < before.length - tail; i++) release(before[i]);
}

/** `owner` (a closed document) holds no chunks any more. */
export function releaseChunks(owner: string): void {
  const before = owners.get(owner);
  owners.delete(owner);
  if (before) for (const c of before) release(c);
}

/**
 * `owner` keeps its text but no state built from it (the worker dropped the state, lsp/recent-states.ts):
 * its chunks stay in the cache for its next full review but are no longer held for it, so the cache's
 * bounds apply to them. Held, a workspace's every document kept its parsed chunks alive (about 11 MB
 * for a 1 MB contract) whether the cache had let go of them or not.
 */
export function unpinChunks(owner: string): void {
  const before = owners.get(owner);
  owners.delete(owner);
  if (before) for (const c of before) c.users = (c.users ?? 1) - 1;
}

/** How many documents hold their chunks (for tests). */
export const chunkOwners = (): number => owners.size;

/** No document holds any chunk (the worker let go of every document). */
export function releaseAllChunks(): void {
  for (const owner of [...owners.keys()]) releaseChunks(owner);
}

function release(c: CachedChunk): void {
  c.users = (c.users ?? 1) - 1;
  // Only the entry that is this very chunk: a chunk re-read at another place replaced it (parseChunk).
  if (c.users <= 0 && c.key !== undefined && madeCache?.peek(c.key) === c) madeCache.delete(c.key);
}

/** One chunk parsed alone, bypassing the cache (offsets relative to the chunk): the reference the tests compare groups with. */
export function parseChunkAlone(text: string, first: boolean): Chunk {
  return readChunks(text, 0, [0], first)[0];
}

/**
 * Parses `text`, which starts at `at` in the document, in one call of the parser, and returns the
 * blocks of each chunk in it (`starts`, relative to `text`), each chunk's offsets relative to the
 * document (the chunk's `at` is its start).
 */
function readChunks(text: string, at: number, starts: number[], first: boolean): CachedChunk[] {
  // The blocks' texts are slices of what is parsed, and the cache outlives the document version: a copy, not a slice of the whole text.
  if (textCachesOn()) text = detached(text);
  // Straight from micromark's events when the reader knows every construct in the text (model/events.ts);
  // front matter and anything else through the tree.
  // Text of plain lines, headings and blank lines only (most of a contract) needs no parser at all (model/plain-chunk.ts).
  // The first chunk too when it cannot open with front matter: through the tree it was the only
  // chunk of the generated 1 MB contract that built the remark processor and ran the tree builder,
  // about 6 ms of a process's first review (issue 13, analysis).
  const direct = eventReading && (!first || !mayOpenFrontMatter(text));
  const plain = direct ? plainChunkBlocks(text, at) : null;
  if (plain) reads.plain++;
  const fromEvents = plain ?? (direct ? blocksFromEvents(text, mayHoldTable(text)) : null);
  const { blocks, yaml } = fromEvents ? { blocks: fromEvents, yaml: null } : readTree(text, first);
  if (at !== 0 && !plain) {
    // The blocks are fresh: moved in place (plainChunkBlocks made its blocks at their place).
    for (const b of blocks) {
      b.start += at;
      b.end += at;
      const o = b.sourceOffsets;
      for (let i = 0; i < o.length; i++) o[i] += at;
    }
  }
  if (starts.length === 1) return [{ blocks, yaml, at }];
  // The blocks of each chunk: those that start before the next chunk.
  const chunks: CachedChunk[] = [];
  let b = 0;
  for (let k = 0; k < starts.length; k++) {
    const from = at + starts[k];
    const to = k + 1 < starts.length ? at + starts[k + 1] : Infinity;
    const own: RawBlock[] = [];
    // Each chunk after the first opens with its heading, and no block runs past a chunk's end
    // (see groupable); readGroup checks both before trusting the split.
    while (b < blocks.length && blocks[b].start < to) {
      const block = blocks[b++];
      block.index = own.length;
      own.push(block);
    }
    chunks.push({ blocks: own, yaml: k === 0 ? yaml : null, at: from });
  }
  return chunks;
}

/**
 * Whether a document's first chunk may open with front matter: remark-frontmatter's fence ("---")
 * counts only at line 1, column 1, after a byte order mark that micromark skips. Any other first
 * character rules it out, and the chunk reads as any other chunk does.
 */
const mayOpenFrontMatter = (text: string) => text.charCodeAt(0) === 45 /* - */ || text.charCodeAt(0) === 0xfeff;

/** The blocks (and front matter) of `text` through the mdast tree: the reference reading. */
export function readTree(text: string, first: boolean): Chunk {
  const tree = processorFor(text, first).parse(text) as Root;
  let yaml: Chunk['yaml'] = null;
  const node = first ? tree.children.find((n) => n.type === 'yaml') : undefined;
  if (node && node.type === 'yaml') yaml = { value: node.value, span: { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 } };
  return { blocks: extractBlocks(tree, text), yaml };
}

/** How many texts readChunks read without the parser (model/plain-chunk.ts), for tests. */
export const reads = { plain: 0 };

/** Whether chunks are read from micromark's events (off only for tests that compare with the tree's reading). */
let eventReading = true;
export function readFromEvents(on: boolean): void {
  eventReading = on;
  madeCache?.clear();
}

/**
 * Whether a chunk can be parsed in one call with its neighbours and give the blocks it gives alone.
 * A chunk after the first starts with a heading line after a blank line (scanChunkStarts), which
 * closes every block before it unless the heading is indented (a list item's continuation), or an
 * HTML block that only its end tag closes is open (`<pre>`, `<script>`, `<!DOCTYPE`...). And a
 * reference definition ("[label]: url") in one chunk would resolve a reference in another. So a
 * group holds only chunks without "<" or "]:", each after the first opening with "#" in column 1.
 */
const groupable = (text: string) => !GROUP_BREAKERS.test(text);
const GROUP_BREAKERS = /<|\]:/;

/** The blocks of `chunks` (parsed together) are those of each chunk parsed alone: each chunk after the first opens with its heading, and no block runs past its chunk's end. */
function sameAsAlone(chunks: CachedChunk[]): boolean {
  for (let k = 0; k < chunks.length; k++) {
    const next = k + 1 < chunks.length ? chunks[k + 1].at : Infinity;
    const own = chunks[k].blocks;
    if (k > 0 && (own.length === 0 || own[0].kind !== 'heading' || own[0].start !== chunks[k].at)) return false;
    if (own.length && own[own.length - 1].end > next) return false;
  }
  return true;
}

// A parse call has a fixed cost (micromark combines its constructs and the tree builder its
// handlers anew on every call), and each function of the parser runs cold on a process's first
// document: parsing a 1 MB contract's 1,200 chunks in groups of about 8,000 characters took about a
// third less CPU in a fresh process than one call per chunk. Larger groups gain little more, and one
// call for the whole text is slower (micromark's cost grows faster than the text).
const GROUP_CHARS = 8_192;

/** A copy of `offsets` moved by `by` (a loop: TypedArray map calls a function per element). */
function shifted(offsets: Int32Array, by: number): Int32Array {
  const out = new Int32Array(offsets.length);
  for (let i = 0; i < offsets.length; i++) out[i] = offsets[i] + by;
  return out;
}

/**
 * Leaf blocks of the whole document, with absolute offsets, parsed chunk by chunk (each chunk's
 * blocks cached by its text). Chunks not in the cache are parsed several at a time when that gives
 * the same blocks (see groupable and GROUP_CHARS).
 */
export function parseMarkdown(original: string, shareOffsets = false): ParsedMarkdown {
  const text = capMarkup(original);
  // A cached chunk parsed where it now stands shares its offsets; one that has moved (text inserted
  // or removed before it since it was parsed, or the same chunk in another document) was copied
  // with every offset moved: after edits, most of a 1 MB model's offsets (4 bytes a character).
  // The incremental model's blocks take an array plus a shift instead (model/offsetBlock.ts).
  const shifts: number[] | null = shareOffsets && text === original ? [] : null;
  const { starts } = scanChunkStarts(text);
  const blocks: RawBlock[] = [];
  const endOf = (i: number) => (i + 1 < starts.length ? starts[i + 1] : text.length);
  let yaml: ParsedMarkdown['yaml'] = null;
  const caching = textCachesOn();
  const used: CachedChunk[] | null = shifts && caching ? [] : null;
  // Plain blocks' offset maps are views of one counting array without the caches (blocks.ts countingView): made once at the document's size.
  if (!caching) countingUpTo(text.length + 1);
  for (let i = 0; i < starts.length;) {
    const texts = [text.slice(starts[i], endOf(i))];
    const cached = caching ? cache().get(keyOf(texts[0], i === 0)) : undefined;
    let chunks: CachedChunk[];
    if (cached) chunks = [cached];
    else {
      // Uncached chunks after this one join it while the group stays groupable and small.
      if (i > 0 && groupable(texts[0])) {
        let length = texts[0].length;
        for (let j = i + 1; j < starts.length && text.charCodeAt(starts[j]) === 35 /* # */; j++) {
          const next = text.slice(starts[j], endOf(j));
          if (length + next.length > GROUP_CHARS || !groupable(next) || (caching && cache().has(keyOf(next, false)))) break;
          texts.push(next);
          length += next.length;
        }
      }
      chunks = texts.length > 1 ? readGroup(text, starts, i, texts.length) : readChunks(texts[0], starts[i], [0], i === 0);
      if (caching) for (let k = 0; k < chunks.length; k++) keep(detached(keyOf(texts[k], i + k === 0)), chunks[k]);
    }
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k];
      used?.push(chunk);
      if (i + k === 0) yaml = chunk.yaml;
      const by = starts[i + k] - chunk.at;
      if (!caching) {
        // Without the cache the chunk was just read for this call and nothing else holds its
        // blocks (they are at their place: by is 0), so they are taken as they are. The copy below
        // is made by object spread, whose clones V8 keeps outside its shared map transitions: each
        // copy then got a hidden class of its own when the model added `section` (5,932 maps for
        // 5,992 blocks of the 1 MB contract), and every later read of a block's field in the
        // review went through the megamorphic cache (issue 13).
        // Indexed, as the loops below that run once per first model: a for-of loop allocates a result object per step until it is optimised.
        const own = chunk.blocks;
        for (let j = 0; j < own.length; j++) {
          const b = own[j];
          if (by !== 0) {
            b.start += by;
            b.end += by;
            b.sourceOffsets = shifted(b.sourceOffsets, by);
          }
          b.index = blocks.length;
          blocks.push(b);
        }
        continue;
      }
      for (const b of chunk.blocks) {
        blocks.push({
          ...b,
          index: blocks.length,
          start: b.start + by,
          end: b.end + by,
          sourceOffsets: by === 0 || shifts ? b.sourceOffsets : shifted(b.sourceOffsets, by),
        });
        shifts?.push(by);
      }
    }
    i += chunks.length;
  }
  if (text !== original) {
    for (const b of blocks) b.text = restoreOriginal(b.text, b.sourceOffsets, text, original);
    const fm = yaml as ParsedMarkdown['yaml'];
    if (fm) {
      const at = text.indexOf(fm.value, fm.span.start);
      if (at >= 0) yaml = { value: original.slice(at, at + fm.value.length), span: fm.span };
    }
  }
  if (shifts) return used ? { blocks, yaml, chunkStarts: starts, offsetShifts: shifts, chunks: used } : { blocks, yaml, chunkStarts: starts, offsetShifts: shifts };
  return { blocks, yaml, chunkStarts: starts };
}

/**
 * Chunks i to i + count - 1 of `text` parsed in one call, each as it would be alone; chunk by chunk
 * when the result shows they were not independent after all (sameAsAlone), which groupable should
 * never let happen.
 */
function readGroup(text: string, starts: number[], i: number, count: number): CachedChunk[] {
  const from = starts[i];
  const to = i + count < starts.length ? starts[i + count] : text.length;
  const local = starts.slice(i, i + count).map((s) => s - from);
  const chunks = readChunks(text.slice(from, to), from, local, false);
  if (sameAsAlone(chunks)) return chunks;
  return local.map((s, k) => readChunks(text.slice(from + s, k + 1 < count ? from + local[k + 1] : to), from + s, [0], false)[0]);
}
