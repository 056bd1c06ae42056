import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, sections, STRONG } from './support';

const RULE = 'escalation';

/** Governance terms with everything but the one this rule asks for. */
const GOVERNANCE = `## {n}. Governance

{n}.1 Each party shall appoint a contract manager for this Agreement.

{n}.2 The contract managers shall meet monthly to discuss the running of the Services.

{n}.3 The Supplier shall give the Customer a written progress report every two weeks.

{n}.4 All notices under this Agreement shall be in writing and sent by e-mail to the addresses in Schedule 4.`;

const GAP = contract(sections(STRONG.deliverables, GOVERNANCE));
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'communication', defaultSeverity: 'warning', clauseId: 'escalation-path' }));

  it('fires on governance terms without an escalation path, at the governance clause', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Governance');
    assert.match(f.diag.message, /^No escalation path/);
  });

  it('fires at the title even when the contract has no governance terms at all', () => {
    const [f] = expectFires(MISSING, RULE, 'warning');
    assertAtTitle(MISSING, f.diag);
  });

  it('stays quiet once the contract provides an escalation path', () => {
    expectQuiet(contract(sections(STRONG.deliverables, GOVERNANCE + `

{n}.5 An issue the contract managers cannot settle within ten Business Days shall be escalated to a director of each party.`)), RULE);
  });

  it('stays quiet on an escalation ladder written in the dispute clause', () => {
    expectQuiet(contract(sections(STRONG.deliverables, GOVERNANCE, `## {n}. Disputes

{n}.1 A dispute shall first be escalated to the chief executives of the parties, who shall meet within 10 days to resolve it.`)), RULE);
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
