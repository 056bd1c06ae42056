import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { review } from '../../server/src/engine';

/** A hard-wrapped plain-text contract whose body is one paragraph of about `size` characters. */
function wrappedParagraph(size: number): string {
  const lines = ['MASTER SERVICES AGREEMENT', ''];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = `The Supplier shall deliver service item ${i} to the Customer within ten business days of each order`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

describe('robustness: long text runs', () => {
  it('builds the model of a 148 KB hard-wrapped paragraph, one text run, and maps it to the source', () => {
    const text = wrappedParagraph(148_000);
    const m = buildContractModel(text);
    const body = m.blocks.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    assert.ok(body.text.length > 140_000, `the paragraph is one block (${body.text.length} characters)`);
    assert.equal(body.sourceOffsets.length, body.text.length + 1);
    for (const i of [0, 1000, 70_000, body.text.length - 1]) {
      const ch = body.text[i] === '\n' ? text[body.sourceOffsets[i]] : body.text[i];
      assert.equal(text[body.sourceOffsets[i]], ch, `character ${i} maps back to the source`);
    }
  });

  it('reviews the same paragraph as a contract without throwing', () => {
    const text = wrappedParagraph(148_000);
    const r = review({ text, force: true });
    assert.equal(r.isContract, true);
    for (const d of r.diagnostics) assert.ok(d.range.end.line < text.split('\n').length);
  });

  it('builds a table row of very long cells', () => {
    const cell = 'x'.repeat(130_000);
    const text = `| A | B |\n| --- | --- |\n| ${cell} | ${cell} |\n`;
    const row = buildContractModel(text).blocks.filter((b) => b.kind === 'tableRow')[1];
    assert.equal(row.text.length, 2 * cell.length + 3);
    assert.equal(row.sourceOffsets[row.text.length - 1], text.lastIndexOf('x'));
  });
});
