import assert from 'node:assert/strict';
import { assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, sections, STRONG } from './support';

const RULE = 'encryption';

const security = (extra = '') => `## {n}. Information Security

{n}.1 The Supplier shall maintain an information security programme and hold ISO/IEC 27001 certification.

{n}.2 The Supplier shall enforce multi-factor authentication for administrator accounts.${extra}`;

const GAP = contract(sections(STRONG.deliverables, security()));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'security', defaultSeverity: 'warning', clauseId: 'encryption' }));

  it('fires on a security clause without encryption, at its heading', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Information Security');
  });

  it('still fires when only the customer must encrypt (the duty runs the wrong way)', () => {
    expectFires(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Customer shall encrypt the files it uploads to the platform.'))), RULE);
  });

  it('stays quiet on a passive duty to encrypt', () => {
    expectQuiet(contract(sections(STRONG.deliverables, security('\n\n{n}.3 All backups shall be encrypted at rest using AES-256.'))), RULE);
  });

  // Regression (was a bug, now fixed): supplierSide()/obligationsIn() (categories/scan.ts, model/language.ts) take the party named
  // nearest before the modal as the one who owes the duty, and the customer matcher matches the
  // "Customer" of the defined term "Customer Data". So "Customer Data shall be encrypted at rest and
  // in transit." reads as a duty of the customer and is not counted, although scan.ts documents this
  // very sentence as a passive duty that counts.
  it('stays quiet when "Customer Data shall be encrypted" (passive duty on customer data)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, security('\n\n{n}.3 Customer Data shall be encrypted at rest and in transit.'))), RULE);
  });

  it('stays quiet when the supplier must use TLS', () => {
    expectQuiet(contract(sections(STRONG.deliverables, security('\n\n{n}.3 The Supplier shall carry all traffic to the platform over TLS 1.3.'))), RULE);
  });

  it('stays quiet when there is no security clause at all (security-obligations reports that)', () => {
    expectQuiet(contract(sections(STRONG.deliverables)), RULE);
  });

  it('quick fix inserts the encryption clause, and the finding goes', function () {
    checkInsertFix(this, GAP, RULE);
  });
});
