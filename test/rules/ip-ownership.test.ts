import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'ip-ownership';

/** A contract that never deals with the topic (ip-ownership). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Intellectual Property

{n}.1 The Supplier grants the Customer a non-exclusive licence to use the reporting software.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'ip-ownership', defaultSeverity: 'warning', clauseId: 'ip-ownership' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['ip-ownership'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Intellectual Property');
    assert.ok(f.diag.message.startsWith('Ownership of deliverables is unclear: '), f.diag.message);
    assert.equal(run(WEAK).coverage['ip-ownership'], 'weak');
  });

  it('stays quiet on customer ownership of the deliverables', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['ip-ownership']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['ip-ownership'], 'present');
  });

  it('stays quiet on an assignment of all right, title and interest', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Rights

{n}.1 The Supplier assigns to the Customer all right, title and interest in the work product.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['ip-ownership'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
