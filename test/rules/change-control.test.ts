import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG, textAt } from './support';

const RULE = 'change-control';

/** A contract that never deals with the topic (change-control). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. General

{n}.1 No amendment to this Agreement is valid unless it is in writing and signed by both parties.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'change-control', defaultSeverity: 'warning', clauseId: 'change-control' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['change-control'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assert.match(textAt(WEAK, f.diag.range), /^2\.1 /, 'on the clause that falls short');
    assert.ok(f.diag.message.startsWith('Change control is weak: '), f.diag.message);
    assert.equal(run(WEAK).coverage['change-control'], 'weak');
  });

  it('stays quiet on a change request and signed change note', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['change-control']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['change-control'], 'present');
  });

  it('stays quiet on change orders with an impact assessment', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Variations

{n}.1 The Supplier shall answer each change order with an impact assessment of cost and timing.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['change-control'], 'present');
  });

  it('still fires on a "change of control" clause, which is about ownership, not changes to the services', () => {
    expectFires(contract(sections(STRONG.deliverables, `## {n}. Ownership

{n}.1 The Customer may end this Agreement after a change of control of the Supplier.`)), RULE);
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
