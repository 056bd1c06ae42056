import assert from 'node:assert/strict';
import { buildContractModel, positionAt, sentenceSpan, spanToRange, type ContractModel } from '../../server/src/model';

function sentences(text: string) {
  return placed(buildContractModel(text));
}

/** Every sentence with its source span in the model (sentenceSpan). */
function placed(m: ContractModel) {
  return m.blocks.flatMap((b) => b.sentences.map((s) => ({ ...s, ...sentenceSpan(b, s) })));
}

describe('model: sentences and offsets', () => {
  it('splits plain text into sentences whose offsets slice back to the sentence', () => {
    const text = `# Support Agreement

## 2. Services

2.1 The Supplier shall provide second-line support. It shall answer calls on Business Days, that is Monday to Friday. The Customer shall pay.

- The Supplier shall keep logs.
- The Customer may inspect them.
`;
    const all = sentences(text);
    assert.deepEqual(all.map((s) => s.text), [
      'Support Agreement',
      '2. Services',
      '2.1 The Supplier shall provide second-line support.',
      'It shall answer calls on Business Days, that is Monday to Friday.',
      'The Customer shall pay.',
      'The Supplier shall keep logs.',
      'The Customer may inspect them.',
    ]);
    for (const s of all) {
      if (s.text === 'Support Agreement' || s.text === '2. Services') continue;
      assert.equal(text.slice(s.start, s.end), s.text);
    }
  });

  it('maps a sentence with **bold** and _italic_ markup onto the source it came from', () => {
    const text = `# Support Agreement

The Supplier shall keep the **Service Desk** open _every_ Business Day. Next sentence here.
`;
    const [, first, second] = sentences(text);
    assert.equal(first.text, 'The Supplier shall keep the Service Desk open every Business Day.');
    const source = text.slice(first.start, first.end);
    assert.equal(source, 'The Supplier shall keep the **Service Desk** open _every_ Business Day.');
    assert.equal(source.replace(/[*_]/g, ''), first.text);
    assert.equal(text.slice(second.start, second.end), 'Next sentence here.');
  });

  it('counts UTF-16 code units: emoji and accented letters before a sentence do not shift it', () => {
    const text = `# Café Agreement 🎉\n\nCrème brûlée 👩‍💻 is served. The Supplier shall restock the kiosks.\n`;
    const m = buildContractModel(text);
    const s = placed(m).find((x) => x.text.startsWith('The Supplier'))!;
    assert.equal(text.slice(s.start, s.end), 'The Supplier shall restock the kiosks.');
    const range = spanToRange(m.lineStarts, s);
    const line = text.split('\n')[range.start.line];
    assert.equal(range.start.character, line.indexOf('The Supplier'));
    assert.equal(range.end.character, line.indexOf('kiosks.') + 'kiosks.'.length);
    // The emoji counts as two (and the ZWJ sequence as five) UTF-16 units, as in LSP positions.
    assert.equal(line.indexOf('The Supplier'), 'Crème brûlée 👩‍💻 is served. '.length);
  });

  it('handles CRLF line endings: line starts, positions and sentence offsets', () => {
    const text = '# Agreement\r\n\r\n## 1. Services\r\n\r\n1.1 The Supplier shall provide the Services.\r\nIt shall do so on time.\r\n';
    const m = buildContractModel(text);
    assert.deepEqual(m.lineStarts, [0, 13, 15, 31, 33, 79, 104]);
    const all = placed(m);
    const it2 = all.find((s) => s.text === 'It shall do so on time.')!;
    assert.equal(text.slice(it2.start, it2.end), 'It shall do so on time.');
    assert.deepEqual(positionAt(m.lineStarts, it2.start), { line: 5, character: 0 });
    assert.equal(m.sections.find((s) => s.number === '1')?.title, 'Services');
    assert.equal(m.sections.find((s) => s.number === '1.1')?.kind, 'numbered');
    for (const s of all) assert.ok(!s.text.includes('\r'), 'no carriage return inside a sentence');
  });

  // Regression (was a bug, now fixed): a soft line break in CRLF text stays "\r\n" in Block.text (types.ts documents soft breaks as
  // '\n'), and findTitle / detectSectionStart cut the first line at '\n', so model.titleSpan and
  // Section.titleSpan include the '\r': a finding anchored on them ends past the end of its line.
  it('keeps "\\r" out of block text and title spans in CRLF text with soft line breaks', () => {
    const text = 'SUPPORT AGREEMENT\r\n\r\n1.1 The Supplier shall host\r\nthe platform.\r\n';
    const m = buildContractModel(text);
    for (const b of m.blocks) assert.ok(!b.text.includes('\r'), `block ${JSON.stringify(b.text)}`);
    const s11 = m.sections.find((s) => s.number === '1.1')!;
    assert.ok(!text.slice(s11.titleSpan.start, s11.titleSpan.end).includes('\r'));
    const listed = buildContractModel('- The Supplier shall host.\r\nIt shall back up.\r\n');
    assert.equal(listed.text.slice(listed.titleSpan.start, listed.titleSpan.end), 'The Supplier shall host.');
  });

  it('handles a lone CR as a line break in line starts', () => {
    const m = buildContractModel('a\rb\r\nc\nd');
    assert.deepEqual(m.lineStarts, [0, 2, 5, 7]);
  });

  it('skips fenced code and keeps blockquotes marked as quoted', () => {
    const m = buildContractModel('# A\n\n```\nThe Supplier shall not be read.\n```\n\n> The Supplier shall be quoted.\n');
    assert.equal(m.blocks.find((b) => b.kind === 'code')?.sentences.length, 0);
    const quoted = m.blocks.find((b) => b.text.includes('quoted'));
    assert.equal(quoted?.quoted, true);
  });
});
