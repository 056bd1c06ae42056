import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG, textAt } from './support';

const RULE = 'exit-assistance';

/** A contract that never deals with the topic (exit). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. End of Contract

{n}.1 When this Agreement ends the Supplier shall delete all Customer Data.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'exit', defaultSeverity: 'error', clauseId: 'exit-assistance' }));

  it('fires as an error at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'error');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['exit'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assert.match(textAt(WEAK, f.diag.range), /^2\.1 /, 'on the clause that falls short');
    assert.ok(f.diag.message.startsWith('Exit terms are thin: '), f.diag.message);
    assert.equal(run(WEAK).coverage['exit'], 'weak');
  });

  it('stays quiet on exit assistance and transfer to a replacement supplier', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['exit']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['exit'], 'present');
  });

  it('stays quiet on return of customer data on termination', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Data Return

{n}.1 The Supplier shall return all Customer Data in CSV format to the Customer within 30 days after termination.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['exit'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
