import assert from 'node:assert/strict';
import { buildContractModel, formatOfPath } from '../../server/src/model';
import { furnitureLines } from '../../server/src/model/plain';

// Written for this test: a contract as it comes out of a PDF converter.
const PAGE = (n: number) => `Harrow Ledger Services - Master Agreement\n\n${n}\n`;
const TEXT = [
  'MASTER SERVICES AGREEMENT',
  '',
  '# of sites: 4 * all in the north region',
  '',
  '11. Fees. The Customer shall pay the Charges within thirty days of an invoice for the Services. 12.1 Governing Law. This Agreement is governed by the laws of Norway.',
  '',
  'The Supplier shall keep the Customer informed of any change that affects the',
  '',
  PAGE(1),
  'delivery of the Services and shall confirm it in writing.',
  '',
  PAGE(2),
  'Everything else is agreed in the schedules.',
  '',
  PAGE(3),
].join('\n');

describe('plain-text contracts', () => {
  it('reads .txt files as plain text and other paths as Markdown', () => {
    assert.equal(formatOfPath('contracts/deal.txt'), 'plain');
    assert.equal(formatOfPath('contracts/deal.TXT'), 'plain');
    assert.equal(formatOfPath('contracts/deal.md'), 'markdown');
    assert.equal(formatOfPath(undefined), 'markdown');
  });

  it('never reads "#" or "*" in a .txt file as Markdown', () => {
    const m = buildContractModel(TEXT, 0, 'plain');
    assert.ok(m.blocks.every((b) => b.kind === 'paragraph'));
    assert.ok(m.blocks.some((b) => b.text === '# of sites: 4 * all in the north region'));
    const md = buildContractModel(TEXT, 0, 'markdown');
    assert.ok(md.blocks.some((b) => b.kind === 'heading'), 'the same text as Markdown has a heading');
  });

  it('splits a numbered heading run into the text after a full stop', () => {
    const m = buildContractModel(TEXT, 0, 'plain');
    const b = m.blocks.find((x) => x.text.startsWith('12.1 Governing Law.'));
    assert.ok(b, m.blocks.map((x) => x.text).join(' | '));
    assert.equal(TEXT.slice(b.start, b.start + 19), '12.1 Governing Law.');
    assert.ok(m.sections.some((s) => s.title === 'Governing Law'), 'the run-in heading opens a section');
  });

  it('drops page numbers and repeated headers and rejoins a sentence split by a page break', () => {
    const m = buildContractModel(TEXT, 0, 'plain');
    assert.ok(!m.blocks.some((b) => /Harrow Ledger Services - Master Agreement/.test(b.text)));
    assert.ok(!m.blocks.some((b) => /^\d+$/.test(b.text)));
    const joined = m.blocks.find((b) => b.text.includes('affects the\ndelivery of the Services'));
    assert.ok(joined, m.blocks.map((x) => x.text).join(' | '));
    const sentence = joined.sentences.find((s) => s.text.includes('confirm it in writing'));
    assert.ok(sentence && sentence.text.startsWith('The Supplier shall keep'), 'one sentence across the break');
  });

  it('keeps a short line that repeats but is not furniture', () => {
    const lines = ['Not used.', 'x', 'Not used.', 'y', 'Not used.', 'Acme Ltd confidential', 'Acme Ltd confidential', 'Acme Ltd confidential', '- 4 -', 'Page 2 of 9'];
    assert.deepEqual([...furnitureLines(lines)].sort((a, b) => a - b), [5, 6, 7, 8, 9]);
  });
});
