import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'subcontracting-approval';

/** A contract that never deals with the topic (subcontracting). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Subcontracting

{n}.1 The Supplier may use subcontractors to perform the Services.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'subcontracting', defaultSeverity: 'warning', clauseId: 'subcontracting' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['subcontracting'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Subcontracting');
    assert.ok(f.diag.message.startsWith('Subcontracting is uncontrolled: '), f.diag.message);
    assert.equal(run(WEAK).coverage['subcontracting'], 'weak');
  });

  it('stays quiet on consent to subcontracting', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['subcontracting']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['subcontracting'], 'present');
  });

  it('stays quiet on the supplier staying responsible for its subcontractors', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Subcontracting

{n}.1 The Supplier may use subcontractors, but remains responsible for everything they do.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['subcontracting'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
