import type { RawBlock } from './markdown';
import { collapseSpace } from './text';

/**
 * Blocks of a plain-text contract (.txt, often converted from PDF), which must never be read as
 * Markdown: "#", "*" or four-space indents there are layout, not markup. Hand-written because no
 * Markdown library has a plain mode; the job is small: paragraphs at blank lines, page furniture
 * dropped, sentences rejoined across page breaks, and run-in numbered headings split off.
 */
export function parsePlainText(text: string): RawBlock[] {
  const lines: Array<{ start: number; end: number; text: string }> = [];
  for (let pos = 0; pos <= text.length;) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const end = nl > pos && text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ start: pos, end, text: text.slice(pos, end) });
    pos = nl + 1;
  }
  const trimmed = lines.map((l) => l.text.trim());
  const furniture = furnitureOfTrimmed(trimmed);

  // Paragraphs: runs of non-blank lines; furniture lines are skipped as if blank.
  const paragraphs: Array<Array<{ start: number; end: number; text: string }>> = [];
  let current: typeof lines = [];
  const close = () => { if (current.length) paragraphs.push(current); current = []; };
  lines.forEach((l, i) => {
    if (trimmed[i] === '' || furniture.has(i)) close();
    else current.push(l);
  });
  close();

  // A paragraph that stops mid-sentence and one that continues in lower case were split by a page break.
  const merged: typeof paragraphs = [];
  for (const p of paragraphs) {
    const prev = merged[merged.length - 1];
    const prevText = prev?.[prev.length - 1].text.trim() ?? '';
    const firstText = p[0].text.trim();
    if (prev && !/[.:;?!)"\u201d]$/.test(prevText) && /^[a-z]/.test(firstText) && !/^[a-z]{1,3}[.)]\s/.test(firstText)) {
      // A loop, not push(...p): a paragraph of 100,000+ lines would overflow the stack.
      for (const line of p) prev.push(line);
    } else merged.push(p);
  }

  const blocks: RawBlock[] = [];
  for (const p of merged) {
    // Plain text joined with '\n' per line; offsets map each character back to the source. The
    // offsets go straight into one typed array per paragraph (a number per character in a plain
    // array, copied again per block, was most of the cost of reading a plain-text contract).
    const parts: string[] = [];
    let size = p.length - 1;
    for (const l of p) size += l.text.length;
    const offsets = new Int32Array(size);
    let n = 0;
    p.forEach((l, j) => {
      if (j > 0) offsets[n++] = p[j - 1].end;
      const part = l.text.trimStart();
      parts.push(part);
      for (let k = l.text.length - part.length, at = l.start + k; k < l.text.length; k++) offsets[n++] = at++;
    });
    const t = parts.join('\n').trimEnd();
    for (const [a, b] of runInSplits(t)) {
      let s = a;
      while (s < b && /\s/.test(t[s])) s++;
      if (s >= b) continue;
      const piece = t.slice(s, b).trimEnd();
      const sourceOffsets = new Int32Array(piece.length + 1);
      sourceOffsets.set(offsets.subarray(s, s + piece.length));
      const end = sourceOffsets[piece.length - 1] + 1;
      sourceOffsets[piece.length] = end;
      blocks.push({ index: blocks.length, kind: 'paragraph', start: sourceOffsets[0], end, text: piece, sourceOffsets, quoted: false });
    }
  }
  return blocks;
}

// A numbered clause heading run into the text after a full stop: "... Services. 12.1 Governing Law. This ...".
const RUN_IN = /[.;:]\s+(?=\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+[A-Z][A-Za-z'-]+(?:\s+(?:[A-Z][A-Za-z'-]+|and|of|or|for|to|the|on|in|&)){0,6}[.:]\s)/g;

/** Ranges of a paragraph's text, cut before each run-in numbered heading. */
function runInSplits(t: string): Array<[number, number]> {
  const cuts = [0];
  for (const m of t.matchAll(RUN_IN)) cuts.push(m.index! + m[0].length);
  cuts.push(t.length);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i++) out.push([cuts[i], cuts[i + 1]]);
  return out;
}

/**
 * Page furniture: page numbers ("12", "- 12 -", "Page 3 of 9") and short lines repeated on many
 * pages (running headers and footers). Returns the indexes of those lines.
 */
export function furnitureLines(lines: string[]): Set<number> {
  return furnitureOfTrimmed(lines.map((l) => l.trim()));
}

const ENDS_IN_STOP = /[.;:]$/;

/** furnitureLines of lines already trimmed. */
function furnitureOfTrimmed(lines: string[]): Set<number> {
  const out = new Set<number>();
  const counts = new Map<string, number>();
  // Keys are computed once per line, and only for lines the tests below can reach.
  const keys: Array<string | undefined> = new Array(lines.length);
  const key = (i: number) => (keys[i] ??= collapseSpace(lines[i].replace(/\d+/g, '#')).toLowerCase());
  // Only the counts of lines not ending in a stop are read below, and a line ending in one has a key
  // ending in it (no other character lower-cases to a stop), so such lines are not counted.
  lines.forEach((t, i) => {
    if (t && t.length <= 90 && !ENDS_IN_STOP.test(t)) { const k = key(i); counts.set(k, (counts.get(k) ?? 0) + 1); }
  });
  lines.forEach((t, i) => {
    if (!t) return;
    if (/^(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*-)?$/i.test(t)) out.add(i);
    // A running header or footer repeats on at least three pages; a repeated short heading like "None." does not carry page numbers or sources.
    else if (t.length >= 12 && !ENDS_IN_STOP.test(t) && (counts.get(key(i)) ?? 0) >= 3) out.add(i);
  });
  return out;
}
