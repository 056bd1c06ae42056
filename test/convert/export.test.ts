/** Markdown out to Word: structure, tracked changes, comments, and the round trip Word -> Markdown -> Word. */
import { strict as assert } from 'node:assert';
import { exportDocx, importDocument, REVISION_AUTHOR } from '../../server/src/convert';
import { clause, docxOf, docxParts, heading, plain, table } from './support';

const DRAFT = `---
title: Hosting Agreement (draft)
---

# Hosting Agreement

## 1. Services

1.1 The Supplier shall host the Customer's application and keep it available for at least 99.5% of each month.

1.2 The Supplier shall:

1. patch the servers monthly;
2. keep backups for 30 days.

| Metric | Target |
| --- | --- |
| Availability | 99.5% |

## 2. Charges

2.1 The Customer shall pay the **Charges** within 30 days of an undisputed invoice.
`;

/** The text of the w:t (kept) and w:delText (deleted) runs, in order. */
const runTexts = (xml: string, tag: 'w:t' | 'w:delText') => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
const words = (s: string) => s.replace(/[*_\\|#-]/g, ' ').split(/\s+/).filter(Boolean);

describe('convert: Word export', () => {
  it('writes headings, numbered lists, bold and tables as Word structure', async () => {
    const xml = (await docxParts(await exportDocx(DRAFT)))['word/document.xml'];
    assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
    assert.match(xml, /<w:pStyle w:val="Heading2"\/>/);
    assert.match(xml, /<w:numPr>/, 'the Markdown numbered list is a Word list');
    assert.match(xml, /<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Charges<\/w:t>/s, 'bold survives');
    assert.match(xml, /<w:tbl>/);
    assert.doesNotMatch(xml, /title: Hosting/, 'front matter is not text');
    assert.doesNotMatch(xml, /<w:ins |<w:del /, 'no revisions without a base');
  });

  it('marks every difference from the base as a tracked change by Clausewise, with the date', async () => {
    const base = DRAFT
      .replace('at least 99.5% of each month', 'a high level of availability')
      .replace('## 2. Charges', '## 2. Charges\n\n2.0 The Supplier may change the Charges at any time.');
    const date = new Date('2025-03-04T05:06:07Z');
    const xml = (await docxParts(await exportDocx(DRAFT, { base, date })))['word/document.xml'];
    const ins = [...xml.matchAll(/<w:ins w:id="\d+" w:author="([^"]+)" w:date="([^"]+)">(.*?)<\/w:ins>/gs)];
    const del = [...xml.matchAll(/<w:del w:id="\d+" w:author="([^"]+)" w:date="([^"]+)">(.*?)<\/w:del>/gs)];
    assert.ok(ins.length && del.length, 'has insertions and deletions');
    for (const m of [...ins, ...del]) {
      assert.equal(m[1], REVISION_AUTHOR);
      assert.equal(m[2], '2025-03-04T05:06:07Z');
    }
    const inserted = ins.flatMap((m) => runTexts(m[3], 'w:t')).join('');
    const deleted = del.flatMap((m) => runTexts(m[3], 'w:delText')).join('');
    // Word by word: the unchanged words of the changed clause are not part of any revision.
    assert.match(inserted, /at least 99\.5% /);
    assert.match(inserted, /each month/);
    assert.doesNotMatch(inserted, /host the Customer/);
    assert.match(deleted, /a high level /);
    assert.match(deleted, /availability/);
    // A clause only in the base is deleted whole, its paragraph mark included.
    assert.match(deleted, /The Supplier may change the Charges at any time\./);
    assert.match(xml, /<w:rPr><w:del w:id="\d+" w:author="Clausewise"/, 'the removed paragraph\'s mark is deleted too');
    assert.match((await docxParts(await exportDocx(DRAFT, { base })))['word/settings.xml'], /<w:trackRevisions\/>/);
  });

  it('adds comments on the paragraphs they are about', async () => {
    const lines = DRAFT.split('\n');
    const line = lines.findIndex((l) => l.startsWith('2.1'));
    const parts = await docxParts(await exportDocx(DRAFT, { comments: [{ line, text: 'warning: payment period is long (payment-terms)' }, { line: 0, text: 'on the title' }] }));
    assert.match(parts['word/comments.xml'], /<w:comment w:id="0"[^>]*w:author="Clausewise"/);
    assert.match(parts['word/comments.xml'], /payment period is long/);
    const xml = parts['word/document.xml'];
    const paragraph = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0]).find((p) => p.includes('<w:commentRangeStart w:id="0"/>'));
    assert.ok(paragraph && runTexts(paragraph, 'w:t').join('').startsWith('2.1 The Customer shall pay'), 'comment 0 sits on clause 2.1');
    assert.match(xml, /<w:commentReference w:id="1"\/>/, 'a comment on the front matter line goes on the next paragraph');
  });

  it('round trip Word -> Markdown -> Word keeps every word and the clause numbers', async () => {
    const original = await docxOf([
      heading('Services'),
      clause('The Supplier shall provide the Services described in Schedule 1.'),
      clause('The Supplier shall:'),
      clause('meet the Service Levels;', 2),
      clause('report on them monthly.', 2),
      table([['Service', 'Target'], ['Availability', '99.9%']]),
      heading('Liability'),
      clause('Each party\'s total liability is limited to the Charges paid in the previous 12 months.'),
      plain('Signed for the Customer.'),
    ]);
    const first = await importDocument(original, 'docx');
    const again = await importDocument(await exportDocx(first.markdown), 'docx');
    assert.deepEqual(words(again.markdown), words(first.markdown));
    for (const n of ['## 1. Services', '1.1 The Supplier', '1.2 The Supplier', '(a) meet', '(b) report', '## 2. Liability', '2.1 Each']) {
      assert.ok(again.markdown.includes(n), `${n} after the round trip:\n${again.markdown}`);
    }
  });
});

describe('examples/weak-msa.docx', () => {
  it('is up to date with examples/weak-msa.md (npx tsx scripts/make-example-docx.ts)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const examples = path.join(__dirname, '..', '..', 'examples');
    const committed = await importDocument(fs.readFileSync(path.join(examples, 'weak-msa.docx')), 'docx');
    const fresh = await importDocument(await exportDocx(fs.readFileSync(path.join(examples, 'weak-msa.md'), 'utf8')), 'docx');
    assert.equal(committed.markdown, fresh.markdown);
  });
});
