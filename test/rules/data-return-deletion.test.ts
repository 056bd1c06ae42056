import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, expectQuietWith, findingsOf, NEUTRAL, numbered, run, sections, STRONG } from './support';

const RULE = 'data-return-deletion';

const INSTRUCTIONS = 'The Supplier shall process personal data only on the documented instructions of the Customer and in line with the Data Protection Laws.';
const TRANSFERS = 'The Supplier shall not transfer personal data outside the European Economic Area without the Customer\'s written consent.';
const LOCATION = 'The Supplier shall store and process personal data only in data centres located in the United Kingdom.';

const dataProtection = (...extra: string[]) => contract(sections(STRONG.deliverables, numbered('Data Protection', INSTRUCTIONS, TRANSFERS, LOCATION, ...extra)));

/** Processor terms with no word on what happens to the data at the end, and no exit clause. */
const NO_RETURN = dataProtection();

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'data-protection', defaultSeverity: 'warning', clauseId: 'data-protection' });
    assertClauseExists(RULE);
  });

  it('fires once, as a warning, at the data-protection clause when nothing returns or deletes the data', () => {
    const [f, ...rest] = expectFires(NO_RETURN, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_RETURN, f.diag, 'Data Protection');
    assert.match(f.diag.message, /return or delete/);
  });

  it('fires when the Supplier may keep the data after termination', () => {
    expectFires(dataProtection('The Supplier may retain personal data after termination for as long as it needs it for its own purposes.'), RULE);
  });

  it('stays quiet on deletion at the end, with return first on request', () => {
    expectQuiet(dataProtection('When the Services end the Supplier shall delete all personal data, unless the Customer asks for it to be returned first.'), RULE);
  });

  it('stays quiet on deletion of the customer\'s content after termination (content, not only "data")', () => {
    expectQuiet(dataProtection('Upon expiry or termination, and at the Customer\'s request, the Supplier will delete Customer Content within 60 days.'), RULE);
  });

  it('still fires when only the Customer deletes its own content', () => {
    expectFires(dataProtection('The Customer may delete Customer Content at any time using the admin console.'), RULE);
  });

  it('stays quiet on destruction of personal information on expiry', () => {
    expectQuiet(dataProtection('On expiry of this Agreement the Supplier shall destroy all personal information it holds for the Customer.'), RULE);
  });

  it('stays quiet when the exit clause returns the data (exit covers it; the STRONG exit clause)', () => {
    const text = contract(sections(STRONG.deliverables, numbered('Data Protection', INSTRUCTIONS, TRANSFERS, LOCATION), STRONG.exit));
    assert.equal(run(text).assessments.find((a) => a.category === 'exit')!.requirements['data-return'], true);
    expectQuiet(text, RULE);
  });

  it('stays quiet when there are no data-protection terms (data-protection-terms reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'data-protection-terms').length, 1);
  });

  // Regression (was a bug, now fixed): the data-protection assessor's 'return-deletion' signal is a bare word match (no negation,
  // no supplier-duty check), so a sentence that expressly excuses the Supplier from returning or
  // deleting the data satisfies it and the rule stays quiet on exactly the gap it exists to report.
  it('fires when the Supplier is expressly not required to delete or return the data', () => {
    expectFires(dataProtection('The Supplier is not required to delete or return personal data when the Services end.'), RULE);
  });

  // Regression (was a bug, now fixed): same signal, no end-of-services context: helping the Customer erase one data subject's data
  // on request (an Art. 28(3)(e) duty) counts as return or deletion at the end of the services
  // (Art. 28(3)(g)), and the rule stays quiet.
  it('fires when deletion is only on a data subject\'s erasure request', () => {
    expectFires(dataProtection('The Supplier shall help the Customer delete personal data when a data subject asks for erasure.'), RULE);
  });

  it('under gdpr-processor it is a warning citing GDPR Art. 28(3)(g)', () => {
    const [f] = expectFiresWith(NO_RETURN, RULE, { profiles: ['gdpr-processor'] }, 'warning');
    assert.deepEqual(f.diag.citations, ['GDPR Art. 28(3)(g): delete or return all personal data at the end of the services']);
  });

  it('under hipaa-baa it is a warning citing 45 CFR 164.504(e)(2)(ii)(J)', () => {
    const [f] = expectFiresWith(NO_RETURN, RULE, { profiles: ['hipaa-baa'] }, 'warning');
    assert.ok(f.diag.citations?.[0].startsWith('45 CFR 164.504(e)(2)(ii)(J)'), JSON.stringify(f.diag.citations));
  });

  it('a user severity override beats the profile', () => {
    expectFiresWith(NO_RETURN, RULE, { profiles: ['gdpr-processor'], severity: { [RULE]: 'information' } }, 'information');
    expectQuietWith(NO_RETURN, RULE, { profiles: ['gdpr-processor'], severity: { [RULE]: 'off' } });
  });

  it('quick fix inserts the Data Protection clause into the data-protection clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_RETURN, RULE);
    assert.match(fixed, /^### 2\.4 Data Protection$/m);
  });
});
