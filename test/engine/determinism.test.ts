import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { review, CATEGORY_IDS, RULES } from '../../server/src/engine';
import { contract, sections, STRONG, strongContract } from '../rules/support';

const DRAFT = contract(sections(`## {n}. Services

{n}.1 The Supplier shall provide desktop support as needed and fix faults promptly.

{n}.2 The Supplier shall provide high availability.`, `## {n}. Security

{n}.1 The Supplier shall take appropriate measures to protect Customer Data.

{n}.2 The Supplier shall promptly notify the Customer of any security incident.`), { title: 'Outsourcing Agreement' });

describe('engine: review() determinism and shape', () => {
  it('gives deep-equal results for the same input twice', () => {
    const a = review({ text: DRAFT, force: true });
    const b = review({ text: DRAFT, force: true });
    assert.ok(a.diagnostics.length > 10, 'the draft has findings to compare');
    assert.deepEqual(b.diagnostics, a.diagnostics);
    assert.deepEqual(b.fixSpecs, a.fixSpecs);
    assert.deepEqual(b.coverage, a.coverage);
    assert.deepEqual(b.assessments, a.assessments);
  });

  it('gives the same diagnostics with a prebuilt model as without', () => {
    const a = review({ text: DRAFT, force: true });
    const b = review({ text: DRAFT, force: true }, buildContractModel(DRAFT));
    assert.deepEqual(b.diagnostics, a.diagnostics);
  });

  it('orders diagnostics by position, then rule id', () => {
    const { diagnostics } = review({ text: DRAFT, force: true });
    for (let i = 1; i < diagnostics.length; i++) {
      const p = diagnostics[i - 1].range.start;
      const q = diagnostics[i].range.start;
      assert.ok(p.line < q.line || (p.line === q.line && p.character <= q.character), `diagnostic ${i} is out of order`);
    }
  });

  it('keeps fixSpecs index-aligned with diagnostics', () => {
    const r = review({ text: DRAFT, force: true });
    assert.equal(r.fixSpecs.length, r.diagnostics.length);
    r.diagnostics.forEach((d, i) => {
      assert.deepEqual(d.fixes.map((f) => f.title), r.fixSpecs[i].map((f) => f.title));
      assert.deepEqual(d.fixes.map((f) => f.kind), r.fixSpecs[i].map((f) => f.kind));
    });
  });

  it('gives each diagnostic a known rule, its category and a message', () => {
    const ids = new Map(RULES.map((r) => [r.meta.id, r.meta.category]));
    for (const d of review({ text: DRAFT, force: true }).diagnostics) {
      assert.equal(ids.get(d.ruleId), d.category);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      assert.ok(d.message.length > 10);
    }
  });

  it('has exactly the 22 spec categories, in spec order, in coverage for it-outsourcing', () => {
    const r = review({ text: DRAFT, force: true });
    assert.deepEqual(r.profiles, ['it-outsourcing']);
    assert.deepEqual(Object.keys(r.coverage), [
      'sla', 'deliverables', 'security', 'breach-notification', 'data-protection', 'communication',
      'performance-monitoring', 'due-diligence', 'audit-rights', 'exit', 'confidentiality',
      'limitation-of-liability', 'indemnity', 'insurance', 'ip-ownership', 'subcontracting',
      'business-continuity', 'change-control', 'dispute-resolution', 'governing-law', 'term-termination', 'payment',
    ]);
    assert.deepEqual(Object.keys(r.coverage), [...CATEGORY_IDS]);
    assert.deepEqual(r.assessments.map((a) => a.category), [...CATEGORY_IDS]);
    for (const v of Object.values(r.coverage)) assert.ok(['present', 'weak', 'missing'].includes(v!));
  });

  it('rates this draft as the test expects: weak security, weak incident notice, missing exit', () => {
    const { coverage } = review({ text: DRAFT, force: true });
    assert.equal(coverage.security, 'weak');
    assert.equal(coverage['breach-notification'], 'weak');
    assert.equal(coverage.exit, 'missing');
  });

  it('finds nothing to report in a contract where every category is adequate', () => {
    const text = strongContract();
    const r = review({ text, force: true });
    assert.deepEqual(Object.entries(r.coverage).filter(([, v]) => v !== 'present'), []);
    assert.deepEqual(r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
    assert.deepEqual(r.problems, []);
  });

  it('reads the complete contract as a contract without being forced', () => {
    const r = review({ text: strongContract() });
    assert.equal(r.isContract, true, r.reason);
    assert.ok(STRONG.sla.length > 0);
  });
});
