import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'insurance';

/** A contract that never deals with the topic (insurance). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Insurance

{n}.1 The Supplier shall hold professional indemnity insurance with a reputable insurer.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'insurance', defaultSeverity: 'information', clauseId: 'insurance' }));

  it('fires as an information at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['insurance'], 'missing');
  });

  it('fires as an information on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Insurance');
    assert.ok(f.diag.message.startsWith('Insurance terms are thin: '), f.diag.message);
    assert.equal(run(WEAK).coverage['insurance'], 'weak');
  });

  it('stays quiet on professional indemnity cover of a stated amount', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['insurance']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['insurance'], 'present');
  });

  it('stays quiet on cyber insurance in euros', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Cover

{n}.1 The Supplier shall maintain cyber liability insurance of not less than EUR 3,000,000.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['insurance'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
