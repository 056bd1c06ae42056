import assert from 'node:assert/strict';
import { assertLinesKept, assertMeta, applyFix, checkReplaceFix, contract, expectFires, expectQuiet, findingsOf, ruleFindings, run, sections, STRONG, textAt } from './support';

const RULE = 'vague-wording';

const VAGUE = contract(sections(`## {n}. Services

{n}.1 The Supplier shall train the Customer's staff as needed.

{n}.2 The Supplier shall deliver the monthly reports in a timely manner and/or by e-mail.

{n}.3 The Supplier will use reasonable endeavours to migrate mailboxes, calendars, shared drives, etc. before go-live.

{n}.4 The hosting charges are to be agreed.`, STRONG.confidentiality), { title: 'Outsourcing Agreement' });

/** A section about history, outside scope and with no obligation in it. */
const background = (title: string) => contract(sections(STRONG.deliverables, `## {n}. Background

The Customer has in the past bought desktop support on an as needed basis, and the parties met regularly.`), { title });

describe(`rule ${RULE}`, () => {
  it('has its meta data (replacements, not library clauses, fix it)', () => assertMeta(RULE, { category: 'deliverables', defaultSeverity: 'information', clauseId: undefined }));

  it('fires on each vague phrase in obligations, with a range on exactly the words', () => {
    const found = expectFires(VAGUE, RULE, 'information');
    assert.deepEqual(found.map((f) => textAt(VAGUE, f.diag.range)), ['as needed', 'in a timely manner', 'and/or', 'reasonable endeavours', 'etc.', 'to be agreed']);
    assert.match(found[0].diag.message, /^"as needed" leaves the scope to be decided later/);
    assert.match(found[5].diag.message, /agreement to agree/);
  });

  it('offers the replacements that make sense, and none where only the lawyer can say', () => {
    const byWords = new Map(ruleFindings(VAGUE, RULE).map((f) => [textAt(VAGUE, f.diag.range), f.fixes.map((x) => (x.kind === 'replace' ? x.replacement : x.kind))]));
    assert.deepEqual(byWords.get('as needed'), ['as specified in Schedule [N]']);
    assert.deepEqual(byWords.get('in a timely manner'), ['within [N] Business Days']);
    assert.deepEqual(byWords.get('and/or'), ['or', 'and']);
    assert.deepEqual(byWords.get('reasonable endeavours'), []);
    assert.deepEqual(byWords.get('etc.'), []);
  });

  it('fires on bare noun phrases in a scope section even without "shall"', () => {
    const text = contract(sections(`## {n}. Scope

- Desktop support for all offices
- Printer maintenance, toner replacement, etc.`, STRONG.confidentiality), { title: 'Outsourcing Agreement' });
    const [f] = expectFires(text, RULE);
    assert.equal(textAt(text, f.diag.range), 'etc.');
  });

  it('maps the range onto the source through **bold** markup', () => {
    const text = contract(sections(`## {n}. Support

{n}.1 The Supplier shall attend site **as needed**.`, STRONG.confidentiality), { title: 'Outsourcing Agreement' });
    const [f] = expectFires(text, RULE);
    assert.equal(textAt(text, f.diag.range), 'as needed');
  });

  it('keeps the range exact after emoji and accented text on the same line (UTF-16 columns)', () => {
    const text = contract(sections(`## {n}. Café Services 🎉

{n}.1 The Supplier 👩‍💻 shall restock the café kiosks (crème brûlée included) as needed.`, STRONG.confidentiality), { title: 'Outsourcing Agreement' });
    const [f] = expectFires(text, RULE);
    assert.equal(textAt(text, f.diag.range), 'as needed');
    const line = text.split('\n')[f.diag.range.start.line];
    assert.equal(line.indexOf('as needed'), f.diag.range.start.character);
  });

  it('stays quiet on the same words inside a definition', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Definitions

"Ad Hoc Services" means extra work the Supplier will perform as needed at the Customer's request.`), { title: 'Outsourcing Agreement' }), RULE);
  });

  it('stays quiet on the same words inside "quoted text"', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Interpretation

{n}.1 Where a Schedule says "as needed", the Supplier shall follow the volumes in Schedule 5.`), { title: 'Outsourcing Agreement' }), RULE);
  });

  it('stays quiet on the same words inside a heading', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Services Provided As Needed

{n}.1 The Supplier shall provide the extra services listed in Schedule 6.`), { title: 'Outsourcing Agreement' }), RULE);
  });

  it('stays quiet on a sentence without an obligation outside the scope sections', () => {
    expectQuiet(background('Outsourcing Agreement'), RULE);
  });

  // Regression (was a bug, now fixed): vague-wording decides "scope section" from info.titles, which includes the document's own
  // title heading (the h1 is the ancestor of every section). Any contract titled "... Services
  // Agreement" therefore makes every sentence of every section a scope sentence: here "as needed"
  // and "regularly" in a Background paragraph with no obligation are reported.
  it('stays quiet on a sentence without an obligation outside scope sections of a "Services Agreement"', () => {
    expectQuiet(background('Master Services Agreement'), RULE);
  });

  // Regression (was a bug, now fixed): a definition that starts with its clause number ('5.1 "Ad Hoc Services" means ...', the usual
  // form in numbered contracts) is not recognised as a definition (isDefinition in categories/scan.ts
  // only allows an "(a)" prefix), so its wording is reported as an obligation.
  it('stays quiet on a numbered definition', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Definitions

{n}.1 "Ad Hoc Services" means extra work the Supplier will perform as needed at the Customer's request.`), { title: 'Outsourcing Agreement' }), RULE);
  });

  it('leaves the timing of an incident notice to breach-notification', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Security Incidents

{n}.1 The Supplier shall notify the Customer of any security incident in a timely manner.`), { title: 'Outsourcing Agreement' });
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'breach-notification').length, 1);
  });

  it('leaves service-level adjectives to sla-vague-target', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Support

{n}.1 The Supplier shall resolve faults as soon as possible.`), { title: 'Outsourcing Agreement' });
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'sla-vague-target').length, 1);
  });

  it('quick fix replaces "as needed" with a schedule reference and the finding goes', () => {
    const fixed = checkReplaceFix(VAGUE, RULE, 'as needed', 'as specified in Schedule [N]');
    assert.match(fixed, /train the Customer's staff as specified in Schedule \[N\]\./);
    assert.ok(!findingsOf(run(fixed), RULE).some((d) => textAt(fixed, d.range) === 'as needed'));
    assert.equal(findingsOf(run(fixed), RULE).length, findingsOf(run(VAGUE), RULE).length - 1);
  });

  it('quick fixes for "and/or" replace only those words, either way', () => {
    const found = ruleFindings(VAGUE, RULE).find((f) => textAt(VAGUE, f.diag.range) === 'and/or')!;
    for (const spec of found.fixes) {
      assert.equal(spec.kind, 'replace');
      const fixed = applyFix(found.result, spec)!;
      assert.ok(spec.kind === 'replace' && fixed.includes(`in a timely manner ${spec.replacement} by e-mail`));
      assertLinesKept(VAGUE, fixed, 'and/or');
      assert.ok(!findingsOf(run(fixed), RULE).some((d) => textAt(fixed, d.range) === 'and/or'));
    }
  });

  it('quick fix maps back through markup: only the flagged source characters change', () => {
    const text = contract(sections(`## {n}. Support

{n}.1 The Supplier shall attend site **as needed**.`, STRONG.confidentiality), { title: 'Outsourcing Agreement' });
    const fixed = checkReplaceFix(text, RULE, 'as needed');
    assert.match(fixed, /attend site \*\*as specified in Schedule \[N\]\*\*\./);
  });
});
