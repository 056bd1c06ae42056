/**
 * Markdown -> Word, with the `docx` library: headings, paragraphs with bold and italic runs, lists
 * (Markdown's numbered lists as Word numbering, bullets as bullets), tables. Clause numbers typed in
 * the text ("4.2 The Supplier shall") stay text, as the draft has them.
 *
 * Given a base version, every difference is a Word tracked change by "Clausewise": paragraphs are
 * matched first, then the words of changed paragraphs are compared (`diff`), so a lawyer sees, and
 * can accept or reject, each inserted or deleted word. Given findings, each becomes a Word comment
 * on the paragraph it concerns.
 */
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun,
  LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type ParagraphChild,
} from 'docx';
import { diffArrays } from 'diff';
import { unified } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import type { List, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import { parse as parseYaml } from 'yaml';

export const REVISION_AUTHOR = 'Clausewise';

/** A stretch of text with one formatting. */
interface Piece { text: string; bold?: boolean; italics?: boolean; code?: boolean; lineBreak?: boolean }

interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'code';
  /** Heading depth 1-6. */
  depth?: number;
  /** List nesting (0 = outermost) for items and the paragraphs inside them; quote nesting otherwise. */
  indent: number;
  /** For list items: numbered or bulleted, and which list (numbering restarts per list). */
  ordered?: boolean;
  list?: number;
  pieces: Piece[];
  /** Markdown lines (0-based) the block spans. */
  startLine: number;
  endLine: number;
}
interface TableBlock { kind: 'table'; rows: Piece[][][]; startLine: number; endLine: number }
type Block = TextBlock | TableBlock;

export interface ExportComment {
  /** Markdown line (0-based) the comment is about; it is put on the paragraph holding that line. */
  line: number;
  text: string;
}

export interface ExportOptions {
  /** The earlier version: every difference from it becomes a tracked change. */
  base?: string;
  /** Comments to add (open findings). */
  comments?: ExportComment[];
  author?: string;
  date?: Date;
}

// ---- Markdown -> blocks

function piecesOf(nodes: readonly PhrasingContent[], style: Omit<Piece, 'text'> = {}): Piece[] {
  const out: Piece[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ ...style, text: n.value.replace(/\n/g, ' ') }); break;
      case 'strong': out.push(...piecesOf(n.children, { ...style, bold: true })); break;
      case 'emphasis': out.push(...piecesOf(n.children, { ...style, italics: true })); break;
      case 'delete': case 'link': case 'linkReference': out.push(...piecesOf(n.children, style)); break;
      case 'inlineCode': out.push({ ...style, code: true, text: n.value }); break;
      case 'break': out.push({ text: '', lineBreak: true }); break;
      case 'image': case 'imageReference': if (n.alt) out.push({ ...style, text: n.alt }); break;
      default: break; // inline HTML (clausewise-disable comments), footnote references
    }
  }
  return out;
}

const lineOf = (n: { position?: { start: { line: number }; end: { line: number } } }) => ({ startLine: (n.position?.start.line ?? 1) - 1, endLine: (n.position?.end.line ?? 1) - 1 });

