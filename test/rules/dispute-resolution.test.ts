import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG, textAt } from './support';

const RULE = 'dispute-resolution';

/** A contract that never deals with the topic (dispute-resolution). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Jurisdiction

{n}.1 The courts of England have exclusive jurisdiction over this Agreement.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'dispute-resolution', defaultSeverity: 'information', clauseId: 'dispute-resolution' }));

  it('fires as an information at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['dispute-resolution'], 'missing');
  });

  it('fires as an information on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'information');
    assert.equal(rest.length, 0);
    assert.match(textAt(WEAK, f.diag.range), /^2\.1 /, 'on the clause that falls short');
    assert.ok(f.diag.message.startsWith('Dispute resolution is weak: '), f.diag.message);
    assert.equal(run(WEAK).coverage['dispute-resolution'], 'weak');
  });

  it('stays quiet on mediation before court proceedings', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['dispute-resolution']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['dispute-resolution'], 'present');
  });

  it('stays quiet on arbitration', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Arbitration

{n}.1 Any dispute shall be finally settled by arbitration in London.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['dispute-resolution'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
