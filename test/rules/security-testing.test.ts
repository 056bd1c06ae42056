import assert from 'node:assert/strict';
import { assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, sections, STRONG } from './support';

const RULE = 'security-testing';

const security = (extra = '') => `## {n}. Information Security

{n}.1 The Supplier shall encrypt Customer Data in transit and at rest.

{n}.2 The Supplier shall enforce multi-factor authentication for all staff accounts.${extra}`;

const GAP = contract(sections(STRONG.deliverables, security()));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'security', defaultSeverity: 'warning', clauseId: 'security-testing-audit' }));

  it('fires on controls that are never tested or certified, at the security heading', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Information Security');
  });

  it('stays quiet on an annual penetration test', () => {
    expectQuiet(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Supplier shall have an independent firm carry out a penetration test of the platform every year.'))), RULE);
  });

  it('still fires on a SOC 2 report alone: a certificate is assurance, not testing', () => {
    expectFires(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Supplier shall give the Customer its current SOC 2 Type II report each year.'))), RULE);
  });

  it('stays quiet on regular vulnerability scanning', () => {
    expectQuiet(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Supplier shall run a vulnerability scan of all internet-facing systems every week.'))), RULE);
  });

  it('still fires when only the customer may test (the supplier undertakes nothing)', () => {
    expectFires(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Customer shall not run vulnerability scans against the platform.'))), RULE);
  });

  it('quick fix inserts the security testing clause, and the finding goes', function () {
    checkInsertFix(this, GAP, RULE);
  });
});
