import assert from 'node:assert/strict';
import { assertClauseExists, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, numbered, run, sections, STRONG, textAt } from './support';

const RULE = 'force-majeure';

const FM = 'Neither party is liable for any delay or failure to perform caused by events beyond its reasonable control, including fire, flood, power failure, cyber attack or failure of a telecommunications network.';

const withFm = (...sentences: string[]) => contract(sections(STRONG.deliverables, STRONG['business-continuity'], numbered('Force Majeure', ...sentences)));

/** A tested continuity plan, and a force-majeure clause that lets a foreseeable outage excuse the supplier. */
const NO_CARVE_OUT = withFm(FM);

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'business-continuity', defaultSeverity: 'warning', clauseId: 'force-majeure' });
    assertClauseExists(RULE);
  });

  it('fires once, as a warning, on the force-majeure clause (its heading line) when continuity is not carved out', () => {
    const [f, ...rest] = expectFires(NO_CARVE_OUT, RULE, 'warning');
    assert.equal(rest.length, 0);
    assert.equal(textAt(NO_CARVE_OUT, f.diag.range), '3. Force Majeure');
    assert.match(f.diag.message, /business continuity and disaster recovery/);
    assert.equal(run(NO_CARVE_OUT).coverage['business-continuity'], 'present');
  });

  it('fires on "acts of God" in a clause with another heading, at that sentence', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['business-continuity'], numbered('Events Outside Control', 'The Supplier is not responsible for failures caused by acts of God.')));
    const [f] = expectFires(text, RULE);
    assert.equal(textAt(text, f.diag.range), '3.1 The Supplier is not responsible for failures caused by acts of God.');
  });

  it('fires even when the contract has no continuity clause (business-continuity reports that too)', () => {
    const text = contract(sections(STRONG.deliverables, numbered('Force Majeure', FM)));
    expectFires(text, RULE);
    assert.equal(findingsOf(run(text), 'business-continuity').length, 1);
  });

  it('stays quiet when force majeure cannot be claimed for what the disaster recovery plan should prevent', () => {
    expectQuiet(withFm(FM, 'The Supplier may not claim force majeure for any event whose effects its disaster recovery plan should have prevented.'), RULE);
  });

  it('stays quiet when the same sentence keeps the business continuity duty', () => {
    expectQuiet(withFm('Force majeure does not release the Supplier from its duty to invoke and carry out its business continuity plan.'), RULE);
  });

  it('stays quiet when there is no force-majeure clause', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['business-continuity'])), RULE);
  });

  it('stays quiet on "within its control" in a clause about something else', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['business-continuity'], numbered('Customer Premises', 'The Customer shall keep the equipment room at its premises secure, as far as that is within its control.'))), RULE);
  });

  // Regression (was a bug, now fixed): the business-continuity assessor's 'fm-carve-out' needs "force majeure" and the continuity
  // words in ONE sentence (within 250 characters). A carve-out in the next sub-clause that refers
  // back to the force-majeure clause ("Clause 3.1 does not excuse ... business continuity plan ...")
  // is not seen, and the rule fires on a clause that has the carve-out it asks for.
  it('stays quiet on a carve-out in the next sub-clause that refers back to the force-majeure clause', () => {
    expectQuiet(withFm(FM, 'Clause 3.1 does not excuse any failure that the Supplier\'s business continuity plan should have prevented.'), RULE);
  });

  it('under dora-critical it stays a warning and cites DORA Art. 30(3)(c)', () => {
    const [f] = expectFiresWith(NO_CARVE_OUT, RULE, { profiles: ['dora-critical'] }, 'warning');
    assert.deepEqual(f.diag.citations, ['DORA Art. 30(3)(c): contingency plans must cover foreseeable disruption']);
  });

  it('is not run under dora-ict, which does not review business continuity', () => {
    assert.deepEqual(findingsOf(run(NO_CARVE_OUT, { profiles: ['dora-ict'] }), RULE), []);
  });

  it('quick fix inserts the Force Majeure and Business Continuity clause into the force-majeure clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_CARVE_OUT, RULE);
    assert.match(fixed, /^### 3\.2 Force Majeure and Business Continuity$/m);
  });
});
