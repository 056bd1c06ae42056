import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, sections, STRONG } from './support';

const RULE = 'points-of-contact';

/** Governance terms with everything but the one this rule asks for. */
const GOVERNANCE = `## {n}. Governance

{n}.1 The parties shall hold a governance meeting every month.

{n}.2 The Supplier shall give the Customer a written progress report every two weeks.`;

const GAP = contract(sections(STRONG.deliverables, GOVERNANCE));
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'communication', defaultSeverity: 'warning', clauseId: 'contract-managers' }));

  it('fires on governance terms without named contacts, at the governance clause', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Governance');
    assert.match(f.diag.message, /^No named contacts/);
  });

  it('fires at the title even when the contract has no governance terms at all', () => {
    const [f] = expectFires(MISSING, RULE, 'warning');
    assertAtTitle(MISSING, f.diag);
  });

  it('stays quiet once the contract provides named contacts', () => {
    expectQuiet(contract(sections(STRONG.deliverables, GOVERNANCE + `

{n}.3 Each party shall name a contract manager with authority to act for it, and tell the other party of any replacement.`)), RULE);
  });

  it('still fires when the only "representatives" are a party\'s legal representatives', () => {
    expectFires(contract(sections(STRONG.deliverables, GOVERNANCE, `## {n}. Succession

{n}.1 This Agreement binds the legal representatives and successors of each party.`)), RULE);
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
