import assert from 'node:assert/strict';
import { apply, assertDraftingMeta, contract, findings, flagged, quiet, textAt } from './support';

const RULE = 'numbering';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on a gap, a duplicate, numbers going backwards and a sub-clause under the wrong clause', () => {
    const text = contract(`## 1. Services

1.1 The Supplier shall host the platform.

1.2 The Supplier shall back it up daily.

1.4 The Supplier shall monitor it.

## 2. Charges

2.1 The Customer shall pay monthly.

2.1 The Supplier shall invoice monthly.

## 3. Term

3.1 This Agreement lasts three years.

3.3 Either party may renew it.

3.2 Renewal is for one year.

## 4. Exit

5.1 The Supplier shall help with exit.`);
    assert.deepEqual(flagged(text, RULE), ['1.4', '2.1', '3.3', '3.2', '5.1']);
    const msgs = findings(text, RULE).map((f) => f.diag.message);
    assert.match(msgs[0], /Clause 1\.4 follows 1\.2: 1\.3 is missing/);
    assert.match(msgs[1], /numbered the same as the clause before it: it should be 2\.2/);
    assert.match(msgs[3], /comes after 3\.3: the numbers go backwards/);
    assert.match(msgs[4], /Clause 5\.1 sits under clause 4: it should be numbered 4\.1/);
  });

  it('fires on numbered headings and on numbers written in Markdown list markers', () => {
    const text = contract(`## 1. Services

The Supplier hosts the platform.

## 2. Charges

The Customer pays monthly.

## 4. Term

This Agreement lasts three years.`);
    assert.deepEqual(flagged(text, RULE), ['4']);
    const list = `SERVICES AGREEMENT

This Agreement is between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

1. SERVICES. The Supplier shall host the platform.

2. CHARGES. The Customer shall pay monthly.

4. TERM. This Agreement lasts three years.
`;
    assert.deepEqual(flagged(list, RULE), ['4']);
  });

  it('stays quiet on sequential numbers, lazily numbered Markdown lists, restarted lists and schedules', () => {
    const text = contract(`## 1. Services

1.1 The Supplier shall host the platform.

1.2 The Supplier shall back it up daily.

## 2. Reports

1. Monthly availability.
1. Incidents.
1. Changes.

## 3. Charges

3.1 The Customer shall pay monthly.

## Schedule 1 – Service Levels

1.1 Availability of 99.9%.

1.2 Response within one hour.`);
    quiet(text, RULE);
  });

  it('reads numbers that go back after an unnumbered heading as a new list, and without one as out of order', () => {
    // The form after "Order Form" numbers its clauses afresh (from 1.2: the first was deleted).
    const body = `## 1. Services

1.1 The Supplier shall host the platform.

1.2 The Supplier shall back it up daily.

1.3 The Supplier shall report monthly.

## Order Form

1.2 The Customer orders the hosting service.

1.3 The Customer pays monthly.`;
    quiet(contract(body), RULE);
    assert.deepEqual(flagged(contract(body.replace('## Order Form\n\n', '')), RULE), ['1.2']);
  });

  it('offers "Renumber", which renumbers the following clauses and their sub-clauses and updates cross-references', () => {
    const text = contract(`## 1. Services

1.1 The Supplier shall host the platform, subject to clause 1.5.

1.2 The Supplier shall back it up daily.

1.4 The Supplier shall monitor it, as set out in clauses 1.4 and 1.5(a).

1.4.1 Monitoring runs every minute.

1.5 Exceptions:

(a) planned maintenance; and

(b) force majeure.

## 2. Charges

2.1 Clause 1.2 is not affected, and clause 3 of the Master Agreement is not either.`);
    const [f] = findings(text, RULE);
    assert.equal(textAt(text, f.diag.range), '1.4');
    assert.equal(f.fixes.length, 1);
    const spec = f.fixes[0];
    assert.equal(spec.kind, 'edits');
    assert.equal(spec.title, 'Renumber 1.4–1.5 as 1.3–1.4 and update 3 cross-references');
    const fixed = apply(f, spec);
    assert.ok(fixed.includes('1.1 The Supplier shall host the platform, subject to clause 1.4.'));
    assert.ok(fixed.includes('1.3 The Supplier shall monitor it, as set out in clauses 1.3 and 1.4(a).'));
    assert.ok(fixed.includes('1.3.1 Monitoring runs every minute.'));
    assert.ok(fixed.includes('1.4 Exceptions:'));
    assert.ok(fixed.includes('2.1 Clause 1.2 is not affected, and clause 3 of the Master Agreement is not either.'));
    // Only numbers changed: same length, same words.
    assert.equal(fixed.replace(/\d/g, '#'), text.replace(/\d/g, '#'));
    quiet(fixed, RULE);
    quiet(fixed, 'broken-cross-reference');
  });

  it('renumbers list markers and "2.0"-style numbers as written', () => {
    const text = `SERVICES AGREEMENT

This Agreement is between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

1.0 SERVICES

The Supplier shall host the platform, as described in Section 3.

2.0 CHARGES

The Customer shall pay monthly.

3.0 TERM

This Agreement lasts three years.

3.0 EXIT

The Supplier shall help with exit.
`;
    const [f] = findings(text, RULE);
    assert.equal(textAt(text, f.diag.range), '3.0');
    const fixed = apply(f, f.fixes[0]);
    assert.ok(fixed.includes('4.0 EXIT'));
    assert.ok(fixed.includes('as described in Section 3.'), 'a reference to the duplicated number is left alone');
    quiet(fixed, RULE);
  });
});

describe(`drafting rule ${RULE}: many clauses with the same number`, function () {
  this.timeout(120000);
  // Regression (was a bug, now fixed): each duplicate computed the group's renumbering plan anew,
  // each plan scanned every clause per sibling, so 100 KB of clauses all numbered "1" took about
  // two minutes to review. The plan is now shared by the group's findings and built in one sweep.
  it('offers one shared renumbering for 2,000 same-numbered sections, in linear time (generous bound)', () => {
    const parts = ['# Services Agreement', '', 'This agreement is between Contoso plc (the "Customer") and Fabrikam Ltd (the "Supplier").', ''];
    for (let i = 0; i < 2000; i++) parts.push('## 1. Services', '', '1.1 The Supplier shall provide the Services.', '');
    const text = parts.join('\n');
    assert.ok(text.length > 100_000);
    const t0 = Date.now();
    const found = findings(text, RULE);
    const seconds = (Date.now() - t0) / 1000;
    const duplicates = found.filter((f) => /numbered the same as the clause before it/.test(f.diag.message));
    // Each section after the first, and each of their sub-clauses 1.1 (siblings of the first 1.1).
    assert.equal(duplicates.length, 2 * 1999);
    // The findings of one group all offer the same renumbering.
    const titles = new Set(duplicates.map((f) => f.fixes.map((x) => x.title).join()));
    assert.deepEqual([...titles].sort(), ['Renumber 1 as 2', 'Renumber 1.1 as 1.2']);
    // The section plan renumbers every section after the first (2 ... 2000) and its sub-clause.
    const plan = duplicates.find((f) => f.fixes[0]?.title === 'Renumber 1 as 2')!.fixes[0];
    assert.ok(plan.kind === 'edits' && plan.edits.length === 2 * 1999, `${plan.kind === 'edits' ? plan.edits.length : plan.kind} edits`);
    // A bound a linear review meets many times over even on a loaded machine; the quadratic one took ~110 s.
    assert.ok(seconds < 40, `took ${seconds} s`);
  });
});
