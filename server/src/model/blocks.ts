import type { Nodes, Parent, Root, RootContent, PhrasingContent } from 'mdast';
import type { Block, BlockKind } from './types';
import { textCachesOn } from './text-caches';

/**
 * Flattens a Markdown syntax tree into leaf blocks of plain text. Each block keeps a per-character
 * map back to the source, so that a match in the plain text (where `**`, links and escapes are gone)
 * lands on the exact characters of the source.
 */
export function extractBlocks(tree: Root, source: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const pos = (node: Nodes) => {
    const start = node.position?.start.offset ?? 0;
    return { start, end: node.position?.end.offset ?? start };
  };

  // The tree is walked with an explicit stack, not recursion: 5,000 nested block quotes would
  // otherwise overflow the call stack. Children are pushed in reverse so they pop in document order.
  interface Frame { node: Nodes; quoted: boolean; listNumber?: string; listPrefix: string }
  const stack: Frame[] = [];
  const later: Frame[] = [];
  const schedule = (node: Nodes, quoted: boolean, listNumber?: string, listPrefix = ''): void => {
    later.push({ node, quoted, listNumber, listPrefix });
  };
  const step = ({ node, quoted, listNumber, listPrefix }: Frame): void => {
    switch (node.type) {
      case 'heading': {
        const offsets: number[] = [];
        const text = inlineText(node.children, source, offsets);
        const { start, end } = pos(node);
        pushHeading(blocks, start, end, text, offsets, node.depth, quoted);
        return;
      }
      case 'paragraph': {
        const offsets: number[] = [];
        const text = inlineText(node.children, source, offsets);
        const { start, end } = pos(node);
        pushParagraph(blocks, start, end, text, offsets, quoted, listNumber);
        return;
      }
      case 'tableRow': {
        // Cells are joined with " | " so that a row reads as one line of text.
        let text = '';
        const offsets: number[] = [];
        node.children.forEach((cell, i) => {
          if (i > 0) {
            const at = cell.position?.start.offset ?? 0;
            text += ' | ';
            offsets.push(at, at, at);
          }
          text += inlineText(cell.children, source, offsets);
        });
        const { start, end } = pos(node);
        pushInline(blocks, 'tableRow', start, end, text, offsets, { quoted });
        return;
      }
      case 'code': {
        const { start, end } = pos(node);
        pushCode(blocks, source, start, end, quoted);
        return;
      }
      case 'html': {
        const { start, end } = pos(node);
        pushHtml(blocks, start, end, node.value, quoted);
        return;
      }
      case 'blockquote':
        for (const child of node.children) schedule(child, true, undefined, listPrefix);
        return;
      case 'list': {
        const startNumber = node.ordered ? (node.start ?? 1) : null;
        // Nested ordered lists number their items hierarchically: "2." inside "1." is clause 1.2.
        node.children.forEach((item, i) => {
          const own = startNumber !== null ? orderedMarker(source, item.position?.start.offset) ?? String(startNumber + i) : undefined;
          const full = own !== undefined ? listPrefix + own : undefined;
          item.children.forEach((child, j) => {
            schedule(child, quoted, j === 0 ? full : undefined, full !== undefined ? full + '.' : listPrefix);
          });
        });
        return;
      }
      default:
        if ('children' in node) {
          for (const child of (node as Parent).children) schedule(child as RootContent, quoted, undefined, listPrefix);
        }
    }
  };

  for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i], quoted: false, listPrefix: '' });
  while (stack.length) {
    step(stack.pop()!);
    // Children scheduled by this step, in document order, go on the stack reversed.
    while (later.length) stack.push(later.pop()!);
  }
  return blocks;
}

export type RawBlock = Omit<Block, 'section' | 'sentences'>;

/*
 * How each kind of leaf becomes blocks, shared by the two ways of reading the parser's output: the
 * mdast tree (extractBlocks, the reference) and micromark's events (model/events.ts), so both give the
 * same blocks from the same text, positions and offsets.
 */

