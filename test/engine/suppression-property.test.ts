/**
 * Issue 13 (findings): applySuppressions finds the disable/enable comment in force by a binary
 * search, and reads a line's blankness from where the HTML comments are rather than from the text
 * with every comment blanked out. Its outcome must be the one the plain way gives (kept below as
 * the reference: every comment before a finding read in turn, the whole text masked), on random
 * documents of comments (stacked, several lines long, unclosed, inside paragraphs, in code) and
 * findings.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applySuppressions, findSuppressionComments, suppressionStats, type SuppressionComment } from '../../server/src/engine/suppression';
import type { ReviewDiagnostic } from '../../server/src/engine/types';
import { buildContractModel, positionAt, type ContractModel } from '../../server/src/model';

function referenceLineIsBlank(model: ContractModel, line: number): boolean {
  const masked = model.text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\r\n]/g, ' '));
  const s = model.lineStarts[line];
  const e = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  return masked.slice(s, e).trim() === '';
}

function referenceNextLineTarget(model: ContractModel, comment: SuppressionComment): { first: number; last: number } | null {
  const lines = model.lineStarts.length;
  const lineOf = (offset: number): number => positionAt(model.lineStarts, offset).line;
  let first = comment.range.end.line + 1;
  while (first < lines && referenceLineIsBlank(model, first)) first++;
  if (first >= lines) return null;
  let last = first;
  const lineStart = model.lineStarts[first];
  const lineEnd = first + 1 < lines ? model.lineStarts[first + 1] : model.text.length;
  const block = model.blocks.find((b) => b.kind !== 'html' && b.start < lineEnd && b.end > lineStart && b.end > b.start);
  if (block) {
    last = Math.max(last, lineOf(Math.max(block.start, block.end - 1)));
    if (block.kind === 'tableRow') {
      for (let i = block.index + 1; i < model.blocks.length; i++) {
        const b = model.blocks[i];
        if (b.kind !== 'tableRow' || lineOf(b.start) > last + 2) break;
        last = Math.max(last, lineOf(Math.max(b.start, b.end - 1)));
      }
    }
  }
  return { first, last };
}

const appliesTo = (c: SuppressionComment, d: ReviewDiagnostic): boolean => c.all || c.ids.includes(d.ruleId) || c.ids.includes(d.category);

/** Which findings the comments accept and by which comment, the plain way. */
function reference(model: ContractModel, diagnostics: ReviewDiagnostic[]): Array<SuppressionComment | undefined> {
  const active = findSuppressionComments(model).filter((c) => c.all || c.ids.length > 0);
  const fileWide = active.filter((c) => c.kind === 'disable-file');
  const ranged = active.filter((c) => c.kind === 'disable' || c.kind === 'enable');
  const nextLine = active.filter((c) => c.kind === 'disable-next-line').map((c) => ({ c, target: referenceNextLineTarget(model, c) })).filter((x) => x.target !== null);
  return diagnostics.map((d) => {
    const line = d.range.start.line;
    const startOffset = model.lineStarts[line] + d.range.start.character;
    let by = nextLine.find((x) => line >= x.target!.first && line <= x.target!.last && appliesTo(x.c, d))?.c;
    if (!by) {
      let state: SuppressionComment | undefined;
      for (const c of ranged) {
        if (c.span.start > startOffset) break;
        if (appliesTo(c, d)) state = c.kind === 'disable' ? c : undefined;
      }
      by = state;
    }
    return by ?? fileWide.find((c) => appliesTo(c, d));
  });
}

