import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG } from './support';

const RULE = 'regulator-access';

const CUSTOMER_AUDIT = 'The Customer may audit the Supplier\'s records, systems and premises used for the Services on 30 days\' written notice.';

const audit = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Audit', ...sentences)));

/** The customer may audit; its regulators are not mentioned. */
const NO_REGULATOR = audit(CUSTOMER_AUDIT);

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'audit-rights', defaultSeverity: 'information', clauseId: 'audit-rights' });
    assertClauseExists(RULE);
  });

  it('fires once, as information, at the audit clause when regulators have no access', () => {
    const [f, ...rest] = expectFires(NO_REGULATOR, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_REGULATOR, f.diag, 'Audit');
    assert.match(f.diag.message, /regulators/);
    assert.equal(run(NO_REGULATOR).coverage['audit-rights'], 'present');
  });

  it('fires despite a general duty to meet regulatory requirements (no access for a regulator)', () => {
    expectFires(audit(CUSTOMER_AUDIT, 'The Supplier shall comply with all applicable regulatory requirements in providing the Services.'), RULE);
  });

  it('fires when audit rights are limited to a SOC 2 report', () => {
    const text = audit('The Supplier shall send the Customer its annual SOC 2 Type II audit report.');
    assert.equal(run(text).coverage['audit-rights'], 'weak');
    expectFires(text, RULE);
  });

  it('stays quiet when any regulator of the Customer may inspect too (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['audit-rights'])), RULE);
  });

  it('stays quiet on the same access for a named regulator', () => {
    expectQuiet(audit(CUSTOMER_AUDIT, 'The Supplier shall give the Financial Conduct Authority and any other regulator of the Customer the same access to its premises and records.'), RULE);
  });

  it('stays quiet on audits by regulatory bodies in a list of auditors', () => {
    expectQuiet(audit('The Customer, its auditors and any regulatory body with authority over the Customer may audit the Supplier\'s records and premises.'), RULE);
  });

  it('stays quiet when there are no audit rights at all (audit-rights reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'audit-rights').length, 1);
  });

  // Regression (was a bug, now fixed): the audit-rights assessor's 'regulator' signal only knows "regulator(s)" and "regulatory
  // authority/body", so access for the "competent authorities" (DORA's own term, Art. 30(3)(e)) or a
  // "supervisory authority" is not recognised, and the rule fires (as an error under the DORA
  // profiles) on a clause that grants exactly what DORA asks for.
  it('stays quiet when the competent authorities may inspect the Supplier', () => {
    expectQuiet(audit(CUSTOMER_AUDIT, 'The competent authorities of the Customer may inspect the Supplier\'s premises and records.'), RULE);
  });

  it('stays quiet when a supervisory authority may audit the Services (same BUG as above)', () => {
    expectQuiet(audit(CUSTOMER_AUDIT, 'The Supplier shall allow any supervisory authority of the Customer to audit the Services.'), RULE);
  });

  it('under dora-critical it becomes an error citing DORA Art. 30(3)(e)(i)', () => {
    const [f] = expectFiresWith(NO_REGULATOR, RULE, { profiles: ['dora-critical'] }, 'error');
    assert.deepEqual(f.diag.citations, ['DORA Art. 30(3)(e)(i): unrestricted access, inspection and audit by the competent authority']);
  });

  it('under dora-ict it becomes an error citing DORA Art. 30(2)(g)', () => {
    const [f] = expectFiresWith(NO_REGULATOR, RULE, { profiles: ['dora-ict'] }, 'error');
    assert.deepEqual(f.diag.citations, ['DORA Art. 30(2)(g): full cooperation with the competent and resolution authorities']);
  });

  it('under gdpr-processor it stays information with no citation', () => {
    const [f] = expectFiresWith(NO_REGULATOR, RULE, { profiles: ['gdpr-processor'] }, 'information');
    assert.equal(f.diag.citations, undefined);
  });

  it('quick fix inserts the Audit Rights clause into the audit clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_REGULATOR, RULE);
    assert.match(fixed, /^### 2\.2 Audit Rights$/m);
  });
});
