import type { RawBlock } from './markdown';
import { countingMap, countingUpTo } from './blocks';
import { isSpaceCode } from './name-search';
import { collapseSpace } from './text';
import { textCachesOn } from './text-caches';

/**
 * Blocks of a plain-text contract (.txt, often converted from PDF), which must never be read as
 * Markdown: "#", "*" or four-space indents there are layout, not markup. Hand-written because no
 * Markdown library has a plain mode; the job is small: paragraphs at blank lines, page furniture
 * dropped, sentences rejoined across page breaks, and run-in numbered headings split off.
 */
export function parsePlainText(text: string): RawBlock[] {
  // Lines as parallel arrays (no object and no untrimmed copy per line): where each starts and ends
  // (before a "\r\n"), how much white space leads it, and its trimmed text (trim's white space is \s).
  const starts: number[] = [];
  const ends: number[] = [];
  const leads: number[] = [];
  const trimmed: string[] = [];
  const trimmedStarts: number[] = [];
  for (let pos = 0; pos <= text.length;) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let a = pos;
    while (a < end && isSpaceCode(text.charCodeAt(a))) a++;
    let b = end;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    starts.push(pos);
    ends.push(end);
    leads.push(a - pos);
    trimmed.push(text.slice(a, b));
    trimmedStarts.push(a);
    pos = nl + 1;
  }
  const furniture = furnitureOfTrimmed(trimmed, text, trimmedStarts);

  // Paragraphs (line numbers): runs of non-blank lines; furniture lines are skipped as if blank.
  const paragraphs: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed[i] === '' || furniture.has(i)) {
      if (current.length) { paragraphs.push(current); current = []; }
    } else current.push(i);
  }
  if (current.length) paragraphs.push(current);

  // A paragraph that stops mid-sentence and one that continues in lower case were split by a page break.
  const merged: typeof paragraphs = [];
  for (const p of paragraphs) {
    const prev = merged[merged.length - 1];
    const prevText = prev ? trimmed[prev[prev.length - 1]] : '';
    const firstText = trimmed[p[0]];
    if (prev && !/[.:;?!)"\u201d]$/.test(prevText) && /^[a-z]/.test(firstText) && !/^[a-z]{1,3}[.)]\s/.test(firstText)) {
      // A loop, not push(...p): a paragraph of 100,000+ lines would overflow the stack.
      for (const line of p) prev.push(line);
    } else merged.push(p);
  }

  // A one-shot model (no text caches: review(), the CLI) gives a paragraph read verbatim views of one
  // counting array as offset maps (blocks.ts countingView), as parseMarkdown does for its plain blocks.
  const views = !textCachesOn();
  if (views) countingUpTo(text.length + 1);
  const blocks: RawBlock[] = [];
  for (const p of merged) {
    // Plain text joined with '\n' per line, each line without its leading white space; offsets map
    // each character back to the source.
    const from = starts[p[0]] + leads[p[0]];
    let verbatim = true;
    for (let j = 1; verbatim && j < p.length; j++) verbatim = leads[p[j]] === 0 && starts[p[j]] === ends[p[j - 1]] + 1;
    let t: string;
    let offsets: Int32Array | null = null;
    if (verbatim) {
      // Lines after the first that start at their first character and are joined by a bare "\n" are
      // the source itself from the first line's first character: the map is from, from + 1, ..., made
      // only per block below.
      t = text.slice(from, ends[p[p.length - 1]]).trimEnd();
    } else {
      // The offsets go straight into one typed array per paragraph (a number per character in a plain
      // array, copied again per block, was most of the cost of reading a plain-text contract).
      const parts: string[] = [];
      let size = p.length - 1;
      for (const i of p) size += ends[i] - starts[i] - leads[i];
      offsets = new Int32Array(size);
      let n = 0;
      for (let j = 0; j < p.length; j++) {
        const i = p[j];
        if (j > 0) offsets[n++] = ends[p[j - 1]];
        const at = starts[i] + leads[i];
        parts.push(text.slice(at, ends[i]));
        for (let k = at; k < ends[i]; k++) offsets[n++] = k;
      }
      t = parts.join('\n').trimEnd();
    }
    RUN_IN.lastIndex = 0;
    for (let a = 0; a < t.length;) {
      const m = RUN_IN.exec(t);
      const b = m === null ? t.length : m.index + m[0].length;
      let s = a;
      a = b;
      while (s < b && isSpaceCode(t.charCodeAt(s))) s++;
      if (s >= b) continue;
      const piece = t.slice(s, b).trimEnd();
      let sourceOffsets: Int32Array;
      if (offsets === null) {
        const at = from + s;
        if (views) sourceOffsets = countingMap(at, piece.length + 1);
        else {
          sourceOffsets = new Int32Array(piece.length + 1);
          for (let k = 0; k <= piece.length; k++) sourceOffsets[k] = at + k;
        }
      } else {
        sourceOffsets = new Int32Array(piece.length + 1);
        sourceOffsets.set(offsets.subarray(s, s + piece.length));
        sourceOffsets[piece.length] = sourceOffsets[piece.length - 1] + 1;
      }
      const end = sourceOffsets[piece.length];
      blocks.push({ index: blocks.length, kind: 'paragraph', start: sourceOffsets[0], end, text: piece, sourceOffsets, quoted: false });
    }
  }
  return blocks;
}

// A numbered clause heading run into the text after a full stop: "... Services. 12.1 Governing Law. This ...".
const RUN_IN = /[.;:]\s+(?=\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+[A-Z][A-Za-z'-]+(?:\s+(?:[A-Z][A-Za-z'-]+|and|of|or|for|to|the|on|in|&)){0,6}[.:]\s)/g;

