import assert from 'node:assert/strict';
import fc from 'fast-check';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ReviewInput, ReviewResult } from '../../server/src/engine/types';
import { eachEditStep, reported, where } from '../support/edit-steps';
import { placeholderGroups } from '../../server/src/rules/placeholder';
import { propertyRuns, propertySeed } from '../support/property-runs';

// Issue 13 (rules, ninth round): placeholder, impossible-date, broken-cross-reference and numbering
// keep their findings per block while editing (rules/block-findings.ts MadeGroups). The generated
// contracts here are full of what those rules report (placeholders, days a month lacks, periods that
// end before they start, references to missing clauses, gaps in the numbering; also terms defined
// twice, used before their definition or never used), edited at random;
// after every edit the incremental review must equal a fresh full review, fixes included.

const SEED = propertySeed(20261206);

const SENTENCE = fc.constantFrom(
  'The Supplier shall deliver the report by [DATE].',
  'The fee is [AMOUNT] per month, payable to [Supplier name].',
  '[Customer name] shall name a contact within ____ days.',
  'The Services start on 31 April 2026 and the Supplier shall keep them running.',
  'The Term runs from 1 May 2026 to 30 April 2026.',
  'The Supplier shall comply with clause 9.4 (Service Credits) and clause 2.1.',
  'Payment is due as set out in clause 14 and Annex C.',
  'The cap is XX% of the Charges, TBD by the parties.',
  'The Customer may audit the Supplier on 30 days notice.',
  'The Supplier shall fix each defect within 10 business days.',
  '"Commencement Date" means 1 June 2026.',
  '"Expiry Date" means 31 May 2026.',
  'The Supplier shall give {{notice_period}} notice.',
  'Each Service Credit is paid within the Payment Period.',
  '"Service Credit" means a reduction of the Charges.',
  '"Service Credit" means a sum paid to the Customer.',
  '"Payment Period" means thirty days.',
  'The Supplier shall meet the Uptime Targets from the first day of the second month.',
  'The Supplier shall meet the availability and response targets in Schedule 2 (the "Uptime Targets").',
  '"Audit Window" means the first week of each quarter.',
);
const TITLE = fc.constantFrom('Services', 'Charges', 'Service Credits', 'Term', 'Audit', 'Liability');
const clause = fc.tuple(fc.integer({ min: 1, max: 5 }), SENTENCE).map(([n, s]) => ({ n, s }));
const section = fc.tuple(fc.integer({ min: 1, max: 12 }), TITLE, fc.array(clause, { minLength: 1, maxLength: 4 }))
  .map(([n, title, clauses]) => `## ${n}. ${title}\n\n${clauses.map((c) => `${n}.${c.n} ${c.s}`).join('\n\n')}\n`);
const doc = fc.array(section, { minLength: 2, maxLength: 6 })
  // Closing definitions, one of them given twice: every document starts with a duplicate definition.
  .map((sections) => `# Services Agreement\n\nThis Agreement is between Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${sections.join('\n')}\n## 20. Definitions\n\n20.1 "Service Credit" means a reduction of the Charges.\n\n20.2 "Service Credit" means a sum paid to the Customer.\n`);

type Edit = { kind: 'insert'; at: number; what: string } | { kind: 'delete'; at: number; length: number } | { kind: 'line'; at: number; what: string };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: where, what: fc.constantFrom('x', ' ', '\n', '1', '.', '[', ']', '_', '3', '\n\n', '## 7. Exit\n\n', ' clause 3.9') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: where, length: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('line' as const), at: where, what: SENTENCE }) },
);

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * (text.length + 1));
  if (e.kind === 'insert') return text.slice(0, at) + e.what + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  const s = text.lastIndexOf('\n', at - 1) + 1;
  return `${text.slice(0, s)}${e.what}\n\n${text.slice(s)}`;
}

const RULES = ['placeholder', 'impossible-date', 'broken-cross-reference', 'numbering', 'duplicate-definition'];

describe('findings of the drafting rules made from document-level facts, kept per block (issue 13)', function () {
  this.timeout(120000);

  it('equal a full review after every step of random edits', () => {
    const seen = new Map<string, number>(RULES.map((r) => [r, 0]));
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        eachEditStep(start, edits, apply, (inc, text, version, label) => {
          const input: ReviewInput = { text, version, force: true, path: 'contract.md' };
          const got = inc.review(input);
          const want = review(input);
          // fixSpecs is read here too: kept groups' fixes are placed when first read.
          assert.deepEqual(reported(got), reported(want), `review differs after ${label}`);
          for (const d of want.diagnostics) if (seen.has(d.ruleId)) seen.set(d.ruleId, seen.get(d.ruleId)! + 1);
        });
      }),
      { numRuns: propertyRuns(15), seed: SEED, endOnFailure: true },
    );
    // The property says little unless every rule reported something along the way.
    for (const [rule, n] of seen) assert.ok(n > 0, `${rule} never reported`);
  });

  it('keeps a moved block\'s placeholder findings and their diagnostics as they were', () => {
    const text = '# Services Agreement\n\nThis Agreement is between Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n## 1. Services\n\n1.1 The Supplier shall deliver the report.\n\n## 2. Charges\n\n2.1 The fee is [AMOUNT] per month, payable by [DATE] to [Supplier name].\n';
    const inc = new IncrementalReview();
    const first = inc.review({ text, version: 1, force: true });
    const next = text.replace('deliver the report', 'deliver the monthly report');
    const got = inc.review({ text: next, version: 2, force: true });
    assert.equal(inc.fullParseReason, null, 'the edit was spliced');
    assert.deepEqual(reported(got), reported(review({ text: next, version: 2, force: true })));
    const b = got.model.blocks.findIndex((x) => x.text.startsWith('2.1 '));
    assert.notEqual(got.model.blocks[b].start, first.model.blocks[b].start, 'the block moved');
    const group = placeholderGroups(got.model)![b];
    assert.equal(group?.length, 3);
    assert.equal(group, placeholderGroups(first.model)![b], 'the same group');
    const of = (r: ReviewResult) => r.diagnostics.filter((d) => d.ruleId === 'placeholder');
    assert.equal(of(got).length, 3);
    for (const d of of(got)) assert.ok(of(first).includes(d), 'the same diagnostic');
    // The fix names the supplier and lands on the moved placeholder.
    const i = got.diagnostics.findIndex((d) => d.ruleId === 'placeholder' && d.message.includes('[Supplier name]'));
    const fix = got.fixSpecs[i][0];
    assert.ok(fix.kind === 'replace' && next.slice(fix.span.start, fix.span.end) === '[Supplier name]' && fix.replacement === 'Fabrikam Ltd');
  });
});
