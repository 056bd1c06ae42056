/** `--format json`: exactly the shape of the interface spec, keys in a fixed order, byte-deterministic. */
import type { Report } from './report';

export function formatJson(report: Report): string {
  const out = {
    tool: { name: report.tool.name, version: report.tool.version },
    files: report.files.map((f) => ({
      path: f.path,
      isContract: f.isContract,
      profiles: [...f.profiles],
      coverage: { ...f.coverage },
      diagnostics: f.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        category: d.category,
        severity: d.severity,
        message: d.message,
        range: {
          start: { line: d.range.start.line, character: d.range.start.character },
          end: { line: d.range.end.line, character: d.range.end.character },
        },
        fixes: d.fixes.map((x) => (x.clauseId !== undefined ? { kind: x.kind, title: x.title, clauseId: x.clauseId } : { kind: x.kind, title: x.title })),
      })),
    })),
    summary: {
      files: report.summary.files,
      contracts: report.summary.contracts,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      information: report.summary.information,
      hints: report.summary.hints,
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
