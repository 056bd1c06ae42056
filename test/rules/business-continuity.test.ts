import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG, textAt } from './support';

const RULE = 'business-continuity';

/** A contract that never deals with the topic (business-continuity). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Hosting

{n}.1 The Supplier shall host the platform on redundant hardware.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'business-continuity', defaultSeverity: 'warning', clauseId: 'business-continuity' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['business-continuity'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assert.match(textAt(WEAK, f.diag.range), /^2\.1 /, 'on the clause that falls short');
    assert.ok(f.diag.message.startsWith('Business continuity terms are weak: '), f.diag.message);
    assert.equal(run(WEAK).coverage['business-continuity'], 'weak');
  });

  it('stays quiet on a tested continuity plan with a recovery time objective', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['business-continuity']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['business-continuity'], 'present');
  });

  it('stays quiet on daily off-site backups', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Hosting

{n}.1 The Supplier shall back up Customer Data daily to an off-site location.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['business-continuity'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
