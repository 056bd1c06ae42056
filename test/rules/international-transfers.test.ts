import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG } from './support';

const RULE = 'international-transfers';

const INSTRUCTIONS = 'The Supplier shall process personal data only on the documented instructions of the Customer and in line with the Data Protection Laws.';
const SUBJECTS = 'The Supplier shall help the Customer to answer requests from data subjects exercising their rights.';
const LOCATION = 'The Supplier shall store and process personal data only in data centres located in the United Kingdom.';
const DELETION = 'When the Services end the Supplier shall delete all personal data, unless the Customer asks for it to be returned first.';

const dataProtection = (...extra: string[]) => contract(sections(STRONG.deliverables, numbered('Data Protection', INSTRUCTIONS, SUBJECTS, LOCATION, DELETION, ...extra)));

/** Processor terms, a location and deletion, but nothing about sending data abroad. */
const NO_TRANSFERS = dataProtection();

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'data-protection', defaultSeverity: 'information', clauseId: 'data-protection' });
    assertClauseExists(RULE);
  });

  it('fires once, as information, at the data-protection clause when transfers abroad are not controlled', () => {
    const [f, ...rest] = expectFires(NO_TRANSFERS, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_TRANSFERS, f.diag, 'Data Protection');
    assert.match(f.diag.message, /international transfers/);
  });

  it('fires despite a transfer of the business (not of data abroad)', () => {
    expectFires(dataProtection('The Supplier shall not transfer its business to a third party without notice to the Customer.'), RULE);
  });

  it('stays quiet on consent before transfers outside the EEA (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['data-protection'])), RULE);
  });

  it('stays quiet on standard contractual clauses for transfers to a third country', () => {
    expectQuiet(dataProtection('Any transfer of personal data to a third country shall be made under the standard contractual clauses.'), RULE);
  });

  it('stays quiet on a ban on international transfers', () => {
    expectQuiet(dataProtection('No international transfer of personal data is permitted under this Agreement.'), RULE);
  });

  it('stays quiet when there are no data-protection terms (data-protection-terms reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'data-protection-terms').length, 1);
  });

  it('under gdpr-processor it is raised to a warning citing GDPR Art. 28(3)(a) and Chapter V', () => {
    const [f] = expectFiresWith(NO_TRANSFERS, RULE, { profiles: ['gdpr-processor'] }, 'warning');
    assert.deepEqual(f.diag.citations, ['GDPR Art. 28(3)(a) and Chapter V: transfers only on instructions and with safeguards']);
  });

  it('under dora-critical it stays information with no citation (DORA does not list it)', () => {
    const [f] = expectFiresWith(NO_TRANSFERS, RULE, { profiles: ['dora-critical'] }, 'information');
    assert.equal(f.diag.citations, undefined);
  });

  it('quick fix inserts the Data Protection clause into the data-protection clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_TRANSFERS, RULE);
    assert.match(fixed, /^### 2\.5 Data Protection$/m);
  });
});
