/**
 * Word, HTML and PDF inputs of a review run: converted to Markdown before review (the converters are
 * loaded only when such a file is met), and each finding traced back to where it is in the original,
 * with its clause number and the words it is about, since line:column of the converted text means
 * little to someone holding the Word file.
 */
import * as fs from 'node:fs';
import { FORMAT_NAMES, MAX_CONVERTED_BYTES, type ImportFormat } from '../convert/formats';
import { loadConverters } from '../convert/lazy';
import type { ReviewDiagnostic } from '../engine';
import type { ContractModel } from '../model';

export interface ConvertedSource {
  format: ImportFormat;
  paragraphOfLine?: Array<number | null>;
  pageOfLine?: Array<number | null>;
}

/** Where a finding on a converted document is in the original. */
export interface FindingOrigin {
  /** Word paragraph index (0-based, reading order, table cells included); docx only. */
  paragraph?: number;
  /** PDF page (1-based); pdf only. */
  page?: number;
  /** Number of the clause the finding is in ("4.2"), when it is in a numbered clause. */
  clause?: string;
  /** The words the finding is about (shortened). */
  quote: string;
}

export type ConversionOutcome = { text: string; source: ConvertedSource; warnings: string[] } | { reason: string };

export async function readConverted(abs: string, format: ImportFormat): Promise<ConversionOutcome> {
  const size = fs.statSync(abs).size;
  if (size > MAX_CONVERTED_BYTES) return { reason: `${FORMAT_NAMES[format]} file is larger than ${MAX_CONVERTED_BYTES / (1024 * 1024)} MB` };
  const bytes = fs.readFileSync(abs);
  const { importDocument, ImportError } = loadConverters();
  try {
    const doc = await importDocument(bytes, format);
    return {
      text: doc.markdown,
      source: { format, ...(doc.paragraphOfLine ? { paragraphOfLine: doc.paragraphOfLine } : {}), ...(doc.pageOfLine ? { pageOfLine: doc.pageOfLine } : {}) },
      warnings: doc.warnings,
    };
  } catch (e) {
    if (e instanceof ImportError) return { reason: e.message };
    return { reason: `the ${FORMAT_NAMES[format]} file could not be converted: ${(e as Error)?.message ?? e}` };
  }
}

const QUOTE_CHARS = 80;

/** The clause number of the innermost numbered section holding `offset`. */
function clauseAt(model: ContractModel, offset: number): string | undefined {
  let best: { number: string; level: number } | undefined;
  for (const s of model.sections) {
    if (s.number && s.start <= offset && offset < Math.max(s.end, s.start + 1) && (!best || s.level > best.level)) best = { number: s.number, level: s.level };
  }
  return best?.number;
}

export function findingOrigin(d: ReviewDiagnostic, model: ContractModel, source: ConvertedSource): FindingOrigin {
  const startLine = d.range.start.line;
  const lineStart = model.lineStarts[startLine] ?? 0;
  const offset = lineStart + d.range.start.character;
  const endOffset = (model.lineStarts[d.range.end.line] ?? lineStart) + d.range.end.character;
  let quote = model.text.slice(offset, Math.max(offset, endOffset)).replace(/^#+\s*/, '').replace(/[*_`\\]/g, '').replace(/\s+/g, ' ').trim();
  if (!quote) {
    // A finding about something missing sits on a heading or the title: quote that line.
    const lineEnd = model.text.indexOf('\n', lineStart);
    quote = model.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/^#+\s*/, '').replace(/[*_`\\]/g, '').trim();
  }
  if (quote.length > QUOTE_CHARS) quote = `${quote.slice(0, QUOTE_CHARS - 1).trimEnd()}…`;
  const paragraph = source.paragraphOfLine?.[startLine] ?? undefined;
  const page = source.pageOfLine?.[startLine] ?? undefined;
  const clause = clauseAt(model, offset);
  return { ...(paragraph != null ? { paragraph } : {}), ...(page != null ? { page } : {}), ...(clause ? { clause } : {}), quote };
}