/**
 * Page furniture: page numbers ("12", "- 12 -", "Page 3 of 9") and short lines repeated on many
 * pages (running headers and footers). Returns the indexes of those lines.
 */
export function furnitureLines(lines: string[]): Set<number> {
  return furnitureOfTrimmed(lines.map((l) => l.trim()));
}

/** Does the (trimmed) line end in ".", ";" or ":"? */
function endsInStop(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return c === 46 || c === 59 || c === 58;
}

/**
 * furnitureLines of lines already trimmed; when given, line i is also `source` from `starts[i]`
 * (read there by keyHash: one flat string rather than a slice per line).
 */
function furnitureOfTrimmed(lines: string[], source?: string, starts?: number[]): Set<number> {
  const out = new Set<number>();
  // A line's key: digits runs as "#", white space runs as one space, lower case. Only the counts of
  // lines not ending in a stop are read below, and a line ending in one has a key ending in it (no
  // other character lower-cases to a stop), so such lines are not counted. Most lines of a contract
  // converted from a PDF are short enough to be counted, and making every key (three new strings)
  // was most of this function's time: keys are first counted by a number that is a function of the
  // key (keyHash, made without the key), and the keys themselves are made and counted only for
  // lines whose number is shared by three or more, which every line of a key counted three times is.
  const eligible = (t: string) => t.length > 0 && t.length <= 90 && !endsInStop(t);
  const hashCounts = new Map<number, number>();
  const hashes: number[] = new Array(lines.length).fill(0);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (!eligible(t)) continue;
    const h = source === undefined ? keyHash(t, 0, t.length) : keyHash(source, starts![i], starts![i] + t.length);
    hashes[i] = h;
    hashCounts.set(h, (hashCounts.get(h) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  const keys: Array<string | undefined> = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    if (!eligible(lines[i]) || (hashCounts.get(hashes[i]) ?? 0) < 3) continue;
    const k = (keys[i] = furnitureKey(lines[i]));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // A line over 90 characters (most lines of a contract converted from a PDF) is furniture only when
  // its key is one counted three times; hashing all of each such line to find out was most of this
  // function's time (issue 13, climodel). The keys' openings are hashed first: a line whose key opens
  // otherwise than every key counted three times is passed over having read its first few characters.
  let openings: Set<number> | null = null;
  for (const [k, n] of counts) if (n >= 3) (openings ??= new Set()).add(stringHash(k.slice(0, KEY_OPENING)));
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (!t) continue;
    if (/^(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*-)?$/i.test(t)) out.add(i);
    // A running header or footer repeats on at least three pages; a repeated short heading like "None." does not carry page numbers or sources.
    else if (t.length >= 12 && !endsInStop(t) && (t.length <= 90 || mayOpenKey(t, openings)) && (hashCounts.get(t.length <= 90 ? hashes[i] : longKeyHash(t)) ?? 0) >= 3) {
      // A longer line is not counted but may share its key with three that are.
      if ((counts.get(keys[i] ?? furnitureKey(t)) ?? 0) >= 3) out.add(i);
    }
  }
  return out;
}

function furnitureKey(t: string): string {
  return collapseSpace(t.replace(/\d+/g, '#')).toLowerCase();
}

/**
 * FNV-1a (32 bit) of furnitureKey(t.slice(from, to))'s UTF-16 codes. An ASCII line's key is read off as it goes
 * (a digit run is "#", a white space run one space, A-Z lower case); a line with any other
 * character has its key made (lower-casing outside ASCII can change lengths or depend on
 * neighbours), so equal keys always give equal numbers.
 */
function keyHash(t: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to;) {
    let c = t.charCodeAt(i);
    if (c >= 128) return stringHash(furnitureKey(t.slice(from, to)));
    if (c >= 48 && c <= 57) {
      c = 35;
      do i++; while (i < to && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57);
    } else if (c === 32 || (c >= 9 && c <= 13)) {
      c = 32;
      i++;
      for (let d = t.charCodeAt(i); i < to && (d === 32 || (d >= 9 && d <= 13) || d >= 128); d = t.charCodeAt(i)) {
        if (d >= 128) return stringHash(furnitureKey(t.slice(from, to)));
        i++;
      }
    } else {
      if (c >= 65 && c <= 90) c += 32;
      i++;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

/** How many lines over 90 characters furnitureOfTrimmed hashed whole (for tests). */
export const furnitureStats = { longLinesHashed: 0 };

function longKeyHash(t: string): number {
  furnitureStats.longLinesHashed++;
  return keyHash(t, 0, t.length);
}

/** How many of a key's first characters furnitureOfTrimmed compares before hashing a long line whole. */
const KEY_OPENING = 12;

/**
 * Whether the key of the (trimmed) line t may be one whose opening (its first KEY_OPENING
 * characters, stringHash'd) is in `openings`: false when none is, or when t's key opens with none of
 * them. The opening is read off an ASCII line as keyHash reads a key; a line with another character
 * there (its key is made by furnitureKey, whose lower case may differ in length) may be any.
 */
function mayOpenKey(t: string, openings: Set<number> | null): boolean {
  if (openings === null) return false;
  let h = 0x811c9dc5;
  let n = 0;
  for (let i = 0; i < t.length && n < KEY_OPENING; n++) {
    let c = t.charCodeAt(i);
    if (c >= 128) return true;
    if (c >= 48 && c <= 57) {
      c = 35;
      do i++; while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57);
    } else if (c === 32 || (c >= 9 && c <= 13)) {
      c = 32;
      i++;
      for (let d = t.charCodeAt(i); i < t.length && (d === 32 || (d >= 9 && d <= 13) || d >= 128); d = t.charCodeAt(i)) {
        if (d >= 128) return true;
        i++;
      }
    } else {
      if (c >= 65 && c <= 90) c += 32;
      i++;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return openings.has(h);
}

function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
