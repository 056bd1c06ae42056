/**
 * `--format junit`: JUnit XML for CI test reports (GitLab, Azure Pipelines, Jenkins).
 *
 * One <testsuite> per file (its path is the suite name), one <testcase> per file and rule that ran
 * (classname = the path, name = the rule id). A rule with findings at or above the --fail-on level is
 * a failure listing them (line:column, severity, message); findings below it are printed in
 * <system-out> of a passing test case. A file that is not read as a contract is one skipped test case.
 */
import { getRule, printableKeepingLineBreaks } from '../engine';
import { fails, type FileReport, type Report } from './report';

/**
 * Escapes text for XML content and attribute values: control characters print as escapes (XML 1.0
 * cannot hold most of them), unpaired surrogates and U+FFFE/U+FFFF are dropped, and line breaks are
 * character references so attribute values keep them.
 */
export function xmlEscape(s: string): string {
  return printableKeepingLineBreaks(s)
    .replace(/[\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

interface Case {
  name: string;
  failures: string[];
  notes: string[];
  skipped?: string;
}

function casesOf(file: FileReport, failOn: Report['failOn']): Case[] {
  if (!file.isContract) return [{ name: 'contract', failures: [], notes: [], skipped: `not reviewed as a contract: ${file.reason}` }];
  const byRule = new Map<string, Case>();
  for (const id of file.activeRules) byRule.set(id, { name: id, failures: [], notes: [] });
  for (const d of file.diagnostics) {
    let c = byRule.get(d.ruleId);
    if (!c) byRule.set(d.ruleId, (c = { name: d.ruleId, failures: [], notes: [] }));
    const line = `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message.replace(/\s+/g, ' ').trim()}`;
    (fails(d.severity, failOn) ? c.failures : c.notes).push(line);
  }
  return [...byRule.values()];
}

export function formatJunit(report: Report): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const f of report.files) {
    const cases = casesOf(f, report.failOn);
    const suiteFailures = cases.filter((c) => c.failures.length).length;
    const suiteSkipped = cases.filter((c) => c.skipped).length;
    tests += cases.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    const body = cases.map((c) => {
      const open = `    <testcase classname="${xmlEscape(f.path)}" name="${xmlEscape(c.name)}" file="${xmlEscape(f.path)}"`;
      const parts: string[] = [];
      if (c.skipped) parts.push(`      <skipped message="${xmlEscape(c.skipped)}"/>`);
      if (c.failures.length) {
        const title = getRule(c.name)?.meta.title ?? c.name;
        const first = c.failures[0].replace(/^[^:]*:\d+:\d+: /, '');
        parts.push(`      <failure message="${xmlEscape(first)}" type="${xmlEscape(`${c.name}: ${title}`)}">${xmlEscape(c.failures.join('\n'))}</failure>`);
      }
      if (c.notes.length) parts.push(`      <system-out>${xmlEscape(c.notes.join('\n'))}</system-out>`);
      return parts.length ? `${open}>\n${parts.join('\n')}\n    </testcase>` : `${open}/>`;
    });
    suites.push(`  <testsuite name="${xmlEscape(f.path)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">\n${body.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clausewise" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
