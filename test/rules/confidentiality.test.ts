import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'confidentiality';

/** A contract that never deals with the topic (confidentiality). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Confidentiality

{n}.1 The parties acknowledge that the pricing in Schedule 7 is confidential.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'confidentiality', defaultSeverity: 'warning', clauseId: 'confidentiality' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['confidentiality'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Confidentiality');
    assert.ok(f.diag.message.startsWith('Confidentiality is not clearly imposed: '), f.diag.message);
    assert.equal(run(WEAK).coverage['confidentiality'], 'weak');
  });

  it('stays quiet on a duty to keep information secret', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['confidentiality']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['confidentiality'], 'present');
  });

  it('stays quiet on a duty not to disclose confidential information', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Secrecy

{n}.1 The Supplier shall not disclose the Customer's confidential information to any third party.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['confidentiality'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
