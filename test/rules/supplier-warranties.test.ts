import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'supplier-warranties';

/** A contract that never deals with the topic (due-diligence). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Warranties

{n}.1 The Supplier warrants that it has the power to enter into this Agreement.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'due-diligence', defaultSeverity: 'warning', clauseId: 'supplier-warranties' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['due-diligence'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Warranties');
    assert.ok(f.diag.message.startsWith('Supplier warranties are generic: '), f.diag.message);
    assert.equal(run(WEAK).coverage['due-diligence'], 'weak');
  });

  it('stays quiet on a warranty of conformance to the specification', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Warranties

{n}.1 The Supplier warrants that the Services will conform to the specification in Schedule 1.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['due-diligence'], 'present');
  });

  it('stays quiet on a duty to comply with applicable laws', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Compliance

{n}.1 The Supplier shall comply with all applicable laws and regulations.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['due-diligence'], 'present');
  });

  it('stays quiet on certification the supplier must hold', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Certification

{n}.1 The Supplier shall hold ISO 9001 certification throughout the Term.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['due-diligence'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
