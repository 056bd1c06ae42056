import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG } from './support';

const RULE = 'termination-rights';

const TERM = 'This Agreement starts on the Effective Date and continues for three years.';

const termClause = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Term', TERM, ...sentences)));

/** A fixed term and no way out. */
const NO_EXIT_RIGHT = termClause();

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'term-termination', defaultSeverity: 'warning', clauseId: 'term-and-termination' });
    assertClauseExists(RULE);
  });

  it('fires once, as a warning, at the term clause when a term is set with no termination rights', () => {
    const [f, ...rest] = expectFires(NO_EXIT_RIGHT, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_EXIT_RIGHT, f.diag, 'Term');
    assert.match(f.diag.message, /no termination rights/);
    assert.equal(run(NO_EXIT_RIGHT).coverage['term-termination'], 'weak');
    // term-termination leaves this case to termination-rights.
    assert.deepEqual(findingsOf(run(NO_EXIT_RIGHT), 'term-termination'), []);
  });

  it('fires on a term with automatic renewal and still no way out', () => {
    expectFires(termClause('It then renews automatically for successive periods of one year.'), RULE);
  });

  it('fires despite a survival clause that mentions termination', () => {
    expectFires(termClause('Clauses 9 and 12 survive termination of this Agreement.'), RULE);
  });

  it('stays quiet on termination for material breach after a cure period (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['term-termination'])), RULE);
  });

  it('stays quiet on termination for convenience on notice', () => {
    expectQuiet(termClause('The Customer may terminate this Agreement for convenience on 90 days\' written notice.'), RULE);
  });

  it('stays quiet on termination for material breach', () => {
    expectQuiet(termClause('The Customer may terminate this Agreement by written notice if the Supplier commits a material breach.'), RULE);
  });

  it('stays quiet when there is no term or termination at all (term-termination reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'term-termination').length, 1);
  });

  // Regression (was a bug, now fixed): termination for insolvency alone is not recognised. The term-termination assessor's
  // 'termination' patterns put "insolven" (and "bankrupt") between \b...\b, so "insolven" can never
  // match a real word ("insolvent", "insolvency") and "bankrupt" misses "bankruptcy"; a clause whose
  // only termination right is for insolvency is read as no termination right, and the rule fires
  // although its own message names insolvency.
  it('stays quiet on termination when the other party becomes insolvent', () => {
    expectQuiet(termClause('Either party may terminate this Agreement with immediate effect if the other party becomes insolvent.'), RULE);
  });

  // Regression (was a bug, now fixed): the 'termination' requirement does not look at who holds the right (no party check), so a
  // right for the Supplier alone (for non-payment) satisfies it and the rule stays quiet, although the
  // rule exists because "the customer needs rights to terminate".
  it('fires when only the Supplier may terminate', () => {
    expectFires(termClause('The Supplier may terminate this Agreement on 30 days\' notice if the Customer fails to pay an undisputed invoice.'), RULE);
  });

  // Regression (was a bug, now fixed): the message claimed "A term is set" even with no term. A bare
  // right of the customer to terminate is a termination right; the missing term is term-termination's.
  it('treats a bare customer right to terminate as a right, and leaves the missing term to term-termination', () => {
    const text = contract(sections(STRONG.deliverables, numbered('Termination', 'The Customer may terminate this Agreement.')));
    expectQuiet(text, RULE);
    const [f] = expectFires(text, 'term-termination');
    assert.match(f.diag.message, /without a defined term/);
  });

  it('stays quiet when both parties may terminate', () => {
    expectQuiet(termClause('Both parties may terminate this Agreement with immediate effect if the other commits a material breach.'), RULE);
  });

  it('stays quiet when the Customer is one of two joined subjects holding the right', () => {
    expectQuiet(termClause('The Customer or the Supplier may terminate this Agreement at any time on 60 days\' written notice.'), RULE);
  });

  it('still fires when the Customer is named before a Supplier-only right', () => {
    expectFires(termClause('If the Customer fails to pay, the Supplier may terminate this Agreement on 30 days\' notice.'), RULE);
  });

  // Parties named only by their names ("Northwind", "Bluefin"): the review cannot tell which is the
  // customer, so a right given to one of them may be the customer's.
  const named = (...sentences: string[]) => contract(sections(
    `## {n}. Services\n\n{n}.1 Bluefin shall host and maintain the booking platform for Northwind.\n\n{n}.2 Bluefin shall operate a help desk on working days.`,
    numbered('Term', 'This Agreement starts on 1 March 2026 and continues for two years.', ...sentences),
  ), { title: 'Hosting Agreement', parties: 'This Agreement is made between Northwind Trading Limited ("Northwind") and Bluefin Hosting Limited ("Bluefin").' });

  it('stays quiet when the parties\' roles are unknown and one of them may terminate', () => {
    expectQuiet(named('Northwind may terminate this Agreement without cause on sixty days\' written notice.'), RULE);
  });

  it('still fires when the parties\' roles are unknown and nobody may terminate', () => {
    expectFires(named(), RULE);
  });

  it('under dora-ict it becomes an error citing DORA Art. 30(2)(h) and Art. 28(7)', () => {
    const [f] = expectFiresWith(NO_EXIT_RIGHT, RULE, { profiles: ['dora-ict'] }, 'error');
    assert.deepEqual(f.diag.citations, ['DORA Art. 30(2)(h) and Art. 28(7): termination rights and minimum notice periods']);
  });

  it('under dora-critical it is an error with the DORA citation', () => {
    const [f] = expectFiresWith(NO_EXIT_RIGHT, RULE, { profiles: ['dora-critical'] }, 'error');
    assert.ok(f.diag.citations?.[0].startsWith('DORA Art. 30(2)(h)'));
  });

  it('under hipaa-baa it is an error citing 45 CFR 164.504(e)(2)(iii)', () => {
    const [f] = expectFiresWith(NO_EXIT_RIGHT, RULE, { profiles: ['hipaa-baa'] }, 'error');
    assert.ok(f.diag.citations?.[0].startsWith('45 CFR 164.504(e)(2)(iii)'));
  });

  it('quick fix inserts the Term and Termination clause into the term clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_EXIT_RIGHT, RULE);
    assert.match(fixed, /^### 2\.2 Term and Termination$/m);
  });
});