function markdownToBlocks(markdown: string): { blocks: Block[]; title?: string } {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root;
  const blocks: Block[] = [];
  let title: string | undefined;
  let lists = 0;
  const visit = (nodes: readonly RootContent[], indent: number, quoted: number): void => {
    for (const n of nodes) {
      switch (n.type) {
        case 'yaml': {
          try {
            const fm = parseYaml(n.value) as { title?: unknown } | null;
            if (typeof fm?.title === 'string') title = fm.title;
          } catch { /* the review reports bad front matter; the export just leaves it out */ }
          break;
        }
        case 'heading': blocks.push({ kind: 'heading', depth: n.depth, indent: 0, pieces: piecesOf(n.children), ...lineOf(n) }); break;
        case 'paragraph': blocks.push({ kind: 'paragraph', indent: indent + quoted, pieces: piecesOf(n.children), ...lineOf(n) }); break;
        case 'code': blocks.push({ kind: 'code', indent, pieces: n.value.split('\n').flatMap((l, i) => [...(i ? [{ text: '', lineBreak: true }] : []), { text: l, code: true }]), ...lineOf(n) }); break;
        case 'blockquote': visit(n.children, indent, quoted + 1); break;
        case 'list': visitList(n, indent, quoted); break;
        case 'table': blocks.push(tableBlock(n)); break;
        default: break; // thematic breaks, HTML comments, definitions
      }
    }
  };
  const visitList = (list: List, indent: number, quoted: number): void => {
    const id = lists++;
    for (const item of list.children) {
      let first = true;
      for (const c of item.children) {
        if (first && c.type === 'paragraph') {
          blocks.push({ kind: 'item', indent, ordered: !!list.ordered, list: id, pieces: piecesOf(c.children), ...lineOf(c) });
          first = false;
        } else if (c.type === 'list') visitList(c, indent + 1, quoted);
        else visit([c], indent + 1, quoted);
      }
    }
  };
  visit(tree.children, 0, 0);
  return { blocks, title };
}

function tableBlock(t: MdTable): TableBlock {
  return { kind: 'table', rows: t.children.map((r) => r.children.map((c) => piecesOf(c.children))), ...lineOf(t) };
}

const textOf = (pieces: readonly Piece[]): string => pieces.map((p) => (p.lineBreak ? '\n' : p.text)).join('');
const keyOf = (b: Block): string => (b.kind === 'table'
  ? `table|${b.rows.map((r) => r.map(textOf).join('\u0001')).join('\u0002')}`
  : `${b.kind}|${b.depth ?? ''}|${b.indent}|${b.ordered ?? ''}|${textOf(b.pieces)}`);

// ---- Tracked changes

type Mark = 'same' | 'ins' | 'del';
interface Token extends Piece { mark: Mark }

/**
 * Words, each with the spaces after it and its formatting. Spaces stay with their word so that a
 * rewritten phrase is one deletion and one insertion, not words interleaved around shared spaces.
 */
function tokens(pieces: readonly Piece[]): Piece[] {
  return pieces.flatMap((p) => (p.lineBreak ? [p] : (p.text.match(/\s+|\S+\s*/g) ?? []).map((text) => ({ ...p, text }))));
}

function diffPieces(base: readonly Piece[], next: readonly Piece[]): Token[] {
  const out: Token[] = [];
  for (const part of diffArrays(tokens(base), tokens(next), { comparator: (a, b) => a.text.trimEnd() === b.text.trimEnd() && !!a.lineBreak === !!b.lineBreak })) {
    const mark: Mark = part.added ? 'ins' : part.removed ? 'del' : 'same';
    for (const t of part.value) out.push({ ...t, mark });
  }
  return out;
}

/** Builds Word runs; revision ids and the author/date come from here. */
class RunMaker {
  private nextId = 1;
  constructor(private author: string, private date: string) {}

  revision() {
    return { id: this.nextId++, author: this.author, date: this.date };
  }

  runs(tokens: readonly Token[]): ParagraphChild[] {
    // Neighbouring tokens with the same formatting and mark make one run.
    const merged: Token[] = [];
    for (const t of tokens) {
      const last = merged[merged.length - 1];
      if (last && !t.lineBreak && !last.lineBreak && last.mark === t.mark && !!last.bold === !!t.bold && !!last.italics === !!t.italics && !!last.code === !!t.code) last.text += t.text;
      else merged.push({ ...t });
    }
    return merged.map((t) => {
      const style = { bold: t.bold, italics: t.italics, ...(t.code ? { font: 'Courier New' } : {}), ...(t.lineBreak ? { break: 1 } : { text: t.text }) };
      if (t.mark === 'ins') return new InsertedTextRun({ ...style, ...this.revision() });
      if (t.mark === 'del') return new DeletedTextRun({ ...style, ...this.revision() });
      return new TextRun(style);
    });
  }
}

