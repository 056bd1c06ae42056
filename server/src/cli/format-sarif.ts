/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
 *
 * - tool.driver: name, version, informationUri, and every rule (id, name, short description, full
 *   description = the rationale, helpUri = the rule's documentation, default level, category tag).
 * - one result per finding: ruleId, ruleIndex, level, message, the file (relative URIs as paths were
 *   given; absolute paths as file: URIs) and a region with one-based lines and columns in UTF-16 code
 *   units (`columnKind`), endColumn exclusive as SARIF defines it; partialFingerprints carries the
 *   baseline fingerprint, so code scanning follows a finding when lines move.
 * - findings accepted by suppression comments are results with an `inSource` suppression and the
 *   reason as its justification.
 * - for a Word, HTML or PDF file the region is in its Markdown conversion; the region's snippet
 *   quotes the text and properties.source gives the Word paragraph index or PDF page and the clause.
 * Deterministic: no timestamps, no machine-specific paths for relative inputs.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { docsUrl, inertJson, RULES, type ReviewDiagnostic, type Severity } from '../engine';
import type { Report } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/clausewise/clausewise';
/** Key of the baseline fingerprint in partialFingerprints. */
export const FINGERPRINT_KEY = 'clausewise/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path as given on the command line, as a SARIF artifact URI. */
export function artifactUri(p: string): string {
  if (path.isAbsolute(p) || /^[a-zA-Z]:[\\/]/.test(p)) return pathToFileURL(p).href;
  return p.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

export function formatSarif(report: Report): string {
  const ruleIndex = new Map<string, number>();
  const rules = RULES.map((r, i) => {
    ruleIndex.set(r.meta.id, i);
    return {
      id: r.meta.id,
      name: r.meta.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : '')).replace(/^./, (ch) => ch.toUpperCase()),
      shortDescription: { text: r.meta.description },
      fullDescription: { text: r.meta.rationale },
      helpUri: docsUrl(r.meta.id),
      help: { text: `${r.meta.description} ${r.meta.rationale}`, markdown: `${r.meta.description}\n\n${r.meta.rationale}\n\n[Documentation](${docsUrl(r.meta.id)})` },
      defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
      properties: { category: r.meta.category, tags: ['contract', r.meta.category] },
    };
  });

  const results: unknown[] = [];
  const result = (file: string, d: ReviewDiagnostic, fingerprint: string | undefined, suppression?: { reason: string | null }, origin?: Record<string, unknown> & { quote: string }) => {
    const index = ruleIndex.get(d.ruleId);
    const endColumn = d.range.end.line === d.range.start.line ? Math.max(d.range.end.character, d.range.start.character + 1) + 1 : d.range.end.character + 1;
    results.push({
      ruleId: d.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: artifactUri(file) },
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn,
            ...(origin ? { snippet: { text: origin.quote } } : {}),
          },
        },
      }],
      ...(fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: fingerprint } } : {}),
      ...(suppression ? { suppressions: [{ kind: 'inSource', ...(suppression.reason ? { justification: suppression.reason } : {}) }] } : {}),
      properties: { category: d.category, severity: d.severity, ...(origin ? { source: origin } : {}) },
    });
  };

  const artifacts: Array<{ location: { uri: string } }> = [];
  for (const f of report.files) {
    if (!f.isContract) continue;
    artifacts.push({ location: { uri: artifactUri(f.path) } });
    f.diagnostics.forEach((d, i) => result(f.path, d, f.fingerprints[i], undefined, f.origins && f.source ? { format: f.source, ...f.origins[i] } : undefined));
    for (const s of f.suppressed) result(f.path, s.diagnostic, undefined, { reason: s.reason });
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: report.tool.name,
          version: report.tool.version,
          semanticVersion: report.tool.version,
          informationUri: INFORMATION_URI,
          rules,
        },
      },
      artifacts,
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${inertJson(JSON.stringify(log, null, 2))}\n`;
}
