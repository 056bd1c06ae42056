/**
 * `--format json`: exactly the shape of the interface spec, keys in a fixed order, byte-deterministic.
 * Fields are added only when they have something to say, so output without them is unchanged:
 * `citations` per finding (the provisions the active profiles cite for its rule), `suppressed` per
 * file (findings accepted by suppression comments, with the reason and the comment),
 * `summary.baselined` (findings left out because --baseline knows them) and `summary.skipped` (files
 * found but not reviewed: binary or too large; `summary.files` counts only the reviewed ones). For a
 * Word, HTML or PDF file, whose ranges are in its Markdown conversion, each diagnostic also has
 * `source`: the format, the Word paragraph index or PDF page, the clause number and a quote of the text.
 */
import { inertJson, type ReviewDiagnostic } from '../engine';
import type { FindingOrigin } from './converted';
import type { FileReport, Report } from './report';

type Range = ReviewDiagnostic['range'];
const range = (r: Range) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });

function diagnostic(d: ReviewDiagnostic, origin?: { format: string } & FindingOrigin) {
  return {
    ruleId: d.ruleId,
    category: d.category,
    severity: d.severity,
    message: d.message,
    range: range(d.range),
    fixes: d.fixes.map((x) => (x.clauseId !== undefined ? { kind: x.kind, title: x.title, clauseId: x.clauseId } : { kind: x.kind, title: x.title })),
    ...(d.citations?.length ? { citations: [...d.citations] } : {}),
    ...(origin ? { source: origin } : {}),
  };
}

/** One file's object in the report's `files`, keys in the spec's order. */
function fileEntry(f: FileReport) {
  return {
    path: f.path,
    isContract: f.isContract,
    profiles: [...f.profiles],
    coverage: { ...f.coverage },
    diagnostics: f.diagnostics.map((d, i) => diagnostic(d, f.origins && f.source ? { format: f.source, ...f.origins[i] } : undefined)),
    ...(f.suppressed.length ? {
      suppressed: f.suppressed.map((s) => ({
        ...diagnostic(s.diagnostic),
        reason: s.reason,
        comment: { kind: s.comment.kind, range: range(s.comment.range) },
      })),
    } : {}),
  };
}

/**
 * One file's part of the report, exactly as it stands in formatJson's output (indented to its place
 * in `files`, made inert). The CLI makes it as each file's review comes in, between reviews, so that
 * the report is only joined after the last one (formatting 9 MB at the end took a few tenths of a
 * second in which the other threads had nothing left to review). Stringified inside a `files` array,
 * so JSON.stringify indents it as in the whole report; inertJson rewrites single characters, so
 * applying it per part equals applying it to the whole.
 */
export function formatJsonFile(f: FileReport): string {
  const json = JSON.stringify({ files: [fileEntry(f)] }, null, 2);
  return inertJson(json.slice(PART_START.length, json.length - PART_END.length));
}
const PART_START = '{\n  "files": [\n';
const PART_END = '\n  ]\n}';

const FILES_KEY = '"files": []';

/** The report's text around its files: up to the files array's first entry, and from after its last one. */
function skeletonOf(report: Report): { head: string; tail: string } | { whole: string } {
  const out = {
    tool: { name: report.tool.name, version: report.tool.version },
    files: [],
    summary: {
      files: report.summary.files,
      contracts: report.summary.contracts,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      information: report.summary.information,
      hints: report.summary.hints,
      ...(report.summary.baselined !== undefined ? { baselined: report.summary.baselined } : {}),
      ...(report.skipped.length ? { skipped: report.skipped.length } : {}),
    },
  };
  const skeleton = inertJson(JSON.stringify(out, null, 2));
  if (!report.files.length) return { whole: `${skeleton}\n` };
  // The first `"files": []` is the key: before it stand only the tool's name and version, JSON strings
  // whose quotes are escaped.
  const at = skeleton.indexOf(FILES_KEY);
  return { head: `${skeleton.slice(0, at)}"files": [\n`, tail: `\n  ]${skeleton.slice(at + FILES_KEY.length)}\n` };
}

/** The report; `parts` are formatJsonFile of each of its files when they were made beforehand. */
export function formatJson(report: Report, parts?: readonly string[]): string {
  const skeleton = skeletonOf(report);
  if ('whole' in skeleton) return skeleton.whole;
  const files = parts && parts.length === report.files.length ? parts : report.files.map(formatJsonFile);
  return `${skeleton.head}${files.join(',\n')}${skeleton.tail}`;
}

const SEPARATOR = Buffer.from(',\n', 'utf8');

/**
 * formatJson's bytes (UTF-8), in pieces to write one after another, from each file's part already
 * encoded (formatJsonFile as UTF-8, one per file, in file order). The CLI encodes each part as its
 * review comes in; joining 9 MB of text and encoding it after the last review took about a tenth of
 * a second in which the other threads had nothing left to do.
 */
export function formatJsonBytes(report: Report, parts: readonly Uint8Array[]): Uint8Array[] {
  const skeleton = skeletonOf(report);
  if ('whole' in skeleton) return [Buffer.from(skeleton.whole, 'utf8')];
  if (parts.length !== report.files.length) throw new Error(`internal error: ${parts.length} JSON parts for ${report.files.length} files`);
  const out: Uint8Array[] = [Buffer.from(skeleton.head, 'utf8')];
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out.push(SEPARATOR);
    out.push(parts[i]);
  }
  out.push(Buffer.from(skeleton.tail, 'utf8'));
  return out;
}
