import assert from 'node:assert/strict';
import { computeFix, getClause, review, type ReviewResult } from '../../server/src/engine';
import type { FixSpec } from '../../server/src/rules/types';
import { applyEdits, assertLinesKept, contract, NEUTRAL, sections, STRONG } from '../rules/support';

function insertSpec(result: ReviewResult, ruleId: string): FixSpec {
  const i = result.diagnostics.findIndex((d) => d.ruleId === ruleId);
  assert.ok(i >= 0, `${ruleId} fires`);
  const spec = result.fixSpecs[i].find((f) => f.kind === 'insertClause');
  assert.ok(spec, `${ruleId} has an insert fix`);
  return spec;
}

function fixOf(text: string, ruleId: string, ctx: Mocha.Context): { fixed: string; newText: string; result: ReviewResult } {
  if (!getClause('audit-rights')) ctx.skip();
  const result = review({ text, force: true });
  const computed = computeFix(result.model, insertSpec(result, ruleId), { snippet: false });
  assert.ok(computed);
  assert.equal(computed.edits.length, 1);
  const [edit] = computed.edits;
  assert.deepEqual(edit.range.start, edit.range.end, 'an insert fix replaces nothing');
  return { fixed: applyEdits(text, computed.edits), newText: edit.newText, result };
}

const WITH_TRAILERS = contract(`${sections(STRONG.deliverables, NEUTRAL)}

## Schedule 1 - Service Description

Desktop support for 300 users.

## Signatures

Signed for the Customer: ____________
`);

describe('engine: where and how clauses are inserted', () => {
  it('inserts a missing clause at the end of the body, before schedules and signatures, with the next number', function () {
    const { fixed, newText } = fixOf(WITH_TRAILERS, 'audit-rights', this);
    assert.match(newText, /^\n?## 3\. Audit Rights\n/, 'numbered after clauses 1 and 2, at the same heading depth');
    const at = fixed.indexOf('## 3. Audit Rights');
    assert.ok(at > fixed.indexOf('## 2. Interpretation'));
    assert.ok(at < fixed.indexOf('## Schedule 1'));
    assertLinesKept(WITH_TRAILERS, fixed);
    assert.match(fixed, /other way round\.\n\n## 3\. Audit Rights/, 'one blank line before the new clause');
    assert.match(fixed, /\n\n## Schedule 1/, 'a blank line before the schedule');
  });

  it('uses an upper-case numbered heading in a plain-text contract', function () {
    const text = `SUPPORT AGREEMENT

This Agreement is made between Fenwick Tools Limited (the "Supplier") and Orchard Dental Group plc (the "Customer").

1. SERVICES

1.1 The Supplier shall provide support for the software described in Schedule 1, with the acceptance tests in Schedule 2.

2. CHARGES

2.1 The Customer shall pay GBP 900 per month, within 30 days of each invoice.
`;
    const { fixed, newText } = fixOf(text, 'audit-rights', this);
    assert.match(newText, /^\n?3\. AUDIT RIGHTS\n/);
    assert.ok(!newText.includes('#'), 'no Markdown heading in a plain-text contract');
    assertLinesKept(text, fixed);
  });

  it('fills in the supplier\'s short name from the parties clause', function () {
    const text = contract(sections(STRONG.deliverables.replace(/The Supplier/g, 'Copperleaf'), NEUTRAL), {
      parties: 'This Agreement is made between Copperleaf Analytics GmbH ("Copperleaf") and Sandpiper Retail plc (the "Customer"). Copperleaf shall provide the hosting services.',
    });
    const { newText } = fixOf(text, 'audit-rights', this);
    const clause = getClause('audit-rights')!;
    if (/\{\{[Ss]upplier\}\}/.test(clause.body)) {
      assert.match(newText, /Copperleaf/);
      assert.doesNotMatch(newText, /\bthe Supplier\b/i);
    }
    assert.doesNotMatch(newText, /\{\{|\}\}|\[\[|\]\]/, 'no placeholder left');
  });

  it('adds a requirement clause to its own section as the next sub-clause, before the next section', function () {
    const text = contract(sections(STRONG.deliverables, `## {n}. Service Levels

{n}.1 The Supplier shall keep the platform available 99.5% of the time, measured each calendar month.

{n}.2 The Supplier shall report availability to the Customer every month.`, NEUTRAL));
    const { fixed, newText } = fixOf(text, 'service-credits', this);
    assert.match(newText, /### 2\.3 /);
    assert.ok(fixed.indexOf('### 2.3 ') > fixed.indexOf('2.2 The Supplier shall report'));
    assert.ok(fixed.indexOf('### 2.3 ') < fixed.indexOf('## 3. Interpretation'));
    assertLinesKept(text, fixed);
  });

  it('inserts at the end of a text without a final newline without gluing lines together', function () {
    const text = contract(sections(STRONG.deliverables, NEUTRAL)).trimEnd();
    const { fixed } = fixOf(text, 'audit-rights', this);
    assert.ok(fixed.startsWith(text + '\n\n'));
    assertLinesKept(text, fixed);
  });

  it('keeps every line of a CRLF document', function () {
    const text = contract(sections(STRONG.deliverables, NEUTRAL)).replace(/\n/g, '\r\n');
    const { fixed } = fixOf(text, 'audit-rights', this);
    assertLinesKept(text, fixed);
    assert.ok(fixed.startsWith(text));
  });

  // Regression (was a bug, now fixed): computeFix (engine/fixes.ts) always builds the inserted clause with "\n", so in a CRLF
  // document the fix leaves mixed line endings ("...round.\r\n\n## 3. Audit Rights\n\n3.1 ...").
  // Editors that do not normalise edit text (and any CLI --fix) would write a mixed-EOL file.
  it('inserts with the document\'s own line endings (CRLF)', function () {
    const text = contract(sections(STRONG.deliverables, NEUTRAL)).replace(/\n/g, '\r\n');
    const { newText } = fixOf(text, 'audit-rights', this);
    assert.doesNotMatch(newText, /(?<!\r)\n/, 'no bare LF in the inserted text');
  });

  it('offers snippet text with tab stops only when asked', function () {
    if (!getClause('audit-rights')) this.skip();
    const result = review({ text: WITH_TRAILERS, force: true });
    const spec = insertSpec(result, 'audit-rights');
    const snippet = computeFix(result.model, spec, { snippet: true })!;
    assert.equal(snippet.isSnippet, true);
    const plain = computeFix(result.model, spec, { snippet: false })!;
    assert.doesNotMatch(plain.edits[0].newText, /\$\{\d+:/);
    if (getClause('audit-rights')!.variables.length) assert.match(snippet.edits[0].newText, /\$\{1:/);
  });

  it('returns null, not a broken edit, for a clause the library does not have', () => {
    const result = review({ text: WITH_TRAILERS, force: true });
    assert.equal(computeFix(result.model, { kind: 'insertClause', title: 'Insert', clauseId: 'no-such-clause' }, { snippet: false }), null);
  });
});
