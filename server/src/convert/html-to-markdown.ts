/**
 * HTML -> Markdown with unified (rehype-parse, rehype-remark, remark-gfm, remark-stringify): the same
 * toolchain the project reads Markdown with, so headings, bold defined terms, lists and tables come
 * out as the Markdown the reviewer expects. Paragraph anchors that the Word importer plants
 * (`<a id="_cwp17">`) become the line -> Word paragraph map instead of text.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { PARAGRAPH_BOOKMARK } from './docx-numbering';

export interface MarkdownWithSources {
  markdown: string;
  /** For each Markdown line (0-based), the Word paragraph it came from; null where none. */
  paragraphOfLine: Array<number | null>;
}

// Private-use characters: they never occur in contract text and remark-stringify leaves them alone.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

/** Replaces the paragraph anchors with text markers, which survive the conversion to Markdown. */
function anchorsToMarkers(node: HastRoot | Element): void {
  node.children = node.children.map((c): RootContent => {
    if (c.type !== 'element') return c;
    // Images would arrive as long data: URIs; a contract review needs none of them.
    if (c.tagName === 'img') return { type: 'text', value: '' };
    const id = c.tagName === 'a' ? String(c.properties?.id ?? '') : '';
    if (id.startsWith(PARAGRAPH_BOOKMARK) && /^\d+$/.test(id.slice(PARAGRAPH_BOOKMARK.length)) && c.children.length === 0) {
      return { type: 'text', value: `${OPEN}${id.slice(PARAGRAPH_BOOKMARK.length)}${CLOSE}` };
    }
    anchorsToMarkers(c);
    if (c.tagName === 'table') promoteHeaderRow(c);
    return c;
  });
}

/**
 * Word tables have no header row as such; a Markdown table must have one. The first row becomes it
 * (as Word shows it, on top), rather than letting the converter add an empty one.
 */
function promoteHeaderRow(table: Element): void {
  const isTr = (n: RootContent): n is Element => n.type === 'element' && n.tagName === 'tr';
  if (table.children.some((c) => c.type === 'element' && c.tagName === 'thead')) return;
  const body = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'tbody') ?? table;
  const first = body.children.find(isTr);
  if (!first) return;
  body.children = body.children.filter((c) => c !== first);
  for (const cell of first.children) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
  table.children.unshift({ type: 'element', tagName: 'thead', properties: {}, children: [first] });
}

/** Text at the start of a paragraph that Markdown would read as a list item, heading or quote. */
const BLOCK_START = /^(\d{1,9})([.)])(\s|$)|^([-+*#>])(\s|$)/;

export function htmlToMarkdown(html: string): MarkdownWithSources {
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: HastRoot) => anchorsToMarkers(tree))
    .use(rehypeRemark)
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', listItemIndent: 'one', fences: true });
  const raw = String(processor.processSync(html));

  const lines = raw.replace(/\n+$/, '').split('\n');
  const paragraphOfLine: Array<number | null> = [];
  const out: string[] = [];
  let previous: number | null = null;
  for (const line of lines) {
    let first: number | null = null;
    MARKER.lastIndex = 0;
    for (const m of line.matchAll(MARKER)) { first = Number(m[1]); break; }
    let text = line.replace(MARKER, '');
    // A paragraph that begins "1. " or "- " in Word is text, not a Markdown list: keep it text.
    if (line.startsWith(OPEN)) text = text.replace(BLOCK_START, (m, num: string, punct: string, sp: string, sym: string, sp2: string) => (num ? `${num}\\${punct}${sp}` : `\\${sym}${sp2}`));
    // Blanks to fill in ("dated ____ 2025") are text, not emphasis: keep them as typed.
    text = text.replace(/(?:\\_){3,}/g, (m) => (text.trim() === m ? m : '_'.repeat(m.length / 2)));
    // The delimiter row was sized with the markers still in the cells: size it again.
    if (/^\|(\s*:?-+:?\s*\|)+$/.test(text)) text = text.replace(/-+/g, '---').replace(/ +/g, ' ');
    else if (text.startsWith('|')) text = text.replace(/ {2,}\|/g, ' |');
    const blank = text.trim() === '';
    const paragraph: number | null = blank ? null : first ?? previous;
    paragraphOfLine.push(paragraph);
    previous = paragraph;
    out.push(text.replace(/\s+$/, ''));
  }
  return { markdown: `${out.join('\n')}\n`, paragraphOfLine };
}