const same = (pieces: readonly Piece[], mark: Mark = 'same'): Token[] => tokens(pieces).map((p) => ({ ...p, mark }));

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const ORDERED = 'clausewise-numbered-list';

interface Rendered { block: Block; tokens?: Token[]; cells?: Token[][][]; whole?: 'ins' | 'del'; comments: number[] }

function paragraphFor(r: Rendered & { block: TextBlock }, maker: RunMaker): Paragraph {
  const b = r.block;
  const children: ParagraphChild[] = [];
  for (const id of r.comments) children.push(new CommentRangeStart(id));
  children.push(...maker.runs(r.tokens!));
  for (const id of r.comments) children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
  return new Paragraph({
    children,
    ...(b.kind === 'heading' ? { heading: HEADINGS[(b.depth ?? 1) - 1] } : {}),
    ...(b.kind === 'item' && b.ordered ? { numbering: { reference: ORDERED, level: Math.min(b.indent, 8), instance: b.list } } : {}),
    ...(b.kind === 'item' && !b.ordered ? { bullet: { level: Math.min(b.indent, 8) } } : {}),
    ...(b.kind !== 'item' && b.indent ? { indent: { left: 720 * b.indent } } : {}),
    // A whole paragraph added or removed: its paragraph mark is part of the change too.
    ...(r.whole === 'ins' ? { run: { insertion: maker.revision() } } : r.whole === 'del' ? { run: { deletion: maker.revision() } } : {}),
  });
}

function tableFor(r: Rendered & { block: TableBlock }, maker: RunMaker): Table {
  const columns = Math.max(1, ...r.cells!.map((row) => row.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: r.cells!.map((row, i) => new TableRow({
      tableHeader: i === 0,
      children: Array.from({ length: columns }, (_, j) => new TableCell({
        children: [new Paragraph({
          children: [
            ...(i === 0 && j === 0 ? r.comments.map((id) => new CommentRangeStart(id)) : []),
            ...maker.runs((row[j] ?? []).map((t) => (i === 0 ? { ...t, bold: true } : t))),
            ...(i === 0 && j === 0 ? r.comments.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]) : []),
          ],
        })],
      })),
    })),
  });
}

/** Pairs the blocks of base and draft: unchanged, changed (word diff), added or removed. */
function compare(base: Block[], next: Block[]): Rendered[] {
  const out: Rendered[] = [];
  const changed = (a: Block, b: Block): Rendered | null => {
    if (a.kind === 'table' && b.kind === 'table') {
      if (a.rows.length !== b.rows.length || a.rows.some((row, i) => row.length !== b.rows[i].length)) return null;
      return { block: b, cells: b.rows.map((row, i) => row.map((cell, j) => diffPieces(a.rows[i][j], cell))), comments: [] };
    }
    if (a.kind === 'table' || b.kind === 'table' || a.kind !== b.kind) return null;
    return { block: b, tokens: diffPieces(a.pieces, b.pieces), comments: [] };
  };
  const whole = (b: Block, mark: 'ins' | 'del'): Rendered => (b.kind === 'table'
    ? { block: b, cells: b.rows.map((row) => row.map((c) => same(c, mark))), whole: mark, comments: [] }
    : { block: b, tokens: same(b.pieces, mark), whole: mark, comments: [] });

  const parts = diffArrays(base, next, { comparator: (a, b) => keyOf(a) === keyOf(b) });
  let removed: Block[] = [];
  let added: Block[] = [];
  // Blocks removed and added between two unchanged ones: a removed block is paired with the most
  // similar added one (in order) and diffed word by word; the others are whole deletions/insertions.
  const flush = () => {
    const matchOf = new Map<number, number>(); // added index -> removed index
    const matched = new Set<number>();
    let from = 0;
    removed.forEach((r, ri) => {
      let best = -1;
      let bestScore = 0.4;
      for (let ai = from; ai < added.length; ai++) {
        const score = similarity(r, added[ai]);
        if (score > bestScore) { best = ai; bestScore = score; }
      }
      if (best >= 0) { matchOf.set(best, ri); matched.add(ri); from = best + 1; }
    });
    let ri = 0;
    const deleteUpTo = (end: number) => {
      for (; ri < end; ri++) if (!matched.has(ri)) out.push(whole(removed[ri], 'del'));
    };
    added.forEach((a, ai) => {
      const mr = matchOf.get(ai);
      if (mr === undefined) { out.push(whole(a, 'ins')); return; }
      deleteUpTo(mr);
      const pair = changed(removed[mr], a);
      if (pair) out.push(pair);
      else out.push(whole(removed[mr], 'del'), whole(a, 'ins'));
      ri = mr + 1;
    });
    deleteUpTo(removed.length);
    removed = [];
    added = [];
  };
  let oldAt = 0;
  let newAt = 0;
  for (const part of parts) {
    const n = part.value.length;
    if (part.removed) { removed.push(...base.slice(oldAt, oldAt + n)); oldAt += n; continue; }
    if (part.added) { added.push(...next.slice(newAt, newAt + n)); newAt += n; continue; }
    flush();
    for (let k = 0; k < n; k++) out.push(plain(next[newAt + k]));
    oldAt += n;
    newAt += n;
  }
  flush();
  return out;
}

