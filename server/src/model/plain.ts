import type { RawBlock } from './markdown';

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
  const furniture = furnitureLines(lines.map((l) => l.text));

  // Paragraphs: runs of non-blank lines; furniture lines are skipped as if blank.
  const paragraphs: Array<Array<{ start: number; end: number; text: string }>> = [];
  let current: typeof lines = [];
  const close = () => { if (current.length) paragraphs.push(current); current = []; };
  lines.forEach((l, i) => {
    if (l.text.trim() === '' || furniture.has(i)) close();
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
    // Plain text joined with '\n' per line; offsets map each character back to the source.
    let t = '';
    const offsets: number[] = [];
    p.forEach((l, j) => {
      if (j > 0) { t += '\n'; offsets.push(p[j - 1].end); }
      const lead = l.text.length - l.text.trimStart().length;
      t += l.text.slice(lead);
      for (let k = lead; k < l.text.length; k++) offsets.push(l.start + k);
    });
    const trailing = t.length - t.trimEnd().length;
    if (trailing) { t = t.slice(0, t.length - trailing); offsets.length = t.length; }
    for (const [a, b] of runInSplits(t)) {
      let s = a;
      while (s < b && /\s/.test(t[s])) s++;
      if (s >= b) continue;
      const piece = t.slice(s, b).trimEnd();
      const o = offsets.slice(s, s + piece.length);
      const end = o[o.length - 1] + 1;
      blocks.push({ index: blocks.length, kind: 'paragraph', start: o[0], end, text: piece, sourceOffsets: Int32Array.from([...o, end]), quoted: false });
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
  const out = new Set<number>();
  const counts = new Map<string, number>();
  const key = (s: string) => s.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
  for (const l of lines) {
    const k = key(l);
    if (k && l.trim().length <= 90) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  lines.forEach((l, i) => {
    const t = l.trim();
    if (!t) return;
    if (/^(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*-)?$/i.test(t)) out.add(i);
    // A running header or footer repeats on at least three pages; a repeated short heading like "None." does not carry page numbers or sources.
    else if ((counts.get(key(l)) ?? 0) >= 3 && t.length >= 12 && !/[.;:]$/.test(t)) out.add(i);
  });
  return out;
}
