// The JSON report's parts written straight into bytes (server/src/cli/format-json.ts JsonPartWriter):
// the same bytes as the report's earlier way, JSON.stringify of an object per file made inert, for
// any text the findings may hold, and without that way's objects and whole-part strings.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { inertJson } from '../../server/src/engine';
import { formatJsonFile, JsonPartWriter } from '../../server/src/cli/format-json';
import type { FileReport } from '../../server/src/cli/report';
import { propertyRuns, propertySeed } from '../support/property-runs';

type Diagnostic = FileReport['diagnostics'][number];
type Range = Diagnostic['range'];

/** The report's part as it was made before JsonPartWriter (issue 13, round eighteen's format-json.ts), kept as the reference. */
function referencePart(f: FileReport): string {
  const range = (r: Range) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });
  const diagnostic = (d: Diagnostic, origin?: object) => ({
    ruleId: d.ruleId, category: d.category, severity: d.severity, message: d.message, range: range(d.range),
    fixes: d.fixes.map((x) => (x.clauseId !== undefined ? { kind: x.kind, title: x.title, clauseId: x.clauseId } : { kind: x.kind, title: x.title })),
    ...(d.citations?.length ? { citations: [...d.citations] } : {}),
    ...(origin ? { source: origin } : {}),
  });
  const entry = {
    path: f.path, isContract: f.isContract, profiles: [...f.profiles], coverage: { ...f.coverage },
    diagnostics: f.diagnostics.map((d, i) => diagnostic(d, f.origins && f.source ? { format: f.source, ...f.origins[i] } : undefined)),
    ...(f.suppressed.length ? {
      suppressed: f.suppressed.map((s) => ({ ...diagnostic(s.diagnostic), reason: s.reason, comment: { kind: s.comment.kind, range: range(s.comment.range) } })),
    } : {}),
  };
  const json = JSON.stringify({ files: [entry] }, null, 2);
  return inertJson(json.slice('{\n  "files": [\n'.length, json.length - '\n  ]\n}'.length));
}

// Text of every kind the escaping and encoding treat apart: quotes, backslashes, control characters,
// the characters inertJson rewrites, two- and three-byte characters, pairs and lone surrogates.
const odd = ['"', '\\', '\n', '\t', '\b', '\f', '\r', '\u0000', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0', 'é', '§', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u2019', '\ud83d\ude00', '\ud800', '\udc00', 'a', ' ', '/'];
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(fc.constantFrom(...odd), { maxLength: 12 }).map((xs) => xs.join('')));
const position = fc.record({ line: fc.oneof(fc.nat(), fc.integer(), fc.double()), character: fc.nat({ max: 5_000_000_000 }) });
const range = fc.record({ start: position, end: position });
const fix = fc.record({ kind: text, title: text, clauseId: fc.option(text, { nil: undefined }) });
const diagnostic = fc.record({
  ruleId: text, category: text, severity: fc.constantFrom('error', 'warning', 'information', 'hint'), message: text, range,
  fixes: fc.array(fix, { maxLength: 3 }),
  citations: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
}).map((d) => d as unknown as Diagnostic);
const suppressed = fc.record({
  diagnostic, reason: fc.option(text, { nil: null }),
  comment: fc.record({ kind: fc.constantFrom('disable', 'disable-next-line', 'disable-file', 'enable'), range }),
});
const fileReport = fc.record({
  path: text, isContract: fc.boolean(), profiles: fc.array(text, { maxLength: 3 }),
  coverage: fc.dictionary(text, fc.constantFrom('present', 'weak', 'missing'), { maxKeys: 4 }),
  diagnostics: fc.array(diagnostic, { maxLength: 6 }),
  suppressed: fc.array(suppressed, { maxLength: 2 }),
  converted: fc.boolean(),
}).chain((f) => fc.array(fc.record({ paragraph: fc.option(fc.nat(), { nil: undefined }), clause: fc.option(text, { nil: undefined }), quote: text }), { minLength: f.diagnostics.length, maxLength: f.diagnostics.length })
  .map((origins): FileReport => ({
    path: f.path, isContract: f.isContract, profiles: f.profiles, coverage: f.coverage as FileReport['coverage'], diagnostics: f.diagnostics,
    reason: '', suppressed: f.suppressed as FileReport['suppressed'], fingerprints: [], baselined: 0, activeRules: [], warnings: [],
    ...(f.converted ? { source: 'docx' as const, origins } : {}),
  })));

describe('CLI: the JSON report written straight into bytes', () => {
  it('writes the bytes the report was made of before, for any text and numbers', () => {
    // A small slab, so that parts move to a new one now and then.
    const writer = new JsonPartWriter(256);
    fc.assert(fc.property(fc.array(fileReport, { minLength: 1, maxLength: 4 }), (files) => {
      const parts = files.map((f) => writer.part(f));
      for (const [i, f] of files.entries()) assert.equal(Buffer.from(parts[i]).toString('utf8'), referencePart(f));
    }), { numRuns: propertyRuns(300), seed: propertySeed(19) });
  });

  it('writes a file\'s part without JSON.stringify and without a whole-part string', () => {
    const d = { ruleId: 'vague-wording', category: 'drafting', severity: 'warning', message: 'Vague: \u201creasonable\u201d', range: { start: { line: 3, character: 4 }, end: { line: 3, character: 14 } }, fixes: [{ kind: 'insertClause', title: 'Insert clause: X', clauseId: 'x' }] } as unknown as Diagnostic;
    const file: FileReport = {
      path: 'a.md', isContract: true, profiles: ['it-outsourcing'], coverage: { sla: 'weak' }, diagnostics: [d, d], reason: '',
      suppressed: [], fingerprints: [], baselined: 0, activeRules: [], warnings: [],
    };
    const expected = referencePart(file);
    // Once, so that what is made once per process (each key's bytes) is made.
    assert.equal(formatJsonFile(file), expected);
    const stringify = JSON.stringify;
    const replace = String.prototype.replace;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => { calls++; return stringify(...args); }) as typeof stringify;
    String.prototype.replace = function (this: string, ...args: unknown[]) { calls++; return (replace as (...a: unknown[]) => string).apply(this, args); } as typeof replace;
    let bytes: Uint8Array;
    try {
      bytes = new JsonPartWriter().part(file);
    } finally {
      JSON.stringify = stringify;
      String.prototype.replace = replace;
    }
    assert.equal(calls, 0);
    assert.equal(Buffer.from(bytes).toString('utf8'), expected);
  });
});
