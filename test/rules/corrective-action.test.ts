import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG, textAt } from './support';

const RULE = 'corrective-action';

const AVAILABILITY = 'The Supplier shall make the Hosted Platform available at least 99.9% of the time, measured over each calendar month.';
const CREDITS = 'Where the Supplier misses a service level, the Customer shall receive the service credits set out in Schedule 2.';

const serviceLevels = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Service Levels', ...sentences)));

/** Measurable service levels with credits, but nothing about finding and fixing the cause. */
const NO_CORRECTIVE = serviceLevels(AVAILABILITY, CREDITS);

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'sla', defaultSeverity: 'information', clauseId: 'corrective-action' });
    assertClauseExists(RULE);
  });

  it('fires once, as information, at the service-level clause when missed levels need no root-cause analysis or plan', () => {
    const [f, ...rest] = expectFires(NO_CORRECTIVE, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_CORRECTIVE, f.diag, 'Service Levels');
    assert.match(f.diag.message, /corrective action/i);
  });

  it('fires on response times alone (no availability figure), at the sub-clause when the clause has no service-level heading', () => {
    const text = contract(sections(STRONG.deliverables, numbered('Support', 'The Supplier shall respond to each Priority 1 incident within 30 minutes.')));
    const [f] = expectFires(text, RULE, 'information');
    // The anchor is the untitled sub-clause 2.1 (its first words), not the "Support" heading.
    assert.ok(textAt(text, f.diag.range).startsWith('2.1 The Supplier shall respond'), textAt(text, f.diag.range));
  });

  it('a root-cause analysis elsewhere in the contract, not about service levels, does not count', () => {
    const text = contract(sections(STRONG.deliverables, numbered('Service Levels', AVAILABILITY, CREDITS), numbered('Warranties', 'The Supplier shall carry out a root cause analysis of any defect in the software it delivers.')));
    expectFires(text, RULE);
  });

  it('stays quiet on root-cause analysis and a corrective action plan (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.sla)), RULE);
  });

  it('stays quiet on a duty to report the root cause of a missed service level', () => {
    expectQuiet(serviceLevels(AVAILABILITY, CREDITS, 'If the Supplier misses a service level it shall investigate and report the root cause to the Customer within ten Business Days.'), RULE);
  });

  it('stays quiet on a remediation plan after repeated failures', () => {
    expectQuiet(serviceLevels(AVAILABILITY, CREDITS, 'After two service level failures in any quarter the Supplier shall submit a remediation plan for the Customer\'s approval.'), RULE);
  });

  it('stays quiet when service levels have no figures (sla-metrics reports that)', () => {
    const text = serviceLevels('The Supplier shall meet the service levels the parties agree from time to time.');
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'sla-metrics').length, 1);
  });

  it('stays quiet when there are no service levels at all', () => {
    expectQuiet(contract(sections(STRONG.deliverables, NEUTRAL)), RULE);
  });

  // Regression (was a bug, now fixed): the sla assessor's 'corrective' signal has no supplierDuty check, so a root-cause duty owed
  // by the Customer (for incidents its own users cause) satisfies the requirement and the rule stays
  // quiet, although nothing requires the supplier to find and fix the cause of its own failures.
  it('fires when only the Customer must analyse root causes', () => {
    expectFires(serviceLevels(AVAILABILITY, CREDITS, 'The Customer shall carry out a root-cause analysis of any incident caused by its own users.'), RULE);
  });

  it('under dora-critical it is an error and cites DORA Art. 30(3)(a)', () => {
    const [f] = ruleFindingsUnder(NO_CORRECTIVE, ['dora-critical']);
    assert.equal(f.severity, 'error');
    assert.ok(f.citations?.some((c) => /^DORA Art\. 30\(3\)\(a\)/.test(c)), JSON.stringify(f.citations));
  });

  it('under the default profile it carries no citations', () => {
    const [f] = ruleFindingsUnder(NO_CORRECTIVE, undefined);
    assert.equal(f.citations, undefined);
  });

  it('quick fix inserts the Service Level Failures and Corrective Action clause into the service-level clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_CORRECTIVE, RULE);
    assert.match(fixed, /^### 2\.3 Service Level Failures and Corrective Action$/m);
  });
});

function ruleFindingsUnder(text: string, profiles: string[] | undefined) {
  const found = findingsOf(run(text, profiles ? { profiles } : undefined), RULE);
  assert.equal(found.length, 1, 'one finding');
  return found;
}
