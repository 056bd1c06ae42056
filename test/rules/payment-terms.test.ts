import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'payment-terms';

/** A contract that never deals with the topic (payment). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Price

{n}.1 The Customer shall pay the Supplier for the Services.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'payment', defaultSeverity: 'warning', clauseId: 'payment-terms' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['payment'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Price');
    assert.ok(f.diag.message.startsWith('Payment terms are incomplete: '), f.diag.message);
    assert.equal(run(WEAK).coverage['payment'], 'weak');
  });

  it('stays quiet on charges in a schedule with invoicing and a due date', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['payment']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['payment'], 'present');
  });

  it('stays quiet on a monthly fee payable within 30 days', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Fees

{n}.1 The Customer shall pay a fee of GBP 12,500 per month, due within 30 days of the invoice date.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['payment'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
