import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'indemnities';

/** A contract that never deals with the topic (indemnity). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Indemnity

{n}.1 The Supplier shall indemnify the Customer.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'indemnity', defaultSeverity: 'information', clauseId: 'indemnities' }));

  it('fires as an information at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['indemnity'], 'missing');
  });

  it('fires as an information on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Indemnity');
    assert.ok(f.diag.message.startsWith('Indemnity terms are thin: '), f.diag.message);
    assert.equal(run(WEAK).coverage['indemnity'], 'weak');
  });

  it('stays quiet on an IP indemnity with a claims procedure', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['indemnity']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['indemnity'], 'present');
  });

  it('still fires when the supplier is expressly not required to indemnify', () => {
    expectFires(contract(sections(STRONG.deliverables, `## {n}. No Indemnity

{n}.1 The Supplier shall not be required to indemnify the Customer for any loss.`)), RULE);
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
