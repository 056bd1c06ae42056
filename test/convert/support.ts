/** Builders for the conversion tests: Word files made with the `docx` library, tiny PDFs by hand. */
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';

export const LEGAL = 'legal';

/** Numbering like a law firm's template: "1." headings, "1.1" clauses, "(a)" sub-clauses. */
export const LEGAL_NUMBERING = {
  config: [{
    reference: LEGAL,
    levels: [
      { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 },
      { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', start: 1 },
      { level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', start: 1 },
      { level: 3, format: LevelFormat.LOWER_ROMAN, text: '(%4)', start: 1 },
    ],
  }],
};

export const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, numbering: { reference: LEGAL, level: 0 } });
export const clause = (text: string | TextRun[], level = 1, instance?: number) => new Paragraph({
  ...(typeof text === 'string' ? { text } : { children: text }),
  numbering: { reference: LEGAL, level, ...(instance !== undefined ? { instance } : {}) },
});
export const plain = (text: string) => new Paragraph(text);
export const table = (rows: string[][]) => new Table({
  rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
});

export async function docxOf(children: Array<Paragraph | Table>, title = 'Managed Services Agreement'): Promise<Buffer> {
  const doc = new Document({
    numbering: LEGAL_NUMBERING,
    sections: [{ children: [new Paragraph({ text: title, heading: HeadingLevel.TITLE }), ...children] }],
  });
  return Packer.toBuffer(doc);
}

/** The XML parts of a .docx, by name (word/document.xml, word/comments.xml, ...). */
export async function docxParts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}

/** A one-page PDF with the given lines of text (Helvetica), or with only a drawing when `lines` is empty (like a scan). */
export function pdfOf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = lines.length
    ? `BT /F1 11 Tf 72 740 Td 16 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`
    : '0.5 g 72 72 400 600 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => { offsets.push(Buffer.byteLength(pdf, 'latin1')); pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
