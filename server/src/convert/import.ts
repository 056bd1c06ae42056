/**
 * Documents in other formats -> the Markdown the reviewer reads: Word (.docx) through mammoth, HTML
 * through rehype, PDF through unpdf (PDF.js). Each result keeps a map from Markdown lines back to
 * where they came from (Word paragraph, PDF page), so findings can point into the original.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { materializeNumbering } from './docx-numbering';
import { htmlToMarkdown } from './html-to-markdown';

import type { ImportFormat } from './formats';

export { importFormatOf, type ImportFormat } from './formats';

export interface ImportedDocument {
  format: ImportFormat;
  markdown: string;
  /** Per Markdown line (0-based): the Word paragraph index (docx) it came from, or null. */
  paragraphOfLine?: Array<number | null>;
  /** Per Markdown line (0-based): the PDF page (1-based) it came from, or null. */
  pageOfLine?: Array<number | null>;
  /** Things the converter could not carry over (unsupported Word features), for the user. */
  warnings: string[];
}

/** A document that cannot be read; `message` is the reason, worded for "not reviewed: <reason>". */
export class ImportError extends Error {}

/** The magic number of OLE compound files: encrypted .docx files and old binary .doc files. */
const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

const hasWords = (markdown: string): boolean => /[\p{L}\p{N}]/u.test(markdown);

export async function importDocx(bytes: Uint8Array): Promise<ImportedDocument> {
  const buf = Buffer.from(bytes);
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new ImportError('the Word file is password-protected (encrypted) or an old binary .doc file; save it without a password as .docx');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new ImportError('not a readable Word document: the .docx file is damaged or is not a Word file');
  }
  if (!zip.file('word/document.xml')) throw new ImportError('not a Word document: the package has no word/document.xml');
  let numbered;
  try {
    numbered = await materializeNumbering(zip);
  } catch (e) {
    throw new ImportError(`not a readable Word document: ${(e as Error).message}`);
  }
  const result = await mammoth.convertToHtml({ buffer: numbered.zip }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true });
  const { markdown, paragraphOfLine } = htmlToMarkdown(result.value);
  if (!hasWords(markdown)) throw new ImportError('the Word document has no text');
  const warnings = [...new Set(result.messages
    // Styles mammoth has no mapping for are shown as plain paragraphs, which is what we want.
    .filter((m) => m.type === 'warning' && !/^Unrecognised (paragraph|run) style/.test(m.message)).map((m) => m.message))];
  return { format: 'docx', markdown, paragraphOfLine, warnings };
}

export function importHtml(bytes: Uint8Array): ImportedDocument {
  const html = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
  const { markdown } = htmlToMarkdown(html);
  if (!hasWords(markdown)) throw new ImportError('the HTML file has no text');
  return { format: 'html', markdown, warnings: [] };
}

/** A line that opens a clause or a heading: "4.2", "12.", "(b)", "Schedule 3", or all capitals. */
const STARTS_PARAGRAPH = /^(\(?\d+(\.\d+)*[.)]?|\([a-z]{1,4}\)|[A-Z]\.|(Schedule|Annex|Appendix|Exhibit|Clause|Section|Article)\s+\S+)(\s|$)/i;
const isCaps = (s: string): boolean => /[A-Z]/.test(s) && s === s.toUpperCase() && s.length < 80;

/**
 * PDF text comes as visual lines; a contract's sentences run across them. Lines are joined into
 * paragraphs again where nothing suggests a new one starts (a clause number, a heading, the end of
 * a sentence followed by a capital letter).
 */
function pdfPagesToMarkdown(pages: string[]): { markdown: string; pageOfLine: Array<number | null> } {
  const paragraphs: Array<{ text: string; page: number }> = [];
  pages.forEach((pageText, p) => {
    let current: { text: string; page: number } | null = null;
    for (const raw of pageText.split(/\r?\n/)) {
      const line = raw.replace(/\s+/g, ' ').trim();
      if (!line) { current = null; continue; }
      const prev = current?.text ?? '';
      const startsNew = !current || STARTS_PARAGRAPH.test(line) || isCaps(line) || isCaps(prev)
        || (/[.;:]$/.test(prev) && /^[A-Z"“]/.test(line));
      if (startsNew) {
        current = { text: line, page: p + 1 };
        paragraphs.push(current);
      } else {
        current!.text = prev.endsWith('-') ? prev.slice(0, -1) + line : `${prev} ${line}`;
      }
    }
  });
  const lines: string[] = [];
  const pageOfLine: Array<number | null> = [];
  for (const para of paragraphs) {
    if (lines.length) { lines.push(''); pageOfLine.push(null); }
    // Escape what Markdown would read as structure: the text is plain prose.
    lines.push(para.text.replace(/^(\d{1,9})([.)])(\s|$)/, '$1\\$2$3').replace(/^([-+*#>])(\s|$)/, '\\$1$2'));
    pageOfLine.push(para.page);
  }
  return { markdown: `${lines.join('\n')}\n`, pageOfLine };
}

export async function importPdf(bytes: Uint8Array): Promise<ImportedDocument> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw new ImportError('the PDF is password-protected; save an unprotected copy');
    throw new ImportError(`not a readable PDF: ${(e as Error)?.message ?? e}`);
  }
  if (!pages.some(hasWords)) throw new ImportError('the PDF has no text layer (a scanned image?); run it through OCR or export it from the original');
  const { markdown, pageOfLine } = pdfPagesToMarkdown(pages);
  return { format: 'pdf', markdown, pageOfLine, warnings: [] };
}

export async function importDocument(bytes: Uint8Array, format: ImportFormat): Promise<ImportedDocument> {
  switch (format) {
    case 'docx': return importDocx(bytes);
    case 'html': return importHtml(bytes);
    case 'pdf': return importPdf(bytes);
  }
}
