import assert from 'node:assert/strict';
import { assertDraftingMeta, checkReplace, contract, findings, flagged, quiet } from './support';

const RULE = 'broken-cross-reference';

const BODY = `## 1. Services

1.1 The Supplier shall provide the Services described in Schedule 1.

1.2 The Supplier shall meet the service levels in clause 3.

## 2. Charges

2.1 The Customer shall pay the charges in Schedule 2, less the credits under clause 3.2.

2.2 Late payment is dealt with in clause 2.3(b).

2.3 Interest:

(a) accrues daily; and

(b) is payable with the next invoice.

## 3. Service Levels

3.1 The Supplier shall meet the availability target.

3.2 The Supplier shall give service credits when it misses it.`;

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on clauses, sub-paragraphs and schedules the contract does not contain', () => {
    const text = contract(`${BODY}

## 4. Exit

4.1 On exit the Supplier shall follow the exit plan in Schedule 4 and clause 9.4, as well as clauses 3.1 and 3.7, and paragraph (c) of clause 2.3(c).

## Schedule 1 – Services

Hosting and support.

## Schedule 2 – Charges

A monthly fee.`);
    assert.deepEqual(flagged(text, RULE), ['Schedule 4', 'clause 9.4', '3.7', 'clause 2.3(c)']);
    const msgs = findings(text, RULE).map((f) => f.diag.message);
    assert.match(msgs[0], /Schedule 4 refers to a schedule this document does not contain \(it has Schedule 1, 2\)/);
    assert.match(msgs[1], /clause 9\.4 refers to a clause the contract does not have \(its clauses are numbered 1 to 4\)/);
    assert.match(msgs[3], /refers to a paragraph \(c\) that clause 2\.3 does not have/);
  });

  it('stays quiet on references that resolve, on other documents, and on schedules kept in other files', () => {
    const text = contract(`${BODY}

## 4. General

4.1 Clause 4 of the Master Agreement, Article 28 of the UK GDPR, Article 32(1) GDPR and section 3 of the Data Protection Act 2018 all apply.

4.2 Schedule 7 sets out the exit plan.`);
    // The document holds no schedules at all, so Schedules 1, 2 and 7 are not checked.
    quiet(text, RULE);
  });

  it('stays quiet in a document without numbered clauses', () => {
    const text = contract(`## Services

The Supplier provides hosting as clause 12 of our standard terms describes.

## Charges

The Customer pays monthly.`);
    quiet(text, RULE);
  });

  it('offers to correct the number when the reference names the clause by its title', () => {
    const text = contract(`${BODY}

## 4. Remedies

4.1 The credits under clause 9.4 (Service Levels) are the Customer's only financial remedy.`);
    const [f] = findings(text, RULE);
    assert.equal(f.fixes[0].title, 'Replace "9.4" with "3" (Service Levels)');
    const fixed = checkReplace(text, f, f.fixes[0]);
    assert.ok(fixed.includes('credits under clause 3 (Service Levels)'));
    quiet(fixed, RULE);
  });

  it('reports stale references in a Markdown contract whose numbering is intact, even when most references are stale', () => {
    const text = contract(`${BODY}

## 4. Remedies

4.1 See clause 7, clause 8.2, clause 9 and Article 11 for the remedies.`);
    assert.deepEqual(flagged(text, RULE), ['clause 7', 'clause 8.2', 'clause 9', 'Article 11']);
    const messages = findings(text, RULE).map((f) => f.diag.message);
    assert.ok(messages.some((m) => /refers to an article the contract does not have/.test(m)), 'an article, not a article');
  });

  it('says once, as information, when the document\'s own numbering could not be read', () => {
    // Plain text whose clause numbers run into the lines: the references cannot be checked.
    const text = [
      'MANAGED SERVICES AGREEMENT',
      '',
      'This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").',
      '',
      '1. Services. The Supplier shall provide the Services.',
      '',
      '2. Charges. The Customer shall pay the Charges under Section 14.2 and Section 15.1.',
      '',
      '3. Term. This Agreement lasts as stated in Section 16.4, subject to Section 17.3 and Section 2.',
      '',
    ].join('\n');
    const found = findings(text, RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0].diag.severity, 'information');
    assert.match(found[0].diag.message, /Cross-references were not checked: 4 of this document's clause references/);
  });

  it('reports a reference to a sub-clause of a clause without sub-clauses as information', () => {
    const text = contract(`${BODY}

## 4. Remedies

4.1 The credits under clause 3.2.4 are the Customer's only financial remedy.`);
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f.diag.severity, 'information');
    assert.match(f.diag.message, /clause 3\.2\.4 refers to a sub-clause, but clause 3\.2 has no numbered sub-clauses/);
  });

  it('checks each part against its own numbering: an order form numbered 1-3 before terms numbered 1-4', () => {
    const text = contract(`## 1. Customer

Harbourline, as described in clause 2.

## 2. Term

Thirty-six months.

## 3. Charges

As in clause 4 of the Terms below.

# Terms

${BODY}

## 4. Remedies

4.1 The credits under clause 3.2 are the Customer's only financial remedy, and clause 4.1 applies.`);
    quiet(text, RULE);
  });

  it('leaves statute sections and an amendment\'s references alone', () => {
    quiet(contract(`${BODY}

## 4. Remedies

4.1 Nothing limits rights under Section 365(n) of the Bankruptcy Code or section 351 of the Act.`), RULE);
    quiet(`# First Amendment to the Services Agreement

This Amendment is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## 1. Amendments

1.1 Clause 14.2 of the Agreement is hereby amended to read as follows.

## 2. Effect

2.1 Clause 9 of the Agreement is deleted.

## 3. Law

3.1 Clause 22 continues to apply.
`, RULE);
  });
});
