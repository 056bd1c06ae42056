import assert from 'node:assert/strict';
import { assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, sections, STRONG } from './support';

const RULE = 'access-control';

const security = (extra = '') => `## {n}. Information Security

{n}.1 The Supplier shall encrypt Customer Data at rest using AES-256.

{n}.2 The Supplier shall commission an annual penetration test of the platform.${extra}`;

const GAP = contract(sections(STRONG.deliverables, security()));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'security', defaultSeverity: 'warning', clauseId: 'access-control' }));

  it('fires on a security clause without access control, at its heading', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Information Security');
    assert.match(f.diag.message, /access-control/);
  });

  it('still fires when the customer must rotate its own passwords (not a supplier duty)', () => {
    expectFires(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Customer shall enforce a strong password policy for its own users.'))), RULE);
  });

  it('stays quiet on least-privilege access', () => {
    expectQuiet(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Supplier shall grant its staff access to Customer Data on a least privilege basis.'))), RULE);
  });

  it('stays quiet on multi-factor authentication', () => {
    expectQuiet(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Supplier shall require multi-factor authentication for remote access.'))), RULE);
  });

  it('stays quiet without any security clause (security-obligations reports that)', () => {
    expectQuiet(contract(sections(STRONG.deliverables)), RULE);
  });

  it('quick fix inserts the access-control clause, and the finding goes', function () {
    checkInsertFix(this, GAP, RULE);
  });
});
