/**
 * Word's automatic numbering, made visible. mammoth turns numbered paragraphs into HTML lists and
 * drops the numbers themselves (a legal "4.2" or "(b)" is lost), so before mammoth reads the file we
 * work the numbers out from numbering.xml and styles.xml and write each one into its paragraph as
 * plain text. Each paragraph also gets a bookmark carrying its index, which mammoth passes through as
 * an HTML anchor: that is how the Markdown lines are traced back to Word paragraphs.
 *
 * Written here because no maintained library computes Word list labels; the XML itself is read and
 * written with fast-xml-parser (order-preserving mode), the zip with jszip.
 */
import JSZip from 'jszip';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** Bookmark names start with this, followed by the paragraph index (Word hides names starting "_"). */
export const PARAGRAPH_BOOKMARK = '_cwp';

/** A node of fast-xml-parser's order-preserving tree: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XNode = Record<string, unknown>;

const XML_OPTIONS = {
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', trimValues: false,
  parseTagValue: false, parseAttributeValue: false, processEntities: true, suppressEmptyNode: true,
} as const;

const parser = () => new XMLParser(XML_OPTIONS);

function tagOf(node: XNode): string | undefined {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return undefined;
}
const childrenOf = (node: XNode): XNode[] => {
  const tag = tagOf(node);
  const c = tag && tag !== '#text' ? node[tag] : undefined;
  return Array.isArray(c) ? (c as XNode[]) : [];
};
const attr = (node: XNode | undefined, name: string): string | undefined =>
  (node?.[':@'] as Record<string, string> | undefined)?.[`@_${name}`];
const child = (node: XNode | undefined, tag: string): XNode | undefined => (node ? childrenOf(node).find((c) => tagOf(c) === tag) : undefined);
const childVal = (node: XNode | undefined, tag: string): string | undefined => attr(child(node, tag), 'w:val');

function* descendants(nodes: XNode[], tag: string): Generator<XNode> {
  for (const n of nodes) {
    if (tagOf(n) === tag) yield n;
    yield* descendants(childrenOf(n), tag);
  }
}

interface Level { fmt: string; text: string; start: number; isLgl: boolean; pStyle?: string }
interface NumDef { abstractId: string; startOverrides: Map<number, number> }
interface StyleDef { basedOn?: string; numId?: string; ilvl?: number }

function readLevels(abstractNum: XNode): Level[] {
  const levels: Level[] = [];
  for (const lvl of childrenOf(abstractNum).filter((c) => tagOf(c) === 'w:lvl')) {
    const i = Number(attr(lvl, 'w:ilvl') ?? 0);
    levels[i] = {
      fmt: childVal(lvl, 'w:numFmt') ?? 'decimal',
      text: childVal(lvl, 'w:lvlText') ?? '',
      start: Number(childVal(lvl, 'w:start') ?? 1),
      isLgl: !!child(lvl, 'w:isLgl'),
      pStyle: childVal(lvl, 'w:pStyle'),
    };
  }
  return levels;
}

const ROMAN: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}
/** Word's letter numbering: a..z, then aa..zz, aaa.. (repeated letters, not base 26). */
function letters(n: number): string {
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'decimalZero': return String(n).padStart(2, '0');
    case 'none': return '';
    default: return String(n);
  }
}

/** The numbering definitions of a document, and the running counters of its lists. */
class ListCounter {
  private counters = new Map<string, Array<number | undefined>>();
  private seenNums = new Set<string>();
  /** Start values set by a w:num's override, per abstract list and level. */
  private starts = new Map<string, number>();

  constructor(
    private abstracts: Map<string, Level[]>,
    private nums: Map<string, NumDef>,
    private abstractLinks: Map<string, string>,
    private styles: Map<string, StyleDef>,
  ) {}

  /** The abstract definition a w:num uses, following numStyleLink through the numbering styles. */
  private abstractFor(numId: string): string | undefined {
    const seen = new Set<string>();
    let id: string | undefined = numId;
    while (id && !seen.has(id)) {
      seen.add(id);
      const abs = this.nums.get(id)?.abstractId;
      if (abs === undefined) return undefined;
      const link = this.abstractLinks.get(abs);
      if (!link) return abs;
      id = this.styleNumbering(link)?.numId;
    }
    return undefined;
  }

  /** numPr a paragraph style gives (directly or through the styles it is based on). */
  styleNumbering(styleId: string | undefined): StyleDef | undefined {
    const seen = new Set<string>();
    while (styleId && !seen.has(styleId)) {
      seen.add(styleId);
      const s = this.styles.get(styleId);
      if (!s) return undefined;
      if (s.numId !== undefined) return s;
      styleId = s.basedOn;
    }
    return undefined;
  }

  /** The label of the next paragraph of list numId at level ilvl ("4.2", "(b)"), or null for bullets. */
  next(numId: string, ilvl: number, styleId: string | undefined): string | null {
    const absId = this.abstractFor(numId);
    const levels = absId !== undefined ? this.abstracts.get(absId) : undefined;
    if (!levels) return null;
    if (styleId) {
      // A style linked to a level of the list (Heading 2 -> level 1) says which level it is.
      const byStyle = levels.findIndex((l) => l?.pStyle === styleId);
      if (byStyle >= 0 && ilvl === 0) ilvl = byStyle;
    }
    const level = levels[ilvl];
    if (!level || level.fmt === 'bullet') return null;
    const counters = this.counters.get(absId!) ?? [];
    this.counters.set(absId!, counters);
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      // "Restart numbering" in Word is a new w:num with a start override.
      for (const [l, start] of this.nums.get(numId)?.startOverrides ?? []) {
        counters[l] = undefined;
        this.starts.set(`${absId}:${l}`, start);
      }
    }
    const startOf = (l: number) => this.starts.get(`${absId}:${l}`) ?? levels[l]?.start ?? 1;
    // A level not reached yet shows its start value ("1.1" for a first clause without a heading).
    for (let l = 0; l < ilvl; l++) if (counters[l] === undefined) counters[l] = startOf(l);
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    counters.length = ilvl + 1;
    const label = level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters[l] ?? startOf(l);
      return formatNumber(value, level.isLgl ? 'decimal' : (levels[l]?.fmt ?? 'decimal'));
    });
    return label.trim() || null;
  }
}

