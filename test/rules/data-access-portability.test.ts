import assert from 'node:assert/strict';
import { assertClauseExists, applyFix, assertAtHeading, assertLinesKept, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG, textAt } from './support';

const RULE = 'data-access-portability';

const ASSIST = 'On expiry or termination of this Agreement the Supplier shall provide termination assistance to the Customer for up to six months, following the exit plan in Schedule 6.';
const HANDOVER = 'The Supplier shall help transfer the Services to a replacement supplier.';

const exitClause = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Exit', ...sentences)));

/** Exit assistance and handover, but the customer's data need not come back. */
const NO_DATA_RETURN = exitClause(ASSIST, HANDOVER);

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'exit', defaultSeverity: 'warning', clauseId: 'exit-assistance' });
    assertClauseExists(RULE);
  });

  it('fires once, as a warning, at the exit clause when the data need not be returned', () => {
    const [f, ...rest] = expectFires(NO_DATA_RETURN, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_DATA_RETURN, f.diag, 'Exit');
    assert.match(f.diag.message, /return the customer's data/);
    assert.equal(run(NO_DATA_RETURN).coverage['exit'], 'present');
  });

  it('fires when exit terms only delete the data (deletion is not return)', () => {
    expectFires(exitClause(ASSIST, 'On termination the Supplier shall securely delete all Customer Data and certify the deletion in writing.'), RULE);
  });

  it('fires when only confidential information is returned', () => {
    expectFires(exitClause(ASSIST, 'Upon termination each party shall return the other party\'s confidential information.'), RULE);
  });

  it('fires when only the Customer returns things (the Supplier\'s software)', () => {
    expectFires(exitClause(ASSIST, 'Upon termination the Customer shall return all Supplier software and documentation.'), RULE);
  });

  it('fires on a thin exit clause (deletion only), at that sub-clause', () => {
    const text = contract(sections(STRONG.deliverables, numbered('End of Contract', 'When this Agreement ends the Supplier shall delete all Customer Data.')));
    assert.equal(run(text).coverage['exit'], 'weak');
    const [f] = expectFires(text, RULE);
    assert.match(textAt(text, f.diag.range), /^2\.1 /);
  });

  it('stays quiet on return of Customer Data in an open format (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.exit)), RULE);
  });

  it('stays quiet on return within 30 days after termination', () => {
    expectQuiet(exitClause(ASSIST, 'Within 30 days after termination the Supplier shall return all Customer Data to the Customer in CSV format.'), RULE);
  });

  it('stays quiet on a self-service export window after termination', () => {
    expectQuiet(exitClause(ASSIST, 'On termination the Customer may export all of its data through the administration console for 60 days.'), RULE);
  });

  it('stays quiet when the Customer may ask at any time for a full copy of its files and database', () => {
    expectQuiet(exitClause(ASSIST, 'The Customer may request at any time a full copy of its website files and database.'), RULE);
  });

  it('still fires when the only copy on offer is a licence copy of the software', () => {
    expectFires(exitClause(ASSIST, 'If the Supplier ends this Agreement, the Customer may purchase a licence copy of the software for a fee.'), RULE);
  });

  it('stays quiet when there are no exit terms at all (exit-assistance reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'exit-assistance').length, 1);
  });

  // Regression (was a bug, now fixed): the exit assessor's 'data-return' signal ignores negation (no supplierDuty, no unless), so
  // "The Supplier shall not be obliged to return any Customer Data after termination" counts as a
  // data-return term and the rule stays quiet on a contract that expressly refuses to return data.
  it('fires when the contract says the Supplier need not return the data', () => {
    expectFires(exitClause(ASSIST, 'The Supplier shall not be obliged to return any Customer Data after termination.'), RULE);
  });

  it('under dora-ict it is an error citing DORA Art. 30(2)(d)', () => {
    const [f] = expectFiresWith(NO_DATA_RETURN, RULE, { profiles: ['dora-ict'] }, 'error');
    assert.deepEqual(f.diag.citations, ['DORA Art. 30(2)(d): access, recovery and return of data on insolvency, discontinuation or termination']);
  });

  it('under dora-critical it is an error citing DORA Art. 30(3)(f)', () => {
    const [f] = expectFiresWith(NO_DATA_RETURN, RULE, { profiles: ['dora-critical'] }, 'error');
    assert.ok(f.diag.citations?.some((c) => c.startsWith('DORA Art. 30(3)(f)')), JSON.stringify(f.diag.citations));
  });

  it('under the default profile it carries no citations', () => {
    const [f] = expectFires(NO_DATA_RETURN, RULE);
    assert.equal(f.diag.citations, undefined);
  });

  it('quick fix inserts the Exit Assistance clause into the exit clause and keeps every line', () => {
    const [f] = expectFires(NO_DATA_RETURN, RULE);
    const spec = f.fixes.find((x) => x.kind === 'insertClause');
    assert.ok(spec && spec.kind === 'insertClause' && spec.clauseId === 'exit-assistance');
    const fixed = applyFix(f.result, spec)!;
    assert.ok(fixed !== null);
    assert.match(fixed, /^### 2\.3 Exit Assistance$/m);
    assert.match(fixed, /transfer a complete copy of all Customer Data/);
    assertLinesKept(NO_DATA_RETURN, fixed);
  });

  // Regression (was a bug, now fixed): the rule's own quick fix does not clear it. The inserted Exit Assistance clause returns the
  // data in 2.3.4 ("Within 30 days after the Customer's request, and in any event before the end of
  // the Exit Period, the Supplier shall transfer a complete copy of all Customer Data to the Customer
  // ..."), but the exit assessor's 'data-return' pattern needs a termination word (terminat, expir,
  // "end of", following, after, upon) within 120 characters AFTER the data words, or "upon/after/on/at"
  // within 30 characters BEFORE "end"/"termination"; that sentence has neither, so data-access-portability
  // still fires on the fixed text.
  it('quick fix: the finding goes once the Exit Assistance clause is inserted', function () {
    checkInsertFix(this, NO_DATA_RETURN, RULE);
  });
});