/** A block of inline text: `rawOffsets` (one per character of `rawText`) gets the block's end appended. */
export function pushInline(blocks: RawBlock[], kind: BlockKind, start: number, end: number, rawText: string, rawOffsets: number[], extra: Partial<Block> = {}): void {
  const { text, offsets } = dropCarriageReturns(rawText, rawOffsets);
  offsets.push(end);
  blocks.push({ index: blocks.length, kind, start, end, text, sourceOffsets: new Int32Array(offsets), quoted: false, ...extra });
}

export function pushHeading(blocks: RawBlock[], start: number, end: number, rawText: string, rawOffsets: number[], depth: number, quoted: boolean): void {
  pushInline(blocks, 'heading', start, end, rawText, rawOffsets, { depth: depth as Block['depth'], quoted });
}

/**
 * A heading or a paragraph whose text is its source verbatim from `from` (plain-chunk.ts): the
 * block pushInline makes from the offsets from, from + 1, ... and `end`, with the offset map made
 * at its final size. Made through an array of numbers, grown by the end and copied into the map,
 * these maps were 26 MB of the 188 MB a first review of the 1 MB bench contract allocates (issue 13).
 * The text holds no carriage return (plain-chunk.ts declines them).
 */
export function pushVerbatim(blocks: RawBlock[], kind: 'heading' | 'paragraph', start: number, end: number, from: number, text: string, extra: Partial<Block>): void {
  const n = text.length;
  let offsets: Int32Array;
  // Its callers' blocks end where their text does (end === from + n): the map is the run from, from + 1, ..., end.
  if (end === from + n && from + n < counting.length && !textCachesOn()) offsets = countingView(from, n + 1);
  else {
    offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i] = from + i;
    offsets[n] = end;
  }
  blocks.push({ index: blocks.length, kind, start, end, text, sourceOffsets: offsets, quoted: false, ...extra });
}

/**
 * A view of `length` entries from `from` of one array whose every entry is its own index. A build
 * without the text caches (review(), the CLI: models built once, never edited) gives its verbatim
 * blocks such views instead of a map each: the 1 MB contract's 5,900 plain blocks each allocated
 * a buffer outside the heap (a malloc and a buffer object the collector tracks) and filled it in a
 * loop that runs cold in a first review (issue 13). Nothing writes into a block's map once it is
 * made at its place (markdown.ts moves only the parser's blocks, which are its own arrays). With
 * the caches on, blocks are kept in the parse cache across edits and keep their own maps.
 */
export function countingView(from: number, length: number): Int32Array {
  if (from + length > counting.length) growCounting(from + length);
  return new Int32Array(counting.buffer, from * 4, length);
}
let counting = new Int32Array(0);
/**
 * The offset map from, from + 1, ..., from + length - 1: countingView's view when it lies inside the
 * array (the caller made it the document's size with countingUpTo), else a map of its own. For
 * models built without the text caches only (parsePlainText's verbatim paragraphs).
 */
export function countingMap(from: number, length: number): Int32Array {
  if (from + length <= counting.length) return new Int32Array(counting.buffer, from * 4, length);
  const offsets = new Int32Array(length);
  for (let i = 0; i < length; i++) offsets[i] = from + i;
  return offsets;
}

/** 16 MB: a 4-million-character document. */
const COUNTING_MAX = 1 << 22;

/**
 * Makes countingView's array at least `length` long (parseMarkdown sizes it to the document once),
 * up to COUNTING_MAX entries: the array stays for the process, and a longer document's verbatim
 * blocks get maps of their own as before (pushVerbatim takes a view only inside the array).
 */
export function countingUpTo(length: number): void {
  if (length > counting.length && length <= COUNTING_MAX) growCounting(length);
}

function growCounting(length: number): void {
  const grown = new Int32Array(Math.max(length, Math.min(2 * counting.length, COUNTING_MAX)));
  for (let i = 0; i < grown.length; i++) grown[i] = i;
  counting = grown;
}

