import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG } from './support';

const RULE = 'subcontractor-flowdown';

const CONSENT = 'The Supplier shall not subcontract any part of the Services without the Customer\'s prior written consent.';

const subcontracting = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Subcontracting', ...sentences)));

/** Consent is needed, but subcontractors need not accept the supplier's obligations. */
const NO_FLOWDOWN = subcontracting(CONSENT);

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'subcontracting', defaultSeverity: 'warning', clauseId: 'subcontracting' });
    assertClauseExists(RULE);
  });

  it('fires once, as a warning, at the subcontracting clause when obligations do not flow down', () => {
    const [f, ...rest] = expectFires(NO_FLOWDOWN, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_FLOWDOWN, f.diag, 'Subcontracting');
    assert.match(f.diag.message, /Subcontractors are not required/);
    assert.equal(run(NO_FLOWDOWN).coverage['subcontracting'], 'present');
  });

  it('fires when the Supplier only stays responsible for its subcontractors', () => {
    expectFires(subcontracting(CONSENT, 'The Supplier remains responsible for the acts and omissions of its subcontractors.'), RULE);
  });

  it('fires when subcontracting is allowed without controls', () => {
    const text = subcontracting('The Supplier may use subcontractors to perform the Services.');
    assert.equal(run(text).coverage['subcontracting'], 'weak');
    expectFires(text, RULE);
  });

  it('fires despite equivalent obligations for the Supplier\'s own employees (not subcontractors)', () => {
    expectFires(contract(sections(STRONG.deliverables, numbered('Subcontracting', CONSENT), numbered('Staff', 'The Supplier shall ensure that its employees are bound by obligations of confidentiality no less protective than those in this Agreement.'))), RULE);
  });

  it('stays quiet on a written contract no less protective (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.subcontracting)), RULE);
  });

  it('stays quiet on subcontractors bound by equivalent obligations', () => {
    expectQuiet(subcontracting(CONSENT, 'The Supplier shall ensure that each subcontractor is bound by obligations equivalent to those in clauses 8 to 11.'), RULE);
  });

  it('stays quiet on an express flow-down of the security terms', () => {
    expectQuiet(subcontracting(CONSENT, 'The Supplier shall flow down the security terms of this Agreement to its subcontractors.'), RULE);
  });

  it('stays quiet when there are no subcontracting terms (subcontracting-approval reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'subcontracting-approval').length, 1);
  });

  it('under gdpr-processor it becomes an error citing GDPR Art. 28(4)', () => {
    const [f] = expectFiresWith(NO_FLOWDOWN, RULE, { profiles: ['gdpr-processor'] }, 'error');
    assert.deepEqual(f.diag.citations, ['GDPR Art. 28(4): the same data-protection obligations imposed on sub-processors']);
  });

  it('under hipaa-baa it becomes an error citing 45 CFR 164.504(e)(2)(ii)(D)', () => {
    const [f] = expectFiresWith(NO_FLOWDOWN, RULE, { profiles: ['hipaa-baa'] }, 'error');
    assert.ok(f.diag.citations?.[0].startsWith('45 CFR 164.504(e)(2)(ii)(D)'));
  });

  it('under dora-critical it stays a warning with no citation', () => {
    const [f] = expectFiresWith(NO_FLOWDOWN, RULE, { profiles: ['dora-critical'] }, 'warning');
    assert.equal(f.diag.citations, undefined);
  });

  it('quick fix inserts the Subcontracting clause into the subcontracting clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_FLOWDOWN, RULE);
    assert.match(fixed, /^### 2\.2 Subcontracting$/m);
  });
});
