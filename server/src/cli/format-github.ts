/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding, shown on the
 * changed lines of a pull request:
 *
 *   ::error file=contracts/msa.md,line=7,col=1,endLine=7,endColumn=31,title=sla-metrics::No measurable service levels…
 *
 * error -> error, warning -> warning, information and hint -> notice. Lines and columns are one-based;
 * endColumn is the last column of the finding (inclusive). Data is escaped as the runner expects
 * (% \r \n), property values also , and :; other control characters print as escapes (ESC as \x1B).
 */
import { printableKeepingLineBreaks, type Severity } from '../engine';
import type { FileReport, Report } from './report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * Escapes the message part of a workflow command: other control characters (terminal escapes) are
 * shown as escapes; then % and line breaks are encoded as the runner expects.
 */
export function escapeData(s: string): string {
  return printableKeepingLineBreaks(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file=, title=) of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: Report): string {
  return report.files.map(formatGithubFile).join('');
}

/** One file's annotations, a line each (the CLI writes them as soon as the file is reviewed, in order). */
export function formatGithubFile(f: FileReport): string {
  if (!f.isContract) return '';
  let text = '';
  for (const d of f.diagnostics) {
    const props = [
      `file=${escapeProperty(f.path)}`,
      `line=${d.range.start.line + 1}`,
      `col=${d.range.start.character + 1}`,
      `endLine=${d.range.end.line + 1}`,
      `endColumn=${Math.max(d.range.end.character, d.range.end.line === d.range.start.line ? d.range.start.character + 1 : 1)}`,
      `title=${escapeProperty(d.ruleId)}`,
    ];
    text += `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`;
  }
  return text;
}
