import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeFix, review } from '../../server/src/engine';
import { applyEdits, assertLinesKeptRenumbered } from '../rules/support';
import { propertyRuns, propertySeed } from '../support/property-runs';

/** Words that make rules fire, mixed with markup and awkward characters. */
const WORDS = [
  'The Supplier shall', 'the Customer', 'must', 'will', 'provide', 'the Services', 'as needed', 'promptly', 'in a timely manner',
  'and/or', 'etc.', 'TBD', 'high availability', 'respond quickly', '99.9%', 'within 4 hours', 'service credits', 'security incident',
  'notify', 'personal data', 'audit', 'records', 'encrypt', 'subcontract', 'terminate', 'Schedule 2', 'clause 4.2', '"Term" means',
  '(the "Vendor")', '**bold**', '_it_', '`code`', '[link](#x)', '&amp;', '\\*', 'café', 'crème', '🎉', '👩‍💻', 'Ω', '\t', '|', '—',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' ') + '.');
const num = fc.integer({ min: 1, max: 30 });

const line = fc.oneof(
  sentence,
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.option(num), sentence).map(([d, n, s]) => `${'#'.repeat(d)} ${n ? `${n}. ` : ''}${s.slice(0, 40)}`),
  fc.tuple(num, num, sentence).map(([a, b, s]) => `${a}.${b} ${s}`),
  fc.tuple(num, sentence).map(([a, s]) => `${a}. ${s.toUpperCase().slice(0, 30)}`),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '   1. ', '      - ', '> ', '(a) '), sentence).map(([m, s]) => m + s),
  fc.tuple(sentence, sentence).map(([a, b]) => `| ${a} | ${b} |`),
  fc.constantFrom('', '', '---', '```', '| --- | --- |', 'GOVERNING LAW', 'SCHEDULE 1', 'IN WITNESS WHEREOF', '<div>', '    indented text', 'title: x'),
);

const docWith = (eols: string[]) => fc.tuple(
  fc.array(line, { maxLength: 30 }),
  fc.constantFrom(...eols),
  fc.boolean(),
).map(([lines, eol, fm]) => (fm ? `---${eol}title: Fuzz Agreement${eol}---${eol}` : '') + lines.join(eol));

/** LF line endings (the CRLF variant is below, skipped while its bug is open). */
const doc = docWith(['\n', '\n\n']);
const crlfDoc = docWith(['\r\n', '\r\n\r\n', '\r']);

const linesOf = (s: string) => s.split(/\r\n|\r|\n/);
// Fixed seeds keep CI deterministic; CLAUSEWISE_FC_SEED explores others. endOnFailure reports the
// first counterexample instead of shrinking it, which can take minutes for these properties.
const SEED = propertySeed(20261204);
// The counts are a third of those .ci/run tries (CLAUSEWISE_FC_RUNS=3, test/support/property-runs.ts).
const runs = (numRuns: number) => ({ numRuns: propertyRuns(numRuns), seed: SEED, endOnFailure: true });

function assertRangesInside(text: string, result: ReturnType<typeof review>): void {
  const lines = linesOf(text);
  for (const d of result.diagnostics) {
    const { start, end } = d.range;
    for (const p of [start, end]) {
      assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${d.ruleId}: bad position ${JSON.stringify(p)}`);
      assert.ok(p.line < lines.length, `${d.ruleId}: line ${p.line} outside the document (${lines.length} lines)`);
      assert.ok(p.character <= lines[p.line].length, `${d.ruleId}: column ${p.character} past the end of line ${p.line}`);
    }
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${d.ruleId}: range ends before it starts`);
  }
}

describe('engine: properties over random Markdown-ish input', function () {
  this.timeout(120000);

  it('review() never throws and every diagnostic range lies within the document', () => {
    fc.assert(
      fc.property(doc, fc.boolean(), (text, force) => {
        const result = review({ text, force });
        assertRangesInside(text, result);
        if (!result.isContract) assert.deepEqual(result.diagnostics, []);
        assert.equal(result.fixSpecs.length, result.diagnostics.length);
      }),
      runs(70),
    );
  });

  // Regression (was a bug, now fixed): with CRLF line endings a soft line break stays "\r\n" in Block.text (documented as '\n'),
  // and model.titleSpan / Section.titleSpan cut the first line at '\n', so they take in the '\r'.
  // A finding anchored there ends one column past the end of its line. Minimal input (force: true):
  // "- The Supplier shall.\r\nThe Supplier shall." -> audit-rights range end {line 0, character 22}
  // on a 21-character line.
  it('(CRLF) review() never throws and every diagnostic range lies within the document', () => {
    fc.assert(
      fc.property(crlfDoc, (text) => assertRangesInside(text, review({ text, force: true }))),
      runs(70),
    );
  });

  it('(CRLF) review() never throws and applying insert fixes keeps every line', () => {
    fc.assert(
      fc.property(crlfDoc, (text) => {
        const result = review({ text, force: true });
        for (const specs of result.fixSpecs) {
          for (const spec of specs) {
            if (spec.kind !== 'insertClause') continue;
            const fix = computeFix(result.model, spec, { snippet: false });
            if (fix) assertLinesKeptRenumbered(text, applyEdits(text, fix.edits), /^Replace "([^"]+)"/.exec(fix.title)?.[1]);
          }
        }
      }),
      runs(35),
    );
  });

  it('applying any insertClause fix never removes or reorders a line of the input', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const result = review({ text, force: true });
        const seen = new Set<string>();
        for (const specs of result.fixSpecs) {
          for (const spec of specs) {
            if (spec.kind !== 'insertClause') continue;
            const key = `${spec.clauseId}@${spec.underSection}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const fix = computeFix(result.model, spec, { snippet: false });
            if (!fix) continue;
            // Insert edits replace nothing, except clause numbers the title says it renumbers.
            const amended = /^Replace "([^"]+)"/.exec(fix.title);
            const lines = text.split('\n');
            for (const e of fix.edits) {
              if (e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character) continue;
              const removed = lines[e.range.start.line].slice(e.range.start.character, e.range.end.character);
              assert.ok((amended && removed === amended[1]) || (/\(renumbers /.test(fix.title) && /^\d+(?:\.\d+)*$/.test(removed)), `insert edits replace only what the title names, not "${removed}"`);
            }
            const fixed = applyEdits(text, fix.edits);
            assertLinesKeptRenumbered(text, fixed, amended?.[1]);
          }
        }
      }),
      runs(70),
    );
  });

  it('a replace fix changes only the flagged words, on one line', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const result = review({ text, force: true });
        for (const specs of result.fixSpecs) {
          for (const spec of specs) {
            if (spec.kind !== 'replace') continue;
            const flagged = text.slice(spec.span.start, spec.span.end);
            assert.ok(flagged.length > 0 && !/[\r\n]/.test(flagged), `replace span ${JSON.stringify(flagged)} is one non-empty piece of a line`);
            const fix = computeFix(result.model, spec, { snippet: false })!;
            const fixed = applyEdits(text, fix.edits);
            assert.equal(fixed, text.slice(0, spec.span.start) + spec.replacement + text.slice(spec.span.end));
          }
        }
      }),
      runs(70),
    );
  });
});