/** How alike two blocks are: the share of words they have in common (0-1); tables by shape. */
function similarity(a: Block, b: Block): number {
  if (a.kind === 'table' || b.kind === 'table') {
    return a.kind === 'table' && b.kind === 'table' && a.rows.length === b.rows.length ? 1 : 0;
  }
  const words = (x: TextBlock) => textOf(x.pieces).toLowerCase().split(/\s+/).filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  if (!wa.length && !wb.length) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) { common++; counts.set(w, c - 1); }
  }
  return (2 * common) / (wa.length + wb.length);
}

function plain(b: Block): Rendered {
  return b.kind === 'table' ? { block: b, cells: b.rows.map((row) => row.map((c) => same(c))), comments: [] } : { block: b, tokens: same(b.pieces), comments: [] };
}

/** Writes the draft as a Word document (tracked changes against `base`, comments), as .docx bytes. */
export async function exportDocx(markdown: string, options: ExportOptions = {}): Promise<Buffer> {
  const { blocks, title } = markdownToBlocks(markdown);
  const rendered = options.base !== undefined ? compare(markdownToBlocks(options.base).blocks, blocks) : blocks.map(plain);

  // Each comment goes on the paragraph holding its line, else on the next one (findings about
  // something missing sit on the title or a heading), else the last.
  const comments = (options.comments ?? []).map((c, id) => {
    const inDraft = rendered.filter((r) => r.whole !== 'del');
    const target = inDraft.find((r) => r.block.startLine <= c.line && c.line <= r.block.endLine)
      ?? inDraft.find((r) => r.block.startLine >= c.line) ?? inDraft[inDraft.length - 1];
    target?.comments.push(id);
    return { id, text: c.text, placed: !!target };
  });

  const date = options.date ?? new Date();
  const maker = new RunMaker(options.author ?? REVISION_AUTHOR, date.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const children = rendered.map((r) => (r.block.kind === 'table' ? tableFor(r as Rendered & { block: TableBlock }, maker) : paragraphFor(r as Rendered & { block: TextBlock }, maker)));
  const doc = new Document({
    creator: REVISION_AUTHOR,
    ...(title ? { title } : {}),
    features: { trackRevisions: options.base !== undefined },
    // Space between paragraphs, as contracts are set; Word's own default would run them together.
    styles: { default: { document: { paragraph: { spacing: { after: 120 } } } } },
    numbering: {
      config: [{
        reference: ORDERED,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
        })),
      }],
    },
    comments: {
      children: comments.filter((c) => c.placed).map((c) => ({
        id: c.id, author: options.author ?? REVISION_AUTHOR, initials: 'CW', date, children: [new Paragraph({ children: [new TextRun(c.text)] })],
      })),
    },
    sections: [{ children: children.length ? children : [new Paragraph('')] }],
  });
  return Packer.toBuffer(doc);
}
