import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'liability-cap';

/** A contract that never deals with the topic (limitation-of-liability). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Limitation of Liability

{n}.1 The software tools are supplied as is.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'limitation-of-liability', defaultSeverity: 'warning', clauseId: 'limitation-of-liability' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['limitation-of-liability'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Limitation of Liability');
    assert.ok(f.diag.message.startsWith('Liability terms are weak: '), f.diag.message);
    assert.equal(run(WEAK).coverage['limitation-of-liability'], 'weak');
  });

  it('stays quiet on a cap and an exclusion of indirect loss', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['limitation-of-liability']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['limitation-of-liability'], 'present');
  });

  it('stays quiet on a cap alone', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Liability

{n}.1 The Supplier's aggregate liability under this Agreement is limited to GBP 2,000,000.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['limitation-of-liability'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
