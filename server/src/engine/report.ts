import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { remarkGfmWithoutFootnotes } from '../model/gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { CATEGORIES } from '../categories';
import type { ReviewResult } from './types';
import { markdownCode, printable } from './inert';


/**
 * A review report a lawyer can send to a client: per contract, the coverage of every category with
 * the reason and the text relied on, then the findings. Shared by the CLI (--format markdown) and
 * the editor's "Export review report" command, so both say the same thing.
 */
export interface ReportFile {
  path: string;
  result: ReviewResult;
}

const VERDICT_LABEL = { present: 'Present', weak: 'Weak', missing: 'Missing' } as const;
const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', information: 'Note', hint: 'Hint' } as const;

/** Escapes text for a Markdown table cell or paragraph (one line; control characters as escapes). */
function md(s: string): string {
  return printable(s.replace(/\s+/g, ' ')).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`[\]<>])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

export function renderMarkdownReport(files: ReportFile[], opts: { title?: string; generatedBy?: string } = {}): string {
  const out: string[] = [`# ${md(opts.title ?? 'Contract review report')}`, ''];
  if (opts.generatedBy) out.push(`_${md(opts.generatedBy)}_`, '');
  const contracts = files.filter((f) => f.result.isContract);
  for (const f of files.filter((x) => !x.result.isContract)) out.push(`- ${markdownCode(f.path)}: not reviewed (${md(f.result.reason)}).`);
  if (contracts.length < files.length) out.push('');
  for (const { path, result } of contracts) {
    const counts = { present: 0, weak: 0, missing: 0 };
    for (const v of Object.values(result.coverage)) counts[v!]++;
    const total = Object.keys(result.coverage).length;
    out.push(`## ${md(result.model.title || path)}`, '', `File: ${markdownCode(path)} · Profiles: ${result.profiles.join(', ')}`, '');
    out.push(`**${counts.present} of ${total} categories covered**, ${counts.weak} weak, ${counts.missing} missing.`, '');
    out.push('| Category | Verdict | Reason | Where |', '| --- | --- | --- | --- |');
    for (const a of result.assessments) {
          const where = a.evidence[0] ? `line ${lineOf(result, a.evidence[0].span.start)}: "${md(a.evidence[0].text.slice(0, 120))}${a.evidence[0].text.length > 120 ? '…' : ''}"` : '';
      out.push(`| ${md(CATEGORIES[a.category].title)} | ${VERDICT_LABEL[a.verdict]} | ${md(a.reason)} | ${where} |`);
    }
    out.push('');
    if (result.diagnostics.length) {
      out.push('### Findings', '');
      for (const d of result.diagnostics) {
        const fix = d.fixes.find((x) => x.kind === 'insertClause');
        out.push(`- **${SEVERITY_LABEL[d.severity]}**, line ${d.range.start.line + 1} (${d.ruleId}): ${md(d.message)}${fix ? ` Suggested: ${md(fix.title.replace(/^Insert clause: /, 'add a clause on '))}.` : ''}${d.citations?.length ? ` Source: ${md(d.citations.join('; '))}.` : ''}`);
      }
      out.push('');
    } else out.push('No findings.', '');
    const accepted = result.suppressed ?? [];
    if (accepted.length) {
      // Findings the drafters accepted with a clausewise-disable comment, and why.
      out.push('### Accepted deviations', '');
      for (const s of accepted) {
        const d = s.diagnostic;
        out.push(`- **${SEVERITY_LABEL[d.severity]}**, line ${d.range.start.line + 1} (${d.ruleId}): ${md(d.message)} Accepted${s.reason ? `: ${md(s.reason)}` : ' (no reason given)'} (comment on line ${s.comment.range.start.line + 1}).`);
      }
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function lineOf(result: ReviewResult, offset: number): number {
  const starts = result.model.lineStarts;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

/** The same report as a standalone HTML page (Markdown rendered with remark/rehype; no scripts). */
export function renderHtmlReport(files: ReportFile[], opts: { title?: string; generatedBy?: string } = {}): string {
  const markdown = renderMarkdownReport(files, opts);
  const body = String(unified().use(remarkParse).use(remarkGfmWithoutFootnotes).use(remarkRehype).use(rehypeStringify).processSync(markdown));
  const title = printable(opts.title ?? 'Contract review report').replace(/[<&>]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}code{background:#f3f3f3;padding:0 .2rem}</style>
</head><body>
${body}
</body></html>
`;
}
