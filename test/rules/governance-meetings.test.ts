import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, sections, STRONG } from './support';

const RULE = 'governance-meetings';

/** Governance terms with everything but the one this rule asks for. */
const GOVERNANCE = `## {n}. Governance

{n}.1 Each party shall appoint a contract manager for this Agreement.

{n}.2 The Supplier shall give the Customer a written progress report every two weeks.

{n}.3 An issue the contract managers cannot settle within ten Business Days shall be escalated to a director of each party.`;

const GAP = contract(sections(STRONG.deliverables, GOVERNANCE));
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'communication', defaultSeverity: 'warning', clauseId: 'governance-meetings' }));

  it('fires on governance terms without a meeting cadence, at the governance clause', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Governance');
    assert.match(f.diag.message, /^No meeting cadence/);
  });

  it('fires at the title even when the contract has no governance terms at all', () => {
    const [f] = expectFires(MISSING, RULE, 'warning');
    assertAtTitle(MISSING, f.diag);
  });

  it('stays quiet once the contract provides a meeting cadence', () => {
    expectQuiet(contract(sections(STRONG.deliverables, GOVERNANCE + `

{n}.4 The contract managers shall meet at least once a month, and a steering committee of senior managers shall meet every quarter.`)), RULE);
  });

  // Regression (was a bug, now fixed): the communication assessor's 'meetings' pattern accepts "meet once" on its own
  // (/\bmeet (?:at least )?(?:once|weekly|...)\b/, meant for "meet once a month"), so a single
  // meeting before go-live counts as a meeting cadence and governance-meetings stays quiet.
  it('still fires on a one-off meeting with no cadence', () => {
    expectFires(contract(sections(STRONG.deliverables, GOVERNANCE + `

{n}.4 The parties shall meet once before go-live to agree the cut-over plan.`)), RULE);
  });

  it('stays quiet on the full governance clause', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.communication)), RULE);
  });

  it('quick fix inserts the clause into the governance clause, and the finding goes', function () {
    checkInsertFix(this, GAP, RULE);
  });

  it('quick fix inserts the clause at the end of the body when governance is missing, and the finding goes', function () {
    checkInsertFix(this, MISSING, RULE);
  });
});