/** pushParagraph of a paragraph that is its source [start, end) verbatim, with pushVerbatim's map when it is not split. */
export function pushVerbatimParagraph(blocks: RawBlock[], start: number, end: number, text: string): void {
  if (splitAtNumberedLines(text).length === 1) {
    pushVerbatim(blocks, 'paragraph', start, end, start, text, { quoted: false, listNumber: undefined });
    return;
  }
  const offsets = new Array<number>(end - start);
  for (let i = 0; i < offsets.length; i++) offsets[i] = start + i;
  pushParagraph(blocks, start, end, text, offsets, false, undefined);
}

/** A paragraph, split before lines that start with a clause number. */
export function pushParagraph(blocks: RawBlock[], nodeStart: number, nodeEnd: number, rawText: string, rawOffsets: number[], quoted: boolean, listNumber: string | undefined): void {
  const { text, offsets } = dropCarriageReturns(rawText, rawOffsets);
  // Text converted from Word often has no blank lines between clauses: a line that starts
  // with a clause number ("2.1.", "(a)") starts a block of its own.
  const pieces = splitAtNumberedLines(text);
  if (pieces.length === 1) {
    pushInline(blocks, 'paragraph', nodeStart, nodeEnd, text, offsets, { quoted, listNumber });
    return;
  }
  pieces.forEach(([from, to], i) => {
    let end = to;
    while (end > from && /\s/.test(text[end - 1])) end--;
    const start = offsets[from];
    const endOffset = end < text.length ? offsets[end - 1] + 1 : nodeEnd;
    blocks.push({
      index: blocks.length, kind: 'paragraph', start, end: endOffset, text: text.slice(from, end),
      sourceOffsets: withEnd(offsets.slice(from, end), endOffset), quoted,
      ...(i === 0 && listNumber !== undefined ? { listNumber } : {}),
    });
  });
}

