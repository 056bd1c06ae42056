import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';

describe('model: edge cases', () => {
  it('builds an empty file', () => {
    const m = buildContractModel('');
    assert.equal(m.text, '');
    assert.deepEqual(m.lineStarts, [0]);
    assert.deepEqual(m.blocks, []);
    assert.equal(m.sections.length, 1);
    assert.deepEqual(m.titleSpan, { start: 0, end: 0 });
    assert.equal(m.frontMatter, null);
    assert.equal(m.usesMarkdownHeadings, false);
  });

  it('builds a file of white space and blank lines', () => {
    const m = buildContractModel('\n\n   \n\t\n');
    assert.deepEqual(m.blocks, []);
    assert.deepEqual(m.parties, []);
  });

  it('keeps the version it was given', () => {
    assert.equal(buildContractModel('# A\n', 7).version, 7);
  });

  it('builds tables: one block per row, cells joined with " | "', () => {
    const text = '# A\n\n| Priority | Response |\n| --- | --- |\n| P1 | 30 minutes |\n';
    const m = buildContractModel(text);
    const rows = m.blocks.filter((b) => b.kind === 'tableRow');
    assert.deepEqual(rows.map((r) => r.text), ['Priority | Response', 'P1 | 30 minutes']);
    const p1 = rows[1];
    const i = p1.text.indexOf('30 minutes');
    assert.equal(text.slice(p1.sourceOffsets[i], p1.sourceOffsets[i + 9] + 1), '30 minutes');
  });

  it('maps every plain-text character of every block back to the same character in the source', () => {
    const text = '# T\n\nThe **Supplier** shall _host_ the `platform` &amp; keep \\*logs\\*; see [clause 4](#c4).\n';
    const m = buildContractModel(text);
    for (const b of m.blocks) {
      for (let i = 0; i < b.text.length; i++) {
        const ch = b.text[i];
        const src = text[b.sourceOffsets[i]];
        if (ch === '&' && src === '&') continue;
        assert.equal(src, ch, `block ${b.index} char ${i} (${JSON.stringify(ch)})`);
      }
    }
    assert.ok(m.blocks[1].text.includes('The Supplier shall host the platform & keep *logs*; see clause 4.'));
  });
});