function readStyles(xml: string | undefined): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  if (!xml) return styles;
  for (const s of descendants(parser().parse(xml) as XNode[], 'w:style')) {
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const ilvl = childVal(numPr, 'w:ilvl');
    styles.set(id, { basedOn: childVal(s, 'w:basedOn'), numId: childVal(numPr, 'w:numId'), ilvl: ilvl !== undefined ? Number(ilvl) : undefined });
  }
  return styles;
}

function readNumbering(xml: string | undefined, styles: Map<string, StyleDef>): ListCounter {
  const abstracts = new Map<string, Level[]>();
  const links = new Map<string, string>();
  const nums = new Map<string, NumDef>();
  if (xml) {
    const tree = parser().parse(xml) as XNode[];
    for (const a of descendants(tree, 'w:abstractNum')) {
      const id = attr(a, 'w:abstractNumId');
      if (id === undefined) continue;
      abstracts.set(id, readLevels(a));
      const link = childVal(a, 'w:numStyleLink');
      if (link) links.set(id, link);
    }
    for (const n of descendants(tree, 'w:num')) {
      const id = attr(n, 'w:numId');
      const abstractId = childVal(n, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const startOverrides = new Map<number, number>();
      for (const o of childrenOf(n).filter((c) => tagOf(c) === 'w:lvlOverride')) {
        const start = childVal(o, 'w:startOverride');
        if (start !== undefined) startOverrides.set(Number(attr(o, 'w:ilvl') ?? 0), Number(start));
      }
      nums.set(id, { abstractId, startOverrides });
    }
  }
  return new ListCounter(abstracts, nums, links, styles);
}

const textRun = (text: string): XNode => ({ 'w:r': [{ 'w:t': [{ '#text': text }], ':@': { '@_xml:space': 'preserve' } }] });
const bookmark = (index: number): XNode[] => [
  { 'w:bookmarkStart': [], ':@': { '@_w:id': String(900000 + index), '@_w:name': `${PARAGRAPH_BOOKMARK}${index}` } },
  { 'w:bookmarkEnd': [], ':@': { '@_w:id': String(900000 + index) } },
];
const NO_NUMBERING: XNode = { 'w:numPr': [{ 'w:ilvl': [], ':@': { '@_w:val': '0' } }, { 'w:numId': [], ':@': { '@_w:val': '0' } }] };

export interface NumberedDocx {
  /** The document with numbers as text and paragraph bookmarks, for mammoth. */
  zip: Buffer;
  /** Paragraphs in the document, in reading order (table cells included). */
  paragraphCount: number;
}

/**
 * Rewrites word/document.xml: each numbered paragraph starts with its label as text (its list
 * numbering switched off, so mammoth keeps it a plain paragraph), and every paragraph carries a
 * bookmark with its index. Bulleted paragraphs stay lists.
 */
export async function materializeNumbering(zip: JSZip): Promise<NumberedDocx> {
  const docFile = zip.file('word/document.xml');
  if (!docFile) throw new Error('word/document.xml is missing');
  const [docXml, numXml, styleXml] = await Promise.all([
    docFile.async('string'), zip.file('word/numbering.xml')?.async('string'), zip.file('word/styles.xml')?.async('string'),
  ]);
  const styles = readStyles(styleXml);
  const lists = readNumbering(numXml, styles);
  const tree = parser().parse(docXml) as XNode[];
  let index = 0;
  for (const p of descendants(tree, 'w:p')) {
    const kids = childrenOf(p);
    const pPr = child(p, 'w:pPr');
    const styleId = childVal(pPr, 'w:pStyle');
    const numPr = child(pPr, 'w:numPr');
    const fromStyle = lists.styleNumbering(styleId);
    const numId = childVal(numPr, 'w:numId') ?? fromStyle?.numId;
    const ilvlText = childVal(numPr, 'w:ilvl');
    const ilvl = ilvlText !== undefined ? Number(ilvlText) : fromStyle?.ilvl ?? 0;
    const label = numId !== undefined && numId !== '0' ? lists.next(numId, ilvl, styleId) : null;
    const at = pPr ? kids.indexOf(pPr) + 1 : 0;
    kids.splice(at, 0, ...bookmark(index), ...(label ? [textRun(`${label} `)] : []));
    if (label) {
      const pPrKids = pPr ? childrenOf(pPr) : null;
      if (pPrKids) {
        const i = pPrKids.findIndex((c) => tagOf(c) === 'w:numPr');
        // numId 0 switches numbering off, also where the paragraph style would number it.
        if (i >= 0) pPrKids.splice(i, 1, NO_NUMBERING);
        else pPrKids.splice(pPrKids.findIndex((c) => tagOf(c) === 'w:pStyle') + 1, 0, NO_NUMBERING);
      }
    }
    index++;
  }
  zip.file('word/document.xml', new XMLBuilder(XML_OPTIONS).build(tree) as string);
  return { zip: await zip.generateAsync({ type: 'nodebuffer' }), paragraphCount: index };
}
