import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG } from './support';

const RULE = 'data-location';

const INSTRUCTIONS = 'The Supplier shall process personal data only on the documented instructions of the Customer and in line with the Data Protection Laws.';
const TRANSFERS = 'The Supplier shall not transfer personal data outside the European Economic Area without the Customer\'s written consent.';
const SUBJECTS = 'The Supplier shall help the Customer to answer requests from data subjects exercising their rights.';

const dataProtection = (...extra: string[]) => contract(sections(STRONG.deliverables, numbered('Data Protection', INSTRUCTIONS, TRANSFERS, SUBJECTS, ...extra)));

/** Processor terms, transfers controlled, but nothing says where the data sits. */
const NO_LOCATION = dataProtection();

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'data-protection', defaultSeverity: 'warning', clauseId: 'data-location' });
    assertClauseExists(RULE);
  });

  it('fires once, as a warning, at the data-protection clause when no location is stated', () => {
    const [f, ...rest] = expectFires(NO_LOCATION, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_LOCATION, f.diag, 'Data Protection');
    assert.match(f.diag.message, /where the customer's data will be stored or processed/);
    assert.equal(run(NO_LOCATION).coverage['data-protection'], 'present');
  });

  // Regression (was a bug, fixed in 7908752): the capitalised-place alternative [A-Z][a-z]+ sat in a
  // case-insensitive regex, so any word after "kept/stored/processed ... in" counted as a place.
  it('fires despite "kept in strict confidence" (not a place)', () => {
    expectFires(dataProtection('Personal data shall be kept in strict confidence by the Supplier.'), RULE);
  });

  it('fires despite "processed in accordance with" (not a place)', () => {
    expectFires(dataProtection('Personal data shall be processed in accordance with this clause.'), RULE);
  });

  it('fires despite "stored in encrypted form" (not a place)', () => {
    expectFires(dataProtection('Backups of Customer Data shall be stored in encrypted form.'), RULE);
  });

  it('fires despite "agreed in Writing" and "held in a manner" (capitalised or not, not a place)', () => {
    expectFires(dataProtection('Customer Data shall be held in a manner that allows it to be recovered, and any change must be agreed in Writing.'), RULE);
  });

  it('stays quiet on data centres in the United Kingdom (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['data-protection'])), RULE);
  });

  it('stays quiet on a named country', () => {
    expectQuiet(dataProtection('Customer Data shall be hosted only in the Supplier\'s data centres in Ireland.'), RULE);
  });

  it('stays quiet on a named city', () => {
    expectQuiet(dataProtection('All Customer Data shall be stored in Frankfurt and nowhere else.'), RULE);
  });

  it('stays quiet on a data residency schedule', () => {
    expectQuiet(dataProtection('The data residency requirements in Schedule 8 apply to all Customer Data.'), RULE);
  });

  it('stays quiet on a list of processing locations', () => {
    expectQuiet(dataProtection('Schedule 9 lists the locations from which the Services are provided and where data is processed.'), RULE);
  });

  it('stays quiet when there are no data-protection terms (data-protection-terms reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'data-protection-terms').length, 1);
  });

  // Regression (was a bug, now fixed): the case-sensitive named-place alternative (data-protection assessor) accepts any
  // capitalised word after "stored/held/kept ... in (the)", so a capitalised defined term such as
  // "the Hosted Platform" counts as a place, and the rule stays quiet although no location is given.
  it('fires when data is only "stored in the Hosted Platform" (a defined term, not a place)', () => {
    expectFires(dataProtection('Customer Data shall be stored in the Hosted Platform.'), RULE);
  });

  it('under dora-critical it is an error citing DORA Art. 30(2)(b)', () => {
    const [f] = expectFiresWith(NO_LOCATION, RULE, { profiles: ['dora-critical'] }, 'error');
    assert.deepEqual(f.diag.citations, ['DORA Art. 30(2)(b): locations where the services are provided and data is processed, and notice of changes']);
  });

  it('under gdpr-processor it stays a warning and cites GDPR Chapter V', () => {
    const [f] = expectFiresWith(NO_LOCATION, RULE, { profiles: ['gdpr-processor'] }, 'warning');
    assert.deepEqual(f.diag.citations, ['GDPR Chapter V: knowing where personal data is processed']);
  });

  it('under both profiles it is an error and cites both provisions', () => {
    const [f] = expectFiresWith(NO_LOCATION, RULE, { profiles: ['gdpr-processor', 'dora-ict'] }, 'error');
    assert.equal(f.diag.citations?.length, 2);
  });

  it('quick fix inserts the Data Location clause into the data-protection clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_LOCATION, RULE);
    assert.match(fixed, /^### 2\.4 Data Location$/m);
  });
});
