/**
 * `--format stylish` (the default): findings grouped per file as `line:col  severity  message  ruleId`
 * (one-based, as editors and terminals expect), a coverage line per contract and a summary line.
 */
import { createColors } from 'picocolors';
import { printable, type Severity } from '../engine';
import type { FindingOrigin } from './converted';
import type { FileReport, Report, SeverityCounts } from './report';


const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function countParts(c: SeverityCounts): Array<[number, string]> {
  return [
    [c.errors, plural(c.errors, 'error', 'errors')],
    [c.warnings, plural(c.warnings, 'warning', 'warnings')],
    [c.information, `${c.information} information`],
    [c.hints, plural(c.hints, 'hint', 'hints')],
  ];
}

const countsText = (c: SeverityCounts): string => countParts(c).map(([, t]) => t).join(', ');
const nonZeroCountsText = (c: SeverityCounts): string => countParts(c).filter(([n]) => n > 0).map(([, t]) => t).join(', ');

const SOURCE_NAMES = { docx: 'Word document', html: 'HTML file', pdf: 'PDF' } as const;

/** Where a finding on a Word, HTML or PDF file is: clause, paragraph or page, and the words. */
function originText(o: FindingOrigin): string {
  const where = [
    o.clause ? `clause ${o.clause}` : '',
    o.paragraph !== undefined ? `Word paragraph ${o.paragraph}` : '',
    o.page !== undefined ? `page ${o.page}` : '',
  ].filter(Boolean);
  return `${where.length ? `${where.join(', ')}: ` : ''}"${printable(o.quote)}"`;
}

/** Messages are one line in this format, and print as themselves (no terminal escapes). */
const oneLine = (s: string): string => printable(s.replace(/\s+/g, ' ').trim());

export interface StylishOptions {
  color: boolean;
  quiet: boolean;
}

/** The whole report: each file's block, then the skipped files and the summary. */
export function formatStylish(report: Report, options: StylishOptions): string {
  return report.files.map((file) => formatStylishFile(file, options)).join('') + formatStylishEnd(report, options);
}

const asText = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');

/**
 * One file's block (nothing for a file --quiet hides). The CLI writes it as soon as the file and all
 * files before it are reviewed, so a long run shows its first results early.
 */
export function formatStylishFile(file: FileReport, options: StylishOptions): string {
  const c = createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, information: c.blue, hint: c.dim };
  const lines: string[] = [];
  if (!file.isContract) {
    if (options.quiet) return '';
    lines.push(c.underline(printable(file.path)), c.dim(`  not reviewed as a contract: ${oneLine(file.reason)}; --force reviews it anyway`), '');
    return asText(lines);
  }
  if (options.quiet && file.diagnostics.length === 0) return '';
  lines.push(c.underline(printable(file.path)) + (file.source ? c.dim(` (${SOURCE_NAMES[file.source]}: line:column are in its Markdown conversion, as "clausewise convert" writes it)`) : ''));
  const rows = file.diagnostics.map((d, i) => ({
    origin: file.origins?.[i],
    pos: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
    severity: d.severity,
    message: oneLine(d.message),
    ruleId: printable(d.ruleId),
  }));
  // reduce, not Math.max(...): a spread of tens of thousands of findings overflows the stack.
  const widest = (len: (r: (typeof rows)[number]) => number) => rows.reduce((w, r) => Math.max(w, len(r)), 0);
  const posWidth = widest((r) => r.pos.length);
  const sevWidth = widest((r) => r.severity.length);
  const msgWidth = widest((r) => r.message.length);
  for (const r of rows) {
    lines.push(`  ${c.dim(r.pos.padEnd(posWidth))}  ${paint[r.severity](r.severity.padEnd(sevWidth))}  ${r.message.padEnd(msgWidth)}  ${c.dim(r.ruleId)}`);
    if (r.origin) lines.push(c.dim(`  ${' '.repeat(posWidth)}  ${originText(r.origin)}`));
  }
  if (!options.quiet && file.suppressed.length) {
    lines.push(c.dim(`  accepted: ${plural(file.suppressed.length, 'finding', 'findings')} suppressed by clausewise-disable comments`));
  }
  if (!options.quiet) {
    const verdicts = Object.entries(file.coverage);
    const of = (v: string) => verdicts.filter(([, x]) => x === v).map(([k]) => k);
    const present = of('present');
    const weak = of('weak');
    const missing = of('missing');
    lines.push(`  coverage: ${c.green(`${present.length} present`)}, ${c.yellow(`${weak.length} weak`)}, ${c.red(`${missing.length} missing`)}`);
    if (weak.length) lines.push(c.dim(`    weak: ${weak.join(', ')}`));
    if (missing.length) lines.push(c.dim(`    missing: ${missing.join(', ')}`));
  }
  lines.push('');
  return asText(lines);
}

/** What follows the files' blocks: the skipped files and the summary. */
export function formatStylishEnd(report: Report, options: StylishOptions): string {
  const c = createColors(options.color);
  const lines: string[] = [];
  for (const s of report.skipped) lines.push(c.underline(printable(s.path)), c.yellow(`  skipped: ${oneLine(s.reason)}`), '');

  const sum = report.summary;
  const findings = sum.errors + sum.warnings + sum.information + sum.hints;
  let summary = `${plural(findings, 'finding', 'findings')} (${countsText(sum)}) in ${plural(sum.contracts, 'contract', 'contracts')}; ${plural(sum.files, 'file', 'files')} reviewed`;
  if (report.skipped.length) summary += `, ${report.skipped.length} skipped`;
  const color = sum.errors ? c.red : sum.warnings ? c.yellow : c.green;
  lines.push(c.bold(color(summary)));
  const notes: string[] = [];
  if (sum.baselined) notes.push(`${plural(sum.baselined, 'known finding', 'known findings')} in the baseline not shown`);
  if (sum.suppressed) notes.push(`${plural(sum.suppressed, 'finding', 'findings')} accepted by suppression comments`);
  if (notes.length) lines.push(c.dim(`(${notes.join('; ')})`));
  const hidden = nonZeroCountsText(report.hidden);
  if (hidden) lines.push(c.dim(`(${hidden} not shown because of --quiet)`));
  return asText(lines);
}
