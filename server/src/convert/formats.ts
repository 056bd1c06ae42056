/** Which files are converted before review. Free of dependencies: the faces import it directly. */

export type ImportFormat = 'docx' | 'html' | 'pdf';

/** The format a file name implies, or undefined for files read as Markdown or plain text. */
export function importFormatOf(fileName: string): ImportFormat | undefined {
  // Compared by code, ASCII letters folded as `/\.(docx|html?|pdf)$/i` folds them: that expression
  // was compiled on every cold CLI run for one test of a name (issue 13, cold).
  return endsWithAsciiFolded(fileName, '.docx') ? 'docx' : endsWithAsciiFolded(fileName, '.pdf') ? 'pdf'
    : endsWithAsciiFolded(fileName, '.html') || endsWithAsciiFolded(fileName, '.htm') ? 'html' : undefined;
}

/**
 * Whether `s` ends with `suffix` (lower case), ASCII capitals read as small letters, as `/i` without
 * `u` folds them. Also model/parse.ts's formatOfPath (one copy: this module has no imports, so the
 * client and the model can both take it).
 */
export function endsWithAsciiFolded(s: string, suffix: string): boolean {
  const from = s.length - suffix.length;
  if (from < 0) return false;
  for (let i = 0; i < suffix.length; i++) {
    const c = s.charCodeAt(from + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== suffix.charCodeAt(i)) return false;
  }
  return true;
}

export const FORMAT_NAMES: Record<ImportFormat, string> = { docx: 'Word', html: 'HTML', pdf: 'PDF' };

/** Converted documents may be larger than text files: Word files carry images and fonts. */
export const MAX_CONVERTED_BYTES = 50 * 1024 * 1024;