/** Fenced code is left out of the text (an empty block); indented "code" is read as paragraphs. */
export function pushCode(blocks: RawBlock[], source: string, start: number, end: number, quoted: boolean): void {
  if (/^\s*(```|~~~)/.test(source.slice(start, start + 8))) {
    pushInline(blocks, 'code', start, end, '', [], { quoted });
    return;
  }
  // Indented "code" in a contract is text converted from Word or plain text, indented for
  // layout: read it as paragraphs, split at blank lines.
  for (const chunk of indentedChunks(source, start, end)) {
    blocks.push({ index: blocks.length, kind: 'paragraph', start: chunk.start, end: chunk.end, text: chunk.text, sourceOffsets: withEnd(chunk.offsets, chunk.end), quoted });
  }
}

export function pushHtml(blocks: RawBlock[], start: number, end: number, value: string, quoted: boolean): void {
  pushInline(blocks, 'html', start, end, value, Array.from({ length: value.length }, (_, i) => start + i), { quoted });
}

/** A block's offset map: one offset per character, then the block's end. */
function withEnd(offsets: number[], end: number): Int32Array {
  const out = new Int32Array(offsets.length + 1);
  out.set(offsets);
  out[offsets.length] = end;
  return out;
}

/** The number as written in an ordered-list marker ("12" in "12. GOVERNING LAW") of an item starting at `at`. */
export function orderedMarker(source: string, at: number | undefined): string | undefined {
  if (at === undefined) return undefined;
  const m = /^(\d{1,9})[.)]/.exec(source.slice(at, at + 12));
  return m?.[1];
}

/**
 * Plain text of phrasing content; the source offset of every character is appended to `offsets`
 * (straight into the caller's array: an array per text node, copied, was garbage for every word).
 */
function inlineText(children: PhrasingContent[], source: string, offsets: number[]): string {
  let text = '';
  // Walked with an explicit stack (deeply nested emphasis must not overflow the call stack).
  const stack: PhrasingContent[] = [];
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  const visit = (node: PhrasingContent) => {
    switch (node.type) {
      case 'text':
      case 'inlineCode': {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        alignValue(node.value, source, start, end, node.type === 'inlineCode', offsets);
        text += node.value;
        return;
      }
      case 'break': {
        const start = node.position?.start.offset ?? 0;
        text += '\n';
        offsets.push(start);
        return;
      }
      case 'html':
        // Inline HTML (<span>, <br>) is markup, not words of the contract.
        return;
      case 'image':
      case 'imageReference': {
        return;
      }
      case 'footnoteReference':
        return;
      default:
        if ('children' in node) {
          const kids = node.children as PhrasingContent[];
          for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
        }
    }
  };
  while (stack.length) visit(stack.pop()!);
  return text;
}

/**
 * Maps each character of a text node's value to its source offset. The value differs from the
 * source only by backslash escapes, character references and (in inline code) the backticks, so a
 * forward walk that skips those is exact.
 */
export function alignValue(value: string, source: string, start: number, end: number, isCode: boolean, out: number[]): void {
  if (!isCode && end - start === value.length) {
    for (let i = 0; i < value.length; i++) out.push(start + i);
    return;
  }
  let s = start;
  if (isCode) while (s < end && source[s] === '`') s++;
  for (let i = 0; i < value.length; i++) {
    // The parser reads a NUL character as U+FFFD.
    const ch = value[i] === '\uFFFD' && source[s] === '\u0000' ? '\u0000' : value[i];
    let at = -1;
    while (s < end && source[s] !== ch) {
      if (source[s] === '&') {
        const semi = source.indexOf(';', s);
        if (semi > s && semi - s < 12 && semi < end) {
          // A character reference (&amp;) produced this character.
          at = s;
          s = semi + 1;
          break;
        }
      }
      s++;
    }
    if (at === -1) {
      // A character not found maps to the node's last character, never past it.
      at = Math.max(start, Math.min(s, end - 1));
      if (s < end) s++;
    }
    out.push(at);
  }
}

/** Paragraphs of an indented block: text with the indentation removed, and each character's offset. */
function indentedChunks(source: string, start: number, end: number): Array<{ start: number; end: number; text: string; offsets: number[] }> {
  const out: Array<{ start: number; end: number; text: string; offsets: number[] }> = [];
  let text = '';
  let offsets: number[] = [];
  let lastEnd = start;
  const flush = () => {
    const trimmed = text.replace(/\s+$/, '');
    if (trimmed.length) out.push({ start: offsets[0], end: lastEnd, text: trimmed, offsets: offsets.slice(0, trimmed.length) });
    text = '';
    offsets = [];
  };
  let pos = start;
  while (pos < end) {
    let nl = source.indexOf('\n', pos);
    if (nl === -1 || nl > end) nl = end;
    let lineStart = pos;
    while (lineStart < nl && (source[lineStart] === ' ' || source[lineStart] === '\t')) lineStart++;
    let lineEnd = nl;
    if (lineEnd > lineStart && source[lineEnd - 1] === '\r') lineEnd--;
    if (lineStart >= lineEnd) flush();
    else {
      if (text.length) { text += '\n'; offsets.push(pos - 1); }
      for (let i = lineStart; i < lineEnd; i++) { text += source[i]; offsets.push(i); }
      lastEnd = lineEnd;
    }
    pos = nl + 1;
  }
  flush();
  return out;
}

const NUMBERED_LINE = /\n[ \t]*(?=(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.|\([a-z]{1,2}\)|\([ivx]{1,5}\)|[a-z]\))\s)/g;

/** [start, end) pieces of a paragraph, split before lines that begin with a clause number. */
function splitAtNumberedLines(text: string): Array<[number, number]> {
  if (!text.includes('\n')) return [[0, text.length]];
  const cuts: number[] = [];
  for (const m of text.matchAll(NUMBERED_LINE)) cuts.push(m.index! + m[0].length);
  if (!cuts.length) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let from = 0;
  for (const c of cuts) {
    out.push([from, c]);
    from = c;
  }
  out.push([from, text.length]);
  return out.filter(([a, b]) => text.slice(a, b).trim().length > 0);
}

/** Block text uses "\n" line breaks whatever the file uses (CRLF files keep "\r" in the syntax tree). */
function dropCarriageReturns(text: string, offsets: number[]): { text: string; offsets: number[] } {
  if (!text.includes('\r')) return { text, offsets };
  let out = '';
  const kept: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    out += text[i] === '\r' ? '\n' : text[i];
    kept.push(offsets[i]);
  }
  return { text: out, offsets: kept };
}
