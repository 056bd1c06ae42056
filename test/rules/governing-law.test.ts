import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'governing-law';

/** A contract that never deals with the topic (governing-law). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'governing-law', defaultSeverity: 'warning', clauseId: 'governing-law' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['governing-law'], 'missing');
  });

  it('stays quiet on an express choice of English law', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['governing-law']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['governing-law'], 'present');
  });

  it('stays quiet on the laws of Scotland', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Applicable Law

{n}.1 This Agreement shall be construed in accordance with the laws of Scotland.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['governing-law'], 'present');
  });

  it('still fires on a Governing Law heading that chooses only the courts', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Governing Law

{n}.1 The courts of England have exclusive jurisdiction over this Agreement.`));
    const [f] = expectFires(text, RULE, 'warning');
    assertAtTitle(text, f.diag);
  });

  it('still fires on "subject to applicable laws", which chooses no law', () => {
    expectFires(contract(sections(STRONG.deliverables, `## {n}. Compliance

{n}.1 The Supplier shall perform the Services subject to applicable laws.`)), RULE);
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });
});
