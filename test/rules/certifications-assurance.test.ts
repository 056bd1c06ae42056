import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG } from './support';

const RULE = 'certifications-assurance';

const ENCRYPT = 'The Supplier shall encrypt Customer Data at rest using AES-256.';
const MFA = 'The Supplier shall enforce multi-factor authentication for all administrator accounts.';

const security = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Information Security', ...sentences)));

/** Concrete controls (encryption, MFA), but no independent certification or report. */
const NO_CERT = security(ENCRYPT, MFA);

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'security', defaultSeverity: 'information', clauseId: 'security-testing-audit' });
    assertClauseExists(RULE);
  });

  it('fires once, as information, at the security clause when no certification or assurance report is required', () => {
    const [f, ...rest] = expectFires(NO_CERT, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_CERT, f.diag, 'Information Security');
    assert.match(f.diag.message, /ISO\/IEC 27001/);
    assert.equal(run(NO_CERT).coverage['security'], 'present');
  });

  it('also fires when security is only "appropriate measures"', () => {
    const text = security('The Supplier shall take appropriate technical and organisational measures to protect Customer Data.');
    assert.equal(run(text).coverage['security'], 'weak');
    expectFires(text, RULE, 'information');
  });

  it('fires on a quality certification that says nothing about security (ISO 9001)', () => {
    expectFires(security(ENCRYPT, 'The Supplier shall hold ISO 9001 quality management certification throughout the Term.'), RULE);
  });

  it('stays quiet on ISO/IEC 27001 certification (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.security)), RULE);
  });

  it('stays quiet on an annual SOC 2 Type II report', () => {
    expectQuiet(security(ENCRYPT, 'Each year the Supplier shall give the Customer a copy of its latest SOC 2 Type II report covering the Services.'), RULE);
  });

  it('stays quiet on "ISO 27001" written without the IEC prefix', () => {
    expectQuiet(security(ENCRYPT, 'The Supplier shall keep the hosting facilities certified to ISO 27001.'), RULE);
  });

  it('stays quiet on a Cyber Essentials Plus certificate', () => {
    expectQuiet(security(ENCRYPT, 'The Supplier shall keep its Cyber Essentials Plus certification current while this Agreement is in force.'), RULE);
  });

  it('stays quiet when there is no security clause at all (security-obligations reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'security-obligations').length, 1);
  });

  // Regression (was a bug, now fixed): the security assessor's 'certification' signal has no supplierDuty check and no negation
  // check, so a sentence that expressly releases the supplier from certification ("The Supplier is
  // not required to obtain ISO/IEC 27001 certification") satisfies the requirement and the rule
  // stays quiet, although its own message ("the supplier need not hold ISO/IEC 27001 certification")
  // describes exactly that contract.
  it('fires when the contract says the supplier need not be certified', () => {
    expectFires(security(ENCRYPT, MFA, 'The Supplier is not required to obtain ISO/IEC 27001 certification.'), RULE);
  });

  // Regression (was a bug, now fixed): same cause: a certification the Customer must hold for its own network counts as the
  // supplier's assurance, and the rule stays quiet.
  it('fires when only the Customer must hold a certification', () => {
    expectFires(security(ENCRYPT, MFA, 'The Customer shall maintain ISO/IEC 27001 certification for its own network.'), RULE);
  });

  it('no profile raises or cites it: under dora-critical it stays information with no citations', () => {
    const [f] = expectFiresWith(NO_CERT, RULE, { profiles: ['dora-critical'] }, 'information');
    assert.equal(f.diag.citations, undefined);
  });

  it('quick fix inserts the Security Testing and Audit clause into the security clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_CERT, RULE);
    assert.match(fixed, /^### 2\.3 Security Testing and Audit$/m);
  });
});