const NAMES = ['', ' vague-wording', ' sla', ' vague-wording, placeholder', ' placeholder -- agreed', ' unknown-rule', ' -- why'];
const LINE = fc.oneof(
  fc.constantFrom('', '', 'The Supplier shall use reasonable efforts.', 'It continues here.', '## 2. Service levels', '- a list item', '| a | b |', '| - | - |', '```', '    indented code', '<!--', '-->', 'text <!-- a note --> more', '<!-- a note'),
  fc.record({ kind: fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-file'), names: fc.constantFrom(...NAMES), split: fc.boolean(), tail: fc.constantFrom('', ' and text', ' <!-- more -->') })
    .map(({ kind, names, split, tail }) => `<!-- clausewise-${kind}${names}${split ? '\n' : ' '}-->${tail}`),
);
const FINDING = fc.record({ line: fc.nat(40), character: fc.nat(12), ruleId: fc.constantFrom('vague-wording', 'placeholder', 'sla-metrics'), category: fc.constantFrom('drafting', 'sla') });

describe('suppression comments applied by binary search, lines read around comments (issue 13, findings)', () => {
  it('accept the findings the plain way accepts, by the same comments', () => {
    let withSuppressed = 0;
    fc.assert(fc.property(fc.array(LINE, { maxLength: 40 }), fc.array(FINDING, { maxLength: 30 }), (lines, findings) => {
      const text = ['# Services Agreement', '', ...lines].join('\n');
      const model = buildContractModel(text, 1, 'markdown');
      const diagnostics: ReviewDiagnostic[] = findings
        .map((f) => ({ ...f, line: Math.min(f.line, model.lineStarts.length - 1) }))
        .sort((a, b) => a.line - b.line || a.character - b.character)
        .map((f) => ({ ruleId: f.ruleId, category: f.category as ReviewDiagnostic['category'], severity: 'warning', message: 'm', range: { start: { line: f.line, character: f.character }, end: { line: f.line, character: f.character + 1 } }, fixes: [] }));
      const expected = reference(model, diagnostics);
      const out = applySuppressions(model, diagnostics, diagnostics.map((_, i) => i));
      assert.deepEqual(out.fixSpecs, expected.flatMap((by, i) => (by ? [] : [i])));
      assert.deepEqual(out.suppressed.map((s) => s.comment), expected.filter((by) => by).map((by) => ({ kind: by!.kind, range: by!.range })));
      assert.deepEqual(out.suppressed.map((s) => s.reason), expected.filter((by) => by).map((by) => by!.reason));
      if (out.suppressed.length) withSuppressed++;
    }), { numRuns: 400 });
    // The documents are not all without a finding accepted.
    assert.ok(withSuppressed > 100, `${withSuppressed} of 400 documents had a finding accepted`);
  });

  it('reads a few comments per finding and a few blocks per disable-next-line comment, not all those before them', () => {
    const lines = ['# Services Agreement', ''];
    for (let k = 0; k < 200; k++) {
      if (k % 10 === 0) lines.push(`<!-- clausewise-${k % 20 ? 'enable' : 'disable'} vague-wording -->`, '');
      lines.push(`${k + 1}. The Supplier shall use reasonable efforts in clause ${k + 1}.`, '');
    }
    lines.push('<!-- clausewise-disable-next-line placeholder -->', 'The last clause.', '');
    const model = buildContractModel(lines.join('\n'), 1, 'markdown');
    const diagnostics: ReviewDiagnostic[] = [];
    for (let line = 2; line < model.lineStarts.length; line += 2) {
      diagnostics.push({ ruleId: 'vague-wording', category: 'drafting', severity: 'warning', message: 'm', range: { start: { line, character: 0 }, end: { line, character: 1 } }, fixes: [] });
    }
    suppressionStats.blocksRead = 0;
    suppressionStats.commentsRead = 0;
    const out = applySuppressions(model, diagnostics, diagnostics.map((_, i) => i));
    assert.ok(out.suppressed.length > 50 && out.diagnostics.length > 50, `${out.suppressed.length} accepted, ${out.diagnostics.length} kept`);
    // 20 comments, by turns disable and enable, before most of some 220 findings: reading each before a finding in turn read about 10 per finding.
    assert.ok(suppressionStats.commentsRead < 10 * diagnostics.length / 2, `${suppressionStats.commentsRead} comments read`);
    // The comment's next line is the document's last block: reading from the first block was over 200 reads.
    assert.ok(suppressionStats.blocksRead < 5, `${suppressionStats.blocksRead} blocks read`);
  });
});
