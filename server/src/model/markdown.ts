import { LRUCache } from 'lru-cache';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { remarkGfmWithoutFootnotes } from './gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import type { Block, Span } from './types';
import { extractBlocks } from './blocks';
import { capEmphasisRuns, capInlineMarkup, capNesting, restoreOriginal } from './nesting';

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
  const tables = MAYBE_DELIMITER_ROW.test(text);
  const at = (tables ? 1 : 0) + (first ? 2 : 0);
  return (processors[at] ??= makeProcessor(tables, first));
}
const MAYBE_DELIMITER_ROW = /^[ \t>|:-]*[|:][ \t>|:-]*$/m;
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
}

interface Chunk { blocks: RawBlock[]; yaml: { value: string; span: Span } | null }

// Parsing is the costliest step of building the model (micromark runs at roughly 1 MB/s; a
// 300 KB contract took ~400 ms a keystroke, measured with `npm run bench`). The text is cut into
// chunks at ATX headings, which close every Markdown block before them, and each chunk's blocks are
// cached by its text: typing in one section re-parses that section only.
const cache = new LRUCache<string, Chunk>({ max: 4000 });

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

/** The blocks of one chunk (offsets relative to the chunk), memoised by its text. */
export function parseChunk(text: string, first: boolean): Chunk {
  const key = (first ? '1' : '0') + text;
  const hit = cache.get(key);
  if (hit) return hit;
  const tree = processorFor(text, first).parse(text) as Root;
  let yaml: Chunk['yaml'] = null;
  const node = first ? tree.children.find((n) => n.type === 'yaml') : undefined;
  if (node && node.type === 'yaml') yaml = { value: node.value, span: { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 } };
  const chunk = { blocks: extractBlocks(tree, text), yaml };
  cache.set(key, chunk);
  return chunk;
}

/** A copy of `offsets` moved by `by` (a loop: TypedArray map calls a function per element). */
function shifted(offsets: Int32Array, by: number): Int32Array {
  const out = new Int32Array(offsets.length);
  for (let i = 0; i < offsets.length; i++) out[i] = offsets[i] + by;
  return out;
}

/** Leaf blocks of the whole document, with absolute offsets, parsed chunk by chunk. */
export function parseMarkdown(original: string): ParsedMarkdown {
  const text = capMarkup(original);
  const { starts } = scanChunkStarts(text);
  const blocks: RawBlock[] = [];
  let yaml: ParsedMarkdown['yaml'] = null;
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const chunk = parseChunk(text.slice(start, end), i === 0);
    if (i === 0) yaml = chunk.yaml;
    for (const b of chunk.blocks) {
      blocks.push({
        ...b,
        index: blocks.length,
        start: b.start + start,
        end: b.end + start,
        sourceOffsets: start === 0 ? b.sourceOffsets : shifted(b.sourceOffsets, start),
      });
    }
  });
  if (text !== original) {
    for (const b of blocks) b.text = restoreOriginal(b.text, b.sourceOffsets, text, original);
    const fm = yaml as ParsedMarkdown['yaml'];
    if (fm) {
      const at = text.indexOf(fm.value, fm.span.start);
      if (at >= 0) yaml = { value: original.slice(at, at + fm.value.length), span: fm.span };
    }
  }
  return { blocks, yaml, chunkStarts: starts };
}
