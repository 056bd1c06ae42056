import assert from 'node:assert/strict';
import type { ReviewResult } from '../../server/src/engine';

/** Every finding's range lies inside the document, start before end, in UTF-16 units. */
export function assertRangesInside(text: string, result: ReviewResult): void {
  // Lines as LSP counts them (\n, \r\n or a lone \r end a line), worked out here, not by the model.
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of result.diagnostics) {
    const { start, end } = d.range;
    for (const p of [start, end]) {
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${d.ruleId}: line ${p.line} is outside the document (${lines.length} lines)`);
      assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length, `${d.ruleId}: character ${p.character} is past the end of line ${p.line} (${lines[p.line].length})`);
    }
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${d.ruleId}: range ends before it starts`);
  }
}

/** Everything a report shows of a result, as text to compare byte for byte. */
export function printed(result: ReviewResult): string {
  return JSON.stringify({ isContract: result.isContract, coverage: result.coverage, diagnostics: result.diagnostics, suppressed: result.suppressed, warnings: result.warnings, problems: result.problems });
}
