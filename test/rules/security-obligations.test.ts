import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, run, sections, STRONG, strongContract } from './support';

const RULE = 'security-obligations';

const MISSING = strongContract({ omit: ['security'] });
const GENERIC = strongContract({
  replace: {
    security: `## {n}. Security

{n}.1 The Supplier shall take appropriate technical and organisational measures to protect Customer Data against unauthorised access.`,
  },
});

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'security', defaultSeverity: 'error', clauseId: 'security-controls' }));

  it('fires as an error at the title when the supplier has no security duties', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'error');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
  });

  it('fires as a warning on the security clause when it only asks for "appropriate measures"', () => {
    const [f] = expectFires(GENERIC, RULE, 'warning');
    assertAtHeading(GENERIC, f.diag, 'Security');
    assert.match(f.diag.message, /generic/);
    assert.equal(run(GENERIC).coverage.security, 'weak');
  });

  it('still fires when only the customer takes on security duties', () => {
    const text = strongContract({
      replace: { security: `## {n}. Customer Systems

{n}.1 The Customer shall encrypt its own laptops and enforce multi-factor authentication for its staff.` },
    });
    expectFires(text, RULE, 'error');
  });

  it('stays quiet on one concrete control (encryption), even without a programme', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Data Handling

{n}.1 The Supplier shall encrypt all backups of Customer Data using AES-256.`)), RULE);
  });

  it('stays quiet on a full security clause', () => {
    expectQuiet(strongContract(), RULE);
  });

  it('quick fix inserts the security controls clause when security is missing, and the finding goes', function () {
    checkInsertFix(this, MISSING, RULE);
  });

  it('quick fix for the generic clause adds the controls to it, and the finding goes', function () {
    checkInsertFix(this, GENERIC, RULE);
  });
});
