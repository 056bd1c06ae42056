import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, sections, STRONG } from './support';

const RULE = 'notices';

/** Governance terms with everything but the one this rule asks for. */
const GOVERNANCE = `## {n}. Governance

{n}.1 Each party shall appoint a contract manager for this Agreement.

{n}.2 The contract managers shall meet monthly to discuss the running of the Services.`;

const GAP = contract(sections(STRONG.deliverables, GOVERNANCE));
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'communication', defaultSeverity: 'information', clauseId: 'notices' }));

  it('fires on governance terms without a notices clause, at the governance clause', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Governance');
    assert.match(f.diag.message, /^No notices clause/);
  });

  it('fires at the title even when the contract has no governance terms at all', () => {
    const [f] = expectFires(MISSING, RULE, 'information');
    assertAtTitle(MISSING, f.diag);
  });

  it('stays quiet once the contract provides a notices clause', () => {
    expectQuiet(contract(sections(STRONG.deliverables, GOVERNANCE + `

{n}.3 All notices under this Agreement shall be given in writing and delivered by hand or by e-mail.`)), RULE);
  });

  it('still fires when "notice" appears only as a termination period', () => {
    expectFires(contract(sections(STRONG.deliverables, STRONG.communication.replace(/\n\n\{n\}\.5 All notices[^\n]*/, ''), `## {n}. Termination

{n}.1 The Customer may end this Agreement for convenience on 90 days' notice.`)), RULE);
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
