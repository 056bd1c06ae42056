/** Word, HTML and PDF in: numbering made visible, structure kept, unreadable files refused with a reason. */
import { strict as assert } from 'node:assert';
import { TextRun } from 'docx';
import { importDocument, ImportError } from '../../server/src/convert';
import { formatNumber } from '../../server/src/convert/docx-numbering';
import { clause, docxOf, heading, pdfOf, plain, table } from './support';

const lines = (md: string) => md.split('\n');

describe('convert: Word import', () => {
  it('writes Word automatic numbering as clause numbers, at every level', async () => {
    const md = (await importDocument(await docxOf([
      heading('Definitions'),
      clause('In this Agreement the following words have these meanings.'),
      clause('The Supplier shall:'),
      clause('keep records;', 2),
      clause('report monthly;', 2),
      clause('in the form the Customer asks for.', 3),
      heading('Services'),
      clause('The Supplier shall provide the Services.'),
    ]), 'docx')).markdown;
    const l = lines(md);
    assert.ok(l.includes('## 1. Definitions'), md);
    assert.ok(l.includes('1.1 In this Agreement the following words have these meanings.'), md);
    assert.ok(l.includes('1.2 The Supplier shall:'), md);
    assert.ok(l.includes('(a) keep records;'), md);
    assert.ok(l.includes('(b) report monthly;'), md);
    assert.ok(l.includes('(i) in the form the Customer asks for.'), md);
    // A new level-0 item restarts the levels below it.
    assert.ok(l.includes('## 2. Services'), md);
    assert.ok(l.includes('2.1 The Supplier shall provide the Services.'), md);
  });

  it('restarts numbering where Word restarts it (a new list instance)', async () => {
    const md = (await importDocument(await docxOf([
      clause('First list, first item.', 2, 1),
      clause('First list, second item.', 2, 1),
      clause('Second list, first item.', 2, 2),
    ]), 'docx')).markdown;
    assert.match(md, /^\(b\) First list, second item\.$/m);
    assert.match(md, /^\(a\) Second list, first item\.$/m);
  });

  it('keeps bold defined terms, the title as a heading, tables and bullets', async () => {
    const md = (await importDocument(await docxOf([
      clause([new TextRun('"'), new TextRun({ text: 'Service Levels', bold: true }), new TextRun('" means the targets in the table below.')]),
      table([['Service', 'Target'], ['Availability', '99.9% each month']]),
      plain('Unnumbered closing words.'),
    ]), 'docx')).markdown;
    assert.match(md, /^# Managed Services Agreement$/m);
    assert.match(md, /^1\.1 "\*\*Service Levels\*\*" means the targets in the table below\.$/m);
    assert.match(md, /^\| Service \| Target \|\n\| --- \| --- \|\n\| Availability \| 99\.9% each month \|$/m);
  });

  it('maps each Markdown line to its Word paragraph', async () => {
    const doc = await importDocument(await docxOf([heading('Services'), clause('The Supplier shall provide the Services.')]), 'docx');
    const l = lines(doc.markdown);
    assert.equal(doc.paragraphOfLine![l.indexOf('# Managed Services Agreement')], 0);
    assert.equal(doc.paragraphOfLine![l.indexOf('## 1. Services')], 1);
    assert.equal(doc.paragraphOfLine![l.indexOf('1.1 The Supplier shall provide the Services.')], 2);
    assert.equal(doc.paragraphOfLine![1], null, 'blank lines map to no paragraph');
  });

  it('keeps a paragraph typed as "1. ..." in Word as text, not a Markdown list', async () => {
    const md = (await importDocument(await docxOf([plain('1. The Supplier shall act in good faith.')]), 'docx')).markdown;
    assert.match(md, /^1\\\. The Supplier shall act in good faith\.$/m);
  });

  it('refuses damaged and encrypted files with a reason', async () => {
    await assert.rejects(importDocument(Buffer.from('PK\u0003\u0004 this is not really a zip'), 'docx'), (e: Error) => e instanceof ImportError && /damaged/.test(e.message));
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    await assert.rejects(importDocument(ole, 'docx'), (e: Error) => e instanceof ImportError && /password-protected/.test(e.message));
  });

  it('formats list numbers as Word does', () => {
    assert.deepEqual([1, 4, 9, 14, 40].map((n) => formatNumber(n, 'lowerRoman')), ['i', 'iv', 'ix', 'xiv', 'xl']);
    assert.deepEqual([1, 26, 27, 28].map((n) => formatNumber(n, 'upperLetter')), ['A', 'Z', 'AA', 'BB']);
    assert.equal(formatNumber(7, 'decimalZero'), '07');
  });
});

describe('convert: HTML import', () => {
  it('turns headings, bold terms, lists and tables into Markdown', async () => {
    const html = '<html><head><title>x</title><style>p{}</style></head><body><h1>Hosting Agreement</h1><h2>1. Definitions</h2>'
      + '<p>"<b>Uptime</b>" means the share of minutes the service is available.</p><ul><li>first</li><li>second</li></ul>'
      + '<table><tr><td>Metric</td><td>Target</td></tr><tr><td>Uptime</td><td>99.5%</td></tr></table></body></html>';
    const md = (await importDocument(Buffer.from(html), 'html')).markdown;
    assert.match(md, /^# Hosting Agreement$/m);
    assert.match(md, /^## 1\. Definitions$/m);
    assert.match(md, /^"\*\*Uptime\*\*" means/m);
    assert.match(md, /^- first$/m);
    assert.match(md, /^\| Metric \| Target \|$/m);
    assert.doesNotMatch(md, /p\{\}/, 'style sheets are not text');
  });

  it('refuses an HTML file without text', async () => {
    await assert.rejects(importDocument(Buffer.from('<html><body><img src="x.png"></body></html>'), 'html'), /no text/);
  });
});

describe('convert: PDF import', () => {
  it('joins the lines of a clause and starts a paragraph at each clause number', async () => {
    const doc = await importDocument(pdfOf([
      'MANAGED SERVICES AGREEMENT', '1.1 The Supplier shall provide the Services to the', 'Customer from the Commencement Date.', '1.2 The Supplier shall report monthly.',
    ]), 'pdf');
    assert.match(doc.markdown, /^1\.1 The Supplier shall provide the Services to the Customer from the Commencement Date\.$/m);
    assert.match(doc.markdown, /^1\.2 The Supplier shall report monthly\.$/m);
    assert.equal(doc.pageOfLine![0], 1);
  });

  it('refuses a PDF without a text layer (a scan) and a damaged one, with a reason', async () => {
    await assert.rejects(importDocument(pdfOf([]), 'pdf'), (e: Error) => e instanceof ImportError && /no text layer/.test(e.message));
    await assert.rejects(importDocument(Buffer.from('%PDF-1.4 nothing else'), 'pdf'), (e: Error) => e instanceof ImportError && /not a readable PDF/.test(e.message));
  });
});
