import assert from 'node:assert/strict';
import { buildContractModel, type ContractModel, type Section } from '../../server/src/model';

/** The sections of a model as compact rows: [number, title, kind, level, parent's number or title]. */
function outline(m: ContractModel): Array<[string | undefined, string, string, number, string]> {
  return m.sections.slice(1).map((s) => {
    const p = m.sections[s.parent];
    return [s.number, s.title, s.kind, s.level, s.index === 0 || p.index === 0 ? '<root>' : p.number ?? p.title];
  });
}

function byNumber(m: ContractModel, n: string): Section {
  const s = m.sections.find((x) => x.number === n);
  assert.ok(s, `section ${n} exists`);
  return s;
}

const at = (m: ContractModel, s: Section) => m.text.slice(s.start, s.end);

describe('model: sections and numbering', () => {
  it('reads numbered Markdown headings ("## 4. Term") with their number, title and depth', () => {
    const text = `# Support Agreement

## 4. Term

4.1 The Supplier shall start work on 1 May 2026.

4.2 The Supplier shall finish by 1 June 2026.

### 4.3 Renewal

The term renews once for a year.

## 5. Payment

The Customer shall pay within 30 days.
`;
    const m = buildContractModel(text);
    assert.deepEqual(outline(m), [
      [undefined, 'Support Agreement', 'heading', 1, '<root>'],
      ['4', 'Term', 'heading', 2, 'Support Agreement'],
      ['4.1', '', 'numbered', 3, '4'],
      ['4.2', '', 'numbered', 3, '4'],
      ['4.3', 'Renewal', 'heading', 3, '4'],
      ['5', 'Payment', 'heading', 2, 'Support Agreement'],
    ]);
    assert.equal(m.usesMarkdownHeadings, true);
    assert.equal(m.topSectionDepth, 2);
    // The title span is the title words only, without "## 4. ".
    const term = byNumber(m, '4');
    assert.equal(text.slice(term.titleSpan.start, term.titleSpan.end), 'Term');
  });

  it('ends each section where the next one at its level or above starts', () => {
    const text = `# Support Agreement

## 4. Term

4.1 The Supplier shall start work on 1 May 2026.

### 4.3 Renewal

The term renews once for a year.

## 5. Payment

The Customer shall pay within 30 days.
`;
    const m = buildContractModel(text);
    const term = byNumber(m, '4');
    const renewal = byNumber(m, '4.3');
    const payment = byNumber(m, '5');
    assert.equal(term.end, payment.start);
    assert.equal(renewal.end, payment.start);
    assert.equal(payment.end, text.length);
    assert.ok(at(m, term).startsWith('## 4. Term'));
    assert.ok(at(m, term).endsWith('renews once for a year.\n\n'));
    assert.deepEqual(m.sections[term.index].children, [byNumber(m, '4.1').index, renewal.index]);
    // Every block belongs to the innermost section around it.
    const block = m.blocks.find((b) => b.text.startsWith('The term renews'))!;
    assert.equal(block.section, renewal.index);
  });

  it('reads plain-text numbered paragraphs ("4.2 The Supplier shall ...") and nests them by number', () => {
    const text = `SUPPORT AGREEMENT

1. DEFINITIONS

1.1 In this Agreement the words below have the meanings given to them.

2. SERVICES

2.1 The Supplier shall provide the Services.

2.1.1 The Services include second-line support.

2.2 The Supplier shall keep a record of every call.
`;
    const m = buildContractModel(text);
    assert.equal(m.usesMarkdownHeadings, false);
    const rows = outline(m).filter((r) => r[0] !== undefined);
    assert.deepEqual(rows, [
      ['1', 'Definitions', 'numbered', 2, 'Support Agreement'],
      ['1.1', '', 'numbered', 3, '1'],
      ['2', 'Services', 'numbered', 2, 'Support Agreement'],
      ['2.1', '', 'numbered', 3, '2'],
      ['2.1.1', '', 'numbered', 4, '2.1'],
      ['2.2', '', 'numbered', 3, '2'],
    ]);
    const s211 = byNumber(m, '2.1.1');
    assert.equal(s211.end, byNumber(m, '2.2').start);
    assert.equal(byNumber(m, '2.1').end, byNumber(m, '2.2').start);
  });

  it('takes an upper-case ordered-list item ("12. GOVERNING LAW") as a numbered heading', () => {
    const text = `SUPPORT AGREEMENT

12. GOVERNING LAW

This Agreement is governed by the laws of Ireland.
`;
    const m = buildContractModel(text);
    const s = byNumber(m, '12');
    assert.equal(s.kind, 'numbered');
    assert.equal(s.title, 'Governing Law');
    assert.equal(text.slice(s.titleSpan.start, s.titleSpan.end), 'GOVERNING LAW');
    // The clause body belongs to it.
    const body = m.blocks.find((b) => b.text.startsWith('This Agreement is governed'))!;
    assert.equal(body.section, s.index);
  });

  it('takes an upper-case line on its own ("GOVERNING LAW") as a heading in plain text', () => {
    const text = `SUPPORT AGREEMENT

The parties agree as follows.

GOVERNING LAW

This Agreement is governed by the laws of Ireland.

NOTICES

Notices must be in writing.
`;
    const m = buildContractModel(text);
    const law = m.sections.find((s) => s.title === 'Governing Law')!;
    const notices = m.sections.find((s) => s.title === 'Notices')!;
    assert.equal(law.kind, 'caps');
    assert.equal(law.number, undefined);
    assert.equal(law.end, notices.start);
    assert.equal(law.level, notices.level);
    assert.equal(text.slice(law.titleSpan.start, law.titleSpan.end), 'GOVERNING LAW');
  });

  it('does not take a sentence in capitals with a full stop inside, or a quantity ("5 business days"), as a heading', () => {
    const text = `# Support Agreement

## 1. Payment

5 business days after each invoice, the Customer shall pay it.

THE SUPPLIER SHALL NOT BE LIABLE FOR INDIRECT LOSS. THIS LIMIT APPLIES TO BOTH PARTIES.
`;
    const m = buildContractModel(text);
    assert.deepEqual(outline(m).map((r) => r[0] ?? r[1]), ['Support Agreement', '1']);
  });

  it('numbers nested ordered lists hierarchically (1 > 1.1, 1.2 > 1.2.1)', () => {
    const text = `Hosting Agreement

1. Services
   1. The Supplier shall host the platform.
   2. The Supplier shall back it up.
      1. Backups run every night.
2. Payment
   1. The Customer shall pay monthly.
`;
    const m = buildContractModel(text);
    assert.deepEqual(m.blocks.filter((b) => b.listNumber).map((b) => [b.listNumber, b.text]), [
      ['1', 'Services'],
      ['1.1', 'The Supplier shall host the platform.'],
      ['1.2', 'The Supplier shall back it up.'],
      ['1.2.1', 'Backups run every night.'],
      ['2', 'Payment'],
      ['2.1', 'The Customer shall pay monthly.'],
    ]);
    const sec = (n: string) => byNumber(m, n);
    const parentNumber = (n: string) => m.sections[sec(n).parent].number;
    assert.deepEqual(['1.1', '1.2', '1.2.1', '2.1'].map(parentNumber), ['1', '1', '1.2', '2']);
    assert.equal(sec('2').parent, sec('1').parent, 'clauses 1 and 2 are siblings');
    assert.equal(sec('1.1').level, sec('1').level + 1);
    assert.equal(sec('1.2.1').level, sec('1.2').level + 1);
    assert.equal(sec('2').level, sec('1').level);
    assert.ok(at(m, sec('1')).includes('Backups run every night.'));
    assert.ok(!at(m, sec('1')).includes('The Customer shall pay monthly.'));
  });

  it('keeps the number written in an ordered-list marker ("7." starting a list)', () => {
    const m = buildContractModel(`Hosting Agreement\n\n7. Term\n8. Termination\n`);
    assert.deepEqual(m.sections.filter((s) => s.number).map((s) => [s.number, s.title]), [['7', 'Term'], ['8', 'Termination']]);
  });

  it('reads ARTICLE and Roman-numeral headings', () => {
    const m = buildContractModel(`SUPPORT AGREEMENT\n\nARTICLE 5 PAYMENT\n\nThe Customer shall pay.\n\nII. MISCELLANEOUS\n\nMore text.\n`);
    assert.deepEqual(m.sections.filter((s) => s.number).map((s) => [s.number, s.title]), [['5', 'Payment'], ['II', 'Miscellaneous']]);
  });

  // Regression (was a bug, now fixed): in "ARTICLE 5 - PAYMENT" the " - " separator is not consumed: NUMBER_PREFIX in
  // model/sections.ts takes either whitespace or [:-] after the number, so the title becomes "- Payment".
  it('strips a dash between the number and the title ("ARTICLE 5 - PAYMENT")', () => {
    const m = buildContractModel(`SUPPORT AGREEMENT\n\nARTICLE 5 - PAYMENT\n\nThe Customer shall pay.\n`);
    assert.equal(m.sections.find((s) => s.number === '5')?.title, 'Payment');
  });

  it('marks schedules and signature blocks (and their sub-sections) as trailers', () => {
    const text = `# Agreement

## 1. Services

The Supplier shall provide the Services.

## Schedule 1 - Service Description

### Part A

Desktop support.

## Signatures

Signed for the Customer.
`;
    const m = buildContractModel(text);
    const trailer = (title: string) => m.sections.find((s) => s.title === title)!.trailer;
    assert.equal(trailer('Services'), null);
    assert.equal(trailer('Schedule 1 - Service Description'), 'schedule');
    assert.equal(trailer('Part A'), 'schedule');
    assert.equal(trailer('Signatures'), 'signature');
  });

  it('ends every heading-opened section at a line start or at the end of the text', () => {
    const text = `# A\n\n## 1. One\n\nText.\n\n### 1.1 Sub\n\nMore.\n\n## 2. Two\n\nLast.`;
    const m = buildContractModel(text);
    for (const s of m.sections) assert.ok(s.end === text.length || text[s.end - 1] === '\n', `section ${s.number ?? s.title} ends mid-line`);
  });

  // Regression (was a bug, now fixed): a section opened by an ordered-list item ("1. DEFINITIONS") spans from the item's paragraph,
  // after its "1. " marker, and the section before it therefore ends after the next item's marker:
  // here the text of section 1.1 is "1.1 In this Agreement ...\n\n2. " (it swallows the "2. " of
  // clause 2), and clause 2's own number lies outside its span.
  it('spans list-item sections from their marker, so no section swallows the next clause number', () => {
    const text = `SUPPORT AGREEMENT

1. DEFINITIONS

1.1 In this Agreement words have the meanings below.

2. SERVICES

2.1 The Supplier shall provide the Services.
`;
    const m = buildContractModel(text);
    const s11 = byNumber(m, '1.1');
    assert.equal(at(m, s11), '1.1 In this Agreement words have the meanings below.\n\n');
    assert.ok(at(m, byNumber(m, '2')).startsWith('2. SERVICES'));
  });

  it('gives a document without any heading a single root section', () => {
    const m = buildContractModel('The Supplier shall provide the Services. The Customer shall pay.\n');
    assert.equal(m.sections.length, 1);
    assert.equal(m.sections[0].kind, 'root');
    assert.equal(m.sections[0].end, m.text.length);
    assert.ok(m.blocks.every((b) => b.section === 0));
  });

  it('builds a 2000-section synthetic contract, in order and in reasonable time', function () {
    this.timeout(30000);
    // 400 clauses of 4 sub-clauses each: 2000 numbered sections (clause numbers stay within 3 digits).
    const parts = ['# Synthetic Services Agreement', 'This Agreement is made between Alder Ltd (the "Supplier") and Birch plc (the "Customer").'];
    for (let i = 1; i <= 400; i++) {
      parts.push(`## ${i}. Clause ${i}`);
      for (let j = 1; j <= 4; j++) parts.push(`${i}.${j} The Supplier shall perform obligation ${i}.${j} within ${j} days.`);
    }
    const text = parts.join('\n\n') + '\n';
    const t0 = Date.now();
    const m = buildContractModel(text);
    const ms = Date.now() - t0;
    const numbered = m.sections.filter((s) => s.number);
    assert.equal(numbered.length, 2000);
    const tops = numbered.filter((s) => !s.number!.includes('.'));
    assert.equal(tops.length, 400);
    for (let i = 1; i < tops.length; i++) {
      assert.equal(tops[i].number, String(i + 1));
      assert.equal(tops[i - 1].end, tops[i].start);
      assert.equal(tops[i].children.length, 4);
    }
    assert.ok(ms < 20000, `built in ${ms} ms`);
  });
});
