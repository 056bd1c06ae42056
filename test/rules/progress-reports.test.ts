import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, sections, STRONG } from './support';

const RULE = 'progress-reports';

/** Governance terms with everything but the one this rule asks for. */
const GOVERNANCE = `## {n}. Governance

{n}.1 Each party shall appoint a contract manager for this Agreement.

{n}.2 The contract managers shall meet monthly to discuss the running of the Services.`;

const GAP = contract(sections(STRONG.deliverables, GOVERNANCE));
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'communication', defaultSeverity: 'warning', clauseId: 'progress-reports' }));

  it('fires on governance terms without progress reports, at the governance clause', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Governance');
    assert.match(f.diag.message, /^No progress or status reports/);
  });

  it('fires at the title even when the contract has no governance terms at all', () => {
    const [f] = expectFires(MISSING, RULE, 'warning');
    assertAtTitle(MISSING, f.diag);
  });

  it('stays quiet once the contract provides progress reports', () => {
    expectQuiet(contract(sections(STRONG.deliverables, GOVERNANCE + `

{n}.3 The Supplier shall send the Customer a written status report every Friday covering progress, risks and issues.`)), RULE);
  });

  it('still fires when the only reports are the customer\'s reports to the supplier of faults', () => {
    expectFires(contract(sections(STRONG.deliverables, GOVERNANCE + `

{n}.3 The Customer shall report faults to the Supplier's service desk by telephone.`)), RULE);
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
