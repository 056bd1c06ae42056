/** Which files are converted before review. Free of dependencies: the faces import it directly. */

export type ImportFormat = 'docx' | 'html' | 'pdf';

/** The format a file name implies, or undefined for files read as Markdown or plain text. */
export function importFormatOf(fileName: string): ImportFormat | undefined {
  const m = /\.(docx|html?|pdf)$/i.exec(fileName);
  if (!m) return undefined;
  const ext = m[1].toLowerCase();
  return ext === 'docx' ? 'docx' : ext === 'pdf' ? 'pdf' : 'html';
}

export const FORMAT_NAMES: Record<ImportFormat, string> = { docx: 'Word', html: 'HTML', pdf: 'PDF' };

/** Converted documents may be larger than text files: Word files carry images and fonts. */
export const MAX_CONVERTED_BYTES = 50 * 1024 * 1024;
